// Schema creation, reopening, forward migrations and version checks.
#include <catch2/catch.hpp>

#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "core/store/schema.h"
#include "tests/support/temp_dir.h"

using namespace runlens;

namespace {
std::int64_t pragma(const std::string& path, const char* sql) {
    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
    REQUIRE(db.ok());
    auto v = sqlite::queryInt(db.value(), sql);
    REQUIRE(v.ok());
    return v.value();
}
}  // namespace

TEST_CASE("A new database has every table, the application id and the current version", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "new.runlens").string();
    {
        auto w = RunWriter::open(path);
        REQUIRE(w.ok());
    }
    CHECK(pragma(path, "PRAGMA application_id") == schema::kApplicationId);
    CHECK(pragma(path, "PRAGMA user_version") == schema::kCurrentVersion);
    {
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
        auto mode = sqlite::Statement::prepare(db.value(), "PRAGMA journal_mode");
        REQUIRE(mode->step().value());
        CHECK(mode->text(0) == "wal");  // readers keep working while a writer appends
    }
    for (const auto& table : schema::requiredTables()) {
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadOnly);
        auto s = sqlite::Statement::prepare(db.value(), "SELECT count(*) FROM " + table);
        REQUIRE(s.ok());
    }
    auto store = RunStore::open(path);
    REQUIRE(store.ok());
    CHECK(store->formatVersion() == schema::kCurrentVersion);
}

TEST_CASE("Reopening a database for writing keeps its data", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "db.runlens").string();
    {
        auto w = RunWriter::open(path);
        REQUIRE(w.ok());
        RunInfo info;
        info.uid = "a";
        (*w)->beginRun(info);
        REQUIRE((*w)->commit().ok());
    }
    {
        auto w = RunWriter::open(path);
        REQUIRE(w.ok());
        RunInfo info;
        info.uid = "b";
        (*w)->beginRun(info);
    }
    auto runs = RunStore::open(path).value().readRuns();
    REQUIRE(runs.ok());
    REQUIRE(runs->runs.size() == 2);
    CHECK(runs->runs[0].uid == "a");
    CHECK(runs->runs[1].uid == "b");
}

TEST_CASE("Migrations run in order inside one transaction", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "m.runlens").string();
    { REQUIRE(RunWriter::open(path).ok()); }
    auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
    REQUIRE(db.ok());

    std::vector<int> applied;
    std::vector<schema::Migration> steps = {
        {1,
         [&](sqlite::Database& d) {
             applied.push_back(1);
             return d.exec("CREATE TABLE extra_a(x)");
         }},
        {2,
         [&](sqlite::Database& d) {
             applied.push_back(2);
             return d.exec("CREATE TABLE extra_b(y)");
         }},
    };
    REQUIRE(schema::migrate(db.value(), 1, 3, steps).ok());
    CHECK(applied == std::vector<int>{1, 2});
    CHECK(sqlite::queryInt(db.value(), "PRAGMA user_version").value() == 3);
    CHECK(
        sqlite::queryInt(db.value(), "SELECT count(*) FROM sqlite_master WHERE name LIKE 'extra_%'")
            .value() == 2);

    SECTION("a failing step rolls everything back") {
        std::vector<schema::Migration> bad = {
            {3, [](sqlite::Database& d) { return d.exec("CREATE TABLE extra_c(z)"); }},
            {4, [](sqlite::Database& d) { return d.exec("THIS IS NOT SQL"); }},
        };
        auto r = schema::migrate(db.value(), 3, 5, bad);
        CHECK_FALSE(r.ok());
        CHECK(sqlite::queryInt(db.value(), "PRAGMA user_version").value() == 3);
        CHECK(sqlite::queryInt(db.value(),
                               "SELECT count(*) FROM sqlite_master WHERE name = 'extra_c'")
                  .value() == 0);
    }
    SECTION("a missing step is an error naming the version") {
        auto r = schema::migrate(db.value(), 3, 4, {});
        REQUIRE_FALSE(r.ok());
        CHECK(r.error().message.find("3") != std::string::npos);
    }
}

TEST_CASE("A database from a newer Runlens gives a clear error and is left alone", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "future.runlens").string();
    { REQUIRE(RunWriter::open(path).ok()); }
    {
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
        REQUIRE(db->exec("PRAGMA user_version = 99; PRAGMA journal_mode = DELETE;").ok());
    }
    const std::string before = test::fileDigest(path);
    auto store = RunStore::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK(store.error().message.find("newer Runlens") != std::string::npos);
    CHECK(store.error().message.find("99") != std::string::npos);
    CHECK(store.error().path == path);
    auto writer = RunWriter::open(path);
    REQUIRE_FALSE(writer.ok());
    CHECK(writer.error().message.find("newer Runlens") != std::string::npos);
    CHECK(test::fileDigest(path) == before);
}

TEST_CASE("A version 1 database: readers see no images at steps, a writer upgrades it", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "v1.runlens").string();
    { REQUIRE(RunWriter::open(path).ok()); }
    {
        auto db = sqlite::Database::open(path, sqlite::Database::Mode::ReadWrite);
        REQUIRE(db.ok());
        REQUIRE(db->exec("DROP TABLE media_steps; PRAGMA user_version = 1;").ok());
    }
    {
        auto store = RunStore::open(path);
        REQUIRE(store.ok());
        CHECK(store->formatVersion() == 1);
        CHECK(store->readMediaKeys().value().empty());
        CHECK(store->readStepMedia("x").value().empty());
    }
    {
        auto w = RunWriter::open(path);
        REQUIRE(w.ok());
        RunInfo info;
        info.uid = "r";
        const RunId r = w.value()->beginRun(info);
        const MediaId m = w.value()->addMedia({"image/png", 1, 1, "png"});
        w.value()->logMediaAtStep(r, "x", 3, {{m, "c"}});
        REQUIRE(w.value()->commit().ok());
    }
    CHECK(pragma(path, "PRAGMA user_version") == 2);
    auto store = RunStore::open(path).value();
    REQUIRE(store.readStepMedia("x").value().size() == 1);
}
