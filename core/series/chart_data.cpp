// computeChart: picks the reading path per chart (summaries or full resolution), smooths before
// reducing, aggregates groups, then fits the y range and prepares values for the axis scale.
#include "core/series/chart_data.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "core/series/chart_reader.h"
#include "core/series/envelope.h"
#include "core/series/group_aggregate.h"
#include "core/series/parallel_runs.h"
#include "core/series/series_cache.h"

namespace runlens::series {
namespace {

// Below this many points in all, a chart is computed on one thread: starting threads (each
// opening its own connection) would cost more than it saves.
constexpr std::int64_t kParallelPoints = 200'000;

void widen(double& lo, double& hi, double a, double b) {
    if (std::isfinite(a)) lo = std::isfinite(lo) ? std::min(lo, a) : a;
    if (std::isfinite(b)) hi = std::isfinite(hi) ? std::max(hi, b) : b;
}

std::pair<double, double> finiteExtent(const std::vector<double>& x) {
    double lo = NAN, hi = NAN;
    for (double v : x) {
        if (!std::isfinite(v)) continue;
        if (!(v >= lo)) lo = v;
        if (!(v <= hi)) hi = v;
    }
    return {lo, hi};
}

ChartLine toLine(Envelope&& e) {
    return ChartLine{std::move(e.x), std::move(e.y)};
}

// On a log axis a value <= 0 has no place: it becomes a gap, as in other plotting tools.
void maskNonPositive(std::vector<double>& y) {
    for (double& v : y)
        if (v <= 0) v = NAN;
}

// What finishRanges needs of one drawn line, measured where the line was made (on the worker
// threads): its lowest and highest usable value inside [x0, x1], and whether it holds +-Inf.
struct LineRange {
    double lo = INFINITY;
    double hi = -INFINITY;
    bool infinite = false;
};

LineRange measureLine(const std::vector<double>& x, const std::vector<double>& y, double x0,
                      double x1, AxisScale scale) {
    LineRange out;
    const std::size_t n = std::min(x.size(), y.size());
    for (std::size_t i = 0; i < n; ++i) {
        const double v = y[i];
        if (std::isinf(v)) out.infinite = true;
        if (!(x[i] >= x0 && x[i] <= x1) || !std::isfinite(v)) continue;
        if (scale == AxisScale::Log && !(v > 0)) continue;
        out.lo = std::min(out.lo, v);
        out.hi = std::max(out.hi, v);
    }
    for (std::size_t i = n; i < y.size(); ++i)
        out.infinite = out.infinite || std::isinf(y[i]);
    return out;
}

// Values drawn inside [x0, x1], for fitting the y range without outliers (every value counts).
void collectInRange(const std::vector<double>& x, const std::vector<double>& y, double x0,
                    double x1, std::vector<double>& out) {
    const std::size_t n = std::min(x.size(), y.size());
    for (std::size_t i = 0; i < n; ++i)
        if (x[i] >= x0 && x[i] <= x1) out.push_back(y[i]);
}

void collectExtremes(const LineRange& r, std::vector<double>& out) {
    if (r.lo <= r.hi) {
        out.push_back(r.lo);
        out.push_back(r.hi);
    }
}

// Where +-Inf is drawn: far enough beyond the fitted range to leave the plot at its edge.
std::pair<double, double> infinityPins(const YRange& y, AxisScale scale) {
    if (scale == AxisScale::Log) return {y.low / 1e3, y.high * 1e3};
    const double span = y.high - y.low;
    return {y.low - span, y.high + span};
}

// Per-run work for the ungrouped charts; one per thread.
class RunLines {
public:
    RunLines(ChartReader& reader, const ChartRequest& request, const EnvelopeRequest& envelope)
        : m_reader(reader), m_request(request), m_envelope(envelope) {}

