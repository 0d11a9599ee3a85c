// computeChart and probeChart on generated databases, against brute force over every point.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>
#include <vector>

#include "core/series/chart_data.h"
#include "core/series/chart_probe.h"
#include "core/series/group_aggregate.h"
#include "core/series/series_cache.h"
#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "core/store/schema.h"
#include "envelope_reference.h"
#include "tests/support/temp_dir.h"

using namespace runlens;
using namespace runlens::series;
using namespace runlens::series::test;

namespace {

constexpr double kStart = 1.7e9;

// Three runs of "loss" with noise, uneven times and an "epoch" key logged every 100 steps; a
// fourth run has only "acc" (so it has no loss series).
struct SmallDb {
    runlens::test::TempDir dir;
    std::string path = (dir / "small.runlens").string();
    std::vector<RunId> runs;
    std::int64_t loss = 0, epoch = 0;

    SmallDb() {
        auto writer = RunWriter::open(path);
        REQUIRE(writer.ok());
        RunWriter& w = *writer.value();
        std::mt19937_64 rng(7);
        std::normal_distribution<double> noise(0, 0.1);
        std::uniform_real_distribution<double> jitter(0.2, 1.5);
        for (int r = 0; r < 4; ++r) {
            RunInfo info;
            info.uid = "r" + std::to_string(r);
            info.name = info.uid;
            info.startTime = kStart + 1000 * r;
            const RunId id = w.beginRun(info);
            runs.push_back(id);
            double t = info.startTime + 5;  // the first point comes 5 s after the start
            const int steps = 3000 + 700 * r;
            for (int s = 0; s < steps; ++s) {
                t += jitter(rng);
                if (r == 3) {
                    w.logMetric(id, "acc", s, 0.5, t);
                    continue;
                }
                w.logMetric(id, "loss", s, std::exp(-s / 800.0) + r * 0.1 + noise(rng), t);
                if (s % 100 == 0) w.logMetric(id, "epoch", s, s / 100.0, t);
            }
        }
        REQUIRE(w.commit().ok());
        auto store = RunStore::open(path);
        REQUIRE(store.ok());
        const auto keys = store->readMetricKeys().value();
        for (const MetricKeyInfo& k : keys) {
            if (k.name == "loss") loss = k.id;
            if (k.name == "epoch") epoch = k.id;
        }
        REQUIRE(loss != 0);
        REQUIRE(epoch != 0);
    }
};

RunStore openStore(const std::string& path) {
    auto store = RunStore::open(path);
    REQUIRE(store.ok());
    return std::move(store.value());
}

Series seriesOf(const RunStore& store, std::int64_t key, RunId run) {
    const auto infos = store.readSeriesInfos(key).value();
    for (const SeriesInfo& info : infos)
        if (info.runId == run) return store.readSeries(info.seriesId).value();
    FAIL("no series");
    return {};
}

PointSummary totalsOf(const RunStore& store, std::int64_t key, RunId run) {
    const auto infos = store.readSeriesInfos(key).value();
    for (const SeriesInfo& info : infos)
        if (info.runId == run) return info.total;
    FAIL("no series");
    return {};
}

ChartData compute(const RunStore& store, const ChartRequest& request) {
    auto data = computeChart(store, request);
    INFO((data.ok() ? std::string() : data.error().toString()));
    REQUIRE(data.ok());
    return std::move(data.value());
}

ChartRequest requestFor(std::int64_t key, const std::vector<RunId>& runs, int width) {
    ChartRequest request;
    request.keyId = key;
    for (RunId r : runs)
        request.runs.push_back({r, -1, NAN});
    request.width = width;
    return request;
}

void requireLine(const ChartLine& got, const Envelope& want) {
    requireSameVector(got.x, want.x, "x");
    requireSameVector(got.y, want.y, "y");
}

}  // namespace

