// probeChart: nearest point per run, from the few chunks that can hold it, or from the whole
// smoothed series when the chart smooths or plots against another key.
#include "core/series/chart_probe.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "core/series/chart_reader.h"
#include "core/store/schema.h"

namespace runlens::series {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The nearest point so far; a later point (in logging order) wins a tie.
struct Nearest {
    double distance = kInf;
    std::int64_t order = -1;  // position in logging order
    double x = NAN;
    std::int64_t step = 0;
    double value = NAN;
    double raw = NAN;
    std::int64_t count = 0;  // points at exactly x
    double low = NAN;        // their range (std::fmin and fmax skip NaN)
    double high = NAN;

    void offer(double px, double target, std::int64_t at, std::int64_t pointStep, double pointValue,
               double pointRaw) {
        if (std::isnan(px)) return;
        if (found() && px == x) {  // another value at the same x
            ++count;
            low = std::fmin(low, pointRaw);
            high = std::fmax(high, pointRaw);
            if (at > order) take(at, pointStep, pointValue, pointRaw);
            return;
        }
        const double d = std::abs(px - target);
        if (d < distance || (d == distance && at > order)) {
            distance = d;
            x = px;
            count = 1;
            low = high = pointRaw;
            take(at, pointStep, pointValue, pointRaw);
        }
    }
    void take(std::int64_t at, std::int64_t pointStep, double pointValue, double pointRaw) {
        order = at;
        step = pointStep;
        value = pointValue;
        raw = pointRaw;
    }
    bool found() const { return order >= 0; }
};

// A chunk's range on the x axis (NaN when it has no placeable point).
std::pair<double, double> chunkRange(const PointSummary& s, XAxis axis, double start) {
    switch (axis) {
        case XAxis::Step:
            return {double(s.stepMin), double(s.stepMax)};
        case XAxis::WallTime:
            return {s.timeMin, s.timeMax};
        case XAxis::RelativeTime:
            return {s.timeMin - start, s.timeMax - start};
        case XAxis::Key:
            break;
    }
    return {NAN, NAN};
}

// Decodes chunks nearest-range first until no other chunk can hold a nearer point.
Result<Nearest> nearestFromChunks(ChartReader& reader, const ChartRun& run, const SeriesInfo& info,
                                  const std::vector<ChunkSummary>& summaries, double target,
                                  XAxis axis) {
    struct Candidate {
        double distance;
        std::size_t i;
    };
    std::vector<Candidate> candidates;
    const double start = reader.runStart(run, info);
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        const auto [a, b] = chunkRange(summaries[i].summary, axis, start);
        if (std::isnan(a) || std::isnan(b)) continue;
        const double d = target < a ? a - target : (target > b ? target - b : 0.0);
        candidates.push_back({d, i});
    }
    std::sort(candidates.begin(), candidates.end(),
              [](const Candidate& l, const Candidate& r) { return l.distance < r.distance; });
    Nearest best;
    std::vector<double> x;
    for (const Candidate& c : candidates) {
        if (c.distance > best.distance) break;
        const ChunkSummary& s = summaries[c.i];
        auto chunk = reader.store().readChunk(info.seriesId, s.seq, reader.fields());
        if (!chunk.ok()) return chunk.error();
        ++reader.stats().chunksDecoded;
        reader.stats().pointsDecoded += std::int64_t(chunk->size());
        reader.align(chunk.value(), run, info, x);
        const std::int64_t base = s.seq * schema::kChunkPoints;
        for (std::size_t j = 0; j < chunk->size(); ++j)
            best.offer(x[j], target, base + std::int64_t(j), chunk->steps[j], chunk->values[j],
                       chunk->values[j]);
    }
    return best;
}

}  // namespace

Result<std::vector<ProbeValue>> probeChart(const RunStore& store, const ChartRequest& request,
                                           double x, double tolerance, const Progress* progress,
                                           SeriesCache* cache) {
    std::vector<ProbeValue> out;
    if (!std::isfinite(x)) return out;
    if (!(tolerance >= 0)) tolerance = 0;
    ChartReadStats stats;
    ChartReader reader(store, request, stats);
    if (auto r = reader.open(); !r.ok()) return r.error();
    const bool fromChunks = !request.smoothingOn() && request.xAxis != XAxis::Key;
    if (fromChunks) {
        if (auto r = reader.readKeySummaries(); !r.ok()) return r.error();
    }
    for (std::size_t i = 0; i < request.runs.size(); ++i) {
        if (isCancelled(progress)) return makeError("cancelled");
        const ChartRun& run = request.runs[i];
        const SeriesInfo* info = reader.seriesOf(run.runId);
        if (info == nullptr) continue;
        double x0 = NAN, x1 = NAN;
        Nearest best;
        if (fromChunks) {
            std::tie(x0, x1) = reader.totalsExtent(run, *info);
            if (!(x >= x0 - tolerance && x <= x1 + tolerance)) continue;
            auto n = nearestFromChunks(reader, run, *info, reader.summariesOf(info->seriesId), x,
                                       request.xAxis);
            if (!n.ok()) return n.error();
            best = n.value();
        } else {
            auto prepared = reader.prepare(run, *info, cache);
            if (!prepared.ok()) return prepared.error();
            const PreparedSeries& p = *prepared.value();
            const std::vector<double>& values = p.drawn();
            auto stepAt = [&](std::size_t j) {
                return p.steps.empty() ? std::int64_t(p.x[j]) : p.steps[j];
            };
            if (p.ascending) {
                if (p.x.empty()) continue;
                x0 = p.x.front();
                x1 = p.x.back();
            } else {
                for (double v : p.x) {
                    if (!std::isfinite(v)) continue;
                    if (!(v >= x0)) x0 = v;
                    if (!(v <= x1)) x1 = v;
                }
            }
            if (!(x >= x0 - tolerance && x <= x1 + tolerance)) continue;
            if (p.ascending) {
                // The nearest is next to where x would be inserted: offer both neighbours
                // with every point of equal x (counted; the last logged is shown).
                const auto it = std::upper_bound(p.x.begin(), p.x.end(), x);
                const std::size_t j = std::size_t(it - p.x.begin());
                for (std::size_t k : {j, j - 1}) {
                    if (k >= p.x.size()) continue;
                    const auto [first, last] = std::equal_range(p.x.begin(), p.x.end(), p.x[k]);
                    for (auto e = first; e != last; ++e) {
                        const std::size_t m = std::size_t(e - p.x.begin());
                        best.offer(p.x[m], x, std::int64_t(m), stepAt(m), values[m], p.y[m]);
                    }
                }
            } else {
                for (std::size_t j = 0; j < p.x.size(); ++j)
                    best.offer(p.x[j], x, std::int64_t(j), stepAt(j), values[j], p.y[j]);
            }
        }
        if (!best.found()) continue;
        out.push_back({i, run.runId, best.x, best.step, best.value, best.raw, best.count, best.low,
                       best.high});
    }
    return out;
}

}  // namespace runlens::series
