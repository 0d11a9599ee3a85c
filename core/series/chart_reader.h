// ChartReader: reads one chart's series from a RunStore — full resolution on any x axis, or exact
// envelopes against steps made chunk by chunk (from stored summaries where they suffice, or
// smoothed with EMA as the chunks come).
#pragma once

#include <cstdint>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/model/series.h"
#include "core/series/chart_data.h"
#include "core/series/envelope.h"
#include "core/series/series_cache.h"
#include "core/store/run_store.h"

namespace runlens::series {

/// A series on the chart's x axis at full resolution, in logging order.
struct AlignedSeries {
    std::vector<double> x;            ///< NaN where a point has no x (see alignX)
    std::vector<double> y;            ///< the raw values
    std::vector<std::int64_t> steps;  ///< the logged steps, only when asked for (readFull)
};

/// Shared by computeChart and probeChart. Not thread-safe: one per thread. Readers for other
/// threads are made with the sharing constructor once open() (and readKeySummaries(), if wanted)
/// ran; they share the key's series list and summaries, read-only.
class ChartReader {
public:
    ChartReader(const RunStore& store, const ChartRequest& request, ChartReadStats& stats);
    /// A reader for another thread (with its own store connection and stats) that shares what
    /// `opened` has read.
    ChartReader(const ChartReader& opened, const RunStore& store, ChartReadStats& stats);

    const RunStore& store() const { return m_store; }
    ChartReadStats& stats() { return m_stats; }

    /// Reads the key's series list (and the x key's, for XAxis::Key). Call first.
    Result<void> open();

    /// The run's series of the chart's key, or null when it has none.
    const SeriesInfo* seriesOf(RunId run) const;

    /// The run's extent on the x axis from the series totals, for every axis but Key (NaN, NaN).
    std::pair<double, double> totalsExtent(const ChartRun& run, const SeriesInfo& info) const;

    /// Every point of the series, aligned to the x axis (with the steps when keepSteps).
    Result<void> readFull(const ChartRun& run, const SeriesInfo& info, AlignedSeries& out,
                          bool keepSteps = false);

    /// The series aligned and smoothed as the request says: from the cache (if any), or read and
    /// then kept there.
    Result<std::shared_ptr<const PreparedSeries>> prepare(const ChartRun& run,
                                                          const SeriesInfo& info,
                                                          SeriesCache* cache);
    /// The cached prepared series, or null (also without a cache).
    std::shared_ptr<const PreparedSeries> findPrepared(const ChartRun& run, const SeriesInfo& info,
                                                       SeriesCache* cache);

    /// The chunk summaries of every series of the key, in one query (for the envelope path).
    Result<void> readKeySummaries();
    /// The chunk summaries read by readKeySummaries (empty for an unknown series).
    const std::vector<ChunkSummary>& summariesOf(std::int64_t seriesId) const;

    /// The exact envelope against steps (x = step, raw values), decoding only the chunks that a
    /// pixel column needs; equal to reduceEnvelope over every point.
    Result<Envelope> envelopeFromSummaries(const SeriesInfo& info,
                                           const std::vector<ChunkSummary>& summaries,
                                           const EnvelopeRequest& request);

    /// The exact envelopes against steps of a series smoothed with SmoothingMode::Ema at
    /// `strength`: of the smoothed values (first) and of the raw ones, read chunk by chunk and
    /// smoothed as they come, without holding the series. Equal to reduceEnvelope over prepare()'s
    /// x and smoothed (and y).
    Result<std::pair<Envelope, Envelope>> emaEnvelopes(const SeriesInfo& info, double strength,
                                                       const EnvelopeRequest& request);

    /// Aligns the points of one decoded chunk (or series) to the x axis.
    void align(const Series& chunk, const ChartRun& run, const SeriesInfo& info,
               std::vector<double>& x);
    /// Fields to decode for the x axis (times only for the time axes).
    chunk_codec::Fields fields() const;

    /// The x of a run's series starts for RelativeTime: the run's start, else its first time.
    double runStart(const ChartRun& run, const SeriesInfo& info) const;

private:
    Result<const KeyLookup*> keyLookupOf(RunId run);
    // Decodes the chunks [seqFrom, seqTo] of a series in order into the reused chunk buffers and
    // hands each to `use(steps, values)`.
    template <typename Use>
    Result<void> visitDecoded(std::int64_t seriesId, std::int64_t seqFrom, std::int64_t seqTo,
                              Use&& use);
    std::string cacheKey(const ChartRun& run, const SeriesInfo& info) const;

    const RunStore& m_store;
    const ChartRequest& m_request;
    ChartReadStats& m_stats;
    // Read by open() and readKeySummaries(), then only read (shared with other threads' readers).
    struct KeyData {
        std::unordered_map<RunId, SeriesInfo> series;
        std::unordered_map<RunId, std::int64_t> xKeySeries;  // run -> series id of the x key
        std::unordered_map<std::int64_t, std::vector<ChunkSummary>> summaries;
    };
    std::shared_ptr<KeyData> m_key;
    std::unordered_map<RunId, KeyLookup> m_keyLookups;
    std::vector<double> m_alignBuffer;
    std::vector<std::int64_t> m_stepBuffer;  // steps of the series being read (x = another key)
    std::vector<std::int64_t> m_chunkSteps;  // one chunk at a time (visitDecoded)
    std::vector<double> m_chunkValues;
    std::vector<double> m_chunkSmoothed;
};

}  // namespace runlens::series
