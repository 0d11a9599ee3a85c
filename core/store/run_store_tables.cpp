// RunStore: console, import notes, prediction tables, media and images at steps, artifacts, sweeps;
// and user edits.
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>
#include <set>

#include "core/store/run_store.h"
#include "core/store/schema.h"
#include "core/store/table_codec.h"

namespace runlens {

Result<std::vector<ConsoleLine>> RunStore::readConsole(RunId run) const {
    auto s = prepare("SELECT time, stream, line FROM console WHERE run_id = ? ORDER BY id");
    if (!s.ok()) return s.error();
    s->bind(1, run);
    std::vector<ConsoleLine> out;
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        out.push_back({s->realOrNaN(0), ConsoleStream(s->int64(1)), s->text(2)});
    }
    return out;
}

Result<std::vector<ImportNote>> RunStore::readImportNotes(RunId run) const {
    auto s = prepare("SELECT level, message FROM import_notes WHERE run_id = ? ORDER BY id");
    if (!s.ok()) return s.error();
    s->bind(1, run);
    std::vector<ImportNote> out;
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        out.push_back({NoteLevel(s->int64(0)), s->text(1)});
    }
    return out;
}

Result<std::vector<TableInfo>> RunStore::readTableInfos(RunId run) const {
    auto s = prepare(
        std::string("SELECT t.id, t.run_id, t.name, t.step, t.row_count, c.name, c.type "
                    "FROM pred_tables t LEFT JOIN pred_columns c ON c.table_id = t.id ") +
        (run ? "WHERE t.run_id = ? " : "") + "ORDER BY t.run_id, t.name, t.step, c.position");
    if (!s.ok()) return s.error();
    if (run) s->bind(1, run);
    std::vector<TableInfo> out;
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        if (out.empty() || out.back().id != s->int64(0))
            out.push_back({s->int64(0), s->int64(1), s->text(2), s->int64(3), s->int64(4), {}});
        if (!s->isNull(5)) out.back().columns.emplace_back(s->text(5), ColumnType(s->int64(6)));
    }
    return out;
}

Result<std::vector<MediaKeyInfo>> RunStore::readMediaKeys() const {
    std::vector<MediaKeyInfo> out;
    if (m_version < 2) return out;
    auto s = prepare(
        "SELECT key, run_id, step, COUNT(*) FROM media_steps GROUP BY key, run_id, step "
        "ORDER BY key, step");
    if (!s.ok()) return s.error();
    std::set<RunId> runs;
    auto finish = [&] {
        if (out.empty()) return;
        auto& steps = out.back().steps;
        steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
        out.back().runs = std::int64_t(runs.size());
        runs.clear();
    };
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        if (out.empty() || out.back().key != s->text(0)) {
            finish();
            out.push_back({s->text(0), 0, 0, {}});
        }
        runs.insert(s->int64(1));
        out.back().steps.push_back(s->int64(2));
        out.back().images += s->int64(3);
    }
    finish();
    return out;
}

Result<std::vector<StepMediaItem>> RunStore::readStepMedia(const std::string& key) const {
    std::vector<StepMediaItem> out;
    if (m_version < 2) return out;
    auto s = prepare(
        "SELECT run_id, step, position, media_id, caption FROM media_steps WHERE key = ? "
        "ORDER BY run_id, step, position");
    if (!s.ok()) return s.error();
    s->bindText(1, key);
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        out.push_back({s->int64(0), s->int64(1), int(s->int64(2)), s->int64(3), s->text(4)});
    }
    return out;
}

Result<PredictionTable> RunStore::readTable(std::int64_t tableId) const {
    auto info = prepare("SELECT name, step, row_count FROM pred_tables WHERE id = ?");
    if (!info.ok()) return info.error();
    info->bind(1, tableId);
    auto found = info->step();
    if (!found.ok()) return found.error();
    if (!found.value()) return makeError("no table with id " + std::to_string(tableId), path());
    PredictionTable table;
    table.name = info->text(0);
    table.step = info->int64(1);
    const std::int64_t rows = info->int64(2);

    auto columns = prepare(
        "SELECT name, type, class_names FROM pred_columns WHERE table_id = ? ORDER BY position");
    if (!columns.ok()) return columns.error();
    columns->bind(1, tableId);
    for (;;) {
        auto row = columns->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        TableColumn& c = table.addColumn(columns->text(0), ColumnType(columns->int64(1)));
        const QJsonArray names =
            QJsonDocument::fromJson(QByteArray::fromStdString(columns->text(2))).array();
        for (const auto& n : names)
            c.classNames.push_back(n.toString().toStdString());
    }
    auto chunks =
        prepare("SELECT position, data FROM pred_chunks WHERE table_id = ? ORDER BY position, seq");
    if (!chunks.ok()) return chunks.error();
    chunks->bind(1, tableId);
    for (;;) {
        auto row = chunks->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        const auto position = std::size_t(chunks->int64(0));
        if (position >= table.columns.size()) continue;
        if (auto r = table_codec::decodeColumnChunk(chunks->blob(1), table.columns[position]);
            !r.ok())
            return makeError(r.error().message, path());
    }
    if (std::string problem = table.validate();
        !problem.empty() || std::int64_t(table.rowCount()) != rows)
        return makeError("damaged table '" + table.name +
                             "': " + (problem.empty() ? "row count does not match" : problem),
                         path());
    return table;
}

