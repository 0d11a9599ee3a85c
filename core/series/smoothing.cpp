// Smoothing modes: TensorBoard's EMA, time-weighted EMA, running average, Gaussian (box^3).
#include "core/series/smoothing.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "core/series/window_sum.h"

namespace runlens::series {

namespace {

constexpr std::size_t kMaxGapSample = 65536;

// TensorBoard returns a series unchanged when every value == the first (its issue #786):
// smoothing a constant would only add rounding noise.
bool isConstant(std::span<const double> y) {
    if (y.empty()) return true;
    const double first = y[0];
    return std::all_of(y.begin(), y.end(), [first](double v) { return v == first; });
}

// One box pass: out[i] = mean of in[j] for x[j] in [x[i] - r, x[i] + r]; x ascending.
void boxPass(std::span<const double> x, std::span<const double> in, double r, std::span<double> out,
             WindowSum& sums) {
    sums.reset(in);
    const std::size_t n = x.size();
    std::size_t lo = 0;
    std::size_t hi = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double left = x[i] - r;
        const double right = x[i] + r;
        while (x[lo] < left)
            ++lo;
        while (hi < n && x[hi] <= right)
            ++hi;
        out[i] = sums.sum(lo, hi) / double(hi - lo);
    }
}

}  // namespace

double clampStrength(double strength) {
    if (std::isnan(strength)) return 0.0;
    return std::clamp(strength, 0.0, kMaxSmoothingStrength);
}

double equivalentSpan(double strength) {
    const double w = clampStrength(strength);
    return (1.0 + w) / (1.0 - w);
}

std::size_t runningAverageWindow(double strength) {
    return std::max<std::size_t>(1, std::size_t(std::llround(equivalentSpan(strength))));
}

double gaussianSigmaInGaps(double strength) {
    return equivalentSpan(strength) / (2.0 * std::sqrt(std::numbers::pi));
}

double referenceGap(std::span<const double> x, std::span<const double> y) {
    const std::size_t n = std::min(x.size(), y.size());
    const std::size_t stride = std::max<std::size_t>(1, n / kMaxGapSample);
    std::vector<double> gaps;
    gaps.reserve(std::min(n, kMaxGapSample + 1));
    double prev = NAN;
    std::size_t skip = 0;  // gaps to pass over before the next sampled one
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(y[i]) || !std::isfinite(x[i])) continue;
        if (!std::isnan(prev)) {
            if (skip == 0) {
                const double gap = x[i] - prev;
                if (gap > 0) gaps.push_back(gap);
                skip = stride;
            }
            --skip;
        }
        prev = x[i];
    }
    if (gaps.empty()) return NAN;
    auto mid = gaps.begin() + std::ptrdiff_t(gaps.size() / 2);
    std::nth_element(gaps.begin(), mid, gaps.end());
    return *mid;
}

EmaStream::EmaStream(double weight, bool constant)
    : m_w(std::isnan(weight) ? 0.0 : std::clamp(weight, 0.0, 1.0)),
      m_constant(constant),
      m_saturated(m_w == 1.0) {}

// 1 - w^n becomes exactly 1.0 in double once w^n < 2^-54 and stays there (w^n only decreases), so
// pow() is only needed until then, and after it the division changes nothing and is left out.
// The results are bit-identical to dividing by 1 - w^n every time.
void EmaStream::apply(std::span<const double> y, double* out) {
    if (m_constant) {
        std::copy(y.begin(), y.end(), out);
        return;
    }
    const double w = m_w;
    std::size_t i = 0;
    for (; i < y.size() && !m_saturated; ++i) {
        const double v = y[i];
        out[i] = v;
        if (!std::isfinite(v)) continue;
        m_last = m_last * w + (1 - w) * v;
        ++m_n;
        const double p = std::pow(w, double(m_n));
        if (p < 1e-17) {
            m_saturated = true;
            out[i] = m_last;
        } else {
            out[i] = m_last / (1.0 - p);
        }
    }
    const double a = 1 - w;
    double last = m_last;
    for (; i < y.size(); ++i) {
        const double v = y[i];
        if (!std::isfinite(v)) {
            out[i] = v;
            continue;
        }
        last = last * w + a * v;
        out[i] = last;
    }
    m_last = last;
}

void emaTensorBoard(std::span<const double> y, double weight, std::vector<double>& out) {
    out.resize(y.size());
    EmaStream(weight, isConstant(y)).apply(y, out.data());
}

void emaTimeWeighted(std::span<const double> x, std::span<const double> y, double weight,
                     double gap, std::vector<double>& out) {
    out.assign(y.begin(), y.end());
    if (isConstant(y)) return;
    const double w = std::isnan(weight) ? 0.0 : std::clamp(weight, 0.0, 1.0);
    const bool gapUsable = std::isfinite(gap) && gap > 0;
    const double logW = std::log(w);  // -inf for w = 0: exp gives 0, as 0^(dx / gap) would
    double s = 0;
    double norm = 0;
    double prevX = NAN;
    double cachedDx = NAN;  // steps are usually evenly spaced: pow() once, not per point
    double cachedDecay = w;
    for (std::size_t i = 0; i < y.size(); ++i) {
        const double v = y[i];
        if (!std::isfinite(v)) continue;
        const double xi = i < x.size() ? x[i] : NAN;
        const double dx = xi - prevX;
        double decay = w;
        if (gapUsable && std::isfinite(dx)) {
            if (dx <= 0) {
                decay = 1.0;
            } else if (dx == cachedDx) {
                decay = cachedDecay;
            } else {
                // w^(dx / gap), through exp (half the cost of pow); one gap gives w exactly.
                decay = dx == gap ? w : std::exp(logW * (dx / gap));
                cachedDx = dx;
                cachedDecay = decay;
            }
        }
        s = s * decay + v;
        norm = norm * decay + 1.0;
        out[i] = s / norm;
        prevX = xi;
    }
}

