// Equal-width columns over an x range: which pixel column (or bin) an x value falls into.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace runlens::series {

/// More columns than any screen or print export needs; bounds per-column allocations.
inline constexpr int kMaxColumns = 1 << 20;

/// Where an x lies relative to a range [x0, x1].
enum class Side : std::uint8_t { Left, Inside, Right };

/// `width` equal columns over [x0, x1] (pixel columns of a plot, or bins). Column c holds
/// x0 + c * (x1 - x0) / width <= x < x0 + (c + 1) * (x1 - x0) / width; x1 itself is in the
/// last column. The column of x is floor((x - x0) * (width / (x1 - x0))), clamped, which never
/// decreases as x grows, so binary searches over ascending x agree with it exactly.
/// x1 < x0 is swapped; x0 == x1 makes one column holding only x0; width is clamped to
/// [1, kMaxColumns] (callers allocate per column).
/// A range with a NaN or infinite end is invalid (every x is Left).
class ColumnGrid {
public:
    ColumnGrid(double x0, double x1, int width)
        : m_x0(std::min(x0, x1)),
          m_x1(std::max(x0, x1)),
          m_width(std::clamp(width, 1, kMaxColumns)) {
        m_valid = std::isfinite(x0) && std::isfinite(x1);
        m_scale = m_x1 > m_x0 ? double(m_width) / (m_x1 - m_x0) : 0.0;
        if (!std::isfinite(m_scale)) m_scale = 0.0;  // a span too small to divide by
    }

    bool valid() const { return m_valid; }
    double x0() const { return m_x0; }
    double x1() const { return m_x1; }
    int width() const { return m_width; }
    /// Columns per unit of x (0 for an empty span): column(x) truncates (x - x0) * scale.
    double scale() const { return m_scale; }

    Side side(double x) const {
        if (!m_valid || x < m_x0) return Side::Left;
        return x > m_x1 ? Side::Right : Side::Inside;
    }

    /// Column of an x with side(x) == Inside (others are clamped to the first or last column).
    int column(double x) const {
        const double c = (x - m_x0) * m_scale;
        if (!(c > 0)) return 0;  // also NaN, should a caller pass one
        // Truncation is floor for positive c, and much cheaper than std::floor without SSE4.1.
        return c >= double(m_width) ? m_width - 1 : int(c);
    }

    /// Centre of column c.
    double center(int c) const {
        return m_x0 + (double(c) + 0.5) * (m_x1 - m_x0) / double(m_width);
    }

private:
    double m_x0;
    double m_x1;
    int m_width;
    double m_scale = 0;
    bool m_valid = true;
};

}  // namespace runlens::series
