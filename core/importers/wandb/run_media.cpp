// RunMedia: images -> media at steps; W&B Tables from artifacts or previews.
#include "core/importers/wandb/run_media.h"

#include <algorithm>

#include "core/importers/wandb/media_file.h"
#include "core/importers/wandb/wandb_table.h"
#include "core/importers/wandb/wandb_values.h"
#include "core/util/parse_number.h"

namespace runlens::wandb {
namespace {

constexpr std::int64_t kMaxTableBytes = std::int64_t(1) << 30;
constexpr std::size_t kMaxPreviewTables = 1000;
constexpr std::size_t kMaxCompositeBytes = 1 << 20;
constexpr std::string_view kClientArtifactScheme = "wandb-client-artifact://";

int intMember(const JsonValue& o, const char* key) {
    const JsonValue* v = o.find(key);
    return v && v->isNumber() ? int(v->toInt64()) : 0;
}

// "wandb-client-artifact://<client id>[:alias]/<entry path>" -> {client id, entry path}.
std::pair<std::string, std::string> splitArtifactPath(const std::string& artifactPath) {
    if (artifactPath.rfind(kClientArtifactScheme, 0) != 0) return {};
    std::string rest = artifactPath.substr(kClientArtifactScheme.size());
    const auto slash = rest.find('/');
    if (slash == std::string::npos) return {};
    std::string client = rest.substr(0, slash);
    if (auto colon = client.find(':'); colon != std::string::npos) client.resize(colon);
    return {client, rest.substr(slash + 1)};
}

std::string artifactPathOf(const JsonValue& ref) {
    std::string p = ref.stringMember("artifact_path");
    return p.empty() ? ref.stringMember("_latest_artifact_path") : p;
}

}  // namespace

MediaId RunMedia::storeImage(const std::filesystem::path& file, const JsonValue& hints,
                             const std::filesystem::path& typeName) {
    auto item =
        readImageFile(file, intMember(hints, "width"), intMember(hints, "height"), typeName);
    if (!item) return 0;
    return m_ctx.sink().addMedia(*item);
}

void RunMedia::addImages(const std::string& key, std::int64_t step, const JsonValue& media) {
    const std::string type = media.stringMember("_type");
    std::vector<std::filesystem::path> files;
    std::vector<std::string> captions;
    if (type == "image-file") {
        files.push_back(m_ctx.filesDir() / media.stringMember("path"));
        captions.push_back(media.stringMember("caption"));
    } else {  // images/separated: media/images/<key>_<step>_<i>.<format>
        const JsonValue* names = media.find("filenames");
        const JsonValue* caps = media.find("captions");
        const std::int64_t count = names && names->isArray() ? std::int64_t(names->items().size())
                                   : media.find("count")     ? media.find("count")->toInt64()
                                                             : 0;
        for (std::int64_t i = 0; i < count && i < 100000; ++i) {
            std::string rel;
            if (names && names->isArray()) {
                rel = names->items()[std::size_t(i)].str();
                if (rel.find('/') == std::string::npos) rel = "media/images/" + rel;
            } else {
                rel = "media/images/" + key + "_" + std::to_string(step) + "_" + std::to_string(i) +
                      "." + media.stringMember("format");
            }
            files.push_back(m_ctx.filesDir() / rel);
            const bool hasCaption =
                caps && caps->isArray() && std::size_t(i) < caps->items().size();
            captions.push_back(hasCaption ? caps->items()[std::size_t(i)].str() : std::string());
        }
        if (media.find("all_boxes") || media.find("all_masks"))
            m_ctx.note(NoteLevel::Info, "bounding boxes and masks drawn on images are not shown");
    }
    if (files.empty()) return;

    std::vector<StepImage> images;
    std::size_t missing = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const MediaId id = storeImage(files[i], media);
        if (id == 0)
            ++missing;
        else
            images.push_back({id, captions[i]});
    }
    if (missing > 0)
        m_ctx.note(NoteLevel::Warning,
                   "some image files of '" + key + "' are missing from files/media");
    if (!images.empty()) m_ctx.sink().logMediaAtStep(m_ctx.runId(), key, step, images);
}

