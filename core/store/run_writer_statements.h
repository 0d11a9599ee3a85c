// The SQL of every statement RunWriter prepares once at open, indexed by an enum.
#pragma once

namespace runlens::writer_sql {

enum Statement {
    kFindProject,
    kInsertProject,
    kFindRun,
    kInsertRun,
    kUpdateRun,
    kSelectRun,
    kSelectTags,
    kDeleteTags,
    kInsertTag,
    kFindValueKey,
    kInsertValueKey,
    kSetConfig,
    kDeleteConfig,
    kSetSummary,
    kDeleteSummary,
    kFindMetricKey,
    kInsertMetricKey,
    kFindSeries,
    kInsertSeries,
    kUpdateSeries,
    kSeriesChunkSummaries,
    kChunkData,
    kPutChunk,
    kInsertConsole,
    kFindMedia,
    kInsertMedia,
    kDeleteMediaStep,
    kInsertMediaStep,
    kFindTable,
    kDeleteTableChunks,
    kDeleteTableColumns,
    kDeleteTable,
    kInsertTable,
    kInsertColumn,
    kInsertTableChunk,
    kUpsertArtifact,
    kFindArtifact,
    kInsertAlias,
    kInsertArtifactFile,
    kInsertArtifactUse,
    kUpsertSweep,
    kInsertNote,
    kSaveState,
    kLoadState,
    kStatementCount
};

inline const char* const kSql[kStatementCount] = {
    "SELECT id FROM projects WHERE entity = ? AND name = ?",
    "INSERT INTO projects(entity, name) VALUES (?, ?)",
    "SELECT id FROM runs WHERE uid = ?",
    "INSERT INTO runs(uid) VALUES (?)",
    nullptr,  // kUpdateRun: composed from run_row::kColumns
    nullptr,  // kSelectRun: composed from run_row::kSelect
    "SELECT tag FROM run_tags WHERE run_id = ? ORDER BY position",
    "DELETE FROM run_tags WHERE run_id = ?",
    "INSERT INTO run_tags(run_id, position, tag) VALUES (?, ?, ?)",
    "SELECT id FROM value_keys WHERE name = ?",
    "INSERT INTO value_keys(name) VALUES (?)",
    "INSERT OR REPLACE INTO config(run_id, key_id, type, num, text) VALUES (?, ?, ?, ?, ?)",
    "DELETE FROM config WHERE run_id = ? AND key_id = ?",
    "INSERT OR REPLACE INTO summary(run_id, key_id, type, num, text) VALUES (?, ?, ?, ?, ?)",
    "DELETE FROM summary WHERE run_id = ? AND key_id = ?",
    "SELECT id FROM metric_keys WHERE name = ? AND kind = ?",
    "INSERT INTO metric_keys(name, kind) VALUES (?, ?)",
    "SELECT id, chunk_count FROM series WHERE run_id = ? AND key_id = ?",
    "INSERT INTO series(run_id, key_id) VALUES (?, ?)",
    "UPDATE series SET point_count = ?, nan_count = ?, chunk_count = ?, step_min = ?, "
    "step_max = ?, time_min = ?, time_max = ?, vmin = ?, vmax = ?, vfirst = ?, vlast = ? "
    "WHERE id = ?",
    "SELECT id, point_count, nan_count, step_min, step_max, time_min, time_max, vmin, vmax, "
    "vfirst, vlast FROM chunks WHERE id BETWEEN ? AND ? ORDER BY id",
    "SELECT data FROM chunks WHERE id = ?",
    "INSERT OR REPLACE INTO chunks(id, point_count, nan_count, step_min, step_max, time_min, "
    "time_max, vmin, vmax, vfirst, vlast, blocks, data) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "INSERT INTO console(run_id, time, stream, line) VALUES (?, ?, ?, ?)",
    "SELECT id FROM media WHERE sha256 = ?",
    "INSERT INTO media(sha256, mime, width, height, bytes) VALUES (?, ?, ?, ?, ?)",
    "DELETE FROM media_steps WHERE run_id = ? AND key = ? AND step = ?",
    "INSERT INTO media_steps(run_id, key, step, position, media_id, caption) "
    "VALUES (?, ?, ?, ?, ?, ?)",
    "SELECT id FROM pred_tables WHERE run_id = ? AND name = ? AND step = ?",
    "DELETE FROM pred_chunks WHERE table_id = ?",
    "DELETE FROM pred_columns WHERE table_id = ?",
    "DELETE FROM pred_tables WHERE id = ?",
    "INSERT INTO pred_tables(run_id, name, step, row_count) VALUES (?, ?, ?, ?)",
    "INSERT INTO pred_columns(table_id, position, name, type, class_names) VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO pred_chunks(table_id, position, seq, row_count, data) VALUES (?, ?, ?, ?, ?)",
    "INSERT INTO artifacts(name, version, type, digest, description, metadata, size, producer_uid) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT(name, version) DO UPDATE SET "
    "type = ?3, digest = ?4, description = ?5, metadata = ?6, size = ?7, "
    "producer_uid = CASE WHEN ?8 = '' THEN producer_uid ELSE ?8 END",
    "SELECT id FROM artifacts WHERE name = ? AND version = ?",
    "INSERT OR IGNORE INTO artifact_aliases(artifact_id, alias) VALUES (?, ?)",
    "INSERT OR REPLACE INTO artifact_files(artifact_id, path, digest, size) VALUES (?, ?, ?, ?)",
    "INSERT OR IGNORE INTO artifact_uses(artifact_id, run_uid) VALUES (?, ?)",
    "INSERT INTO sweeps(uid, name, method, metric, goal, parameters, config) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(uid) DO UPDATE SET name = ?2, method = ?3, "
    "metric = ?4, goal = ?5, parameters = ?6, config = ?7",
    "INSERT INTO import_notes(run_id, level, message) VALUES (?, ?, ?)",
    "INSERT OR REPLACE INTO import_state(source, state) VALUES (?, ?)",
    "SELECT state FROM import_state WHERE source = ?",
};

}  // namespace runlens::writer_sql