TEST_CASE("a one-step spike among 10^6 points survives, and zoomed out reads few chunks",
          "[series][chart]") {
    runlens::test::TempDir dir;
    const std::string path = (dir / "big.runlens").string();
    constexpr std::int64_t kPoints = 1'200'000;
    constexpr std::int64_t kSpike = 777'777;
    {
        auto writer = RunWriter::open(path);
        REQUIRE(writer.ok());
        RunWriter& w = *writer.value();
        RunInfo info;
        info.uid = "big";
        const RunId id = w.beginRun(info);
        for (std::int64_t s = 0; s < kPoints; ++s)
            w.logMetric(id, "loss", s, s == kSpike ? 1000.0 : 1.0 + double(s % 1000) / 1000.0, NAN);
        REQUIRE(w.commit().ok());
    }
    const RunStore store = openStore(path);
    const std::int64_t key = store.readMetricKeys()->front().id;
    const RunId run = store.readRuns()->runs.front().id;
    const Series all = seriesOf(store, key, run);
    REQUIRE(std::int64_t(all.size()) == kPoints);
    const std::vector<double> x(all.steps.begin(), all.steps.end());

    SECTION("whole series at 64 columns") {
        const ChartData data = compute(store, requestFor(key, {run}, 64));
        REQUIRE(data.runs.size() == 1);
        const RunChart& chart = data.runs[0];
        requireLine(chart.line, referenceEnvelope(x, all.values, {0, double(kPoints - 1), 64}));
        CHECK(*std::max_element(chart.line.y.begin(), chart.line.y.end()) == 1000.0);
        CHECK(data.x0 == 0);
        CHECK(data.x1 == double(kPoints - 1));
        CHECK(data.y.high > 1000.0);
        CHECK_FALSE(chart.allPoints);
        // Each column holds ~18,750 points: only chunks straddling a column edge are decoded.
        CHECK(data.stats.chunksTotal == (kPoints + 4095) / 4096);
        CHECK(data.stats.chunksDecoded < data.stats.chunksTotal / 2);
        CHECK(data.stats.summariesUsed > data.stats.chunksTotal / 2);
    }
    SECTION("a 640-column view, spike column included") {
        const ChartData data = compute(store, requestFor(key, {run}, 640));
        const RunChart& chart = data.runs[0];
        requireLine(chart.line, referenceEnvelope(x, all.values, {0, double(kPoints - 1), 640}));
        CHECK(*std::max_element(chart.line.y.begin(), chart.line.y.end()) == 1000.0);
    }
    SECTION("zoomed in: chunks outside the range are skipped") {
        ChartRequest request = requestFor(key, {run}, 2500);
        request.x0 = kSpike - 2000;
        request.x1 = kSpike + 2000;
        const ChartData data = compute(store, request);
        requireLine(data.runs[0].line,
                    referenceEnvelope(x, all.values, {request.x0, request.x1, 2500}));
        // The chunks holding the range, and the two next to it (for the line's way in and out).
        CHECK(data.stats.chunksDecoded <= 4);
        CHECK(data.runs[0].allPoints);  // 4,001 points on 2,500 columns: every point drawn
        CHECK(*std::max_element(data.runs[0].line.y.begin(), data.runs[0].line.y.end()) == 1000.0);
    }
    SECTION("the probe reads the spike exactly, from one or two chunks") {
        ChartRequest request = requestFor(key, {run}, 500);
        auto probe = probeChart(store, request, double(kSpike) + 0.3, 10);
        REQUIRE(probe.ok());
        REQUIRE(probe->size() == 1);
        CHECK(probe->front().step == kSpike);
        CHECK(probe->front().value == 1000.0);
    }
}

TEST_CASE("smoothing runs on every point before the reduction", "[series][chart]") {
    SmallDb db;
    const RunStore store = openStore(db.path);
    for (SmoothingMode mode : {SmoothingMode::Ema, SmoothingMode::TimeWeightedEma,
                               SmoothingMode::RunningAverage, SmoothingMode::Gaussian}) {
        INFO("mode " << int(mode));
        ChartRequest request = requestFor(db.loss, db.runs, 120);
        request.smoothing = mode;
        request.strength = 0.9;
        const ChartData data = compute(store, request);
        REQUIRE(data.runs.size() == 3);  // the fourth run has no loss
        for (const RunChart& chart : data.runs) {
            const Series s = seriesOf(store, db.loss, chart.runId);
            const std::vector<double> x(s.steps.begin(), s.steps.end());
            const std::vector<double> smoothed = smooth(mode, 0.9, x, s.values);
            const EnvelopeRequest er{data.x0, data.x1, 120};
            requireLine(chart.line, referenceEnvelope(x, smoothed, er));
            requireLine(chart.raw, referenceEnvelope(x, s.values, er));
            // Smoothing the reduced points instead would draw something else.
            const Envelope reduced = referenceEnvelope(x, s.values, er);
            const std::vector<double> late = smooth(mode, 0.9, reduced.x, reduced.y);
            CHECK(late != chart.line.y);
        }
    }
    SECTION("strength 0 is no smoothing and draws no raw line") {
        ChartRequest request = requestFor(db.loss, db.runs, 120);
        request.smoothing = SmoothingMode::Ema;
        request.strength = 0;
        const ChartData data = compute(store, request);
        for (const RunChart& chart : data.runs)
            CHECK(chart.raw.empty());
    }
}