    Result<RunChart> fromSummaries(std::size_t index, const SeriesInfo& info) {
        auto e =
            m_reader.envelopeFromSummaries(info, m_reader.summariesOf(info.seriesId), m_envelope);
        if (!e.ok()) return e.error();
        RunChart out = start(index);
        out.ascending = e->ascending;
        out.allPoints = e->allPoints;
        out.pointsInRange = e->pointsInRange;
        out.line = toLine(std::move(e.value()));
        return out;
    }

    // The series against steps, smoothed with TensorBoard's EMA as it is read.
    Result<RunChart> fromEmaStream(std::size_t index, const SeriesInfo& info) {
        auto e = m_reader.emaEnvelopes(info, m_request.strength, m_envelope);
        if (!e.ok()) return e.error();
        auto& [line, raw] = e.value();
        RunChart out = start(index);
        out.ascending = line.ascending && raw.ascending;
        out.allPoints = line.allPoints;
        out.pointsInRange = line.pointsInRange;
        out.line = toLine(std::move(line));
        out.raw = toLine(std::move(raw));
        return out;
    }

    // A full-resolution series (smoothed before anything was reduced): both lines reduced.
    RunChart fromPoints(std::size_t index, const PreparedSeries& series) {
        RunChart out = start(index);
        const XOrder order = series.ascending ? XOrder::Ascending : XOrder::Unknown;
        Envelope raw = reduceEnvelope(series.x, series.y, m_envelope, order);
        if (!series.smoothed.empty()) {
            Envelope line = reduceEnvelope(series.x, series.smoothed, m_envelope, order);
            out.ascending = line.ascending && raw.ascending;
            out.allPoints = line.allPoints;
            out.pointsInRange = line.pointsInRange;
            out.line = toLine(std::move(line));
            out.raw = toLine(std::move(raw));
        } else {
            out.ascending = raw.ascending;
            out.allPoints = raw.allPoints;
            out.pointsInRange = raw.pointsInRange;
            out.line = toLine(std::move(raw));
        }
        return out;
    }

private:
    RunChart start(std::size_t index) const {
        RunChart out;
        out.index = index;
        out.runId = m_request.runs[index].runId;
        return out;
    }

