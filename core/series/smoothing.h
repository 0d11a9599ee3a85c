// Smoothing of one metric series at full resolution: TensorBoard's EMA and three other modes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace runlens::series {

/// How a chart smooths a series. Every mode keeps non-finite values (NaN, +-Inf) in place,
/// unchanged, and leaves them out of every average, exactly like TensorBoard's EMA.
/// Smoothing always runs on the full-resolution data, before any envelope reduction.
enum class SmoothingMode : std::uint8_t {
    None,             ///< the raw values
    Ema,              ///< TensorBoard's debiased exponential moving average (see emaTensorBoard)
    TimeWeightedEma,  ///< EMA whose decay follows the x gap between points (see emaTimeWeighted)
    RunningAverage,   ///< mean of a trailing window of points (see runningAverage)
    Gaussian,         ///< Gaussian-like kernel over x distance (see gaussianSmooth)
};

/// The slider's strength is clamped into [0, kMaxSmoothingStrength]; 1 itself would freeze the
/// EMA (TensorBoard's weight 1 gives a flat zero line).
inline constexpr double kMaxSmoothingStrength = 0.9999;

/// The slider value as used by every mode: NaN gives 0, then clamped to [0, kMaxSmoothingStrength].
double clampStrength(double strength);

/// Span of the equivalent trailing window for strength w: (1 + w) / (1 - w) points (pandas' "span"
/// of an EMA with alpha = 1 - w). A window of that many points reduces white noise as much as the
/// EMA does (variance factor (1 - w) / (1 + w)), so all modes feel alike at one slider value.
double equivalentSpan(double strength);

/// RunningAverage window at a slider value: equivalentSpan rounded to the nearest integer, >= 1.
/// Strength 0 gives 1 (raw), 0.6 gives 4, 0.9 gives 19, 0.99 gives 199, 0.999 gives 1999.
std::size_t runningAverageWindow(double strength);

/// Gaussian sigma at a slider value, in reference gaps (see referenceGap):
/// equivalentSpan / (2 sqrt(pi)), because a Gaussian of sigma s points reduces white noise by
/// 1 / (2 s sqrt(pi)), the same factor as a window of equivalentSpan points. On evenly spaced
/// data the box filters only reach a neighbour once sigma >= 1 gap, i.e. strength >= 0.56:
/// below that, Gaussian smoothing leaves such data unchanged.
double gaussianSigmaInGaps(double strength);

/// The typical x spacing of a series: the median of the positive gaps between consecutive
/// (in logging order) points that have a finite value and a finite x. For series with more than
/// 65,536 gaps the median is taken over an evenly strided sample of them. NaN when there is no
/// positive gap. For evenly spaced x it is exactly the spacing.
double referenceGap(std::span<const double> x, std::span<const double> y);

/// Smooths y (logging order, x of the same length) with a mode at a slider strength; the result
/// has y's length. Strength 0 and mode None return y unchanged. out may not alias x or y.
///   Ema:             emaTensorBoard(y, w)
///   TimeWeightedEma: emaTimeWeighted(x, y, w, referenceGap(x, y))
///   RunningAverage:  runningAverage(y, runningAverageWindow(w))
///   Gaussian:        gaussianSmooth(x, y, gaussianSigmaInGaps(w) * referenceGap(x, y))
/// where w = clampStrength(strength). x is only read by the two x-aware modes.
void smooth(SmoothingMode mode, double strength, std::span<const double> x,
            std::span<const double> y, std::vector<double>& out);
std::vector<double> smooth(SmoothingMode mode, double strength, std::span<const double> x,
                           std::span<const double> y);

/// TensorBoard's scalar smoothing, as defined in its line chart (classicSmoothing), for a weight
/// w in [0, 1] (NaN gives 0, values outside are clamped):
///   - if every value equals the first one (==, so a series holding NaN never does), y is
///     returned unchanged;
///   - otherwise, with last = 0 and n = 0, for each value v in order:
///       v not finite (NaN, +-Inf): out = v, and last and n are left alone;
///       else: last = last * w + (1 - w) * v;  n = n + 1;
///             out = last / (w == 1 ? 1 : 1 - w^n).
/// The division debiases the zero start, so the first finite value comes out unchanged.
void emaTensorBoard(std::span<const double> y, double weight, std::vector<double>& out);

/// emaTensorBoard fed piece by piece (a series read chunk by chunk): the pieces' outputs are
/// the values emaTensorBoard gives for the whole series, bit for bit. Whether the whole series
/// is constant must be known beforehand (a series' stored totals tell: no NaN and min == max).
class EmaStream {
public:
    EmaStream(double weight, bool constant);
    /// Smooths the next values of the series into out[0, y.size()).
    void apply(std::span<const double> y, double* out);

private:
    double m_w;
    bool m_constant;
    bool m_saturated;
    double m_last = 0;
    std::int64_t m_n = 0;
};

/// Exponential moving average over unevenly spaced x, debiased like TensorBoard's:
///   S = d * S + v;  N = d * N + 1;  out = S / N      (S = N = 0 before the first finite value)
/// over the finite values v in logging order, with the decay from the x gap dx to the previous
/// finite value:  d = w^(dx / gap) = exp(-dx / tau) with tau = -gap / ln(w).
/// For dx == gap, d == w and S / N equals TensorBoard's last / (1 - w^n) exactly in exact
/// arithmetic, so evenly spaced data reproduces emaTensorBoard at the same weight. (Where a
/// non-finite value is skipped, x still advances: the next value decays by w^2, whereas
/// TensorBoard's EMA, which ignores x, decays by w.) A point with
/// dx <= 0 (repeated or backward x) gets d = 1: it is averaged in with no further decay. A point
/// whose x, or previous x, is not finite, or a gap that is NaN or <= 0, uses d = w (one step).
/// Non-finite values are copied through and do not count. The constant-series rule of
/// emaTensorBoard applies too.
void emaTimeWeighted(std::span<const double> x, std::span<const double> y, double weight,
                     double gap, std::vector<double>& out);

/// Trailing running average: each finite value becomes the mean of itself and the (window - 1)
/// finite values before it (fewer at the start). Non-finite values are copied through and are not
/// counted in any window. Exact window sums (no running add/subtract), so a huge spike leaves no
/// residue once it has left the window.
void runningAverage(std::span<const double> y, std::size_t window, std::vector<double>& out);

/// Gaussian smoothing over x distance, as three successive box filters of half-width
/// r = sigmaX over x (three boxes of half-width r make a kernel of standard deviation r, within a
/// few percent of a Gaussian's shape, and keep the work linear in points). One box pass replaces
/// each value by the mean of the values whose x lies in [x_i - r, x_i + r]; the next pass
/// averages the previous pass's output. Points are taken in order of x (stable sort when x is not
/// ascending). Points with a non-finite value or a non-finite x are copied through and take part
/// in no average. sigmaX that is NaN or <= 0 returns y unchanged.
void gaussianSmooth(std::span<const double> x, std::span<const double> y, double sigmaX,
                    std::vector<double>& out);

}  // namespace runlens::series
