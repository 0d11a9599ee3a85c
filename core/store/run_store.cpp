// RunStore: opening read-only, runs snapshot, metric keys, series and chunk reads.
#include "core/store/run_store.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <unordered_map>
#include <utility>

#include "core/store/run_row.h"
#include "core/store/schema.h"

namespace runlens {
namespace {

std::int64_t firstChunkRow(std::int64_t seriesId) {
    return seriesId << schema::kChunkSeqBits;
}
std::int64_t lastChunkRow(std::int64_t seriesId) {
    return (seriesId << schema::kChunkSeqBits) | ((std::int64_t(1) << schema::kChunkSeqBits) - 1);
}

PointSummary readSummary(const sqlite::Statement& s, int first) {
    PointSummary p;
    p.count = s.int64(first);
    p.nanCount = s.int64(first + 1);
    p.stepMin = s.int64(first + 2);
    p.stepMax = s.int64(first + 3);
    p.timeMin = s.realOrNaN(first + 4);
    p.timeMax = s.realOrNaN(first + 5);
    p.min = s.realOrNaN(first + 6);
    p.max = s.realOrNaN(first + 7);
    p.first = s.realOrNaN(first + 8);
    p.last = s.realOrNaN(first + 9);
    return p;
}

constexpr const char* kSummaryColumns =
    "point_count, nan_count, step_min, step_max, time_min, time_max, vmin, vmax, vfirst, vlast";

Value readValue(const sqlite::Statement& s, int typeColumn) {
    switch (ValueType(s.int64(typeColumn))) {
        case ValueType::Null:
            return Value();
        case ValueType::Number:
            return Value::number(s.realOrNaN(typeColumn + 1));
        case ValueType::Bool:
            return Value::boolean(s.real(typeColumn + 1) != 0);
        case ValueType::String:
            return Value::string(s.text(typeColumn + 2));
        case ValueType::Json:
            return Value::json(s.text(typeColumn + 2));
    }
    return Value();
}

}  // namespace

struct RunStore::StatementCache {
    static constexpr int kCount = 3;
    std::optional<sqlite::Statement> statements[kCount];
};

// Borrowed use of a cached statement: reset (ending its read) when done.
class RunStore::CachedStatement {
public:
    explicit CachedStatement(sqlite::Statement* s) : m_s(s) {}
    CachedStatement(CachedStatement&& o) noexcept : m_s(std::exchange(o.m_s, nullptr)) {}
    CachedStatement(const CachedStatement&) = delete;
    CachedStatement& operator=(const CachedStatement&) = delete;
    ~CachedStatement() {
        if (m_s) m_s->reset();
    }
    sqlite::Statement* operator->() const { return m_s; }
    sqlite::Statement& operator*() const { return *m_s; }

private:
    sqlite::Statement* m_s;
};

namespace {
enum CachedQuery { kChunkData = 0, kChunkRange = 1, kChunkSummaries = 2 };
}  // namespace

RunStore::RunStore(sqlite::Database db, int version) : m_db(std::move(db)), m_version(version) {}

RunStore::RunStore(RunStore&& other) noexcept {
    *this = std::move(other);
}

RunStore& RunStore::operator=(RunStore&& other) noexcept {
    if (this != &other) {
        m_statements.reset();
        other.m_statements.reset();  // finalized while their connection is still open
        m_db = std::move(other.m_db);
        m_version = other.m_version;
    }
    return *this;
}

RunStore::~RunStore() {
    m_statements.reset();  // before the connection closes
}

Result<RunStore::CachedStatement> RunStore::cached(int which, const char* sql) const {
    if (!m_statements) m_statements = std::make_unique<StatementCache>();
    std::optional<sqlite::Statement>& slot = m_statements->statements[which];
    if (!slot) {
        auto s = prepare(sql);
        if (!s.ok()) return s.error();
        slot.emplace(std::move(s.value()));
    }
    return CachedStatement(&*slot);
}

Result<RunStore> RunStore::open(const std::string& path) {
    if (auto r = schema::checkFile(path); !r.ok()) return r.error();
    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
    if (!db.ok()) return db.error();
    auto version = schema::validate(db.value());
    if (!version.ok()) {
        // SQLite's own wording for a damaged file is cryptic; say it in our words.
        Error e = version.error();
        if (e.message.find("malformed") != std::string::npos ||
            e.message.find("not a database") != std::string::npos)
            e.message = "damaged database file (" + e.message + ")";
        return e;
    }
    return RunStore(std::move(db.value()), version.value());
}

Result<RunStore> RunStore::openAnother() const {
    auto db = sqlite::Database::open(path(), sqlite::Database::Mode::ReadOnly);
    if (!db.ok()) return db.error();
    return RunStore(std::move(db.value()), m_version);
}

Result<sqlite::Statement> RunStore::prepare(std::string_view sql) const {
    return sqlite::Statement::prepare(m_db, sql);
}

Result<std::int64_t> RunStore::dataVersion() const {
    return sqlite::queryInt(m_db, "PRAGMA data_version");
}

Result<RunsSnapshot> RunStore::readRuns() const {
    // One read transaction, so runs, config and summary come from the same commit.
    auto begin = m_db.exec("BEGIN");
    if (!begin.ok()) return begin.error();
    struct EndRead {
        sqlite::Database& db;
        ~EndRead() { (void)db.exec("COMMIT"); }
    } endRead{m_db};

    RunsSnapshot snap;
    auto version = dataVersion();
    if (!version.ok()) return version.error();
    snap.dataVersion = version.value();

    auto runs = prepare(std::string(run_row::kSelect) + " ORDER BY r.id");
    if (!runs.ok()) return runs.error();
    for (;;) {
        auto row = runs->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        snap.runs.push_back(run_row::read(runs.value()));
        snap.runs.back().sourceRunId = snap.runs.back().uid;
    }
    auto sources = prepare("SELECT state FROM import_state WHERE source = ?1");
    if (!sources.ok()) return sources.error();
    sources->bindText(1, kWorkspaceSourcesKey);
    if (auto row = sources->step(); !row.ok())
        return row.error();
    else if (row.value())
        snap.sources = decodeWorkspaceSources(sources->textView(0));
    applySourceScopes(snap.sources, snap.runs);
    if (auto settled = settleRunStates(snap); !settled.ok()) return settled.error();
    auto tags = prepare("SELECT run_id, tag FROM run_tags ORDER BY run_id, position");
    if (!tags.ok()) return tags.error();
    for (;;) {
        auto row = tags->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        const int r = snap.rowOf(tags->int64(0));
        if (r >= 0) snap.runs[std::size_t(r)].tags.push_back(tags->text(1));
    }

    // Config and summary: key names first, then one pass over the cells.
    std::map<std::int64_t, std::string> keyNames;
    auto keys = prepare("SELECT id, name FROM value_keys");
    if (!keys.ok()) return keys.error();
    for (;;) {
        auto row = keys->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        keyNames[keys->int64(0)] = keys->text(1);
    }
    for (const char* table : {"config", "summary"}) {
        // Primary-key order (run, key): no sort of millions of cells, and runs come in row order.
        auto cells = prepare(std::string("SELECT run_id, key_id, type, num, text FROM ") + table);
        if (!cells.ok()) return cells.error();
        std::vector<ValueColumn>& columns =
            std::string_view(table) == "config" ? snap.config : snap.summary;
        std::unordered_map<std::int64_t, std::size_t> columnOfKey;
        RunId lastRun = -1;
        int r = -1;
        for (;;) {
            auto row = cells->step();
            if (!row.ok()) return row.error();
            if (!row.value()) break;
            if (const RunId run = cells->int64(0); run != lastRun) {
                lastRun = run;
                r = snap.rowOf(run);
            }
            if (r < 0) continue;
            const std::int64_t keyId = cells->int64(1);
            auto [it, added] = columnOfKey.emplace(keyId, columns.size());
            if (added) columns.emplace_back(keyNames[keyId], snap.runs.size());
            columns[it->second].set(std::size_t(r), readValue(cells.value(), 2));
        }
        if (std::string_view(table) == "summary") {
            if (auto added = addSeriesSummaries(snap); !added.ok()) return added.error();
        }
        std::sort(columns.begin(), columns.end(),
                  [](const ValueColumn& a, const ValueColumn& b) { return a.key() < b.key(); });
    }
    return snap;
}

Result<void> RunStore::settleRunStates(RunsSnapshot& snap) const {
    // TensorBoard and CSV logs never say that a run ended, and a W&B or MLflow run whose process
    // died stays "running" in its files forever. The last logged time tells: the end of a run
    // that left no end, and, once it is older than kStaleRunSeconds, that the run is over.
    auto s = prepare("SELECT run_id, max(time_max) FROM series GROUP BY run_id");
    if (!s.ok()) return s.error();
    const double now = double(std::chrono::duration_cast<std::chrono::milliseconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count()) /
                       1000.0;
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        const int r = snap.rowOf(s->int64(0));
        const double last = s->realOrNaN(1);
        if (r < 0 || !std::isfinite(last)) continue;
        RunInfo& run = snap.runs[std::size_t(r)];
        const bool unended = run.state == RunState::Unknown || run.state == RunState::Running;
        if (!unended) continue;
        const bool noExitRecord = run.sourceFormat == "tensorboard" || run.sourceFormat == "csv";
        if (now - last < kStaleRunSeconds) {
            if (noExitRecord) run.state = RunState::Running;  // written to a moment ago
            continue;
        }
        if (!std::isfinite(run.endTime)) run.endTime = last;
        if (!std::isfinite(run.runtime) && std::isfinite(run.startTime) && last >= run.startTime)
            run.runtime = last - run.startTime;
        // Formats without an exit status ended as far as anyone can tell; a W&B or MLflow run
        // that should have said so died (W&B calls such a run crashed too).
        run.state = noExitRecord ? RunState::Finished : RunState::Crashed;
    }
    return {};
}