TEST_CASE("x-axis modes: step, wall time, relative time, another key", "[series][chart]") {
    SmallDb db;
    const RunStore store = openStore(db.path);
    const auto snapshot = store.readRuns().value();
    for (XAxis axis : {XAxis::Step, XAxis::WallTime, XAxis::RelativeTime, XAxis::Key}) {
        for (int width : {90, 4000}) {
            INFO("axis " << int(axis) << " width " << width);
            ChartRequest request = requestFor(db.loss, db.runs, width);
            request.xAxis = axis;
            request.xKeyId = db.epoch;
            // Run 1 gives its start time; the others leave it to the series' first time.
            request.runs[1].startTime = snapshot.runs[1].startTime;
            const ChartData data = compute(store, request);
            REQUIRE(data.runs.size() == 3);
            double lo = INFINITY, hi = -INFINITY;
            std::vector<std::vector<double>> xs;
            for (std::size_t r = 0; r < 3; ++r) {
                const Series s = seriesOf(store, db.loss, db.runs[r]);
                const Series epoch = seriesOf(store, db.epoch, db.runs[r]);
                const KeyLookup lookup(epoch);
                // Without a run start, the origin is the earliest time of the series' totals.
                const double start = r == 1 ? snapshot.runs[1].startTime
                                            : totalsOf(store, db.loss, db.runs[r]).timeMin;
                xs.push_back(alignX(s, axis, start, &lookup));
                for (double v : xs.back())
                    if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
            }
            // The extent comes from the stored totals, whose times are not rounded to the
            // microseconds the points are stored with.
            CHECK(data.dataX0 == Approx(lo).margin(1e-6));
            CHECK(data.dataX1 == Approx(hi).margin(1e-6));
            CHECK(data.x0 == data.dataX0);
            CHECK(data.x1 == data.dataX1);
            for (std::size_t r = 0; r < 3; ++r) {
                const Series s = seriesOf(store, db.loss, db.runs[r]);
                requireLine(data.runs[r].line,
                            referenceEnvelope(xs[r], s.values, {data.x0, data.x1, width}));
            }
            if (axis == XAxis::RelativeTime) {
                CHECK(data.runs[0].dataX0 == Approx(0).margin(1e-6));  // from its first time
                CHECK(data.runs[1].dataX0 > 5);  // from its start: 5 s and a bit later
            }
            // Run 2 logs loss up to step 4,399 and epoch up to step 4,300: no extrapolation.
            if (axis == XAxis::Key) CHECK(hi == 43.0);
        }
    }
}

TEST_CASE("groups: mean line and min-max or std band", "[series][chart]") {
    SmallDb db;
    const RunStore store = openStore(db.path);
    ChartRequest request = requestFor(db.loss, db.runs, 200);
    request.groupCount = 2;
    request.runs[0].group = 0;
    request.runs[1].group = 0;
    request.runs[2].group = 1;
    request.runs[3].group = 1;  // no loss: group 1 has one run with data
    request.smoothing = SmoothingMode::Ema;
    request.strength = 0.8;
    for (BandMode band : {BandMode::MinMax, BandMode::StdDev, BandMode::None}) {
        request.band = band;
        const ChartData data = compute(store, request);
        CHECK(data.runs.empty());
        REQUIRE(data.groups.size() == 2);
        CHECK(data.groups[0].runCount == 2);
        CHECK(data.groups[1].runCount == 1);
        // Brute force: the smoothed members, aggregated on the same bins.
        std::vector<std::vector<double>> xs, ys;
        for (int r : {0, 1}) {
            const Series s = seriesOf(store, db.loss, db.runs[std::size_t(r)]);
            xs.emplace_back(s.steps.begin(), s.steps.end());
            ys.push_back(smooth(SmoothingMode::Ema, 0.8, xs.back(), s.values));
        }
        const std::vector<GroupMember> members{{xs[0], ys[0]}, {xs[1], ys[1]}};
        const GroupBands want = aggregateGroup(members, {data.x0, data.x1, 200});
        const GroupChart& g = data.groups[0];
        requireSameVector(g.mean.x, want.x, "x");
        requireSameVector(g.mean.y, want.mean, "mean");
        if (band == BandMode::MinMax) {
            requireSameVector(g.low, want.min, "min");
            requireSameVector(g.high, want.max, "max");
        } else if (band == BandMode::StdDev) {
            REQUIRE(g.low.size() == want.mean.size());
            for (std::size_t i = 0; i < g.low.size(); ++i) {
                CHECK(g.low[i] == want.mean[i] - want.stddev[i]);
                CHECK(g.high[i] == want.mean[i] + want.stddev[i]);
            }
        } else {
            CHECK(g.low.empty());
            CHECK(g.high.empty());
        }
        // Runs 0 and 1 differ by 0.1 on average: a band as wide as that, not zero.
        if (band == BandMode::MinMax)
            CHECK(g.high[g.high.size() / 2] - g.low[g.low.size() / 2] > 0.05);
    }
}