    ChartReader& m_reader;
    const ChartRequest& m_request;
    EnvelopeRequest m_envelope;
};

GroupChart toGroupChart(int group, int runCount, GroupBands&& bands, BandMode mode) {
    GroupChart out;
    out.group = group;
    out.runCount = runCount;
    if (mode == BandMode::MinMax) {
        out.low = std::move(bands.min);
        out.high = std::move(bands.max);
    } else if (mode == BandMode::StdDev) {
        out.low.resize(bands.mean.size());
        out.high.resize(bands.mean.size());
        for (std::size_t i = 0; i < bands.mean.size(); ++i) {
            out.low[i] = bands.mean[i] - bands.stddev[i];
            out.high[i] = bands.mean[i] + bands.stddev[i];
        }
    }
    out.mean = ChartLine{std::move(bands.x), std::move(bands.mean)};
    out.runsAt = std::move(bands.runs);
    return out;
}

// Sets ChartData::y from what is drawn in [x0, x1], then masks and pins for the axis scale.
// Run lines were masked and measured on the worker threads (runRanges: line, raw per run).
void finishRanges(ChartData& data, const ChartRequest& request,
                  const std::vector<LineRange>& runRanges) {
    const bool log = request.yScale == AxisScale::Log;
    if (log) {
        for (GroupChart& g : data.groups) {
            maskNonPositive(g.mean.y);
            maskNonPositive(g.low);
            maskNonPositive(g.high);
        }
    }
    // A full-range fit depends on nothing but the extremes, so then only each line's lowest and
    // highest usable value are kept (a thousand runs of 5,000 drawn points would otherwise be
    // copied to find two numbers).
    std::vector<double> values;
    const bool extremes = !request.ignoreOutliers;
    auto collect = [&](const std::vector<double>& x, const std::vector<double>& y) {
        if (extremes)
            collectExtremes(measureLine(x, y, data.x0, data.x1, request.yScale), values);
        else
            collectInRange(x, y, data.x0, data.x1, values);
    };
    for (std::size_t k = 0; k < data.runs.size(); ++k) {
        const RunChart& r = data.runs[k];
        if (extremes) {
            collectExtremes(runRanges[2 * k], values);
            collectExtremes(runRanges[2 * k + 1], values);
        } else {
            collectInRange(r.line.x, r.line.y, data.x0, data.x1, values);
            collectInRange(r.raw.x, r.raw.y, data.x0, data.x1, values);
        }
    }
    for (const GroupChart& g : data.groups) {
        collect(g.mean.x, g.mean.y);
        collect(g.mean.x, g.low);
        collect(g.mean.x, g.high);
    }
    YRangeOptions options;
    options.scale = request.yScale;
    options.ignoreOutliers = request.ignoreOutliers;
    data.y = fitYRange(values, options);
    const auto [low, high] = infinityPins(data.y, request.yScale);
    for (std::size_t k = 0; k < data.runs.size(); ++k) {
        RunChart& r = data.runs[k];
        if (runRanges[2 * k].infinite) replaceInfinities(r.line.y, low, high);
        if (runRanges[2 * k + 1].infinite) replaceInfinities(r.raw.y, low, high);
    }
    for (GroupChart& g : data.groups) {
        replaceInfinities(g.mean.y, low, high);
        replaceInfinities(g.low, low, high);
        replaceInfinities(g.high, low, high);
    }
}

}  // namespace

Result<ChartData> computeChart(const RunStore& store, const ChartRequest& request,
                               const Progress* progress, SeriesCache* cache) {
    ChartData data;
    ChartReader reader(store, request, data.stats);
    if (auto r = reader.open(); !r.ok()) return r.error();
    const bool grouped = request.groupCount > 0;
    // Against steps, unsmoothed or with TensorBoard's EMA, a run's lines are made as its chunks
    // are read (the raw ones from stored summaries where they suffice), without holding the
    // series: reading it whole into memory, to keep it for the next zoom, cost more than reading
    // it again. Other charts read whole series (kept in the cache) and reduce them.
    const bool onSteps = request.xAxis == XAxis::Step && !grouped;
    const bool fromSummaries = onSteps && !request.smoothingOn();
    const bool emaStream =
        onSteps && request.smoothingOn() && request.smoothing == SmoothingMode::Ema;

    // The runs that have this key (and a valid group, when grouped), with their extents.
    struct Member {
        std::size_t index;
        const SeriesInfo* info;
        double x0, x1;
    };
    std::vector<Member> members;
    std::int64_t points = 0;
    for (std::size_t i = 0; i < request.runs.size(); ++i) {
        const ChartRun& run = request.runs[i];
        if (grouped && (run.group < 0 || run.group >= request.groupCount)) continue;
        const SeriesInfo* info = reader.seriesOf(run.runId);
        if (info == nullptr) continue;
        const auto [x0, x1] = reader.totalsExtent(run, *info);
        members.push_back({i, info, x0, x1});
        points += info->total.count;
    }
    const int threads = points >= kParallelPoints ? request.threads : 1;

    using Prepared = std::shared_ptr<const PreparedSeries>;
    // Another key as x: the extent is known only once the points are aligned, so prepare them
    // all first (such a chart holds its series in memory while it is computed).
    std::vector<Prepared> preloaded;
    if (request.xAxis == XAxis::Key) {
        preloaded.resize(members.size());
        auto r = forEachRun(
            reader, members.size(), threads, progress,
            [&](ChartReader& worker, std::size_t m) -> Result<void> {
                auto p = worker.prepare(request.runs[members[m].index], *members[m].info, cache);
                if (!p.ok()) return p.error();
                preloaded[m] = std::move(p.value());
                std::tie(members[m].x0, members[m].x1) = finiteExtent(preloaded[m]->x);
                return {};
            });
        if (!r.ok()) return r.error();
    }
    for (const Member& m : members)
        widen(data.dataX0, data.dataX1, m.x0, m.x1);
    if (request.hasRange()) {
        data.x0 = std::min(request.x0, request.x1);
        data.x1 = std::max(request.x0, request.x1);
    } else {
        data.x0 = data.dataX0;
        data.x1 = data.dataX1;
    }
    std::vector<LineRange> runRanges;
    if (!std::isfinite(data.x0) || !std::isfinite(data.x1)) {
        finishRanges(data, request, runRanges);  // nothing to draw: a default range
        return data;
    }
    const EnvelopeRequest envelope{data.x0, data.x1, request.width};
    auto prepare = [&](ChartReader& worker, std::size_t m) -> Result<Prepared> {
        if (!preloaded.empty()) return preloaded[m];
        return worker.prepare(request.runs[members[m].index], *members[m].info, cache);
    };

    if (!grouped) {
        if (fromSummaries) {
            if (auto r = reader.readKeySummaries(); !r.ok()) return r.error();
        }
        std::vector<RunChart> charts(members.size());
        runRanges.resize(2 * members.size());
        auto one = [&](ChartReader& worker, std::size_t m) -> Result<void> {
            RunLines lines(worker, request, envelope);
            const ChartRun& run = request.runs[members[m].index];
            const SeriesInfo& info = *members[m].info;
            RunChart& chart = charts[m];
            // Hover values (probeChart) may have left the series prepared in the cache.
            Prepared prepared =
                fromSummaries || emaStream ? worker.findPrepared(run, info, cache) : nullptr;
            if (prepared) {
                chart = lines.fromPoints(members[m].index, *prepared);
            } else if (fromSummaries || emaStream) {
                auto c = fromSummaries ? lines.fromSummaries(members[m].index, info)
                                       : lines.fromEmaStream(members[m].index, info);
                if (!c.ok()) return c.error();
                chart = std::move(c.value());
            } else {
                auto p = prepare(worker, m);
                if (!p.ok()) return p.error();
                chart = lines.fromPoints(members[m].index, *p.value());
            }
            chart.dataX0 = members[m].x0;
            chart.dataX1 = members[m].x1;
            if (request.yScale == AxisScale::Log) {
                maskNonPositive(chart.line.y);
                maskNonPositive(chart.raw.y);
            }
            runRanges[2 * m] =
                measureLine(chart.line.x, chart.line.y, data.x0, data.x1, request.yScale);
            runRanges[2 * m + 1] =
                measureLine(chart.raw.x, chart.raw.y, data.x0, data.x1, request.yScale);
            return {};
        };
        if (auto r = forEachRun(reader, members.size(), threads, progress, one); !r.ok())
            return r.error();
        data.runs = std::move(charts);
        for (const RunChart& chart : data.runs)
            data.allPoints = data.allPoints && chart.allPoints;
    } else {
        // One group at a time, so only one group's series are held at once (without a cache).
        std::vector<std::size_t> inGroup;
        std::vector<Prepared> held;
        std::vector<GroupMember> spans;
        GroupOptions options;
        options.x0 = data.x0;
        options.x1 = data.x1;
        options.bins = std::max(1, request.width);
        for (int g = 0; g < request.groupCount; ++g) {
            inGroup.clear();
            for (std::size_t m = 0; m < members.size(); ++m)
                if (request.runs[members[m].index].group == g) inGroup.push_back(m);
            if (inGroup.empty()) continue;
            held.assign(inGroup.size(), nullptr);
            auto r = forEachRun(reader, inGroup.size(), threads, progress,
                                [&](ChartReader& worker, std::size_t k) -> Result<void> {
                                    auto p = prepare(worker, inGroup[k]);
                                    if (!p.ok()) return p.error();
                                    held[k] = std::move(p.value());
                                    return {};
                                });
            if (!r.ok()) return r.error();
            spans.clear();
            for (const Prepared& p : held)
                spans.push_back({p->x, p->drawn()});
            GroupBands bands = aggregateGroup(spans, options);
            if (bands.x.empty()) continue;
            data.groups.push_back(
                toGroupChart(g, int(held.size()), std::move(bands), request.band));
        }
    }
    finishRanges(data, request, runRanges);
    return data;
}

}  // namespace runlens::series