Result<void> RunStore::addSeriesSummaries(RunsSnapshot& snap) const {
    // Summaries the stored series tell, where the source gave none: TensorBoard and CSV logs
    // have no summary at all, W&B and MLflow give the last value only. <key> is the last value
    // logged, <key>.min and .max the extremes; what the source wrote always wins.
    auto s = prepare(
        "SELECT s.run_id, k.name, s.vlast, s.vmin, s.vmax FROM series s "
        "JOIN metric_keys k ON k.id = s.key_id WHERE k.kind = 0 AND s.point_count > s.nan_count "
        "ORDER BY s.run_id");
    if (!s.ok()) return s.error();
    std::unordered_map<std::string, std::size_t> columnOf;
    for (std::size_t i = 0; i < snap.summary.size(); ++i)
        columnOf.emplace(snap.summary[i].key(), i);
    auto fill = [&](std::string key, std::size_t row, double value) {
        if (!std::isfinite(value)) return;
        auto [it, added] = columnOf.try_emplace(std::move(key), snap.summary.size());
        if (added) snap.summary.emplace_back(it->first, snap.runs.size());
        ValueColumn& column = snap.summary[it->second];
        if (!column.has(row)) column.set(row, Value::number(value));
    };
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        const int r = snap.rowOf(s->int64(0));
        if (r < 0) continue;
        const std::string key = s->text(1);
        fill(key, std::size_t(r), s->realOrNaN(2));
        fill(key + ".min", std::size_t(r), s->realOrNaN(3));
        fill(key + ".max", std::size_t(r), s->realOrNaN(4));
    }
    return {};
}

