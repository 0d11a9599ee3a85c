// PredictionsImporter: the whole file is read at once (a predictions file is a snapshot, not a
// log that grows); its signature in the import state says whether it changed since.
#include "core/importers/predictions/predictions_importer.h"

#include <algorithm>
#include <cctype>
#include <fstream>

#include "core/importers/csv/file_chunk_reader.h"
#include "core/importers/live_window.h"
#include "core/importers/predictions/predictions_file.h"
#include "core/importers/wandb/media_file.h"

namespace runlens::predictions {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kHeadBytes = 64 * 1024;
constexpr std::int64_t kMaxFileBytes = std::int64_t(8) << 30;

std::optional<FileKind> kindOf(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == ".csv" || ext == ".tsv") return FileKind::Csv;
    if (ext == ".jsonl" || ext == ".ndjson") return FileKind::JsonLines;
    return std::nullopt;
}

std::string readHead(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::string head(kHeadBytes, '\0');
    in.read(head.data(), std::streamsize(head.size()));
    head.resize(std::size_t(std::max<std::streamsize>(in.gcount(), 0)));
    return head;
}

}  // namespace

bool PredictionsImporter::canOpen(const fs::path& path) const {
    std::error_code ec;
    const auto kind = kindOf(path);
    if (!kind || !fs::is_regular_file(path, ec)) return false;
    return looksLikePredictions(readHead(path), *kind);
}

Result<ImportStats> PredictionsImporter::import(const fs::path& path, RunSink& sink,
                                                Progress* progress) {
    ImportStats stats;
    const auto kind = kindOf(path);
    if (!kind) return makeError("not a .csv, .tsv or .jsonl file", path.string());
    const std::string stateKey = "predictions:" + path.string();
    const std::string signature = fileSignature(path);
    if (signature.empty()) return makeError("cannot read the file", path.string());
    if (sink.importState(stateKey) == signature) return stats;  // unchanged since last read

    auto bytes = wandb::readFileBytes(path, kMaxFileBytes);
    if (!bytes)
        return makeError("cannot read the file (missing, unreadable or over 8 GiB)", path.string());
    stats.bytesRead = std::int64_t(bytes->size());
    auto parsed = parsePredictions(*bytes, *kind);
    if (!parsed.ok()) return makeError(parsed.error().message, path.string());
    bytes.reset();

    RunInfo info;
    info.uid = path.filename().string();
    info.name = info.uid;
    info.sourceFormat = "predictions";
    info.sourcePath = path.string();
    info.startTime = info.endTime = fileWriteTime(path);
    const RunId run = sink.beginRun(info);

    PredictionTable& table = parsed->table;
    table.name = path.stem().string();
    table.step = 0;
    const fs::path folder = path.parent_path();
    for (auto& [column, paths] : parsed->imagePaths) {
        std::size_t missing = 0;
        std::string firstMissing;
        for (std::size_t r = 0; r < paths.size(); ++r) {
            if (isCancelled(progress)) {
                stats.cancelled = true;
                return stats;  // nothing logged yet: the next pass reads it whole
            }
            if (paths[r].empty()) continue;
            const fs::path file =
                fs::path(paths[r]).is_absolute() ? fs::path(paths[r]) : folder / paths[r];
            auto item = wandb::readImageFile(file);
            if (!item) {
                if (missing++ == 0) firstMissing = paths[r];
                continue;
            }
            table.columns[std::size_t(column)].ints[r] = sink.addMedia(*item);
        }
        TableColumn& images = table.columns[std::size_t(column)];
        const bool none = std::all_of(images.ints.begin(), images.ints.end(),
                                      [](std::int64_t id) { return id == 0; });
        if (none && missing) {  // no image is there: the paths are worth more as text
            images.type = ColumnType::String;
            images.ints.clear();
            images.strings = std::move(paths);
            parsed->notes.push_back("none of the images of column '" + images.name +
                                    "' is beside the file (first: " + firstMissing +
                                    "); the column is kept as text");
        } else if (missing) {
            parsed->notes.push_back(std::to_string(missing) + " images of column '" + images.name +
                                    "' are missing or unreadable (first: " + firstMissing + ")");
        }
    }
    for (const std::string& note : parsed->notes)
        sink.addImportNote(run, NoteLevel::Warning, note);
    stats.records = std::int64_t(table.rowCount());
    sink.logTable(run, table);
    sink.finishRun(run, RunState::Finished, std::nullopt, info.endTime, 0);
    sink.saveImportState(stateKey, signature);
    stats.runs = 1;
    if (auto r = sink.commit(); !r.ok()) return r.error();
    return stats;
}

}  // namespace runlens::predictions
