// Importer: reads one foreign format (W&B, MLflow, TensorBoard, CSV) into a RunSink.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/run_sink.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace runlens {

/// A run whose source has no end marker is taken as still running only while its files were
/// written this recently (seconds); older, it ended without saying so.
inline constexpr double kLiveWindowSeconds = kStaleRunSeconds;

/// Choices a user made about how to read a source, by key. Known keys:
///   "csv.step_column": the column holding steps in a plain CSV; "#row" numbers the rows instead.
using ImportOptions = std::map<std::string, std::string>;

/// What one import pass did; shown in progress and printed by benchmarks.
struct ImportStats {
    std::int64_t runs = 0;       ///< runs created or updated
    std::int64_t records = 0;    ///< format records read (log records, metric lines, events...)
    std::int64_t points = 0;     ///< metric points written
    std::int64_t bytesRead = 0;  ///< source bytes consumed in this pass
    std::int64_t skipped = 0;    ///< damaged records skipped (each also noted on its run)
    bool cancelled = false;      ///< stopped early by Progress::cancel(); what was read is kept
};

/// Reads a source format. Implementations are stateless: everything an incremental re-import
/// needs is kept through RunSink::saveImportState/importState.
///
/// Contract: never write to the source; a damaged part of a source is skipped and noted
/// (RunSink::addImportNote), never fatal for the rest; only an unreadable source as a whole
/// is an Error. Calls sink.commit() from time to time (and at the end) so readers see runs
/// appear while a large source is still being read.
class Importer {
public:
    virtual ~Importer() = default;

    /// Short format name stored in RunInfo::sourceFormat: "wandb", "mlflow", "tensorboard", "csv".
    virtual std::string_view format() const = 0;

    /// Applies the options this importer understands (others are ignored). Call before import().
    virtual void configure(const ImportOptions& options) { (void)options; }

    /// Cheap check (names, magic bytes, a few small reads) whether `path` is this format.
    virtual bool canOpen(const std::filesystem::path& path) const = 0;

    /// Imports `path`, continuing from the state a previous pass saved in `sink` for the same
    /// source, so a second pass over an unchanged source adds nothing and a grown one adds only
    /// what is new.
    virtual Result<ImportStats> import(const std::filesystem::path& path, RunSink& sink,
                                       Progress* progress) = 0;
};

/// Every importer Runlens knows, in detection order (most specific first).
std::vector<std::unique_ptr<Importer>> allImporters();

/// The first importer whose canOpen(path) is true, or nullptr.
std::unique_ptr<Importer> findImporter(const std::filesystem::path& path);

}  // namespace runlens
