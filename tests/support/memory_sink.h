// MemorySink: a RunSink that keeps everything in memory, for importer tests without a database.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/model/run_sink.h"
#include "core/model/series.h"

namespace runlens::test {

struct MemoryConsoleLine {
    double time;
    ConsoleStream stream;
    std::string text;
};

struct MemoryNote {
    NoteLevel level;
    std::string message;
};

/// Everything a sink received for one run.
struct MemoryRun {
    RunInfo info;
    std::map<std::string, Value> config;
    std::map<std::string, Value> summary;
    std::map<std::string, Series> metrics;
    std::map<std::string, Series> systemMetrics;
    std::vector<MemoryConsoleLine> console;
    std::vector<PredictionTable> tables;
    /// Images at steps: key -> step -> images (a step logged with no images is erased).
    std::map<std::string, std::map<std::int64_t, std::vector<StepImage>>> stepMedia;
    std::vector<MemoryNote> notes;
    bool finished = false;
};

class MemorySink : public RunSink {
public:
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

    /// Runs by id (ids start at 1 and follow beginRun order).
    std::map<RunId, MemoryRun> runs;
    std::vector<MediaItem> media;  ///< media id N is media[N-1]
    std::vector<Artifact> artifacts;
    std::vector<Sweep> sweeps;
    std::map<std::string, std::string> importStates;
    int commits = 0;

    /// The run with this uid; fails the current test if there is none.
    MemoryRun& byUid(const std::string& uid);
    /// Whether a run with this uid exists.
    bool hasUid(const std::string& uid) const;

private:
    MemoryRun& run(RunId id);
};

/// Whether one of the run's import notes contains `part`.
bool hasNote(const MemoryRun& run, const std::string& part);
/// Metric points (not system metrics) over all runs of the sink.
std::size_t metricPoints(const MemorySink& sink);

}  // namespace runlens::test
