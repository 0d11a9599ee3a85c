// The run database's schema: version, creation, forward migrations and validation on open.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/store/sqlite.h"
#include "core/util/result.h"

namespace runlens::schema {

/// PRAGMA application_id of every Runlens database: "RLNS".
inline constexpr std::int32_t kApplicationId = 0x524C4E53;
/// PRAGMA user_version written by this build. See SCHEMA.md for the history.
inline constexpr int kCurrentVersion = 2;
/// Points per stored metric chunk, and per block summary inside a chunk.
inline constexpr int kChunkPoints = 4096;
inline constexpr int kBlockPoints = 64;
/// Rows per stored prediction-table column chunk.
inline constexpr int kTableChunkRows = 4096;
/// Chunk row ids are (series id << kChunkSeqBits) | seq, so a series' chunks are contiguous.
inline constexpr int kChunkSeqBits = 24;

/// One forward migration: upgrades a database from `fromVersion` to fromVersion + 1.
struct Migration {
    int fromVersion;
    std::function<Result<void>(sqlite::Database&)> apply;
};

/// The migrations of this build, in order (1 -> 2 adds media_steps).
const std::vector<Migration>& migrations();

/// Creates every table of the current version in an empty database and stamps its ids.
Result<void> create(sqlite::Database& db);

/// Brings a database of version `from` up to `to` with `steps`, in one transaction.
Result<void> migrate(sqlite::Database& db, int from, int to, const std::vector<Migration>& steps);

/// The tables a valid database of format `version` must have.
std::vector<std::string> requiredTables(int version = kCurrentVersion);

/// Checks an opened database: Runlens application id, a version this build can read, every
/// required table. Errors name the file and say what is wrong.
Result<int> validate(const sqlite::Database& db, int maxVersion = kCurrentVersion);

/// Checks the file itself before SQLite sees it: exists, readable, an SQLite file, not
/// truncated. Never writes.
Result<void> checkFile(const std::string& path);

}  // namespace runlens::schema
