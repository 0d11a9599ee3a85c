// Finding TensorBoard run folders and importing them one after the other.
#include "core/importers/tensorboard/tensorboard_importer.h"

#include <algorithm>
#include <map>

namespace runlens::tb {
namespace {

namespace fs = std::filesystem;

constexpr int kProbeDepth = 8;
constexpr int kProbeEntries = 5000;

// The folder's path below the opened root; the root itself (event files opened directly) is
// named after the folder, never "." (#17).
std::string relativeUid(const fs::path& dir, const fs::path& root) {
    std::error_code ec;
    fs::path rel = fs::relative(dir, root, ec);
    if (!ec && !rel.empty() && rel != ".") return rel.generic_string();
    std::string name = fs::absolute(dir, ec).lexically_normal().filename().string();
    if (name.empty())
        name = fs::absolute(dir, ec).lexically_normal().parent_path().filename().string();
    return name.empty() ? std::string("run") : name;
}

bool hidden(const fs::path& p) {
    std::string name = p.filename().string();
    return name.size() > 1 && name.front() == '.';
}

}  // namespace

bool TensorBoardImporter::isEventFileName(std::string_view name) {
    // TensorBoard's own rule: any file whose name contains "tfevents".
    return name.find("tfevents") != std::string_view::npos;
}

bool TensorBoardImporter::canOpen(const fs::path& path) const {
    std::error_code ec;
    if (fs::is_regular_file(path, ec)) return isEventFileName(path.filename().string());
    if (!fs::is_directory(path, ec)) return false;
    int seen = 0;
    auto options = fs::directory_options::skip_permission_denied;
    for (auto it = fs::recursive_directory_iterator(path, options, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (++seen > kProbeEntries) return false;
        if (it.depth() >= kProbeDepth) it.disable_recursion_pending();
        if (it->is_regular_file(ec) && isEventFileName(it->path().filename().string())) return true;
    }
    return false;
}

std::vector<TbRunFolder> TensorBoardImporter::findRuns(const fs::path& path) {
    std::error_code ec;
    std::map<fs::path, std::vector<std::string>> byDir;
    fs::path root = path;
    if (fs::is_regular_file(path, ec)) {
        // One event file stands for its folder: TensorBoard reads folders, not files.
        root = path.parent_path();
        for (const auto& entry : fs::directory_iterator(root, ec)) {
            std::string name = entry.path().filename().string();
            if (isEventFileName(name) && entry.is_regular_file(ec)) byDir[root].push_back(name);
        }
    } else {
        auto options = fs::directory_options::skip_permission_denied;
        for (auto it = fs::recursive_directory_iterator(path, options, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_directory(ec) && hidden(it->path())) {
                it.disable_recursion_pending();
                continue;
            }
            std::string name = it->path().filename().string();
            if (isEventFileName(name) && it->is_regular_file(ec))
                byDir[it->path().parent_path()].push_back(name);
        }
    }
    std::vector<TbRunFolder> runs;
    for (auto& [dir, files] : byDir) {
        TbRunFolder run;
        run.dir = dir;
        run.uid = relativeUid(dir, root);
        run.name = run.uid;
        std::sort(files.begin(), files.end());
        run.files = std::move(files);
        runs.push_back(std::move(run));
    }
    std::sort(runs.begin(), runs.end(),
              [](const TbRunFolder& a, const TbRunFolder& b) { return a.uid < b.uid; });
    return runs;
}

Result<ImportStats> TensorBoardImporter::import(const fs::path& path, RunSink& sink,
                                                Progress* progress) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return makeError("no such file or folder", path.string());
    std::vector<TbRunFolder> runs = findRuns(path);
    if (runs.empty()) return makeError("no TensorBoard event files here", path.string());

    std::int64_t total = 0;
    for (const auto& run : runs)
        total += TbRunReader::pendingBytes(run, sink);
    ImportStats stats;
    ImportPacer pacer(sink, progress, stats, total);
    pacer.setCommitInterval(m_commitInterval);
    TbRunReader reader(pacer);
    for (const auto& run : runs) {
        if (pacer.cancelled()) {
            stats.cancelled = true;
            break;
        }
        if (auto r = reader.importRun(run); !r) return r.error();
        if (stats.cancelled) break;
    }
    if (auto r = pacer.commit(); !r) return r.error();
    reportProgress(progress, total, total);
    return stats;
}

}  // namespace runlens::tb
