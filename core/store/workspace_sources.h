// WorkspaceSources: the list of sources a cache database was imported from, kept in the database
// itself, and what it tells about each run (its own id, the source it came from).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/run_info.h"

namespace runlens {

/// import_state key under which a workspace cache keeps its source list.
inline constexpr const char* kWorkspaceSourcesKey = "runlens.sources";

/// One source of a workspace: a W&B folder, an MLflow store, a TensorBoard log folder, ...
struct WorkspaceSource {
    /// Prefix of its runs' uids ("s2:") and import-state keys in the cache; the first source of a
    /// workspace has none, so a workspace of one source stores runs exactly as its source names
    /// them.
    std::string scope;
    std::string format;    ///< importer format: "wandb", "mlflow", "tensorboard", "csv", "runlens"
    std::string path;      ///< absolute path of the source
    bool added = false;    ///< added by the user (File › Add Source), not found under the root
    bool missing = false;  ///< gone from disk at the last scan; its runs are kept
    bool removed = false;  ///< removed by the user: its runs were deleted, a rescan skips it
    /// No longer found by the scan although still on disk (now part of a larger source): its runs
    /// were deleted; found again, it comes back.
    bool superseded = false;
    std::string error;  ///< why its last import failed, if it did

    friend bool operator==(const WorkspaceSource&, const WorkspaceSource&) = default;
};

/// JSON text of a source list (one canonical text for equal lists).
std::string encodeWorkspaceSources(const std::vector<WorkspaceSource>& sources);
/// The list encoded by encodeWorkspaceSources; empty for empty or unreadable text.
std::vector<WorkspaceSource> decodeWorkspaceSources(std::string_view text);

/// The scope for the n-th source ever added to a workspace (n from 0): "", "s2:", "s3:", ...
std::string workspaceScope(int n);

/// The source a run uid belongs to (the longest matching scope; the unscoped source otherwise),
/// or nullptr when none matches. Removed sources are ignored.
const WorkspaceSource* sourceOfUid(const std::vector<WorkspaceSource>& sources,
                                   std::string_view uid);

/// Fills RunInfo::sourceRunId and sourceRoot of every run from the source list.
void applySourceScopes(const std::vector<WorkspaceSource>& sources, std::vector<RunInfo>& runs);

}  // namespace runlens
