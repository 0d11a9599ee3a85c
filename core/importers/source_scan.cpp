// scanForSources: one pass over the tree. W&B folders and MLflow stores are claimed whole where
// they are met; folders holding TensorBoard event files or CSV logs are gathered, then grouped
// under their parent folder, as TensorBoard groups runs under a log folder.
#include "core/importers/source_scan.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <set>

#include "core/importers/csv/csv_importer.h"
#include "core/importers/mlflow/mlflow_file_store_importer.h"
#include "core/importers/mlflow/mlflow_sql_store_importer.h"
#include "core/importers/source_opener.h"
#include "core/importers/tensorboard/tensorboard_importer.h"
#include "core/importers/wandb/run_folder_importer.h"
#include "core/importers/wandb/sweep_reader.h"

namespace runlens {
namespace {

namespace fs = std::filesystem;

constexpr int kProgressEvery = 512;

bool isWandbRunFolder(const fs::path& dir) {
    if (!wandb::parseRunFolderName(dir.filename().string(), nullptr, nullptr)) return false;
    std::error_code ec;
    if (fs::is_directory(dir / "files", ec)) return true;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator();
         it.increment(ec))
        if (it->path().extension() == ".wandb") return true;
    return false;
}

bool isWandbFolder(const fs::path& dir, const std::vector<fs::directory_entry>& children) {
    if (isWandbRunFolder(dir)) return true;
    for (const auto& child : children) {
        std::error_code ec;
        if (!child.is_directory(ec)) continue;
        const std::string name = child.path().filename().string();
        if (wandb::parseSweepFolderName(name, nullptr) || isWandbRunFolder(child.path()))
            return true;
    }
    return false;
}

bool isMlflowFileStore(const fs::path& dir) {
    // A folder holding an mlruns/ store is not the store: the walk meets mlruns/ itself.
    std::error_code ec;
    if (dir.filename() != "mlruns" && fs::is_directory(dir / "mlruns", ec)) return false;
    return MlflowFileStoreImporter().canOpen(dir);
}

bool mayBeDatabase(const fs::path& file) {
    // MLflow stores are named mlflow.db, mlruns.db, *.sqlite; mlflow's own test stores *.sql.
    static const std::set<std::string> kExtensions = {".db",      ".sqlite", ".sqlite3",
                                                      ".runlens", ".sql",    ".mlflow"};
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (!kExtensions.count(ext)) return false;
    std::ifstream in(file, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    return in.gcount() == 16 && std::memcmp(header, "SQLite format 3", 16) == 0;
}

bool isSkipped(const fs::path& dir, const std::vector<fs::directory_entry>& children) {
    static const std::set<std::string> kNames = {"node_modules",  "__pycache__", "site-packages",
                                                 "dist-packages", "venv",        ".venv",
                                                 "conda-meta",    "__MACOSX"};
    const std::string name = dir.filename().string();
    if (kNames.count(name)) return true;
    if (name.size() > 1 && name.front() == '.' && name != ".wandb") return true;  // .git, .cache
    for (const auto& child : children) {  // a Python virtual environment or a conda environment
        const std::string n = child.path().filename().string();
        if (n == "pyvenv.cfg" || n == "conda-meta") return true;
    }
    return false;
}

class Scan {
public:
    Scan(const fs::path& root, const ScanLimits& limits, Progress* progress, fs::path exclude)
        : m_root(root), m_limits(limits), m_progress(progress), m_exclude(std::move(exclude)) {}

    ScanResult run();

private:
    void visit(const fs::path& dir, int depth);
    bool stopping();
    void group(const std::set<fs::path>& dirs, const std::string& format);

    fs::path m_root;
    ScanLimits m_limits;
    Progress* m_progress;
    fs::path m_exclude;
    ScanResult m_result;
    std::set<fs::path> m_eventDirs;
    std::set<fs::path> m_csvDirs;
};

bool Scan::stopping() {
    if (!m_result.stopped.empty()) return true;
    if (isCancelled(m_progress)) {
        m_result.cancelled = true;
        m_result.stopped = "cancelled";
    } else if (m_result.entries >= m_limits.maxEntries) {
        m_result.stopped = "stopped after looking at " + std::to_string(m_result.entries) +
                           " files and folders (the limit); sources further in were not searched";
    }
    return !m_result.stopped.empty();
}

void Scan::visit(const fs::path& dir, int depth) {
    if (stopping()) return;
    std::error_code ec;
    std::vector<fs::directory_entry> children;
    for (auto it = fs::directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::directory_iterator(); it.increment(ec)) {
        children.push_back(*it);
        if (++m_result.entries % kProgressEvery == 0)
            reportProgress(m_progress, m_result.entries, 0, "Looking for runs in " + dir.string());
        if (stopping()) return;
    }
    std::sort(children.begin(), children.end());
    if (dir != m_root && isSkipped(dir, children)) return;
    if (isWandbFolder(dir, children)) {
        m_result.sources.push_back({"wandb", dir});
        return;
    }
    if (isMlflowFileStore(dir)) {
        m_result.sources.push_back({"mlflow", dir});
        return;
    }
    const auto& csvNames = csv::CsvImporter::logFileNames();
    std::vector<fs::path> subdirs;
    for (const auto& child : children) {
        const fs::path& p = child.path();
        const std::string name = p.filename().string();
        if (child.is_symlink(ec)) continue;  // links may loop, or lead out of the project
        if (child.is_directory(ec)) {
            if (!m_exclude.empty() && p == m_exclude) continue;
            subdirs.push_back(p);
        } else if (child.is_regular_file(ec)) {
            if (tb::TensorBoardImporter::isEventFileName(name)) {
                m_eventDirs.insert(dir);
            } else if (std::find(csvNames.begin(), csvNames.end(), name) != csvNames.end()) {
                m_csvDirs.insert(dir);
            } else if (mayBeDatabase(p)) {
                if (looksLikeRunlensDatabase(p))
                    m_result.sources.push_back({"runlens", p});
                else if (MlflowSqlStoreImporter().canOpen(p))
                    m_result.sources.push_back({"mlflow", p});
            }
        }
    }
    if (depth >= m_limits.maxDepth) return;
    for (const fs::path& sub : subdirs)
        visit(sub, depth + 1);
}

// Folders holding logs are grouped under their parent (version_0, version_1 under
// lightning_logs/) — but never under the scan root itself, which would take in everything else
// the root holds; a log folder inside another group is part of that group already.
void Scan::group(const std::set<fs::path>& dirs, const std::string& format) {
    std::set<fs::path> roots;
    for (const fs::path& d : dirs)
        roots.insert(d == m_root || d.parent_path() == m_root ? d : d.parent_path());
    auto inside = [](const fs::path& p, const fs::path& ancestor) {
        auto [a, b] = std::mismatch(ancestor.begin(), ancestor.end(), p.begin(), p.end());
        return a == ancestor.end() && p != ancestor;
    };
    for (const fs::path& r : roots) {
        const bool nested = std::any_of(roots.begin(), roots.end(),
                                        [&](const fs::path& o) { return inside(r, o); });
        if (!nested) m_result.sources.push_back({format, r});
    }
}

ScanResult Scan::run() {
    std::error_code ec;
    if (!fs::is_directory(m_root, ec)) {
        if (looksLikeRunlensDatabase(m_root))
            m_result.sources.push_back({"runlens", m_root});
        else if (auto importer = findImporter(m_root))
            m_result.sources.push_back({std::string(importer->format()), m_root});
        return m_result;
    }
    visit(m_root, 0);
    group(m_eventDirs, "tensorboard");
    group(m_csvDirs, "csv");
    std::sort(m_result.sources.begin(), m_result.sources.end(),
              [](const FoundSource& a, const FoundSource& b) {
                  return a.path != b.path ? a.path < b.path : a.format < b.format;
              });
    // A root one importer opens whole, holding nothing else, stays one source as it always was
    // (lightning_logs/ with its version_* folders, a TensorBoard log folder with runs inside).
    if (!m_result.sources.empty() && m_result.stopped.empty()) {
        const std::string& format = m_result.sources.front().format;
        const bool oneFormat =
            std::all_of(m_result.sources.begin(), m_result.sources.end(),
                        [&](const FoundSource& s) { return s.format == format; });
        auto importer = findImporter(m_root);
        if (oneFormat && importer && importer->format() == format &&
            (format == "tensorboard" || format == "csv"))
            m_result.sources = {{format, m_root}};
    }
    return m_result;
}

}  // namespace

ScanResult scanForSources(const fs::path& root, const ScanLimits& limits, Progress* progress,
                          const fs::path& exclude) {
    return Scan(root, limits, progress, exclude).run();
}

}  // namespace runlens
