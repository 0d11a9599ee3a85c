// Schema version 1 DDL, migrations and the checks that give clear errors for foreign files.
#include "core/store/schema.h"

#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace runlens::schema {
namespace {

// Version 1. Documented table by table in SCHEMA.md; keep both in step.
constexpr const char* kCreateV1 = R"sql(
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    UNIQUE (entity, name)
);

CREATE TABLE sweeps (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL DEFAULT '',
    method TEXT NOT NULL DEFAULT '',
    metric TEXT NOT NULL DEFAULT '',
    goal INTEGER NOT NULL DEFAULT 0,
    parameters TEXT NOT NULL DEFAULT '',
    config TEXT NOT NULL DEFAULT ''
);

CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    uid TEXT NOT NULL UNIQUE,
    project_id INTEGER REFERENCES projects(id),
    name TEXT NOT NULL DEFAULT '',
    group_name TEXT NOT NULL DEFAULT '',
    job_type TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL DEFAULT 'unknown',
    exit_code INTEGER,
    start_time REAL,
    end_time REAL,
    runtime REAL,
    host TEXT NOT NULL DEFAULT '',
    os TEXT NOT NULL DEFAULT '',
    python_version TEXT NOT NULL DEFAULT '',
    gpu TEXT NOT NULL DEFAULT '',
    git_commit TEXT NOT NULL DEFAULT '',
    git_remote TEXT NOT NULL DEFAULT '',
    git_dirty INTEGER,
    command TEXT NOT NULL DEFAULT '',
    sweep_uid TEXT NOT NULL DEFAULT '',
    parent_uid TEXT NOT NULL DEFAULT '',
    deleted INTEGER NOT NULL DEFAULT 0,
    source_format TEXT NOT NULL DEFAULT '',
    source_path TEXT NOT NULL DEFAULT ''
);

CREATE TABLE run_tags (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    position INTEGER NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (run_id, position)
) WITHOUT ROWID;

