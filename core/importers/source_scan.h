// Finding every source of runs beneath a folder: W&B folders, MLflow stores, TensorBoard and CSV
// log folders, Runlens databases, at any depth and in any mix — bounded, cancellable, read-only.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/util/progress.h"

namespace runlens {

/// One source found: what opens it and where it is.
struct FoundSource {
    std::string format;  ///< "wandb", "mlflow", "tensorboard", "csv" or "runlens"
    std::filesystem::path path;

    friend bool operator==(const FoundSource&, const FoundSource&) = default;
};

struct ScanLimits {
    int maxDepth = 12;                  ///< folder levels below the root
    std::int64_t maxEntries = 200'000;  ///< directory entries looked at in all
};

struct ScanResult {
    std::vector<FoundSource> sources;  ///< sorted by path
    std::int64_t entries = 0;          ///< directory entries looked at
    /// Why the scan stopped early ("looked at 200,000 entries", "cancelled"), empty when it
    /// saw everything it meant to.
    std::string stopped;
    bool cancelled = false;
};

/// Finds the sources under `root` (a folder, or a file that is a source itself). Skips what cannot
/// hold runs — hidden folders such as .git, node_modules, virtual environments, site-packages,
/// __pycache__ — and `exclude` (the cache folder), never follows folder links, and does not look
/// inside a source once found. A root that one importer opens whole, with nothing else beneath
/// it, is one source, as it always opened.
ScanResult scanForSources(const std::filesystem::path& root, const ScanLimits& limits = {},
                          Progress* progress = nullptr, const std::filesystem::path& exclude = {});

}  // namespace runlens