void runningAverage(std::span<const double> y, std::size_t window, std::vector<double>& out) {
    out.assign(y.begin(), y.end());
    if (window <= 1) return;
    std::vector<double> packed;  // the finite values, when there are others
    const bool allFinite =
        std::all_of(y.begin(), y.end(), [](double v) { return std::isfinite(v); });
    if (!allFinite) {
        packed.reserve(y.size());
        for (double v : y) {
            if (std::isfinite(v)) packed.push_back(v);
        }
    }
    WindowSum sums(allFinite ? y : std::span<const double>(packed));
    std::size_t j = 0;  // index among finite values
    for (std::size_t i = 0; i < y.size(); ++i) {
        if (!std::isfinite(y[i])) continue;
        const std::size_t lo = j + 1 > window ? j + 1 - window : 0;
        out[i] = sums.sum(lo, j + 1) / double(j + 1 - lo);
        ++j;
    }
}

void gaussianSmooth(std::span<const double> x, std::span<const double> y, double sigmaX,
                    std::vector<double>& out) {
    out.assign(y.begin(), y.end());
    if (!(sigmaX > 0) || !std::isfinite(sigmaX)) return;
    const std::size_t n = std::min(x.size(), y.size());
    std::size_t m = 0;
    bool ascending = true;
    double prevX = -INFINITY;
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(y[i]) || !std::isfinite(x[i])) continue;
        ++m;
        if (x[i] < prevX) ascending = false;
        prevX = x[i];
    }
    if (m < 2) return;
    WindowSum sums({});
    std::vector<double> tmp(m);  // ping-pong buffer for the passes

    if (m == y.size() && ascending) {
        // Every point takes part, in order: no packing; passes go y -> out -> tmp -> out.
        const auto xs = x.first(m);
        boxPass(xs, y, sigmaX, out, sums);
        boxPass(xs, out, sigmaX, tmp, sums);
        boxPass(xs, tmp, sigmaX, out, sums);
        return;
    }

    // Pack the points that take part: x into px, values into out's own first m slots (every
    // value is read from y, and slot k <= i, so nothing unread is overwritten). In ascending x
    // the k-th packed point is the k-th usable one, so results go back by walking the input
    // again; otherwise sort, keeping indices.
    std::vector<double> px;
    px.reserve(m);
    std::vector<std::size_t> index;
    if (!ascending) index.reserve(m);
    for (std::size_t i = 0, k = 0; i < n; ++i) {
        if (!std::isfinite(y[i]) || !std::isfinite(x[i])) continue;
        px.push_back(x[i]);
        out[k++] = y[i];
        if (!ascending) index.push_back(i);
    }
    const std::span<double> py(out.data(), m);
    if (!ascending) {
        std::vector<std::size_t> order(m);
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t a, std::size_t b) { return px[a] < px[b]; });
        for (std::size_t k = 0; k < m; ++k)
            tmp[k] = px[order[k]];
        px.swap(tmp);
        for (std::size_t k = 0; k < m; ++k)
            tmp[k] = py[order[k]];
        std::copy(tmp.begin(), tmp.end(), py.begin());
        for (std::size_t k = 0; k < m; ++k)
            order[k] = index[order[k]];
        index.swap(order);
    }
    boxPass(px, py, sigmaX, tmp, sums);
    boxPass(px, tmp, sigmaX, py, sums);
    boxPass(px, py, sigmaX, tmp, sums);
    if (!ascending) {
        std::copy(y.begin(), y.begin() + std::ptrdiff_t(n), out.begin());
        for (std::size_t k = 0; k < m; ++k)
            out[index[k]] = tmp[k];
        return;
    }
    for (std::size_t i = 0, k = 0; i < n; ++i) {
        const bool usable = std::isfinite(y[i]) && std::isfinite(x[i]);
        out[i] = usable ? tmp[k++] : y[i];
    }
}

void smooth(SmoothingMode mode, double strength, std::span<const double> x,
            std::span<const double> y, std::vector<double>& out) {
    const double w = clampStrength(strength);
    if (mode == SmoothingMode::None || w == 0.0) {
        out.assign(y.begin(), y.end());
        return;
    }
    switch (mode) {
        case SmoothingMode::None:
            break;
        case SmoothingMode::Ema:
            emaTensorBoard(y, w, out);
            return;
        case SmoothingMode::TimeWeightedEma:
            emaTimeWeighted(x, y, w, referenceGap(x, y), out);
            return;
        case SmoothingMode::RunningAverage:
            runningAverage(y, runningAverageWindow(w), out);
            return;
        case SmoothingMode::Gaussian:
            gaussianSmooth(x, y, gaussianSigmaInGaps(w) * referenceGap(x, y), out);
            return;
    }
    out.assign(y.begin(), y.end());
}

std::vector<double> smooth(SmoothingMode mode, double strength, std::span<const double> x,
                           std::span<const double> y) {
    std::vector<double> out;
    smooth(mode, strength, x, y, out);
    return out;
}

}  // namespace runlens::series