void RunMedia::addReference(const std::string& key, std::int64_t step, const JsonValue& media) {
    const std::string type = media.stringMember("_type");
    if (type == "image-file" || type == "images/separated") {
        addImages(key, step, media);
    } else if (type == "table-file" || type == "incremental-table-file" || type == "joined-table" ||
               type == "partitioned-table") {
        m_tables.push_back({key, step, media});
    }
}

const ArtifactEntry* RunMedia::artifactEntry(const std::string& artifactPath,
                                             const std::vector<ArtifactEntry>** all) const {
    auto [client, entryPath] = splitArtifactPath(artifactPath);
    if (client.empty()) return nullptr;
    auto it = m_ctx.state().tableArtifacts.find(client);
    if (it == m_ctx.state().tableArtifacts.end()) return nullptr;
    for (const ArtifactEntry& e : it->second) {
        if (e.path == entryPath) {
            if (all) *all = &it->second;
            return &e;
        }
    }
    return nullptr;
}

bool RunMedia::logTable(const TableRef& t, bool onlyIfFull) {
    const std::string type = t.ref.stringMember("_type");
    const bool composite = type == "joined-table" || type == "partitioned-table";
    const std::string artifactPath = artifactPathOf(t.ref);
    const std::vector<ArtifactEntry>* entries = nullptr;
    const ArtifactEntry* full = artifactEntry(artifactPath, &entries);
    std::error_code ec;
    const bool haveFull = full && std::filesystem::is_regular_file(full->localPath, ec);
    if (onlyIfFull && !haveFull) return false;

    // The documents to read: the full artifact copy, or the preview (all increments of an
    // incremental table, oldest first).
    std::vector<std::filesystem::path> files;
    if (haveFull) {
        files.push_back(full->localPath);
    } else {
        if (const JsonValue* prev = t.ref.find("previous_increments_paths");
            prev && prev->isArray())
            for (const JsonValue& p : prev->items())
                files.push_back(m_ctx.filesDir() / p.str());
        files.push_back(m_ctx.filesDir() / t.ref.stringMember("path"));
    }
    auto rememberPreview = [&] {
        auto& previews = m_ctx.state().previewTables;
        if (!artifactPath.empty() && previews.size() < kMaxPreviewTables)
            previews.push_back({t.key, t.step, artifactPath, t.ref.stringMember("path")});
    };
    if (composite && !haveFull) {  // its parts live only in the artifact: wait for it
        rememberPreview();
        m_ctx.note(NoteLevel::Info, "table '" + t.key + "' is a " + type +
                                        " kept in an artifact that is not on this machine");
        return false;
    }
    // The documents' text; a file that cannot be read stops here, as the full copy may still
    // turn up in a later artifact record.
    std::vector<std::string> texts;
    auto fail = [&](const std::string& why) {
        if (!haveFull) rememberPreview();
        m_ctx.note(
            NoteLevel::Warning,
            "table '" + t.key + "' at step " + std::to_string(t.step) + ": " + why +
                (artifactPath.empty() || haveFull ? "" : "; its full copy is not known yet"));
        return false;
    };
    for (const auto& file : files) {
        auto bytes = readFileBytes(file, kMaxTableBytes);
        if (!bytes) return fail(file.string() + ": missing or unreadable");
        texts.push_back(std::move(*bytes));
    }
    const std::filesystem::path fullDir =
        haveFull ? std::filesystem::path(full->localPath).parent_path() : std::filesystem::path();
    auto resolve = [&](const JsonValue& cell) -> MediaId {
        const std::string path = cell.stringMember("path");
        if (path.empty()) return 0;
        if (entries) {  // image paths in an artifact table are artifact entry paths
            for (const ArtifactEntry& e : *entries)
                if (e.path == path) return storeImage(e.localPath, cell, e.path);
        }
        if (!fullDir.empty())
            if (MediaId id = storeImage(fullDir / path, cell)) return id;
        return storeImage(m_ctx.filesDir() / path, cell);
    };
    // A joined or partitioned table's document only names its parts, other entries of the
    // same artifact.
    if (haveFull && entries && texts.size() == 1) {
        if (auto parts = compositeParts(texts.front(), *entries); parts.kind != Composite::None) {
            texts.clear();
            return logCompositeTable(t, parts, resolve);
        }
    }
    auto table = readWandbTable(std::vector<std::string_view>(texts.begin(), texts.end()), t.key,
                                t.step, resolve);
    texts.clear();
    if (!table.ok())
        return fail((files.size() == 1 ? files.front().string() + ": " : std::string()) +
                    table.error().message);
    const std::int64_t rows = std::int64_t(table->table.rowCount());
    const JsonValue* nrows = t.ref.find("nrows");
    if (!haveFull) {
        if (table->placeholderImages > 0)
            m_ctx.note(NoteLevel::Info, "table '" + t.key +
                                            "': only the run folder's preview copy is available, "
                                            "which has no image files for its image cells");
        if (nrows && nrows->isNumber() && nrows->toInt64() > rows)
            m_ctx.note(NoteLevel::Warning,
                       "table '" + t.key + "' at step " + std::to_string(t.step) +
                           ": the preview "
                           "copy has " +
                           std::to_string(rows) + " of " + std::to_string(nrows->toInt64()) +
                           " rows; the full table is not here");
        rememberPreview();
    }
    if (table->missingImages > 0)
        m_ctx.note(NoteLevel::Warning,
                   "table '" + t.key + "': some image files of its cells are missing");
    if (!table->damage.empty())
        m_ctx.note(NoteLevel::Warning, "table '" + t.key + "' at step " + std::to_string(t.step) +
                                           ": " + table->damage + "; the " + std::to_string(rows) +
                                           " complete rows before it were read");
    m_ctx.sink().logTable(m_ctx.runId(), table->table);
    return true;
}

