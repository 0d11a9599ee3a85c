// ChartReader: series lists, full-resolution reads (streamed chunk by chunk for long series) and
// the summary-driven envelope against steps.
#include "core/series/chart_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/series/envelope_builder.h"
#include "core/store/schema.h"

namespace runlens::series {
namespace {

bool needsTimes(XAxis axis) {
    return axis == XAxis::WallTime || axis == XAxis::RelativeTime;
}

const std::vector<ChunkSummary> kNoSummaries;

}  // namespace

ChartReader::ChartReader(const RunStore& store, const ChartRequest& request, ChartReadStats& stats)
    : m_store(store), m_request(request), m_stats(stats), m_key(std::make_shared<KeyData>()) {}

ChartReader::ChartReader(const ChartReader& opened, const RunStore& store, ChartReadStats& stats)
    : m_store(store), m_request(opened.m_request), m_stats(stats), m_key(opened.m_key) {}

Result<void> ChartReader::open() {
    auto infos = m_store.readSeriesInfos(m_request.keyId);
    if (!infos.ok()) return infos.error();
    m_key->series.reserve(infos->size());
    for (SeriesInfo& info : infos.value())
        m_key->series.emplace(info.runId, std::move(info));
    if (m_request.xAxis == XAxis::Key && m_request.xKeyId != 0) {
        auto keys = m_store.readSeriesInfos(m_request.xKeyId);
        if (!keys.ok()) return keys.error();
        for (const SeriesInfo& info : keys.value())
            m_key->xKeySeries.emplace(info.runId, info.seriesId);
    }
    return {};
}

const SeriesInfo* ChartReader::seriesOf(RunId run) const {
    const auto it = m_key->series.find(run);
    return it == m_key->series.end() ? nullptr : &it->second;
}

double ChartReader::runStart(const ChartRun& run, const SeriesInfo& info) const {
    return std::isfinite(run.startTime) ? run.startTime : info.total.timeMin;
}

std::pair<double, double> ChartReader::totalsExtent(const ChartRun& run,
                                                    const SeriesInfo& info) const {
    const PointSummary& t = info.total;
    if (t.count == 0) return {NAN, NAN};
    switch (m_request.xAxis) {
        case XAxis::Step:
            return {double(t.stepMin), double(t.stepMax)};
        case XAxis::WallTime:
            return {t.timeMin, t.timeMax};
        case XAxis::RelativeTime: {
            const double start = runStart(run, info);
            return {t.timeMin - start, t.timeMax - start};
        }
        case XAxis::Key:
            break;
    }
    return {NAN, NAN};
}

Result<const KeyLookup*> ChartReader::keyLookupOf(RunId run) {
    if (auto it = m_keyLookups.find(run); it != m_keyLookups.end()) return &it->second;
    KeyLookup lookup;
    if (auto it = m_key->xKeySeries.find(run); it != m_key->xKeySeries.end()) {
        auto key = m_store.readSeries(it->second, chunk_codec::Fields::StepsAndValues);
        if (!key.ok()) return key.error();
        m_stats.pointsDecoded += std::int64_t(key->size());
        lookup = KeyLookup(key.value());
    }
    return &m_keyLookups.emplace(run, std::move(lookup)).first->second;
}

chunk_codec::Fields ChartReader::fields() const {
    return needsTimes(m_request.xAxis) ? chunk_codec::Fields::All
                                       : chunk_codec::Fields::StepsAndValues;
}

void ChartReader::align(const Series& chunk, const ChartRun& run, const SeriesInfo& info,
                        std::vector<double>& x) {
    const KeyLookup* key = nullptr;
    if (m_request.xAxis == XAxis::Key) {
        auto it = m_keyLookups.find(run.runId);
        key = it == m_keyLookups.end() ? nullptr : &it->second;
    }
    alignX(chunk, m_request.xAxis, x, runStart(run, info), key);
}

Result<void> ChartReader::readFull(const ChartRun& run, const SeriesInfo& info, AlignedSeries& out,
                                   bool keepSteps) {
    out.x.clear();
    out.y.clear();
    out.steps.clear();
    const KeyLookup* key = nullptr;
    if (m_request.xAxis == XAxis::Key) {
        auto lookup = keyLookupOf(run.runId);
        if (!lookup.ok()) return lookup.error();
        key = lookup.value();
    }
    ++m_stats.seriesRead;
    const XAxis axis = m_request.xAxis;
    const bool needSteps = keepSteps || axis == XAxis::Key;
    const double start = runStart(run, info);
    // Straight into the final arrays: no Series in between, no times unless x is a time, and
    // the steps as integers only when someone needs them.
    const std::size_t expected = std::size_t(std::max<std::int64_t>(0, info.total.count));
    out.x.reserve(expected);
    out.y.reserve(expected);
    if (keepSteps) out.steps.reserve(expected);
    std::vector<std::int64_t>& steps = keepSteps ? out.steps : m_stepBuffer;
    steps.clear();
    auto decode = [&](std::int64_t, std::string_view blob) -> Result<void> {
        auto count = chunk_codec::pointCount(blob);
        if (!count.ok()) return count.error();
        const std::size_t base = out.y.size();
        const std::size_t n = count.value();
        out.x.resize(base + n);
        out.y.resize(base + n);
        chunk_codec::PointArrays arrays;
        arrays.values = out.y.data() + base;
        if (needSteps) {
            steps.resize(base + n);
            arrays.steps = steps.data() + base;
        }
        if (axis == XAxis::Step) arrays.stepsAsDouble = out.x.data() + base;
        if (needsTimes(axis)) arrays.times = out.x.data() + base;
        if (auto r = chunk_codec::decodeInto(blob, arrays); !r.ok()) return r;
        if (axis == XAxis::RelativeTime) {
            double* x = out.x.data() + base;
            double origin = start;
            if (std::isnan(origin)) {
                // No start known (no finite time at all): as alignX, the earliest time read.
                for (std::size_t i = 0; i < n; ++i)
                    if (std::isfinite(x[i]) && (std::isnan(origin) || x[i] < origin)) origin = x[i];
            }
            for (std::size_t i = 0; i < n; ++i)
                x[i] -= origin;
        } else if (axis == XAxis::Key) {
            if (key == nullptr || key->empty()) {
                std::fill(out.x.begin() + std::ptrdiff_t(base), out.x.end(), NAN);
            } else {
                key->map(std::span<const std::int64_t>(steps.data() + base, n), m_alignBuffer);
                std::copy(m_alignBuffer.begin(), m_alignBuffer.end(),
                          out.x.begin() + std::ptrdiff_t(base));
            }
        }
        ++m_stats.chunksTotal;
        ++m_stats.chunksDecoded;
        m_stats.pointsDecoded += std::int64_t(n);
        return {};
    };
    const std::int64_t lastSeq = std::numeric_limits<std::int64_t>::max();
    if (auto r = m_store.visitChunkData(info.seriesId, 0, lastSeq, decode); !r.ok()) return r;
    return {};
}

Result<void> ChartReader::readKeySummaries() {
    auto all = m_store.readKeyChunkSummaries(m_request.keyId);
    if (!all.ok()) return all.error();
    m_key->summaries.clear();
    m_key->summaries.reserve(all->size());
    for (auto& [seriesId, summaries] : all.value())
        m_key->summaries.emplace(seriesId, std::move(summaries));
    return {};
}

const std::vector<ChunkSummary>& ChartReader::summariesOf(std::int64_t seriesId) const {
    const auto it = m_key->summaries.find(seriesId);
    return it == m_key->summaries.end() ? kNoSummaries : it->second;
}

// Everything a prepared series depends on; the totals change whenever the series grows.
std::string ChartReader::cacheKey(const ChartRun& run, const SeriesInfo& info) const {
    const PointSummary& t = info.total;
    const bool smoothing = m_request.smoothingOn();
    char text[512];
    std::snprintf(text, sizeof text, "%lld|%lld|%lld|%lld|%a|%a|%a|%a|%d|%lld|%a|%d|%a|",
                  (long long)info.seriesId, (long long)t.count, (long long)t.stepMin,
                  (long long)t.stepMax, t.timeMax, t.min, t.max, t.last, int(m_request.xAxis),
                  (long long)m_request.xKeyId,
                  m_request.xAxis == XAxis::RelativeTime ? runStart(run, info) : 0.0,
                  smoothing ? int(m_request.smoothing) : 0,
                  smoothing ? clampStrength(m_request.strength) : 0.0);
    return m_store.path() + "|" + text;
}

std::shared_ptr<const PreparedSeries> ChartReader::findPrepared(const ChartRun& run,
                                                                const SeriesInfo& info,
                                                                SeriesCache* cache) {
    if (!cache) return nullptr;
    auto found = cache->find(cacheKey(run, info));
    if (found) ++m_stats.cacheHits;
    return found;
}

Result<std::shared_ptr<const PreparedSeries>> ChartReader::prepare(const ChartRun& run,
                                                                   const SeriesInfo& info,
                                                                   SeriesCache* cache) {
    if (auto found = findPrepared(run, info, cache)) return found;
    AlignedSeries read;
    const bool keepSteps = m_request.xAxis != XAxis::Step;  // on x = step, x is the step
    if (auto r = readFull(run, info, read, keepSteps); !r.ok()) return r.error();
    auto out = std::make_shared<PreparedSeries>();
    out->x = std::move(read.x);
    out->y = std::move(read.y);
    out->steps = std::move(read.steps);
    if (m_request.smoothingOn())
        smooth(m_request.smoothing, m_request.strength, out->x, out->y, out->smoothed);
    out->ascending = isAscending(out->x);
    if (cache) cache->insert(cacheKey(run, info), out);
    return std::shared_ptr<const PreparedSeries>(std::move(out));
}

template <typename Use>
Result<void> ChartReader::visitDecoded(std::int64_t seriesId, std::int64_t seqFrom,
                                       std::int64_t seqTo, Use&& use) {
    return m_store.visitChunkData(seriesId, seqFrom, seqTo,
                                  [&](std::int64_t, std::string_view blob) -> Result<void> {
                                      auto count = chunk_codec::pointCount(blob);
                                      if (!count.ok()) return count.error();
                                      const std::size_t n = count.value();
                                      if (m_chunkSteps.size() < n) {
                                          m_chunkSteps.resize(n);
                                          m_chunkValues.resize(n);
                                      }
                                      chunk_codec::PointArrays arrays;
                                      arrays.steps = m_chunkSteps.data();
                                      arrays.values = m_chunkValues.data();
                                      if (auto r = chunk_codec::decodeInto(blob, arrays); !r.ok())
                                          return r;
                                      ++m_stats.chunksDecoded;
                                      m_stats.pointsDecoded += std::int64_t(n);
                                      use(std::span<const std::int64_t>(m_chunkSteps.data(), n),
                                          std::span<const double>(m_chunkValues.data(), n));
                                      return {};
                                  });
}

// Chunk summaries only: a refined chunk is decoded and fed whole. Its 64-point block summaries
// would rarely spare that decoding, because a chunk is refined when a column edge (or the range
// edge) falls inside it, and that edge then falls inside one of its blocks too, which must be
// decoded — and a chunk's points can only be decoded together. Feeding the decoded points costs
// little more than feeding blocks (the builder scans ascending steps column by column).
// Consecutive refined chunks are read with one statement, into buffers reused chunk after chunk.
Result<Envelope> ChartReader::envelopeFromSummaries(const SeriesInfo& info,
                                                    const std::vector<ChunkSummary>& summaries,
                                                    const EnvelopeRequest& request) {
    ++m_stats.seriesRead;
    m_stats.chunksTotal += std::int64_t(summaries.size());
    EnvelopeBuilder builder(request);
    std::vector<PointSummary> plain;
    plain.reserve(summaries.size());
    for (const ChunkSummary& s : summaries)
        plain.push_back(s.summary);
    const std::vector<SummaryUse> uses = builder.plan(plain);
    auto feed = [&](std::span<const std::int64_t> steps, std::span<const double> values) {
        builder.addPoints(steps, values);
    };
    std::size_t i = 0;
    while (i < summaries.size()) {
        const PointSummary& s = plain[i];
        if (uses[i] == SummaryUse::Use && builder.addSummary(s)) {
            ++m_stats.summariesUsed;
            ++i;
            continue;
        }
        if (uses[i] == SummaryUse::Skip && builder.skipSummary(s)) {
            ++m_stats.summariesUsed;
            ++i;
            continue;
        }
        // This chunk and the refined ones right after it, whose seqs follow on.
        std::size_t j = i + 1;
        while (j < summaries.size() && uses[j] == SummaryUse::Refine &&
               summaries[j].seq == summaries[j - 1].seq + 1)
            ++j;
        if (auto r = visitDecoded(info.seriesId, summaries[i].seq, summaries[j - 1].seq, feed);
            !r.ok())
            return r.error();
        i = j;
    }
    auto envelope = builder.finish();
    if (!envelope.ok()) return makeError(envelope.error().message, m_store.path());
    return envelope;
}

Result<std::pair<Envelope, Envelope>> ChartReader::emaEnvelopes(const SeriesInfo& info,
                                                                double strength,
                                                                const EnvelopeRequest& request) {
    ++m_stats.seriesRead;
    const PointSummary& t = info.total;
    // As emaTensorBoard decides for the whole series: every value equal to the first.
    const bool constant = t.count > 0 && t.nanCount == 0 && t.min == t.max;
    EmaStream ema(clampStrength(strength), constant);
    EnvelopeBuilder line(request), raw(request);
    std::int64_t chunks = 0;
    auto feed = [&](std::span<const std::int64_t> steps, std::span<const double> values) {
        ++chunks;
        if (m_chunkSmoothed.size() < values.size()) m_chunkSmoothed.resize(values.size());
        ema.apply(values, m_chunkSmoothed.data());
        raw.addPoints(steps, values);
        line.addPoints(steps, std::span<const double>(m_chunkSmoothed.data(), values.size()));
    };
    const std::int64_t lastSeq = std::numeric_limits<std::int64_t>::max();
    if (auto r = visitDecoded(info.seriesId, 0, lastSeq, feed); !r.ok()) return r.error();
    m_stats.chunksTotal += chunks;
    auto smoothed = line.finish();
    if (!smoothed.ok()) return makeError(smoothed.error().message, m_store.path());
    auto rawEnvelope = raw.finish();
    if (!rawEnvelope.ok()) return makeError(rawEnvelope.error().message, m_store.path());
    return std::pair{std::move(smoothed.value()), std::move(rawEnvelope.value())};
}

}  // namespace runlens::series
