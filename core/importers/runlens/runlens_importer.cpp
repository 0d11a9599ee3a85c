// RunlensImporter: per run, the state remembers how much of each series, console and note list
// was copied; the file's size and mtime tell whether anything can have changed at all.
#include "core/importers/runlens/runlens_importer.h"

#include <map>
#include <set>

#include "core/importers/source_opener.h"
#include "core/store/run_store.h"
#include "core/util/json_value.h"

namespace runlens {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStateKey = "runlens:copy";
constexpr std::size_t kRunsPerCommit = 64;

std::string fileSignature(const fs::path& path) {
    std::string signature;
    for (const char* suffix : {"", "-wal"}) {
        std::error_code ec;
        const fs::path p = path.string() + suffix;
        const auto size = fs::file_size(p, ec);
        if (ec) continue;
        const auto time = fs::last_write_time(p, ec).time_since_epoch().count();
        signature += std::to_string(size) + ":" + std::to_string(time) + ";";
    }
    return signature;
}

// What was copied so far: counts per "<run uid>|<what>" ("s:<key>" series points, "console",
// "notes", "t:<name>@<step>" tables copied).
struct CopyState {
    std::string signature;
    std::map<std::string, std::int64_t> counts;

    static CopyState decode(const std::string& text) {
        CopyState state;
        auto json = parseJson(text);
        if (!json.ok() || !json->isObject()) return state;
        state.signature = json->stringMember("signature");
        if (const JsonValue* c = json->find("counts"); c && c->isObject())
            for (const JsonMember& m : c->members())
                state.counts[m.key] = m.value.toInt64();
        return state;
    }
    std::string encode() const {
        JsonValue o = JsonValue::object();
        o.set("signature", JsonValue::string(signature));
        JsonValue c = JsonValue::object();
        for (const auto& [key, n] : counts)
            c.set(key, JsonValue::integer(n));
        o.set("counts", std::move(c));
        return toJson(o);
    }
};

class Copy {
public:
    Copy(const RunStore& store, RunSink& sink, CopyState& state, Progress* progress)
        : m_store(store), m_sink(sink), m_state(state), m_progress(progress) {}

    Result<ImportStats> run();

private:
    Result<void> copyRun(const RunsSnapshot& snapshot, std::size_t row);
    Result<void> copyTables(const RunInfo& from, RunId to);
    MediaId copyMedia(MediaId id);

