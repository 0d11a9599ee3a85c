// Streaming envelope reduction fed by raw points and stored chunk summaries, in logging order.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "core/model/series.h"
#include "core/series/column_grid.h"
#include "core/series/envelope.h"
#include "core/util/result.h"

namespace runlens::series {

/// What the store reader should do with one stored summary (x = step) for an envelope request.
enum class SummaryUse : std::uint8_t {
    Use,     ///< inside one column with more than kMaxPointsKept points: addSummary() it as is
    Skip,    ///< outside the range, and so are its neighbours: skipSummary() it, no points needed
    Refine,  ///< straddles a column or the range edge, or is small: feed its raw points (or finer
             ///< summaries of its range, planned again) instead
};

/// Builds the Envelope of one series from pieces given in logging order: raw points, and
/// PointSummary blocks covering consecutive points (x = step, the summary's [stepMin, stepMax]).
/// The result equals reduceEnvelope() over all the raw points, because a summary is only used
/// where the reduction needs nothing but its count, nanCount, min, max, first, last and step range:
///   - a summary wholly inside one column with more than kMaxPointsKept points: its points all
///     belong to one run, which is long, so it is reduced from exactly those fields;
///   - a summary wholly left (or right) of the range, whose neighbours are too: none of its
///     points is drawn (only points next to another side are), so its points are not needed.
/// Everything else must be refined. Typical reader loop, per series:
///     EnvelopeBuilder b(request);
///     auto uses = b.plan(chunkSummaries);                // before decoding anything
///     for each chunk i: Use -> b.addSummary(s[i]); Skip -> b.skipSummary(s[i]);
///                       Refine -> b.addPoints(steps, values) of its decoded points
///                                 (or plan its finer block summaries, with s[i-1] and s[i+1]
///                                 as before/after, and feed those the same way)
///     Result<Envelope> e = b.finish();
/// Pieces must be contiguous and in logging order; the builder checks what it can (a skipped
/// summary next to points on another side, a summary given to addSummary that is not usable) and
/// finish() reports such misuse as an error rather than drawing something wrong.
class EnvelopeBuilder {
public:
    explicit EnvelopeBuilder(const EnvelopeRequest& request);

    const ColumnGrid& grid() const { return m_grid; }

    /// Decision for one summary; before/after are the summaries just before and after it (null
    /// at the start / end of the series).
    SummaryUse classify(const PointSummary& summary, const PointSummary* before,
                        const PointSummary* after) const;
    /// Decisions for consecutive summaries; before/after frame the whole sequence.
    std::vector<SummaryUse> plan(std::span<const PointSummary> summaries,
                                 const PointSummary* before = nullptr,
                                 const PointSummary* after = nullptr) const;

    /// Raw points in logging order (x and y of equal length; a longer tail is ignored).
    /// Ascending stretches of at least 32 points take the fast path (binary search to the range,
    /// one tight loop per column); see XOrder for skipping the check.
    void addPoints(std::span<const double> x, std::span<const double> y,
                   XOrder order = XOrder::Unknown);
    void addPoints(std::span<const std::int64_t> steps, std::span<const double> y,
                   XOrder order = XOrder::Unknown);
    /// A summary classified Use. Returns false (and changes nothing) if it is not usable.
    bool addSummary(const PointSummary& summary);
    /// A summary classified Skip. Returns false (and changes nothing) if it is not wholly outside.
    bool skipSummary(const PointSummary& summary);

    /// The envelope of everything added; the builder is left empty. An error means the pieces
    /// were given in a way that cannot be reduced exactly (see above).
    Result<Envelope> finish();

private:
    enum class Prev : std::uint8_t { None, Left, Inside, Right };

    struct Run {
        int column = -1;
        std::int64_t count = 0;
        std::int64_t nanCount = 0;
        double min = 0;
        double max = 0;
        double first = 0;
        double last = 0;
        double a = 0;  // x range of the run
        double b = 0;
        double keptX[kMaxPointsKept] = {};
        double keptY[kMaxPointsKept] = {};
    };

    struct Extremes {
        double min = 0;
        double max = 0;
        std::int64_t nans = 0;
    };

    struct Pending {
        bool active = false;
        bool known = false;  // false: the last point of a skipped summary (no coordinates)
        double x = 0;
        double y = 0;
        Side side = Side::Left;
        Prev prev = Prev::None;
    };

    static Prev toPrev(Side side);
    static Extremes extremesOf(std::span<const double> values);
    Side summarySide(const PointSummary& s) const;  // Inside only if wholly in [x0, x1]
    bool summaryInside(const PointSummary& s) const;

    void addPoint(double x, double y);
    void addOutside(double x, double y, Side side);
    template <typename X>
    void addPointsOf(std::span<const X> x, std::span<const double> y, XOrder order);
    template <typename X>
    void addSortedPoints(std::span<const X> x, std::span<const double> y);
    template <typename X>
    void scanColumns(std::span<const X> x, std::span<const double> y, std::size_t lo,
                     std::size_t hi);
    template <typename X>
    void searchColumns(std::span<const X> x, std::span<const double> y, std::size_t lo,
                       std::size_t hi);
    template <typename X>
    void addColumn(std::span<const X> x, std::span<const double> y, int column, std::size_t i,
                   std::size_t j, const Extremes& e);
    void enterInside();
    void resolvePending(Prev next);
    void startRun(int column);
    void addToRun(double x, double y);
    void mergeBlock(int column, std::int64_t count, std::int64_t nanCount, double min, double max,
                    double first, double last, double a, double b);
    void flushRun();
    // A complete column's run, emitted (see Envelope): its points as they are, or reduced.
    void emitKept(int column, std::int64_t count, const double* x, const double* y) {
        m_out.columnCounts[std::size_t(column)] += count;
        m_out.pointsInRange += count;
        for (std::int64_t k = 0; k < count; ++k) {
            emitPoint(x[k], y[k]);
            if (y[k] != y[k]) m_out.nanX.push_back(x[k]);
        }
    }
    void emitReduced(int column, std::int64_t count, std::int64_t nanCount, double min, double max,
                     double first, double last, double a, double b) {
        m_out.columnCounts[std::size_t(column)] += count;
        m_out.pointsInRange += count;
        m_out.allPoints = false;
        if (nanCount == count) {
            emitGap(a);
        } else {
            const bool rising = first != first || last != last || last >= first;
            emitPoint(a, first);
            emitPoint(a + (b - a) / 3.0, rising ? min : max);
            emitPoint(a + (b - a) * (2.0 / 3.0), rising ? max : min);
            emitPoint(b, last);
        }
        if (nanCount > 0) m_out.nanX.push_back(a + (b - a) * 0.5);
    }
    void emitPoint(double x, double y) {
        if (y != y) {
            emitGap(x);
            return;
        }
        m_out.x.push_back(x);
        m_out.y.push_back(y);
    }
    void emitGap(double x) {
        if (!m_out.y.empty() && m_out.y.back() != m_out.y.back()) return;
        m_out.x.push_back(x);
        m_out.y.push_back(std::numeric_limits<double>::quiet_NaN());
    }
    void fail(const char* message);

    ColumnGrid m_grid;
    Envelope m_out;
    Run m_run;
    Pending m_pending;
    Prev m_last = Prev::None;
    const char* m_error = nullptr;
};

}  // namespace runlens::series