Result<std::vector<MetricKeyInfo>> RunStore::readMetricKeys() const {
    auto s = prepare(
        "SELECT k.id, k.name, k.kind, count(s.id), coalesce(sum(s.point_count), 0) "
        "FROM metric_keys k LEFT JOIN series s ON s.key_id = k.id GROUP BY k.id ORDER BY k.kind, "
        "k.name");
    if (!s.ok()) return s.error();
    std::vector<MetricKeyInfo> keys;
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        keys.push_back(
            {s->int64(0), s->text(1), MetricKind(s->int64(2)), s->int64(3), s->int64(4)});
    }
    return keys;
}

namespace {
Result<std::vector<SeriesInfo>> collectSeries(sqlite::Statement& s) {
    std::vector<SeriesInfo> out;
    for (;;) {
        auto row = s.step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        SeriesInfo info;
        info.seriesId = s.int64(0);
        info.runId = s.int64(1);
        info.key = s.text(2);
        info.kind = MetricKind(s.int64(3));
        info.total = readSummary(s, 4);
        out.push_back(std::move(info));
    }
    return out;
}
constexpr const char* kSeriesSelect =
    "SELECT s.id, s.run_id, k.name, k.kind, s.point_count, s.nan_count, coalesce(s.step_min, 0), "
    "coalesce(s.step_max, 0), s.time_min, s.time_max, s.vmin, s.vmax, s.vfirst, s.vlast "
    "FROM series s JOIN metric_keys k ON k.id = s.key_id ";
}  // namespace