    const RunStore& m_store;
    RunSink& m_sink;
    CopyState& m_state;
    Progress* m_progress;
    ImportStats m_stats;
    std::map<MediaId, MediaId> m_media;
};

Result<ImportStats> Copy::run() {
    auto snapshot = m_store.readRuns();
    if (!snapshot.ok()) return snapshot.error();
    for (std::size_t row = 0; row < snapshot->runs.size(); ++row) {
        if (isCancelled(m_progress)) {
            m_stats.cancelled = true;
            return m_stats;
        }
        reportProgress(m_progress, std::int64_t(row), std::int64_t(snapshot->runs.size()),
                       "Copying " + snapshot->runs[row].name);
        if (auto r = copyRun(snapshot.value(), row); !r.ok()) return r.error();
        if (row % kRunsPerCommit == kRunsPerCommit - 1) {
            m_sink.saveImportState(kStateKey, m_state.encode());  // data and counts agree
            if (auto r = m_sink.commit(); !r.ok()) return r.error();
        }
    }
    auto sweeps = m_store.readSweeps();
    if (!sweeps.ok()) return sweeps.error();
    for (const Sweep& s : sweeps.value())
        m_sink.addSweep(s);
    auto artifacts = m_store.readArtifacts();
    if (!artifacts.ok()) return artifacts.error();
    for (const Artifact& a : artifacts.value())
        m_sink.addArtifact(a);
    return m_stats;
}

Result<void> Copy::copyRun(const RunsSnapshot& snapshot, std::size_t row) {
    const RunInfo& from = snapshot.runs[row];
    RunInfo info = from;
    info.id = 0;
    if (info.sourceFormat.empty()) info.sourceFormat = "runlens";
    const RunId to = m_sink.beginRun(info);
    ++m_stats.runs;
    for (const ValueColumn& c : snapshot.config)
        if (c.has(row)) m_sink.setConfig(to, c.key(), c.value(row));
    for (const ValueColumn& c : snapshot.summary)
        if (c.has(row)) m_sink.setSummary(to, c.key(), c.value(row));
    const std::string prefix = from.uid + "|";

    auto series = m_store.readRunSeries(from.id);
    if (!series.ok()) return series.error();
    for (const SeriesInfo& s : series.value()) {
        std::int64_t& copied = m_state.counts[prefix + "s:" + s.key];
        if (s.total.count <= copied) continue;
        auto points = m_store.readSeries(s.seriesId);
        if (!points.ok()) return points.error();
        for (std::size_t i = std::size_t(copied); i < points->size(); ++i) {
            if (s.kind == MetricKind::System)
                m_sink.logSystemMetric(to, s.key, points->steps[i], points->values[i],
                                       points->times[i]);
            else
                m_sink.logMetric(to, s.key, points->steps[i], points->values[i], points->times[i]);
        }
        m_stats.points += std::int64_t(points->size()) - copied;
        copied = std::int64_t(points->size());
    }
    auto console = m_store.readConsole(from.id);
    if (!console.ok()) return console.error();
    std::int64_t& lines = m_state.counts[prefix + "console"];
    for (std::size_t i = std::size_t(lines); i < console->size(); ++i)
        m_sink.logConsole(to, (*console)[i].time, (*console)[i].stream, (*console)[i].text);
    lines = std::max<std::int64_t>(lines, std::int64_t(console->size()));
    auto notes = m_store.readImportNotes(from.id);
    if (!notes.ok()) return notes.error();
    std::int64_t& noted = m_state.counts[prefix + "notes"];
    for (std::size_t i = std::size_t(noted); i < notes->size(); ++i)
        m_sink.addImportNote(to, (*notes)[i].level, (*notes)[i].message);
    noted = std::max<std::int64_t>(noted, std::int64_t(notes->size()));
    return copyTables(from, to);
}

MediaId Copy::copyMedia(MediaId id) {
    if (id == 0) return 0;
    if (auto it = m_media.find(id); it != m_media.end()) return it->second;
    auto media = m_store.readMedia(id);
    const MediaId copied = media.ok() ? m_sink.addMedia(media.value()) : 0;
    m_media[id] = copied;
    return copied;
}

Result<void> Copy::copyTables(const RunInfo& from, RunId to) {
    auto tables = m_store.readTableInfos(from.id);
    if (!tables.ok()) return tables.error();
    for (const TableInfo& t : tables.value()) {
        std::int64_t& rows =
            m_state.counts[from.uid + "|t:" + t.name + "@" + std::to_string(t.step)];
        if (rows == t.rowCount) continue;  // copied already (a table is replaced whole)
        auto table = m_store.readTable(t.id);
        if (!table.ok()) return table.error();
        for (TableColumn& c : table->columns)
            if (c.type == ColumnType::Image)
                for (std::int64_t& id : c.ints)
                    id = copyMedia(id);
        m_sink.logTable(to, table.value());
        rows = t.rowCount;
    }
    return {};
}

}  // namespace

bool RunlensImporter::canOpen(const fs::path& path) const {
    return looksLikeRunlensDatabase(path);
}

Result<ImportStats> RunlensImporter::import(const fs::path& path, RunSink& sink,
                                            Progress* progress) {
    if (!looksLikeRunlensDatabase(path))
        return makeError("not a Runlens database (no RLNS application id)", path.string());
    CopyState state = CopyState::decode(sink.importState(kStateKey));
    const std::string signature = fileSignature(path);
    if (!signature.empty() && signature == state.signature) return ImportStats{};
    auto store = RunStore::open(path.string());
    if (!store.ok()) return store.error();
    auto stats = Copy(store.value(), sink, state, progress).run();
    if (!stats.ok()) return stats.error();
    if (!stats->cancelled) state.signature = signature;
    sink.saveImportState(kStateKey, state.encode());
    if (auto r = sink.commit(); !r.ok()) return r.error();
    return stats;
}

}  // namespace runlens
