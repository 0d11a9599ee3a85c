// planSource/updateCache: format detection and the cache databases of imported sources.
#include "core/importers/source_opener.h"

#include <QCryptographicHash>
#include <QDir>
#include <QStandardPaths>
#include <cstring>
#include <fstream>

#include "core/importers/workspace_update.h"
#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "core/store/schema.h"

namespace runlens {
namespace {

// Bump when an importer changes what it writes: caches built by older code are then rebuilt.
constexpr int kCacheVersion = 4;  // 4: images at steps from W&B history and TensorBoard (#17)
constexpr const char* kCacheStateKey = "runlens.cache";

// Identifies what built a cache: the cache format version, the opened path and the options. Not
// the formats found: a folder gaining a source of another kind keeps its cache.
std::string cacheStamp(const SourcePlan& plan) {
    std::string stamp = "v" + std::to_string(kCacheVersion) + "|" + plan.source.string();
    for (const auto& [key, value] : plan.options)
        stamp += "|" + key + "=" + value;
    return stamp;
}

bool hasSqliteHeader(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 && std::memcmp(header, "SQLite format 3", 16) == 0;
}

void removeDatabase(const std::string& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        std::filesystem::remove(path + suffix, ec);
}

}  // namespace

bool looksLikeRunlensDatabase(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return false;
    std::ifstream in(path, std::ios::binary);
    unsigned char header[72] = {};
    in.read(reinterpret_cast<char*>(header), sizeof header);
    if (in.gcount() < 72 || std::memcmp(header, "SQLite format 3", 16) != 0) return false;
    const std::uint32_t appId = (std::uint32_t(header[68]) << 24) |
                                (std::uint32_t(header[69]) << 16) |
                                (std::uint32_t(header[70]) << 8) | header[71];
    return appId == std::uint32_t(schema::kApplicationId);
}

std::filesystem::path defaultCacheDir() {
    if (const char* env = std::getenv("RUNLENS_CACHE_DIR"); env && *env) return env;
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (base.isEmpty()) base = QDir::tempPath();
    return std::filesystem::path(base.toStdString()) / "runlens" / "imports";
}

Result<SourcePlan> planSource(const std::filesystem::path& path,
                              const std::filesystem::path& cacheDir, const ImportOptions& options,
                              Progress* progress) {
    std::error_code ec;
    SourcePlan plan;
    plan.options = options;
    plan.source = std::filesystem::absolute(path, ec).lexically_normal();
    if (plan.source.has_relative_path() && plan.source.filename().empty())
        plan.source = plan.source.parent_path();  // "runs/" and "runs" are one source
    const std::string shown = plan.source.string();
    auto status = std::filesystem::status(plan.source, ec);
    if (ec || !std::filesystem::exists(status)) return makeError("no such file or folder", shown);

    if (looksLikeRunlensDatabase(plan.source)) {
        plan.format = "runlens";
        plan.databasePath = shown;
        return plan;
    }
    ScanResult scan = scanForSources(plan.source, {}, progress, cacheDir);
    if (scan.cancelled) return makeError("opening was cancelled", shown);
    if (!scan.sources.empty()) {
        plan.sources = std::move(scan.sources);
        plan.scanStopped = scan.stopped;
        plan.format = plan.sources.front().format;
        for (const FoundSource& f : plan.sources)
            if (f.format != plan.format) plan.format = "workspace";
        plan.imported = true;
        const QByteArray hash =
            QCryptographicHash::hash(QByteArray::fromStdString(shown), QCryptographicHash::Sha1)
                .toHex()
                .left(16);
        plan.databasePath =
            (cacheDir / (plan.source.filename().string() + "-" + hash.toStdString() + ".runlens"))
                .string();
        return plan;
    }
    if (std::filesystem::is_regular_file(status) && hasSqliteHeader(plan.source)) {
        // An SQLite file nobody claims: RunStore's checks say precisely what it is.
        auto store = RunStore::open(shown);
        if (!store.ok()) return store.error();
    }
    if (std::filesystem::is_directory(status))
        return makeError(
            "no runs found: expected a Runlens database, a W&B folder (wandb/, run-*, "
            "offline-run-*), an MLflow store (mlruns/, mlflow.db), a TensorBoard log "
            "folder or Lightning/CSV logs, here or in folders beneath" +
                (scan.stopped.empty() ? std::string() : " (" + scan.stopped + ")"),
            shown);
    return makeError(
        "not a supported file: expected a Runlens database, a W&B .wandb log, an "
        "MLflow database, a TensorBoard event file or a CSV log",
        shown);
}

Result<ImportStats> updateCache(const SourcePlan& plan, Progress* progress,
                                std::vector<SourceImport>* perSource) {
    if (!plan.imported) return ImportStats{};
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(plan.databasePath).parent_path(), ec);
    if (ec) return makeError("cannot create the cache folder: " + ec.message(), plan.databasePath);

    bool reuse = false;
    if (std::filesystem::exists(plan.databasePath, ec)) {
        auto existing = RunWriter::open(plan.databasePath);
        reuse = existing.ok() && (*existing)->importState(kCacheStateKey) == cacheStamp(plan);
    }
    if (!reuse) removeDatabase(plan.databasePath);  // built by older code, or damaged: start again
    auto writer = RunWriter::open(plan.databasePath);
    if (!writer.ok()) return writer.error();
    if (!reuse) {
        (*writer)->saveImportState(kCacheStateKey, cacheStamp(plan));
        if (auto r = (*writer)->commit(); !r.ok()) return r.error();
    }
    return updateWorkspace(plan, *writer.value(), progress, perSource);
}

}  // namespace runlens
