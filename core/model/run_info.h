// RunInfo: a run's identity and metadata, as stored in the runs table.
#pragma once

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace runlens {

using RunId = std::int64_t;  ///< a run's row id in one database

/// Stored as text in the database ("running", "finished", ...).
enum class RunState { Unknown, Running, Finished, Failed, Crashed, Killed };

std::string_view toString(RunState state);
/// Inverse of toString; unknown text gives RunState::Unknown.
RunState runStateFromString(std::string_view text);

inline constexpr double kNoTime = std::numeric_limits<double>::quiet_NaN();
/// A run that logged nothing for this long and never said it ended is taken as ended (by the
/// importers that watch file ages and by RunStore when it reads runs).
inline constexpr double kStaleRunSeconds = 15 * 60;

/// Everything known about a run besides its data. Times are Unix seconds (NaN when unknown).
struct RunInfo {
    RunId id = 0;  ///< assigned by the store
    std::string
        uid;  ///< stable id from the source (W&B run id, MLflow run uuid, ...); unique per database
    std::string project;  ///< project (W&B), experiment (MLflow); may be empty
    std::string entity;   ///< W&B entity or MLflow user, may be empty
    std::string name;     ///< display name
    std::string group;
    std::string jobType;
    std::vector<std::string> tags;
    std::string notes;
    RunState state = RunState::Unknown;
    std::optional<int> exitCode;
    double startTime = kNoTime;
    double endTime = kNoTime;
    double runtime = kNoTime;  ///< seconds the run was alive, if known
    std::string host;
    std::string os;
    std::string pythonVersion;
    std::string gpu;  ///< e.g. "2 x NVIDIA A100-SXM4-40GB"
    std::string gitCommit;
    std::string gitRemote;
    std::optional<bool> gitDirty;
    std::string command;       ///< program and arguments as one line
    std::string sweepUid;      ///< Sweep::uid this run belongs to, empty if none
    std::string parentUid;     ///< uid of the parent run (MLflow nested runs), empty if none
    bool deleted = false;      ///< deleted in its source (e.g. MLflow lifecycle); hidden by default
    std::string sourceFormat;  ///< "runlens", "wandb", "mlflow", "tensorboard", "csv"
    std::string sourcePath;    ///< the file or folder the run was read from

    // Derived when a store is read, never stored (see RunStore::readRuns).
    /// The run's id in its own source (W&B run id, MLflow run uuid, ...): uid without the prefix
    /// a workspace adds to keep the runs of several sources apart. Equals uid otherwise.
    std::string sourceRunId;
    /// In a workspace of several sources: the source the run was read from (a wandb/ folder,
    /// mlruns/, an mlflow.db, a TensorBoard log folder, ...). Empty for a database opened as is.
    std::string sourceRoot;
};

/// What to call a run: its name, else its own id in its source (never a workspace's prefixed uid).
inline const std::string& displayName(const RunInfo& r) {
    return !r.name.empty() ? r.name : !r.sourceRunId.empty() ? r.sourceRunId : r.uid;
}

/// Applies the RunSink merge rule: every field set in `from` (non-empty text, non-NaN time,
/// engaged optional, non-empty tag list, state other than Unknown) overwrites `into`.
/// `deleted` is always taken from `from`; `id` is never changed.
void mergeRunInfo(RunInfo& into, const RunInfo& from);

}  // namespace runlens
