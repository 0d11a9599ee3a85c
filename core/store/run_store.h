// RunStore: the read side of the run database. Opens read-only and never modifies the file.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/model/artifact.h"
#include "core/model/prediction_table.h"
#include "core/model/run_sink.h"
#include "core/model/series.h"
#include "core/model/step_media.h"
#include "core/store/chunk_codec.h"
#include "core/store/runs_snapshot.h"
#include "core/store/sqlite.h"

namespace runlens {

struct MetricKeyInfo {
    std::int64_t id = 0;
    std::string name;
    MetricKind kind = MetricKind::User;
    std::int64_t seriesCount = 0;  ///< runs that logged it
    std::int64_t pointCount = 0;   ///< over all runs
};

struct ChunkSummary {
    std::int64_t seq = 0;
    PointSummary summary;
};

struct ConsoleLine {
    double time = 0;
    ConsoleStream stream = ConsoleStream::Stdout;
    std::string text;
};

struct ImportNote {
    NoteLevel level = NoteLevel::Info;
    std::string message;
};

struct TableInfo {
    std::int64_t id = 0;
    RunId runId = 0;
    std::string name;
    std::int64_t step = 0;
    std::int64_t rowCount = 0;
    std::vector<std::pair<std::string, ColumnType>> columns;
};

/// Reads a Runlens database. Open one RunStore per thread; opening is cheap.
/// Readers see a consistent state per call while a writer (another process) appends.
class RunStore {
public:
    /// Opens read-only after checking the file (see schema::checkFile / schema::validate).
    static Result<RunStore> open(const std::string& path);
    /// Another read-only connection to this store's file, for another thread; skips the checks
    /// open() already made.
    Result<RunStore> openAnother() const;

    RunStore(RunStore&& other) noexcept;
    RunStore& operator=(RunStore&& other) noexcept;
    ~RunStore();

    const std::string& path() const { return m_db.path(); }
    int formatVersion() const { return m_version; }

    /// Changes whenever another connection commits: poll it to follow a live database.
    Result<std::int64_t> dataVersion() const;

    /// Every run with its config and summary. A run that never said it ended gets its end and
    /// runtime from its last logged time, and once that is older than kStaleRunSeconds the state
    /// "finished" (TensorBoard, CSV: no exit status) or "crashed" (W&B, MLflow: it died without
    /// saying). A user metric's summary comes from the source
    /// where it has one; where it does not, from the stored series: <key> = the last value
    /// logged, <key>.min / <key>.max = the extremes (so final metrics can be filtered and sorted
    /// for TensorBoard and CSV runs too).
    Result<RunsSnapshot> readRuns() const;
    Result<std::vector<MetricKeyInfo>> readMetricKeys() const;
    /// Series of one metric key across runs (keyId from readMetricKeys), or of every key when 0.
    Result<std::vector<SeriesInfo>> readSeriesInfos(std::int64_t keyId = 0) const;
    /// Series of one run (all keys, user and system).
    Result<std::vector<SeriesInfo>> readRunSeries(RunId run) const;

    /// Every point of a series, in logging order.
    Result<Series> readSeries(std::int64_t seriesId,
                              chunk_codec::Fields fields = chunk_codec::Fields::All) const;
    /// Points of the chunks whose step range overlaps [stepMin, stepMax] (whole chunks).
    Result<Series> readSeriesSteps(std::int64_t seriesId, std::int64_t stepMin,
                                   std::int64_t stepMax,
                                   chunk_codec::Fields fields = chunk_codec::Fields::All) const;
    Result<std::vector<ChunkSummary>> readChunkSummaries(std::int64_t seriesId) const;
    /// Chunk summaries of every series of a metric key, grouped by series id, in one query.
    Result<std::vector<std::pair<std::int64_t, std::vector<ChunkSummary>>>> readKeyChunkSummaries(
        std::int64_t keyId) const;
    Result<Series> readChunk(std::int64_t seriesId, std::int64_t seq,
                             chunk_codec::Fields fields = chunk_codec::Fields::All) const;
    /// Hands the data blob of every chunk of a series with seq in [seqFrom, seqTo] to `visit`,
    /// in order, from one query: for readers that decode straight into their own buffers (see
    /// chunk_codec::decodeInto). The blob is only valid during the call; an Error from `visit`
    /// stops the read and is returned.
    using ChunkVisitor = std::function<Result<void>(std::int64_t seq, std::string_view data)>;
    Result<void> visitChunkData(std::int64_t seriesId, std::int64_t seqFrom, std::int64_t seqTo,
                                const ChunkVisitor& visit) const;
    /// Block summaries (schema::kBlockPoints points each) of one chunk.
    Result<std::vector<PointSummary>> readBlocks(std::int64_t seriesId, std::int64_t seq) const;

    Result<std::vector<ConsoleLine>> readConsole(RunId run) const;
    Result<std::vector<ImportNote>> readImportNotes(RunId run) const;
    /// Tables of one run, or of every run when 0.
    Result<std::vector<TableInfo>> readTableInfos(RunId run = 0) const;
    Result<PredictionTable> readTable(std::int64_t tableId) const;
    Result<MediaItem> readMedia(MediaId id) const;
    /// Keys with images at steps, by name (none in a version 1 file).
    Result<std::vector<MediaKeyInfo>> readMediaKeys() const;
    /// Every image logged under `key`, by run, step and position.
    Result<std::vector<StepMediaItem>> readStepMedia(const std::string& key) const;
    Result<std::vector<Artifact>> readArtifacts() const;
    Result<std::vector<Sweep>> readSweeps() const;

private:
    struct StatementCache;
    class CachedStatement;

    RunStore(sqlite::Database db, int version);
    Result<sqlite::Statement> prepare(std::string_view sql) const;
    /// Runs that left no end: their end and runtime from the last logged time, and a state
    /// that is not "running" once nothing was logged for kStaleRunSeconds (see readRuns).
    Result<void> settleRunStates(RunsSnapshot& snap) const;
    /// Adds <key>, <key>.min and <key>.max summaries from the series totals (see readRuns).
    Result<void> addSeriesSummaries(RunsSnapshot& snap) const;
    /// A statement for one of the hot chunk queries, prepared once per connection; it is reset
    /// when the returned handle goes, so no read transaction outlives the call.
    Result<CachedStatement> cached(int which, const char* sql) const;

    mutable sqlite::Database m_db;  // reads open short transactions
    int m_version = 0;
    // Statements point at m_db's object: never moved along with it (see the move operations).
    mutable std::unique_ptr<StatementCache> m_statements;
};

/// Edits a person makes on purpose (tags, notes): the only writes into a database the user
/// opened. Opens a short read-write connection for the change and closes it.
Result<void> editRunTags(const std::string& path, RunId run, const std::vector<std::string>& tags);
Result<void> editRunNotes(const std::string& path, RunId run, const std::string& notes);

}  // namespace runlens