TEST_CASE("y range, log scale and infinities", "[series][chart]") {
    runlens::test::TempDir dir;
    const std::string path = (dir / "y.runlens").string();
    {
        auto writer = RunWriter::open(path);
        REQUIRE(writer.ok());
        RunWriter& w = *writer.value();
        RunInfo info;
        info.uid = "y";
        const RunId id = w.beginRun(info);
        for (int s = 0; s < 100; ++s)
            w.logMetric(id, "v", s, s == 50 ? INFINITY : (s == 10 ? -1.0 : 1.0 + s), NAN);
        REQUIRE(w.commit().ok());
    }
    const RunStore store = openStore(path);
    const std::int64_t key = store.readMetricKeys()->front().id;
    const RunId run = store.readRuns()->runs.front().id;
    ChartRequest request = requestFor(key, {run}, 400);
    SECTION("linear: -1 counts, +Inf is pinned above the range") {
        const ChartData data = compute(store, request);
        CHECK(data.y.low < -1);
        CHECK(data.y.high > 100);
        CHECK(data.y.high < 110);
        const auto& y = data.runs[0].line.y;
        CHECK(std::isfinite(y[50]));
        CHECK(y[50] > data.y.high);
    }
    SECTION("log: values <= 0 become gaps") {
        request.yScale = AxisScale::Log;
        const ChartData data = compute(store, request);
        CHECK(std::isnan(data.runs[0].line.y[10]));
        CHECK(data.y.low > 0);
        CHECK(data.y.low < 2);
    }
    SECTION("zoomed: fitted to the visible part only") {
        request.x0 = 60;
        request.x1 = 70;
        const ChartData data = compute(store, request);
        CHECK(data.y.low > 59);
        CHECK(data.y.high < 73);
    }
}

TEST_CASE("probe: nearest exact values, smoothed like the chart", "[series][chart]") {
    SmallDb db;
    const RunStore store = openStore(db.path);
    ChartRequest request = requestFor(db.loss, db.runs, 300);
    SECTION("raw values against steps; an ended run is left out") {
        auto probe = probeChart(store, request, 3500.4, 5);
        REQUIRE(probe.ok());
        REQUIRE(probe->size() == 2);  // run 0 has 3,000 steps; run 3 has no loss
        for (const ProbeValue& p : probe.value()) {
            const Series s = seriesOf(store, db.loss, p.runId);
            CHECK(p.step == 3500);
            CHECK(p.value == s.values[3500]);
            CHECK(p.raw == p.value);
            CHECK(p.count == 1);
            CHECK(p.low == p.raw);
            CHECK(p.high == p.raw);
        }
    }
    SECTION("smoothed and on wall time") {
        request.smoothing = SmoothingMode::Ema;
        request.strength = 0.95;
        request.xAxis = XAxis::WallTime;
        const Series s = seriesOf(store, db.loss, db.runs[1]);
        const double target = s.times[1234] + 0.01;
        auto probe = probeChart(store, request, target, 1);
        REQUIRE(probe.ok());
        const auto it = std::find_if(probe->begin(), probe->end(),
                                     [&](const ProbeValue& p) { return p.runId == db.runs[1]; });
        REQUIRE(it != probe->end());
        const std::vector<double> smoothed = smooth(SmoothingMode::Ema, 0.95, {}, s.values);
        CHECK(it->step == 1234);
        CHECK(it->value == smoothed[1234]);
        CHECK(it->raw == s.values[1234]);
        // From the cache a chart computation filled: the same answer.
        SeriesCache cache;
        REQUIRE(computeChart(store, request, nullptr, &cache).ok());
        REQUIRE(cache.bytes() > 0);
        auto cached = probeChart(store, request, target, 1, nullptr, &cache);
        REQUIRE(cached.ok());
        REQUIRE(cached->size() == probe->size());
        for (std::size_t i = 0; i < probe->size(); ++i) {
            CHECK((*cached)[i].step == (*probe)[i].step);
            CHECK((*cached)[i].value == (*probe)[i].value);
            CHECK((*cached)[i].raw == (*probe)[i].raw);
        }
        // The chunk path gives the same point without smoothing.
        request.smoothing = SmoothingMode::None;
        auto raw = probeChart(store, request, target, 1);
        REQUIRE(raw.ok());
        const auto r = std::find_if(raw->begin(), raw->end(),
                                    [&](const ProbeValue& p) { return p.runId == db.runs[1]; });
        REQUIRE(r != raw->end());
        CHECK(r->step == 1234);
    }
}

