// ChartData: what one metric chart draws (lines, faint raw lines, group bands, ranges), computed
// from a RunStore with no screen involved, so the UI and a headless figure export draw the same.
#pragma once

#include <cmath>
#include <cstdint>
#include <vector>

#include "core/model/run_info.h"
#include "core/series/smoothing.h"
#include "core/series/x_alignment.h"
#include "core/series/y_range.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace runlens {
class RunStore;
}

namespace runlens::series {

class SeriesCache;

/// How a group of runs is drawn around its mean line.
enum class BandMode : std::uint8_t {
    None,    ///< the mean line only
    MinMax,  ///< from the lowest to the highest run, per bin
    StdDev,  ///< mean +- one sample standard deviation
};

/// One run of a chart, in drawing order.
struct ChartRun {
    RunId runId = 0;
    int group = -1;  ///< with ChartRequest::groupCount > 0: its group in [0, groupCount)
    /// RunInfo::startTime, the origin of RelativeTime; NaN: the earliest time in the series'
    /// stored totals.
    double startTime = NAN;
};

/// Everything that decides what a chart shows.
struct ChartRequest {
    std::int64_t keyId = 0;  ///< the metric (MetricKeyInfo::id)
    std::vector<ChartRun> runs;
    /// > 0: the runs are grouped and each group is drawn as a mean line with a band (see
    /// BandMode) instead of one line per run. Runs with a group outside [0, groupCount) are left
    /// out.
    int groupCount = 0;
    XAxis xAxis = XAxis::Step;
    std::int64_t xKeyId = 0;  ///< with XAxis::Key: the metric used as x, joined on step
    SmoothingMode smoothing = SmoothingMode::None;
    double strength = 0;  ///< slider value, see clampStrength
    /// The x range shown; NaN at either end shows the data's whole extent on the x axis.
    double x0 = NAN;
    double x1 = NAN;
    int width = 800;  ///< plot width in pixel columns (see EnvelopeRequest)
    AxisScale yScale = AxisScale::Linear;
    bool ignoreOutliers = false;  ///< fit the y range to quantiles (see YRangeOptions)
    BandMode band = BandMode::MinMax;
    /// Threads for the per-run work of charts with many points (each opens its own read-only
    /// connection to the store); 1: all on the calling thread. The result does not depend on it.
    int threads = 1;

    bool smoothingOn() const {
        return smoothing != SmoothingMode::None && clampStrength(strength) > 0;
    }
    bool hasRange() const { return std::isfinite(x0) && std::isfinite(x1); }
};

/// A polyline; NaN in y breaks it.
struct ChartLine {
    std::vector<double> x;
    std::vector<double> y;

    bool empty() const { return x.empty(); }
};

/// One run's lines.
struct RunChart {
    std::size_t index = 0;  ///< into ChartRequest::runs
    RunId runId = 0;
    /// What to draw: the exact min/max envelope of the (smoothed, when smoothing) series.
    ChartLine line;
    /// The envelope of the raw values under a smoothed line (drawn faintly); empty otherwise.
    ChartLine raw;
    bool ascending = true;  ///< x never decreases in line and raw (a QCPGraph can draw it)
    bool allPoints = true;  ///< every point in range is drawn as is (nothing was reduced)
    std::int64_t pointsInRange = 0;
    double dataX0 = NAN;  ///< the series' extent on the x axis (NaN: no placeable point)
    double dataX1 = NAN;
};

/// One group's mean line and band, on a grid of `width` bins over the x range.
struct GroupChart {
    int group = 0;
    int runCount = 0;  ///< runs of the group with data on this chart
    ChartLine mean;
    std::vector<double> low;   ///< band, at mean.x; empty with BandMode::None
    std::vector<double> high;  ///< band, at mean.x
    /// Runs contributing at each mean.x (fewer than runCount where shorter runs have ended).
    std::vector<std::int32_t> runsAt;
};

/// What reading cost, to check (and show) that summaries spared the decoding.
struct ChartReadStats {
    std::int64_t seriesRead = 0;
    std::int64_t chunksTotal = 0;    ///< chunks of the series read
    std::int64_t chunksDecoded = 0;  ///< chunk point blobs decoded
    std::int64_t blockReads = 0;     ///< chunk block-summary blobs read
    std::int64_t summariesUsed = 0;  ///< chunk or block summaries drawn without their points
    std::int64_t pointsDecoded = 0;
    std::int64_t cacheHits = 0;  ///< series taken from the SeriesCache
};

struct ChartData {
    std::vector<RunChart> runs;      ///< runs with data on this key (not grouped), drawing order
    std::vector<GroupChart> groups;  ///< groups with data (grouped)
    double x0 = NAN;  ///< the x range reduced over: the request's, or the data's extent
    double x1 = NAN;
    double dataX0 = NAN;  ///< the extent of all requested runs' data on the x axis
    double dataX1 = NAN;
    YRange y;  ///< fitted to what is drawn inside [x0, x1], with the request's scale and outliers
    /// Every run line shows every point in range (values can be read off the lines exactly).
    bool allPoints = true;
    ChartReadStats stats;
};

/// Computes what a chart draws. Run lines are the exact per-pixel-column envelope of each
/// series (see Envelope): with x = step and no smoothing (and no groups) it is built from the
/// stored chunk and block summaries, decoding only chunks a pixel column needs; otherwise every
/// point is read, aligned to the x axis, smoothed at full resolution, and then reduced. Groups
/// aggregate the members' smoothed full-resolution series (aggregateGroup, one bin per pixel
/// column). On a log axis, values <= 0 become gaps; +-Inf is pinned just outside the fitted y
/// range. Runs without the key are left out. Checks progress->cancelled() between runs and then
/// returns an Error.
/// With a cache, series read at full resolution are kept there (aligned and smoothed) and taken
/// from it next time; the summary path then reads a whole series (and caches it) when it would
/// decode most of its chunks anyway, so that zooming into it costs no decoding.
Result<ChartData> computeChart(const RunStore& store, const ChartRequest& request,
                               const Progress* progress = nullptr, SeriesCache* cache = nullptr);

}  // namespace runlens::series
