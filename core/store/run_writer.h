// RunWriter: the write side of the run database; a RunSink that batches everything into
// transactions and stores metric history in chunks.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/model/run_sink.h"
#include "core/model/series.h"
#include "core/store/sqlite.h"

namespace runlens {

/// Writes runs into a Runlens database (the native file, or the cache of an imported source).
///
/// Everything is buffered and written in large transactions: call commit() to make data
/// visible to readers (RunStore, possibly in other processes). A commit also happens
/// automatically every few seconds while logging, and on destruction. Metric points are
/// collected per series into chunks of schema::kChunkPoints; the unfinished last chunk of each
/// series is (re)written at every commit, so readers always see every committed point.
///
/// Not thread-safe: use one RunWriter from one thread (other threads and processes read).
class RunWriter final : public RunSink {
public:
    /// Opens `path` for writing. A missing file is created as a new database; an existing file
    /// must be a Runlens database (older formats are migrated forward; others are an Error and
    /// are not modified).
    static Result<std::unique_ptr<RunWriter>> open(const std::string& path);
    ~RunWriter() override;

    const std::string& path() const { return m_db.path(); }
    /// Seconds between automatic commits while logging; 0 disables them.
    void setAutoCommitInterval(double seconds) { m_autoCommitSeconds = seconds; }

    RunId beginRun(const RunInfo& info) override;
    void updateRun(RunId run, const RunInfo& info) override;
    void setConfig(RunId run, const std::string& key, const Value& value) override;
    void removeConfig(RunId run, const std::string& key) override;
    void setSummary(RunId run, const std::string& key, const Value& value) override;
    void removeSummary(RunId run, const std::string& key) override;
    void logMetric(RunId run, const std::string& key, std::int64_t step, double value,
                   double time) override;
    void logSystemMetric(RunId run, const std::string& key, std::int64_t step, double value,
                         double time) override;
    void logConsole(RunId run, double time, ConsoleStream stream, std::string_view line) override;
    MediaId addMedia(const MediaItem& media) override;
    void logTable(RunId run, const PredictionTable& table) override;
    void logMediaAtStep(RunId run, const std::string& key, std::int64_t step,
                        const std::vector<StepImage>& images) override;
    void addArtifact(const Artifact& artifact) override;
    void addSweep(const Sweep& sweep) override;
    void addImportNote(RunId run, NoteLevel level, std::string_view message) override;
    void finishRun(RunId run, RunState state, std::optional<int> exitCode, double endTime,
                   double runtime) override;
    void saveImportState(const std::string& sourceKey, const std::string& state) override;
    std::string importState(const std::string& sourceKey) override;
    Result<void> commit() override;

    /// Deletes runs with everything they hold (config, summary, series, console, tables, notes),
    /// committing before and after. Media and artifacts stay: other runs may share them.
    Result<void> deleteRuns(const std::vector<RunId>& runs);
    /// Every key of saved import state, for removing a source's bookkeeping with its runs.
    std::vector<std::string> importStateKeys();
    void removeImportState(const std::string& sourceKey);

    /// The first error met since opening, if any (also returned by commit()).
    const std::optional<Error>& error() const { return m_error; }

private:
    struct SeriesBuffer {
        std::int64_t seriesId = 0;
        RunId runId = 0;
        std::int64_t tailSeq = 0;  ///< seq of the chunk being filled
        Series tail;               ///< points of that chunk
        PointSummary sealed;       ///< over all full chunks before it
        bool tailDirty = false;    ///< tail changed since it was last written
        bool touched = false;      ///< totals changed since the series row was last written
    };

    explicit RunWriter(sqlite::Database db);
    Result<void> prepareStatements();

    bool failed() const { return m_error.has_value(); }
    void fail(const Error& e);
    bool ensureTransaction();
    sqlite::Statement& stmt(int which);
    bool run(sqlite::Statement& s);

    std::int64_t valueKeyId(const std::string& key);
    std::int64_t metricKeyId(const std::string& key, MetricKind kind);
    std::int64_t projectId(const std::string& entity, const std::string& name);
    void writeRunRow(const RunInfo& info);
    std::optional<RunInfo> readRunRow(RunId run);
    void setValue(int statement, RunId run, const std::string& key, const Value& value);

    void appendPoint(RunId run, const std::string& key, MetricKind kind, std::int64_t step,
                     double value, double time);
    SeriesBuffer* seriesBuffer(RunId run, std::int64_t keyId);
    bool loadSeriesTail(SeriesBuffer& buffer, std::int64_t chunkCount);
    void writeChunk(SeriesBuffer& buffer);
    /// Writes dirty tails and totals; with onlyRun, just that run's series, then forgets them.
    void flushSeries(bool onlyRun, RunId run);
    void maybeAutoCommit();

    sqlite::Database m_db;
    std::vector<sqlite::Statement> m_statements;
    std::optional<Error> m_error;
    bool m_inTransaction = false;
    double m_autoCommitSeconds = 2.0;
    std::chrono::steady_clock::time_point m_lastCommit;
    std::uint32_t m_pointsSinceClockCheck = 0;

    std::unordered_map<std::string, std::int64_t> m_valueKeys;
    std::unordered_map<std::string, std::int64_t> m_metricKeys[2];
    std::map<std::pair<std::string, std::string>, std::int64_t> m_projects;
    std::map<std::pair<RunId, std::int64_t>, SeriesBuffer> m_series;
    std::unordered_map<std::string, MediaId> m_mediaByHash;
};

/// Combines the summaries of two consecutive point ranges (a before b).
PointSummary combineSummaries(const PointSummary& a, const PointSummary& b);

}  // namespace runlens
