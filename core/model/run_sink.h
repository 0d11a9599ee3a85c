// RunSink: where importers and loggers put runs. The store's RunWriter is the main implementation;
// tests use an in-memory one (tests/support/memory_sink.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/artifact.h"
#include "core/model/prediction_table.h"
#include "core/model/run_info.h"
#include "core/model/step_media.h"
#include "core/model/value.h"
#include "core/util/result.h"

namespace runlens {

enum class ConsoleStream : std::uint8_t { Stdout = 0, Stderr = 1 };
enum class NoteLevel : std::uint8_t { Info = 0, Warning = 1, Error = 2 };

/// Receives runs and their data, in any order that respects "beginRun before the rest".
///
/// Methods that add data do not return errors: a sink that fails (disk full, ...) remembers the
/// first failure and reports it from commit(), so importers stay readable. Nothing is guaranteed
/// to be visible to readers before commit() returns.
class RunSink {
public:
    virtual ~RunSink() = default;

    /// Starts a run, or reopens the run with the same uid to continue it (a resumed run, or an
    /// import picking up where it left off). Non-empty fields of `info` overwrite stored ones.
    virtual RunId beginRun(const RunInfo& info) = 0;
    /// Updates metadata of a started run (same merge rule as beginRun).
    virtual void updateRun(RunId run, const RunInfo& info) = 0;

    virtual void setConfig(RunId run, const std::string& key, const Value& value) = 0;
    virtual void removeConfig(RunId run, const std::string& key) = 0;
    virtual void setSummary(RunId run, const std::string& key, const Value& value) = 0;
    virtual void removeSummary(RunId run, const std::string& key) = 0;

    /// Appends one point to the run's series `key`. time is Unix seconds or NaN.
    virtual void logMetric(RunId run, const std::string& key, std::int64_t step, double value,
                           double time) = 0;
    /// Appends one point of a system metric (CPU, memory, GPU...); step is a sample index.
    virtual void logSystemMetric(RunId run, const std::string& key, std::int64_t step, double value,
                                 double time) = 0;
    /// Appends console output: one line, without its trailing newline.
    virtual void logConsole(RunId run, double time, ConsoleStream stream,
                            std::string_view line) = 0;

    /// Stores a media item once per content; returns its id (0 if the sink failed).
    virtual MediaId addMedia(const MediaItem& media) = 0;
    /// Stores a prediction table; image cells refer to ids returned by addMedia.
    /// A table with the same name and step for this run is replaced.
    virtual void logTable(RunId run, const PredictionTable& table) = 0;
    /// Logs the images shown under `key` at `step` (ids from addMedia, in display order),
    /// replacing what this run logged under that key at that step; no images clears it.
    virtual void logMediaAtStep(RunId run, const std::string& key, std::int64_t step,
                                const std::vector<StepImage>& images) = 0;

    /// Adds or updates (by name and version) an artifact, with its producer and consumers.
    virtual void addArtifact(const Artifact& artifact) = 0;
    /// Adds or updates (by uid) a sweep.
    virtual void addSweep(const Sweep& sweep) = 0;

    /// Records something the importer noticed about a run (shown in run detail).
    virtual void addImportNote(RunId run, NoteLevel level, std::string_view message) = 0;

    /// Marks a run as ended.
    virtual void finishRun(RunId run, RunState state, std::optional<int> exitCode, double endTime,
                           double runtime) = 0;

    /// Importer bookkeeping for incremental re-import (file offsets, ...), saved with the next
    /// commit so that data and the position it was read up to always agree. Keyed by source.
    virtual void saveImportState(const std::string& sourceKey, const std::string& state) = 0;
    /// The state last saved for sourceKey, or an empty string.
    virtual std::string importState(const std::string& sourceKey) = 0;

    /// Makes everything added so far durable and visible to readers.
    virtual Result<void> commit() = 0;

    // Conveniences for code that logs its own runs (the C++ logging API).

    /// beginRun, then setConfig for every pair.
    RunId startRun(const RunInfo& info, const KeyValues& config) {
        RunId run = beginRun(info);
        for (const auto& [key, value] : config)
            setConfig(run, key, value);
        return run;
    }
    /// Logs several metrics at one step, e.g. logMetrics(run, 10, {{"loss", 0.3}, {"acc", 0.9}},
    /// t).
    void logMetrics(RunId run, std::int64_t step,
                    const std::vector<std::pair<std::string, double>>& metrics, double time) {
        for (const auto& [key, value] : metrics)
            logMetric(run, key, step, value, time);
    }
};

}  // namespace runlens