Result<std::vector<SeriesInfo>> RunStore::readSeriesInfos(std::int64_t keyId) const {
    auto s = prepare(std::string(kSeriesSelect) + (keyId ? "WHERE s.key_id = ? " : "") +
                     "ORDER BY s.run_id, k.kind, k.name");
    if (!s.ok()) return s.error();
    if (keyId) s->bind(1, keyId);
    return collectSeries(s.value());
}

Result<std::vector<SeriesInfo>> RunStore::readRunSeries(RunId run) const {
    auto s = prepare(std::string(kSeriesSelect) + "WHERE s.run_id = ? ORDER BY k.kind, k.name");
    if (!s.ok()) return s.error();
    s->bind(1, run);
    return collectSeries(s.value());
}

Result<Series> RunStore::readSeries(std::int64_t seriesId, chunk_codec::Fields fields) const {
    return readSeriesSteps(seriesId, INT64_MIN, INT64_MAX, fields);
}

Result<Series> RunStore::readSeriesSteps(std::int64_t seriesId, std::int64_t stepMin,
                                         std::int64_t stepMax, chunk_codec::Fields fields) const {
    auto s = prepare(
        "SELECT data FROM chunks WHERE id BETWEEN ? AND ? AND step_max >= ? AND step_min <= ? "
        "ORDER BY id");
    if (!s.ok()) return s.error();
    s->bind(1, firstChunkRow(seriesId))
        .bind(2, lastChunkRow(seriesId))
        .bind(3, stepMin)
        .bind(4, stepMax);
    Series out;
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        if (out.values.capacity() == 0) out.reserve(schema::kChunkPoints);
        if (auto r = chunk_codec::decodePoints(s->blob(0), out, fields); !r.ok())
            return makeError(r.error().message, path());
    }
    return out;
}

Result<std::vector<ChunkSummary>> RunStore::readChunkSummaries(std::int64_t seriesId) const {
    auto handle = cached(kChunkSummaries,
                         "SELECT id, point_count, nan_count, step_min, step_max, time_min, "
                         "time_max, vmin, vmax, vfirst, vlast FROM chunks WHERE id BETWEEN ? AND ? "
                         "ORDER BY id");
    if (!handle.ok()) return handle.error();
    sqlite::Statement& s = *handle.value();
    s.bind(1, firstChunkRow(seriesId)).bind(2, lastChunkRow(seriesId));
    std::vector<ChunkSummary> out;
    for (;;) {
        auto row = s.step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        out.push_back({s.int64(0) - firstChunkRow(seriesId), readSummary(s, 1)});
    }
    return out;
}