CREATE TABLE value_keys (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE config (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    key_id INTEGER NOT NULL REFERENCES value_keys(id),
    type INTEGER NOT NULL,
    num REAL,
    text TEXT,
    PRIMARY KEY (run_id, key_id)
) WITHOUT ROWID;

CREATE TABLE summary (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    key_id INTEGER NOT NULL REFERENCES value_keys(id),
    type INTEGER NOT NULL,
    num REAL,
    text TEXT,
    PRIMARY KEY (run_id, key_id)
) WITHOUT ROWID;

CREATE TABLE metric_keys (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    kind INTEGER NOT NULL,
    UNIQUE (name, kind)
);

CREATE TABLE series (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    key_id INTEGER NOT NULL REFERENCES metric_keys(id),
    point_count INTEGER NOT NULL DEFAULT 0,
    nan_count INTEGER NOT NULL DEFAULT 0,
    chunk_count INTEGER NOT NULL DEFAULT 0,
    step_min INTEGER,
    step_max INTEGER,
    time_min REAL,
    time_max REAL,
    vmin REAL,
    vmax REAL,
    vfirst REAL,
    vlast REAL,
    UNIQUE (run_id, key_id)
);
CREATE INDEX series_by_key ON series(key_id);

CREATE TABLE chunks (
    id INTEGER PRIMARY KEY,
    point_count INTEGER NOT NULL,
    nan_count INTEGER NOT NULL,
    step_min INTEGER NOT NULL,
    step_max INTEGER NOT NULL,
    time_min REAL,
    time_max REAL,
    vmin REAL,
    vmax REAL,
    vfirst REAL,
    vlast REAL,
    blocks BLOB NOT NULL,
    data BLOB NOT NULL
);

CREATE TABLE console (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    time REAL,
    stream INTEGER NOT NULL,
    line TEXT NOT NULL
);
CREATE INDEX console_by_run ON console(run_id, id);

CREATE TABLE media (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    mime TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes BLOB NOT NULL
);

CREATE TABLE pred_tables (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    name TEXT NOT NULL,
    step INTEGER NOT NULL,
    row_count INTEGER NOT NULL,
    UNIQUE (run_id, name, step)
);

CREATE TABLE pred_columns (
    table_id INTEGER NOT NULL REFERENCES pred_tables(id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    type INTEGER NOT NULL,
    class_names TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (table_id, position)
) WITHOUT ROWID;

CREATE TABLE pred_chunks (
    table_id INTEGER NOT NULL REFERENCES pred_tables(id),
    position INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    row_count INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (table_id, position, seq)
);

CREATE TABLE artifacts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT '',
    digest TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    metadata TEXT NOT NULL DEFAULT '',
    size INTEGER,
    producer_uid TEXT NOT NULL DEFAULT '',
    UNIQUE (name, version)
);

CREATE TABLE artifact_aliases (
    artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
    alias TEXT NOT NULL,
    PRIMARY KEY (artifact_id, alias)
) WITHOUT ROWID;

CREATE TABLE artifact_files (
    artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
    path TEXT NOT NULL,
    digest TEXT NOT NULL DEFAULT '',
    size INTEGER,
    PRIMARY KEY (artifact_id, path)
) WITHOUT ROWID;

CREATE TABLE artifact_uses (
    artifact_id INTEGER NOT NULL REFERENCES artifacts(id),
    run_uid TEXT NOT NULL,
    PRIMARY KEY (artifact_id, run_uid)
) WITHOUT ROWID;

CREATE TABLE import_notes (
    id INTEGER PRIMARY KEY,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    level INTEGER NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX import_notes_by_run ON import_notes(run_id, id);

CREATE TABLE import_state (
    source TEXT PRIMARY KEY,
    state TEXT NOT NULL
) WITHOUT ROWID;
)sql";

// Version 2: images at steps (media panels). A version 1 file gains the table when a writer
// opens it; readers of a version 1 file see no images at steps.
constexpr const char* kAddMediaStepsV2 = R"sql(
CREATE TABLE media_steps (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    key TEXT NOT NULL,
    step INTEGER NOT NULL,
    position INTEGER NOT NULL,
    media_id INTEGER NOT NULL REFERENCES media(id),
    caption TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (run_id, key, step, position)
) WITHOUT ROWID;
CREATE INDEX media_steps_by_key ON media_steps(key, step);
)sql";

std::string hex32(std::int64_t v) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%08X", unsigned(std::uint32_t(v)));
    return buffer;
}

}  // namespace

const std::vector<Migration>& migrations() {
    static const std::vector<Migration> kMigrations = {
        {1, [](sqlite::Database& db) { return db.exec(kAddMediaStepsV2); }},
    };
    return kMigrations;
}

std::vector<std::string> requiredTables(int version) {
    std::vector<std::string> tables = {
        "meta",         "projects",         "sweeps",         "runs",
        "run_tags",     "value_keys",       "config",         "summary",
        "metric_keys",  "series",           "chunks",         "console",
        "media",        "pred_tables",      "pred_columns",   "pred_chunks",
        "artifacts",    "artifact_aliases", "artifact_files", "artifact_uses",
        "import_notes", "import_state"};
    if (version >= 2) tables.emplace_back("media_steps");
    return tables;
}

Result<void> create(sqlite::Database& db) {
    sqlite::Transaction tx(db);
    if (!tx.began().ok()) return tx.began().error();
    if (auto r = db.exec(kCreateV1); !r.ok()) return r.error();
    if (auto r = db.exec(kAddMediaStepsV2); !r.ok()) return r.error();
    std::string stamp = "PRAGMA application_id = " + std::to_string(kApplicationId) +
                        "; PRAGMA user_version = " + std::to_string(kCurrentVersion) + ";" +
                        "INSERT INTO meta(key, value) VALUES ('format', 'runlens run database')," +
                        "('created_by', 'Runlens " RUNLENS_VERSION_STRING "');";
    if (auto r = db.exec(stamp); !r.ok()) return r.error();
    return tx.commit();
}

