// Opening any supported path: a Runlens database as is, anything else through its importer into
// a cache database (incrementally, so a second open is instant and a live source only adds news).
#pragma once

#include <filesystem>
#include <string>

#include "core/importers/importer.h"
#include "core/importers/source_scan.h"
#include "core/store/workspace_sources.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace runlens {

/// How a path will be opened, decided without importing or writing anything.
///
/// Anything but a Runlens database opens as a *workspace*: one cache database into which every
/// source found under the path is imported, each through its own importer and import state
/// (core/store/workspace_sources.h keeps the list in the cache).
struct SourcePlan {
    std::filesystem::path source;  ///< absolute path as given by the user
    /// "runlens", the importer's format() when every source has the same, else "workspace"
    std::string format;
    std::string databasePath;  ///< the Runlens database to read: the file itself, or its cache
    bool imported = false;     ///< databasePath is a cache built from source
    ImportOptions options;     ///< choices for the importer (part of the cache's identity)

    std::vector<FoundSource> sources;  ///< imported plans: the sources found under `source`
    std::string scanStopped;           ///< why the search for sources stopped early, if it did
    /// Changes the user asked for, applied by the next updateCache and kept in the cache:
    std::vector<FoundSource> addSources;     ///< sources to add (File › Add Source)
    std::vector<std::string> removeSources;  ///< paths of sources to remove, with their runs
};

/// True when path is a regular file with an SQLite header and the Runlens application id.
bool looksLikeRunlensDatabase(const std::filesystem::path& path);

/// The folder for cache databases: $RUNLENS_CACHE_DIR, else the user's cache folder +
/// /runlens/imports.
std::filesystem::path defaultCacheDir();

/// Decides how to open path (detection only: nothing is created or imported; a folder is searched
/// for sources, reporting to `progress`, which may cancel). An Error says what the path is and
/// why it cannot be opened.
Result<SourcePlan> planSource(const std::filesystem::path& path,
                              const std::filesystem::path& cacheDir,
                              const ImportOptions& options = {}, Progress* progress = nullptr);

/// What one updateCache pass did, per source of the workspace.
struct SourceImport {
    WorkspaceSource source;
    ImportStats stats;
};

/// For an imported plan: brings its cache database up to date with every source (a first import,
/// or only what is new), applies the plan's added and removed sources, marks sources gone from
/// disk as missing (their runs stay) and keeps the source list in the cache. A cache written by
/// an older Runlens importer is rebuilt. Runs appear as they are read (importers commit from time
/// to time). A source that fails is noted in the list and the others go on; the pass is an Error
/// only when the cache cannot be written, or when its only source fails. No-op for native files.
Result<ImportStats> updateCache(const SourcePlan& plan, Progress* progress,
                                std::vector<SourceImport>* perSource = nullptr);

}  // namespace runlens