Result<std::vector<std::pair<std::int64_t, std::vector<ChunkSummary>>>>
RunStore::readKeyChunkSummaries(std::int64_t keyId) const {
    auto s = prepare(
        std::string("SELECT s.id, c.id, c.point_count, c.nan_count, c.step_min, c.step_max, "
                    "c.time_min, c.time_max, c.vmin, c.vmax, c.vfirst, c.vlast "
                    "FROM series s JOIN chunks c ON c.id BETWEEN (s.id << ") +
        std::to_string(schema::kChunkSeqBits) + ") AND ((s.id << " +
        std::to_string(schema::kChunkSeqBits) + ") | " +
        std::to_string((1 << schema::kChunkSeqBits) - 1) +
        ") WHERE s.key_id = ? ORDER BY s.id, c.id");
    if (!s.ok()) return s.error();
    s->bind(1, keyId);
    std::vector<std::pair<std::int64_t, std::vector<ChunkSummary>>> out;
    for (;;) {
        auto row = s->step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        const std::int64_t seriesId = s->int64(0);
        if (out.empty() || out.back().first != seriesId)
            out.emplace_back(seriesId, std::vector<ChunkSummary>());
        out.back().second.push_back(
            {s->int64(1) - firstChunkRow(seriesId), readSummary(s.value(), 2)});
    }
    return out;
}

Result<Series> RunStore::readChunk(std::int64_t seriesId, std::int64_t seq,
                                   chunk_codec::Fields fields) const {
    auto handle = cached(kChunkData, "SELECT data FROM chunks WHERE id = ?");
    if (!handle.ok()) return handle.error();
    sqlite::Statement& s = *handle.value();
    s.bind(1, firstChunkRow(seriesId) + seq);
    Series out;
    auto row = s.step();
    if (!row.ok()) return row.error();
    if (row.value()) {
        if (auto r = chunk_codec::decodePoints(s.blob(0), out, fields); !r.ok())
            return makeError(r.error().message, path());
    }
    return out;
}

Result<void> RunStore::visitChunkData(std::int64_t seriesId, std::int64_t seqFrom,
                                      std::int64_t seqTo, const ChunkVisitor& visit) const {
    const std::int64_t maxSeq = (std::int64_t(1) << schema::kChunkSeqBits) - 1;
    seqFrom = std::clamp<std::int64_t>(seqFrom, 0, maxSeq);
    seqTo = std::clamp<std::int64_t>(seqTo, 0, maxSeq);
    if (seqTo < seqFrom) return {};
    auto handle =
        cached(kChunkRange, "SELECT id, data FROM chunks WHERE id BETWEEN ? AND ? ORDER BY id");
    if (!handle.ok()) return handle.error();
    sqlite::Statement& s = *handle.value();
    s.bind(1, firstChunkRow(seriesId) + seqFrom).bind(2, firstChunkRow(seriesId) + seqTo);
    for (;;) {
        auto row = s.step();
        if (!row.ok()) return row.error();
        if (!row.value()) break;
        if (auto r = visit(s.int64(0) - firstChunkRow(seriesId), s.blob(1)); !r.ok()) {
            Error e = r.error();
            if (e.path.empty()) e.path = path();
            return e;
        }
    }
    return {};
}

Result<std::vector<PointSummary>> RunStore::readBlocks(std::int64_t seriesId,
                                                       std::int64_t seq) const {
    auto s = prepare("SELECT blocks FROM chunks WHERE id = ?");
    if (!s.ok()) return s.error();
    s->bind(1, firstChunkRow(seriesId) + seq);
    std::vector<PointSummary> out;
    auto row = s->step();
    if (!row.ok()) return row.error();
    if (row.value()) {
        if (auto r = chunk_codec::decodeBlocks(s->blob(0), out); !r.ok())
            return makeError(r.error().message, path());
    }
    return out;
}

}  // namespace runlens