Result<MediaItem> RunStore::readMedia(MediaId id) const {
    auto s = prepare("SELECT mime, width, height, bytes FROM media WHERE id = ?");
    if (!s.ok()) return s.error();
    s->bind(1, id);
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (!row.value()) return makeError("no media with id " + std::to_string(id), path());
    return MediaItem{s->text(0), int(s->int64(1)), int(s->int64(2)), std::string(s->blob(3))};
}

Result<std::vector<Artifact>> RunStore::readArtifacts() const {
    auto s = prepare(
        "SELECT id, name, version, type, digest, description, metadata, size, producer_uid "
        "FROM artifacts ORDER BY name, version");
    if (!s.ok()) return s.error();
    std::vector<Artifact> out;
    std::vector<std::int64_t> ids;
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        Artifact a;
        ids.push_back(s->int64(0));
        a.name = s->text(1);
        a.version = s->text(2);
        a.type = s->text(3);
        a.digest = s->text(4);
        a.description = s->text(5);
        a.metadataJson = s->text(6);
        a.size = s->isNull(7) ? -1 : s->int64(7);
        a.producerRunUid = s->text(8);
        out.push_back(std::move(a));
    }
    auto aliases =
        prepare("SELECT alias FROM artifact_aliases WHERE artifact_id = ? ORDER BY alias");
    auto files = prepare(
        "SELECT path, digest, size FROM artifact_files WHERE artifact_id = ? ORDER BY path");
    auto uses = prepare("SELECT run_uid FROM artifact_uses WHERE artifact_id = ? ORDER BY run_uid");
    if (!aliases.ok()) return aliases.error();
    if (!files.ok()) return files.error();
    if (!uses.ok()) return uses.error();
    for (std::size_t i = 0; i < out.size(); ++i) {
        aliases->reset();
        aliases->bind(1, ids[i]);
        while (true) {
            auto row = aliases->step();
            if (!row.ok()) return row.error();
            if (!row.value()) break;
            out[i].aliases.push_back(aliases->text(0));
        }
        files->reset();
        files->bind(1, ids[i]);
        while (true) {
            auto row = files->step();
            if (!row.ok()) return row.error();
            if (!row.value()) break;
            out[i].files.push_back(
                {files->text(0), files->text(1), files->isNull(2) ? -1 : files->int64(2)});
        }
        uses->reset();
        uses->bind(1, ids[i]);
        while (true) {
            auto row = uses->step();
            if (!row.ok()) return row.error();
            if (!row.value()) break;
            out[i].consumerRunUids.push_back(uses->text(0));
        }
    }
    return out;
}

Result<std::vector<Sweep>> RunStore::readSweeps() const {
    auto s = prepare(
        "SELECT uid, name, method, metric, goal, parameters, config FROM sweeps ORDER BY uid");
    if (!s.ok()) return s.error();
    std::vector<Sweep> out;
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        out.push_back({s->text(0), s->text(1), s->text(2), s->text(3), MetricGoal(s->int64(4)),
                       s->text(5), s->text(6)});
    }
    return out;
}

namespace {

Result<sqlite::Database> openForEdit(const std::string& path) {
    auto store = RunStore::open(path);  // the same checks as for reading
    if (!store.ok()) return store.error();
    return sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
}

}  // namespace

Result<void> editRunTags(const std::string& path, RunId run, const std::vector<std::string>& tags) {
    auto db = openForEdit(path);
    if (!db.ok()) return db.error();
    sqlite::Transaction tx(db.value());
    if (!tx.began().ok()) return tx.began().error();
    auto del = sqlite::Statement::prepare(db.value(), "DELETE FROM run_tags WHERE run_id = ?");
    if (!del.ok()) return del.error();
    if (auto r = del->bind(1, run).run(); !r.ok()) return r.error();
    auto ins = sqlite::Statement::prepare(
        db.value(), "INSERT INTO run_tags(run_id, position, tag) VALUES (?, ?, ?)");
    if (!ins.ok()) return ins.error();
    for (std::size_t i = 0; i < tags.size(); ++i) {
        ins->reset();
        if (auto r = ins->bind(1, run).bind(2, std::int64_t(i)).bindText(3, tags[i]).run(); !r.ok())
            return r.error();
    }
    return tx.commit();
}

Result<void> editRunNotes(const std::string& path, RunId run, const std::string& notes) {
    auto db = openForEdit(path);
    if (!db.ok()) return db.error();
    auto s = sqlite::Statement::prepare(db.value(), "UPDATE runs SET notes = ? WHERE id = ?");
    if (!s.ok()) return s.error();
    return s->bindText(1, notes).bind(2, run).run();
}

}  // namespace runlens
