// RunFolderImporter: one W&B run folder (its .wandb log, then files/) into a RunSink, resumably.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "core/importers/importer.h"
#include "core/model/run_sink.h"
#include "core/util/progress.h"

namespace runlens::wandb {

/// Tuning and clock for an import; the defaults suit the application.
struct WandbImportOptions {
    /// A run without an exit record counts as still running while its folder was written to
    /// within this many seconds; after that it is shown as crashed.
    double liveWindowSeconds = kLiveWindowSeconds;  // the same for every format
    /// Unix time now; empty means the system clock (tests pin it).
    std::function<double()> now;
    /// Log bytes read between two commits of the sink.
    std::int64_t commitEveryBytes = std::int64_t(16) << 20;
};

/// A run folder found on disk.
struct RunFolder {
    std::filesystem::path dir;
    std::filesystem::path log;  ///< its run-<id>.wandb, or empty if it has none
    std::string uid;            ///< run id from the folder (or log file) name
    std::string sweepUid;       ///< sweep that lists this run in a sweep-<id> folder, if any
    std::string timestamp;      ///< YYYYMMDD_HHMMSS from the folder name, for ordering
    /// The newest folder of its run (resumed runs have several): only it may call a run that
    /// has no exit record running or crashed.
    bool latestSegment = true;
};

/// Imports one run folder. Per pass it reads the log from where the last pass stopped, then
/// whatever changed under files/, then saves its state (keyed by the log's path) with a commit.
/// Large logs are committed every options.commitEveryBytes, with the state matching what was
/// sent, so a cancelled or interrupted import continues from there.
class RunFolderImporter {
public:
    RunFolderImporter(RunSink& sink, ImportStats& stats, Progress* progress,
                      const WandbImportOptions& options);

    /// Bytes already done before this folder and the total of the whole import, for progress.
    void setProgressBase(std::int64_t done, std::int64_t total) {
        m_progressDone = done;
        m_progressTotal = total;
    }
    /// Imports the folder; false if cancelled (what was read is committed) or the sink failed
    /// (see error()).
    bool import(const RunFolder& folder);
    const Error& error() const { return m_error; }

private:
    bool commit();

    RunSink& m_sink;
    ImportStats& m_stats;
    Progress* m_progress;
    const WandbImportOptions& m_options;
    std::int64_t m_progressDone = 0;
    std::int64_t m_progressTotal = 0;
    Error m_error;
};

/// Parses a run folder name "(offline-)run-YYYYMMDD_HHMMSS-<id>[-suffix]" into id and timestamp.
bool parseRunFolderName(const std::string& name, std::string* uid, std::string* timestamp);

/// The import-state key of a run folder: its log's path, or the folder's when it has no log.
std::string importStateKey(const RunFolder& folder);

}  // namespace runlens::wandb