RunMedia::CompositeParts RunMedia::compositeParts(const std::string& text,
                                                  const std::vector<ArtifactEntry>& entries) {
    CompositeParts parts;
    // Composite documents are tiny; a table of data is not worth parsing twice.
    if (text.size() > kMaxCompositeBytes || (text.find("joined-table") == std::string::npos &&
                                             text.find("partitioned-table") == std::string::npos))
        return parts;
    auto doc = parseJson(text);
    if (!doc.ok() || !doc->isObject()) return parts;
    const std::string type = doc->stringMember("_type");
    auto localPath = [&](const std::string& path) {
        for (const ArtifactEntry& e : entries)
            if (e.path == path) return e.localPath;
        return std::string();
    };
    if (type == "joined-table") {
        parts.kind = Composite::Joined;
        parts.files = {localPath(doc->stringMember("table1")),
                       localPath(doc->stringMember("table2"))};
        parts.names = {doc->stringMember("table1"), doc->stringMember("table2")};
        if (const JsonValue* key = doc->find("join_key");
            key && key->isArray() && key->items().size() == 2)
            parts.keys = {key->items()[0].str(), key->items()[1].str()};
        else
            parts.keys = {doc->stringMember("join_key"), doc->stringMember("join_key")};
    } else if (type == "partitioned-table") {
        parts.kind = Composite::Partitioned;
        std::string dir = doc->stringMember("parts_path");
        while (!dir.empty() && dir.back() == '/')
            dir.pop_back();
        std::vector<const ArtifactEntry*> found;
        for (const ArtifactEntry& e : entries)
            if (e.path.rfind(dir + "/", 0) == 0 && e.path.ends_with(".table.json"))
                found.push_back(&e);
        std::sort(found.begin(), found.end(),
                  [](const ArtifactEntry* x, const ArtifactEntry* y) { return x->path < y->path; });
        for (const ArtifactEntry* e : found) {
            parts.files.push_back(e->localPath);
            parts.names.push_back(e->path);
        }
    }
    return parts;
}