TEST_CASE("runs not asked for, or without the key, are not drawn", "[series][chart]") {
    SmallDb db;
    const RunStore store = openStore(db.path);
    const ChartData data = compute(store, requestFor(db.loss, {db.runs[2], db.runs[3]}, 100));
    REQUIRE(data.runs.size() == 1);
    CHECK(data.runs[0].runId == db.runs[2]);
    CHECK(data.runs[0].index == 0);
    const ChartData none = compute(store, requestFor(db.loss, {}, 100));
    CHECK(none.runs.empty());
    CHECK_FALSE(none.y.fromData);
}

namespace {

// A chart whose series are read whole and kept in the cache (smoothing that needs neighbours on
// both sides, or an x axis other than steps).
ChartRequest cachedRequest(const SmallDb& db, SmoothingMode mode) {
    ChartRequest request = requestFor(db.loss, db.runs, 120);
    request.smoothing = mode;
    request.strength = 0.9;
    return request;
}

}  // namespace

TEST_CASE("the series cache gives the same charts without decoding again", "[series][chart]") {
    SmallDb db;
    const RunStore store = openStore(db.path);
    SeriesCache cache;
    for (SmoothingMode mode : {SmoothingMode::RunningAverage, SmoothingMode::Gaussian}) {
        INFO("mode " << int(mode));
        ChartRequest request = cachedRequest(db, mode);
        const ChartData plain = compute(store, request);
        auto first = computeChart(store, request, nullptr, &cache);
        REQUIRE(first.ok());
        CHECK(first->stats.pointsDecoded > 0);
        CHECK(first->stats.cacheHits == 0);
        // Zoomed: taken from the cache, equal to the computation without it.
        request.x0 = 500;
        request.x1 = 900;
        const ChartData zoomedPlain = compute(store, request);
        auto zoomed = computeChart(store, request, nullptr, &cache);
        REQUIRE(zoomed.ok());
        CHECK(zoomed->stats.pointsDecoded == 0);
        CHECK(zoomed->stats.cacheHits == 3);
        REQUIRE(zoomed->runs.size() == zoomedPlain.runs.size());
        for (std::size_t r = 0; r < zoomedPlain.runs.size(); ++r) {
            requireSameVector(zoomed->runs[r].line.x, zoomedPlain.runs[r].line.x, "x");
            requireSameVector(zoomed->runs[r].line.y, zoomedPlain.runs[r].line.y, "y");
            requireSameVector(zoomed->runs[r].raw.y, zoomedPlain.runs[r].raw.y, "raw");
        }
        for (std::size_t r = 0; r < plain.runs.size(); ++r)
            requireSameVector(first->runs[r].line.y, plain.runs[r].line.y, "whole");
    }
    CHECK(cache.bytes() > 0);

    SECTION("a series that grew is read again") {
        {
            auto writer = RunWriter::open(db.path);
            REQUIRE(writer.ok());
            RunInfo info;
            info.uid = "r0";
            const RunId id = writer.value()->beginRun(info);
            writer.value()->logMetric(id, "loss", 5000, 42.0, kStart + 9000);
            REQUIRE(writer.value()->commit().ok());
        }
        const RunStore fresh = openStore(db.path);
        auto again =
            computeChart(fresh, cachedRequest(db, SmoothingMode::Gaussian), nullptr, &cache);
        REQUIRE(again.ok());
        CHECK(again->stats.cacheHits == 2);  // runs 1 and 2 did not change
        CHECK(again->dataX1 == 5000);
        CHECK(*std::max_element(again->runs[0].raw.y.begin(), again->runs[0].raw.y.end()) == 42.0);
    }
    SECTION("the budget holds") {
        SeriesCache small(200'000);  // less than the three series (3,000+ points x 16 bytes)
        auto a = computeChart(store, cachedRequest(db, SmoothingMode::Gaussian), nullptr, &small);
        REQUIRE(a.ok());
        CHECK(small.bytes() <= 200'000);
        CHECK(small.bytes() > 0);
    }
}

TEST_CASE("threads do not change a chart", "[series][chart][threads]") {
    // Enough points (12 runs x 25,000) that computeChart spreads its runs over threads.
    runlens::test::TempDir dir;
    const std::string path = (dir / "many.runlens").string();
    std::vector<RunId> runs;
    {
        auto writer = RunWriter::open(path);
        REQUIRE(writer.ok());
        RunWriter& w = *writer.value();
        std::mt19937_64 rng(11);
        std::normal_distribution<double> noise(0, 0.2);
        for (int r = 0; r < 12; ++r) {
            RunInfo info;
            info.uid = "m" + std::to_string(r);
            info.startTime = kStart;
            const RunId id = w.beginRun(info);
            runs.push_back(id);
            for (int s = 0; s < 25'000; ++s) {
                const double v = s == 12'345 && r == 5 ? 1e6 : std::exp(-s / 5000.0) + noise(rng);
                w.logMetric(id, "loss", s, v, kStart + s * 0.5 + r);
            }
        }
        REQUIRE(w.commit().ok());
    }
    const RunStore store = openStore(path);
    const std::int64_t loss = store.readMetricKeys().value().at(0).id;

    auto requireSameChart = [](const ChartData& a, const ChartData& b) {
        REQUIRE(a.runs.size() == b.runs.size());
        for (std::size_t r = 0; r < a.runs.size(); ++r) {
            CHECK(a.runs[r].runId == b.runs[r].runId);
            requireSameVector(a.runs[r].line.x, b.runs[r].line.x, "x");
            requireSameVector(a.runs[r].line.y, b.runs[r].line.y, "y");
            requireSameVector(a.runs[r].raw.y, b.runs[r].raw.y, "raw");
        }
        REQUIRE(a.groups.size() == b.groups.size());
        for (std::size_t g = 0; g < a.groups.size(); ++g) {
            requireSameVector(a.groups[g].mean.y, b.groups[g].mean.y, "mean");
            requireSameVector(a.groups[g].low, b.groups[g].low, "low");
            requireSameVector(a.groups[g].high, b.groups[g].high, "high");
        }
        CHECK(a.y.low == b.y.low);
        CHECK(a.y.high == b.y.high);
        CHECK(a.dataX0 == b.dataX0);
        CHECK(a.dataX1 == b.dataX1);
        CHECK(a.stats.pointsDecoded == b.stats.pointsDecoded);
    };

    ChartRequest request = requestFor(loss, runs, 300);
    SECTION("raw, from summaries") {}
    SECTION("zoomed") {
        request.x0 = 12'000;
        request.x1 = 12'500;
    }
    SECTION("smoothed, against wall time") {
        request.smoothing = SmoothingMode::Ema;
        request.strength = 0.95;
        request.xAxis = XAxis::WallTime;
    }
    SECTION("groups") {
        request.groupCount = 3;
        for (std::size_t r = 0; r < request.runs.size(); ++r)
            request.runs[r].group = int(r % 3);
    }
    const ChartData one = compute(store, request);
    request.threads = 4;
    const ChartData four = compute(store, request);
    requireSameChart(one, four);
    if (request.groupCount == 0 && request.smoothing == SmoothingMode::None &&
        std::isnan(request.x0))
        CHECK(one.y.high >= 1e6);  // the spike survives on every path
}

TEST_CASE("EMA against steps is smoothed as the chunks are read, as over the whole series",
          "[series][chart]") {
    // Several chunks per run (4,096 points each), so the smoothing state crosses chunk edges;
    // NaN (skipped by the EMA); a constant run (left unsmoothed, as TensorBoard
    // does, decided from the stored totals); a run whose steps rewind (a resume).
    runlens::test::TempDir dir;
    const std::string path = (dir / "ema.runlens").string();
    std::vector<RunId> runs;
    {
        auto writer = RunWriter::open(path);
        REQUIRE(writer.ok());
        RunWriter& w = *writer.value();
        std::mt19937_64 rng(5);
        std::normal_distribution<double> noise(0, 0.3);
        for (int r = 0; r < 4; ++r) {
            RunInfo info;
            info.uid = "e" + std::to_string(r);
            const RunId id = w.beginRun(info);
            runs.push_back(id);
            for (int i = 0; i < 15'000; ++i) {
                double v = r == 1 ? 2.5 : std::sin(i * 0.001) + noise(rng);
                if (r == 0 && i % 997 == 3) v = NAN;
                const std::int64_t step = r == 3 && i >= 9000 ? i - 4000 : i;
                w.logMetric(id, "loss", step, v, kStart + i);
            }
        }
        REQUIRE(w.commit().ok());
    }
    const RunStore store = openStore(path);
    const std::int64_t key = store.readMetricKeys().value().front().id;
    SeriesCache cache;
    for (double x0 : {double(NAN), 3000.0}) {
        for (int threads : {1, 3}) {
            INFO("x0 " << x0 << ", threads " << threads);
            ChartRequest request = requestFor(key, runs, 173);
            request.smoothing = SmoothingMode::Ema;
            request.strength = 0.95;
            request.threads = threads;
            request.x0 = x0;
            request.x1 = std::isnan(x0) ? NAN : 11'000.0;
            auto data = computeChart(store, request, nullptr, &cache);
            REQUIRE(data.ok());
            REQUIRE(data->runs.size() == 4);
            CHECK(data->stats.chunksDecoded == 4 * 4);
            for (const RunChart& chart : data->runs) {
                const Series s = seriesOf(store, key, chart.runId);
                const std::vector<double> x(s.steps.begin(), s.steps.end());
                const std::vector<double> smoothed = smooth(SmoothingMode::Ema, 0.95, x, s.values);
                const EnvelopeRequest er{data->x0, data->x1, 173};
                requireLine(chart.line, referenceEnvelope(x, smoothed, er));
                requireLine(chart.raw, referenceEnvelope(x, s.values, er));
            }
            CHECK(data->runs[1].line.y == data->runs[1].raw.y);  // the constant run
        }
    }
    CHECK(cache.bytes() == 0);  // nothing held: the next zoom reads the chunks again
}

TEST_CASE("probe: several values at one step are counted, with their range (#17)",
          "[series][chart]") {
    // 44 values per step for 300 steps, as TensorBoard writes an evaluation per batch; 44 does
    // not divide the chunk size, so some steps span two chunks.
    runlens::test::TempDir dir;
    const std::string path = (dir / "multi.runlens").string();
    constexpr int kPerStep = 44;
    RunId run = 0;
    {
        auto writer = RunWriter::open(path);
        REQUIRE(writer.ok());
        RunInfo info;
        info.uid = info.name = "eval";
        run = writer.value()->beginRun(info);
        for (int s = 0; s < 300; ++s)
            for (int k = 0; k < kPerStep; ++k)
                writer.value()->logMetric(run, "val/loss", s, s + 0.01 * k, kStart + s);
        REQUIRE(writer.value()->commit().ok());
    }
    const RunStore store = openStore(path);
    const std::int64_t key = store.readMetricKeys().value().front().id;
    ChartRequest request = requestFor(key, {run}, 200);
    const int spanning = schema::kChunkPoints / kPerStep;  // step 93 starts in one chunk
    for (bool smoothed : {false, true}) {
        request.smoothing = smoothed ? SmoothingMode::Ema : SmoothingMode::None;
        request.strength = 0.6;
        for (int step : {100, spanning}) {
            INFO("smoothed " << smoothed << ", step " << step);
            auto probe = probeChart(store, request, step + 0.3, 5);
            REQUIRE(probe.ok());
            REQUIRE(probe->size() == 1);
            const ProbeValue& p = probe->front();
            CHECK(p.step == step);
            CHECK(p.count == kPerStep);
            CHECK(p.low == Approx(step));
            CHECK(p.high == Approx(step + 0.01 * (kPerStep - 1)));
            CHECK(p.raw == p.high);  // the last logged
        }
    }
}
