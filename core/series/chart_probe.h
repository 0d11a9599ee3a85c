// probeChart: each run's exact value at an x of a chart (for a hover tooltip), read from the
// store rather than from the reduced drawing points.
#pragma once

#include <cstdint>
#include <vector>

#include "core/series/chart_data.h"

namespace runlens::series {

/// One run's point nearest to the probed x.
struct ProbeValue {
    std::size_t index = 0;  ///< into ChartRequest::runs
    RunId runId = 0;
    double x = NAN;  ///< the point's x on the chart's axis
    std::int64_t step = 0;
    double value = NAN;  ///< as drawn: smoothed when the chart smooths
    double raw = NAN;    ///< the logged value
    /// Points the run logged at exactly this x (several values at one step, as TensorBoard
    /// writes per batch of an evaluation); value and raw are the last logged of them.
    std::int64_t count = 1;
    double low = NAN;  ///< the lowest and highest logged value among them (NaN ignored)
    double high = NAN;
};

/// For every run of the request that has the key (groups are ignored: a grouped chart reads its
/// means off its GroupChart bins), the point whose x is nearest to `x` (ties: the later logged),
/// among points with a placeable x, with how many points share that x and their range. A run is
/// left out when x lies more than `tolerance` outside its data's x extent, so a run that ended
/// earlier is not listed with its last value. Without smoothing, on step or time axes, only the
/// chunks that can hold the nearest point are decoded (nearest chunk ranges first, until no other
/// chunk can be nearer); otherwise each series is prepared as computeChart does (from the cache
/// when it holds it), which gives the same values.
Result<std::vector<ProbeValue>> probeChart(const RunStore& store, const ChartRequest& request,
                                           double x, double tolerance,
                                           const Progress* progress = nullptr,
                                           SeriesCache* cache = nullptr);

}  // namespace runlens::series