Result<void> migrate(sqlite::Database& db, int from, int to, const std::vector<Migration>& steps) {
    if (from == to) return {};
    sqlite::Transaction tx(db);
    if (!tx.began().ok()) return tx.began().error();
    for (int v = from; v < to; ++v) {
        const Migration* step = nullptr;
        for (const Migration& m : steps) {
            if (m.fromVersion == v) step = &m;
        }
        if (!step)
            return makeError("no migration from format version " + std::to_string(v), db.path());
        if (auto r = step->apply(db); !r.ok()) return r.error();
        if (auto r = db.exec("PRAGMA user_version = " + std::to_string(v + 1)); !r.ok())
            return r.error();
    }
    return tx.commit();
}

Result<int> validate(const sqlite::Database& db, int maxVersion) {
    auto appId = sqlite::queryInt(db, "PRAGMA application_id");
    if (!appId.ok()) return appId.error();
    if (appId.value() != kApplicationId) {
        std::string what = appId.value() == 0 ? std::string("no application id")
                                              : "application id " + hex32(appId.value());
        return makeError(
            "an SQLite database of another application (" + what + "), not a Runlens run database",
            db.path());
    }
    auto version = sqlite::queryInt(db, "PRAGMA user_version");
    if (!version.ok()) return version.error();
    if (version.value() > maxVersion)
        return makeError("written by a newer Runlens (format version " +
                             std::to_string(version.value()) + "; this build reads up to " +
                             std::to_string(maxVersion) + "). Update Runlens to open it.",
                         db.path());
    if (version.value() < 1)
        return makeError(
            "a Runlens database with an invalid format version " + std::to_string(version.value()),
            db.path());

    auto stmt = sqlite::Statement::prepare(
        db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?");
    if (!stmt.ok()) return stmt.error();
    for (const std::string& table : requiredTables(int(version.value()))) {
        stmt->reset();
        stmt->bindText(1, table);
        auto row = stmt->step();
        if (!row.ok()) return row.error();
        if (!row.value())
            return makeError("damaged Runlens database: the table '" + table + "' is missing",
                             db.path());
    }
    return int(version.value());
}

Result<void> checkFile(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) return makeError("no such file", path);
    if (fs::is_directory(status)) return makeError("is a folder, not a database file", path);
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("cannot read the file (permission denied?)", path);
    const std::uintmax_t size = fs::file_size(path, ec);
    if (ec) return makeError("cannot read the file size: " + ec.message(), path);
    if (size == 0) return makeError("the file is empty, not a Runlens database", path);

    unsigned char header[100] = {};
    in.read(reinterpret_cast<char*>(header), sizeof header);
    const std::streamsize got = in.gcount();
    static const char kMagic[16] = "SQLite format 3";  // with its terminating NUL
    if (got < 16 || std::memcmp(header, kMagic, 16) != 0)
        return makeError("not a Runlens database (not an SQLite file)", path);
    if (got < 100)
        return makeError("truncated SQLite file (" + std::to_string(size) + " bytes)", path);

    std::uint32_t pageSize = (std::uint32_t(header[16]) << 8) | header[17];
    if (pageSize == 1) pageSize = 65536;
    auto be32 = [&](int at) {
        return (std::uint32_t(header[at]) << 24) | (std::uint32_t(header[at + 1]) << 16) |
               (std::uint32_t(header[at + 2]) << 8) | std::uint32_t(header[at + 3]);
    };
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return makeError("damaged SQLite file: invalid page size " + std::to_string(pageSize),
                         path);
    // The page count in the header is valid when its "version-valid-for" matches the change
    // counter. A file shorter than that many pages lost its end (an interrupted copy or download).
    const std::uint32_t pageCount = be32(28);
    const bool countValid = be32(92) == be32(24);
    if (countValid && std::uintmax_t(pageCount) * pageSize > size)
        return makeError("truncated database file: " + std::to_string(size) + " bytes, " +
                             "but its header says " +
                             std::to_string(std::uintmax_t(pageCount) * pageSize),
                         path);
    if (size % pageSize != 0)
        return makeError("truncated or damaged database file: size " + std::to_string(size) +
                             " is not a whole number of " + std::to_string(pageSize) +
                             "-byte pages",
                         path);
    return {};
}

}  // namespace runlens::schema