bool RunMedia::logCompositeTable(const TableRef& t, const CompositeParts& parts,
                                 const ImageResolver& resolve) {
    const std::string kind = parts.kind == Composite::Joined ? "joined" : "partitioned";
    auto fail = [&](const std::string& why) {
        m_ctx.note(NoteLevel::Warning, "table '" + t.key + "' at step " + std::to_string(t.step) +
                                           " (" + kind + "): " + why);
        return false;
    };
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < parts.files.size(); ++i) {
        auto bytes =
            parts.files[i].empty() ? std::nullopt : readFileBytes(parts.files[i], kMaxTableBytes);
        if (!bytes) return fail("its part " + parts.names[i] + " is missing from the artifact");
        texts.push_back(std::move(*bytes));
    }
    if (texts.empty()) return fail("the artifact holds none of its parts");
    PredictionTable table;
    if (parts.kind == Composite::Partitioned) {
        auto read = readWandbTable(std::vector<std::string_view>(texts.begin(), texts.end()), t.key,
                                   t.step, resolve);
        if (!read.ok()) return fail(read.error().message);
        if (!read->damage.empty()) fail(read->damage + "; the rows before it were read");
        table = std::move(read->table);
    } else {
        auto first = readWandbTable({texts[0]}, t.key, t.step, resolve);
        if (!first.ok()) return fail(parts.names[0] + ": " + first.error().message);
        auto second = readWandbTable({texts[1]}, t.key, t.step, resolve);
        if (!second.ok()) return fail(parts.names[1] + ": " + second.error().message);
        auto joined =
            joinWandbTables(first->table, second->table, parts.keys.first, parts.keys.second);
        if (!joined.ok()) return fail(joined.error().message);
        table = std::move(joined.value());
    }
    m_ctx.sink().logTable(m_ctx.runId(), table);
    return true;
}

void RunMedia::flush() {
    std::vector<TableRef> tables;
    tables.swap(m_tables);
    for (const TableRef& t : tables)
        logTable(t, false);
}

void RunMedia::addArtifactEntries(const std::string& clientId, std::vector<ArtifactEntry> entries) {
    if (clientId.empty() || entries.empty()) return;
    m_ctx.state().tableArtifacts[clientId] = std::move(entries);
    auto& previews = m_ctx.state().previewTables;
    for (auto it = previews.begin(); it != previews.end();) {
        if (splitArtifactPath(it->artifactPath).first != clientId) {
            ++it;
            continue;
        }
        JsonValue ref = JsonValue::object();
        ref.set("_type", JsonValue::string("table-file"));
        ref.set("artifact_path", JsonValue::string(it->artifactPath));
        ref.set("path", JsonValue::string(it->filePath));
        if (logTable({it->key, it->step, ref}, true))
            it = previews.erase(it);
        else
            ++it;
    }
}

void RunMedia::addUnreferencedTable(const std::string& relativePath) {
    // media/table/<key>_<step>_<hash20>.table.json
    std::string stem = relativePath;
    if (stem.rfind("media/table/", 0) == 0) stem = stem.substr(12);
    const std::string suffix = ".table.json";
    if (stem.size() > suffix.size()) stem.resize(stem.size() - suffix.size());
    std::string key = stem;
    std::int64_t step = 0;
    const auto hashSep = stem.rfind('_');
    if (hashSep != std::string::npos && hashSep > 0) {
        const auto stepSep = stem.rfind('_', hashSep - 1);
        if (stepSep != std::string::npos) {
            const std::string stepText = stem.substr(stepSep + 1, hashSep - stepSep - 1);
            if (auto parsed = parseInt64(stepText); parsed && stepText.front() != '-') {
                key = stem.substr(0, stepSep);
                step = *parsed;
            }
        }
    }
    JsonValue ref = JsonValue::object();
    ref.set("_type", JsonValue::string("table-file"));
    ref.set("path", JsonValue::string(relativePath));
    logTable({key, step, ref}, false);
}

}  // namespace runlens::wandb
