// MLflow SQL-store importer on generated databases: value encodings, old schemas, incremental
// passes (appended rows, new runs, changed metadata, reused rowids), a live writer, damaged
// and foreign files, cancellation.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "core/importers/mlflow/mlflow_sql_store_importer.h"
#include "tests/core/importers/mlflow/mlflow_generator.h"
#include "tests/support/memory_sink.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
namespace gen = runlens::test::mlflowgen;
using namespace runlens;
using runlens::test::MemoryRun;
using runlens::test::MemorySink;

namespace {

ImportStats importOk(const fs::path& path, MemorySink& sink, Progress* progress = nullptr) {
    auto stats = MlflowSqlStoreImporter().import(path, sink, progress);
    if (!stats.ok()) FAIL(stats.error().toString());
    return *stats;
}

gen::SqlRun run(const std::string& uuid, const std::string& name) {
    gen::SqlRun r;
    r.uuid = uuid;
    r.name = name;
    return r;
}

}  // namespace

TEST_CASE("MLflow SQL store: NaN, infinities, steps, deleted runs and experiments, tags",
          "[mlflow]") {
    test::TempDir dir;
    fs::path path = dir / "mlflow.db";
    {
        auto db = gen::createDatabase(path, gen::Schema::Current);
        gen::insertExperiment(db, 1, "vision");
        gen::insertExperiment(db, 2, "old", "deleted");
        auto a = run("a1", "alpha");
        a.experimentId = 1;
        gen::insertRun(db, a);
        auto b = run("b2", "");
        b.lifecycle = "deleted";
        b.status = "KILLED";
        gen::insertRun(db, b);
        auto c = run("c3", "gamma");
        c.experimentId = 2;
        c.status = "RUNNING";
        c.endMs.reset();
        gen::insertRun(db, c);
        auto s = gen::Schema::Current;
        gen::insertMetric(db, s, "a1", "loss", 0.5, 1000, 0);
        gen::insertMetric(db, s, "a1", "loss", std::nan(""), 1001, 1);
        gen::insertMetric(db, s, "a1", "loss", INFINITY, 1002, 2);
        gen::insertMetric(db, s, "a1", "loss", -INFINITY, 1003, 3);
        gen::insertMetric(db, s, "a1", "loss", 0.25, 1004, 3);
        gen::insertMetric(db, s, "a1", "val/acc", 0.9, 900, 7);
        gen::insertMetric(db, s, "a1", "val/acc", 0.8, 901, 2);
        gen::insertMetric(db, s, "b2", "x", 1, 1, 0);
        gen::insertParam(db, "a1", "lr", "1e-3");
        gen::insertParam(db, "a1", "layers", "[1, 2]");
        gen::insertTag(db, "b2", "mlflow.runName", "beta-from-tag");
        gen::insertTag(db, "b2", "mlflow.parentRunId", "a1");
        gen::insertTag(db, "a1", "stage", "dev");
        gen::insertTag(db, "a1", "mlflow.note.content", "notes here");
    }
    std::string digest = test::fileDigest(path);
    MemorySink sink;
    ImportStats stats = importOk(path, sink);
    CHECK(stats.points == 8);
    CHECK(stats.runs == 3);
    REQUIRE(sink.runs.size() == 3);

    const MemoryRun& a = sink.byUid("a1");
    CHECK(a.info.name == "alpha");
    CHECK(a.info.project == "vision");
    CHECK(a.info.notes == "notes here");
    CHECK(a.info.tags == std::vector<std::string>{"stage=dev"});
    CHECK(a.info.state == RunState::Finished);
    CHECK(a.finished);
    const Series& loss = a.metrics.at("loss");
    REQUIRE(loss.size() == 5);
    CHECK(loss.values[0] == 0.5);
    CHECK(std::isnan(loss.values[1]));
    CHECK(loss.values[2] == INFINITY);
    CHECK(loss.values[3] == -INFINITY);
    CHECK(loss.steps == std::vector<std::int64_t>{0, 1, 2, 3, 3});
    CHECK(loss.times[4] == 1.004);
    CHECK(a.summary.at("loss") == Value::number(0.25));
    CHECK(a.summary.at("val/acc") == Value::number(0.9));  // step 7 beats the later step 2
    CHECK(a.config.at("lr") == Value::number(0.001));
    CHECK(a.config.at("layers") == Value::json("[1, 2]"));

    const MemoryRun& b = sink.byUid("b2");
    CHECK(b.info.name == "beta-from-tag");
    CHECK(b.info.parentUid == "a1");
    CHECK(b.info.deleted);
    CHECK(b.info.state == RunState::Killed);
    CHECK(b.info.project == "Default");

    const MemoryRun& c = sink.byUid("c3");
    CHECK(c.info.deleted);  // its experiment is deleted
    CHECK(c.info.state == RunState::Running);
    CHECK_FALSE(c.finished);
    CHECK(c.metrics.empty());

    CHECK(test::fileDigest(path) == digest);
    CHECK_FALSE(fs::exists(dir / "mlflow.db-journal"));
}

TEST_CASE("MLflow SQL store: the initial schema without step, is_nan and latest_metrics",
          "[mlflow]") {
    test::TempDir dir;
    fs::path path = dir / "mlruns.db";
    {
        auto db = gen::createDatabase(path, gen::Schema::Initial);
        gen::insertRun(db, run("r1", "first"));
        gen::insertMetric(db, gen::Schema::Initial, "r1", "acc", 0.5, 2000, 9);
        gen::insertMetric(db, gen::Schema::Initial, "r1", "acc", 0.7, 3000, 9);
        gen::insertMetric(db, gen::Schema::Initial, "r1", "acc", std::nan(""), 4000, 9);
        gen::insertParam(db, "r1", "depth", "4");
    }
    MlflowSqlStoreImporter importer;
    REQUIRE(importer.canOpen(path));
    MemorySink sink;
    importOk(path, sink);
    const MemoryRun& r = sink.byUid("r1");
    CHECK(r.metrics.at("acc").steps == std::vector<std::int64_t>{0, 0, 0});
    CHECK(r.metrics.at("acc").values[1] == 0.7);
    CHECK(std::isnan(r.metrics.at("acc").values[2]));  // stored as NULL
    CHECK(r.config.at("depth") == Value::number(4));
}

TEST_CASE("MLflow SQL store: incremental passes add exactly what is new", "[mlflow]") {
    test::TempDir dir;
    fs::path path = dir / "mlflow.db";
    auto db = gen::createDatabase(path, gen::Schema::Current);
    auto s = gen::Schema::Current;
    auto r1 = run("r1", "one");
    r1.status = "RUNNING";
    r1.endMs.reset();
    gen::insertRun(db, r1);
    for (int i = 0; i < 10; ++i)
        gen::insertMetric(db, s, "r1", "loss", 1.0 / (i + 1), 1000 + i, i);

    MemorySink sink;
    CHECK(importOk(path, sink).points == 10);

    SECTION("an unchanged database adds nothing and touches no run") {
        ImportStats again = importOk(path, sink);
        CHECK(again.runs == 0);
        CHECK(again.points == 0);
        CHECK(metricPoints(sink) == 10);
    }
    SECTION("appended rows, a new run and changed metadata") {
        gen::insertMetric(db, s, "r1", "loss", 0.01, 2000, 10);
        gen::insertMetric(db, s, "r1", "lr", 0.1, 2000, 10);
        gen::insertRun(db, run("r2", "two"));
        gen::insertMetric(db, s, "r2", "loss", 3, 5, 0);
        gen::insertTag(db, "r1", "phase", "warmup");
        ImportStats second = importOk(path, sink);
        CHECK(second.points == 3);
        CHECK(second.runs == 2);
        CHECK(sink.byUid("r1").metrics.at("loss").size() == 11);
        CHECK(sink.byUid("r1").summary.at("loss") == Value::number(0.01));
        CHECK(sink.byUid("r1").config.at("tags.phase") == Value::string("warmup"));
        CHECK(sink.byUid("r2").metrics.at("loss").size() == 1);

        gen::exec(db, "UPDATE runs SET status = 'FINISHED', end_time = 1700000700000");
        gen::exec(db, "DELETE FROM tags WHERE key = 'phase'");
        ImportStats third = importOk(path, sink);
        CHECK(third.points == 0);
        CHECK(third.runs == 2);
        CHECK(sink.byUid("r1").info.state == RunState::Finished);
        CHECK(sink.byUid("r1").config.count("tags.phase") == 0);
        CHECK(metricPoints(sink) == 13);
    }
    SECTION("rows deleted at the end and rowids handed out again are still read once") {
        // A run logged last is deleted for good (mlflow gc); new rows then reuse its rowids.
        gen::insertRun(db, run("gone", "gone"));
        gen::insertMetric(db, s, "gone", "x", 1, 1, 0);
        gen::insertMetric(db, s, "gone", "x", 2, 2, 1);
        CHECK(importOk(path, sink).points == 2);
        gen::exec(db,
                  "DELETE FROM metrics WHERE run_uuid = 'gone'; DELETE FROM runs WHERE "
                  "run_uuid = 'gone'");
        for (int i = 0; i < 5; ++i)
            gen::insertMetric(db, s, "r1", "loss", 100.0 + i, 3000 + i, 20 + i);
        ImportStats after = importOk(path, sink);
        CHECK(after.points == 5);
        const Series& loss = sink.byUid("r1").metrics.at("loss");
        REQUIRE(loss.size() == 15);
        CHECK(loss.values.back() == 104.0);
        CHECK(importOk(path, sink).points == 0);
    }
    SECTION("VACUUM after deletions renumbers nothing we depend on") {
        gen::insertRun(db, run("mid", "mid"));
        gen::insertMetric(db, s, "mid", "x", 1, 1, 0);
        gen::insertMetric(db, s, "r1", "loss", 7, 4000, 30);
        CHECK(importOk(path, sink).points == 2);
        gen::exec(db, "DELETE FROM metrics WHERE run_uuid = 'mid'; VACUUM;");
        gen::insertMetric(db, s, "r1", "loss", 8, 4001, 31);
        CHECK(importOk(path, sink).points == 1);
        CHECK(sink.byUid("r1").metrics.at("loss").values.back() == 8);
        CHECK(importOk(path, sink).points == 0);
    }
    SECTION("a lost database mark (moved file) re-reads and skips what was imported") {
        for (auto it = sink.importStates.begin(); it != sink.importStates.end();) {
            if (it->first.rfind("mlflow-sql/db/", 0) == 0)
                it = sink.importStates.erase(it);
            else
                ++it;
        }
        gen::insertMetric(db, s, "r1", "loss", 0.001, 5000, 40);
        ImportStats again = importOk(path, sink);
        CHECK(again.points == 1);
        CHECK(again.records == 11);
        CHECK(sink.byUid("r1").metrics.at("loss").size() == 11);
    }
}

TEST_CASE("MLflow SQL store: a live writer's uncommitted rows wait for the next pass", "[mlflow]") {
    test::TempDir dir;
    fs::path path = dir / "mlflow.db";
    auto db = gen::createDatabase(path, gen::Schema::Current);
    gen::insertRun(db, run("live", "live"));
    gen::insertMetric(db, gen::Schema::Current, "live", "loss", 1, 1, 0);
    gen::exec(db, "BEGIN IMMEDIATE");
    gen::insertMetric(db, gen::Schema::Current, "live", "loss", 2, 2, 1);

    MemorySink sink;
    CHECK(importOk(path, sink).points == 1);  // read while the writer holds its lock
    gen::exec(db, "COMMIT");
    CHECK(importOk(path, sink).points == 1);
    CHECK(sink.byUid("live").metrics.at("loss").values == std::vector<double>{1, 2});
}

TEST_CASE("MLflow SQL store: damaged, foreign and missing files are clear errors", "[mlflow]") {
    test::TempDir dir;
    MlflowSqlStoreImporter importer;
    MemorySink sink;

    auto missing = importer.import(dir / "none.db", sink, nullptr);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "the file does not exist");

    test::writeFile(dir / "empty.db", "");
    auto empty = importer.import(dir / "empty.db", sink, nullptr);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message == "the file is empty, not an MLflow database");
    CHECK_FALSE(importer.canOpen(dir / "empty.db"));

    test::writeFile(dir / "text.db", "this is not a database at all, just some text\n");
    auto text = importer.import(dir / "text.db", sink, nullptr);
    REQUIRE_FALSE(text.ok());
    CHECK(text.error().message.rfind("not an SQLite database", 0) == 0);
    CHECK_FALSE(importer.canOpen(dir / "text.db"));

    // Another program's SQLite file, shaped like a run database but without alembic_version
    // (as Runlens's own databases are): not claimed.
    {
        auto other = sqlite::Database::open((dir / "runs.db").string(),
                                            sqlite::Database::Mode::ReadWriteCreate);
        REQUIRE(other.ok());
        gen::exec(*other,
                  "CREATE TABLE runs (run_uuid TEXT, id INTEGER); "
                  "CREATE TABLE metrics (run_uuid TEXT, key TEXT, value REAL);");
    }
    CHECK_FALSE(importer.canOpen(dir / "runs.db"));
    auto foreign = importer.import(dir / "runs.db", sink, nullptr);
    REQUIRE_FALSE(foreign.ok());
    CHECK(foreign.error().message.find("not an MLflow tracking store") != std::string::npos);

    auto folder = importer.import(dir.path(), sink, nullptr);
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().message.rfind("not a file", 0) == 0);
    CHECK(sink.runs.empty());
}

TEST_CASE("MLflow SQL store: damage met while reading keeps what was read before it", "[mlflow]") {
    test::TempDir dir;
    fs::path clean = dir / "clean.db";
    {
        auto db = gen::createDatabase(clean, gen::Schema::Current);
        gen::exec(db, "BEGIN");
        for (int r = 0; r < 20; ++r)
            gen::insertRun(db, run(gen::runId(r), "run"));
        gen::MetricWriter metrics(db, gen::Schema::Current);
        for (int i = 0; i < 60000; ++i)
            metrics.add(gen::runId(i % 20), "loss", i * 0.5, 1000 + i, i);
        gen::exec(db, "COMMIT");
    }
    // A truncated file is refused as a whole when opened; damage inside (garbage pages, as a
    // bad disk sector leaves) is met while reading. Try it at many places.
    std::string bytes = test::readFile(clean);
    constexpr std::size_t kPage = 4096;
    std::size_t pages = bytes.size() / kPage;
    int keptSomething = 0;
    for (std::size_t page = pages / 8; page < pages; page += pages / 16) {
        std::string damaged = bytes;
        std::fill(damaged.begin() + std::ptrdiff_t(page * kPage),
                  damaged.begin() + std::ptrdiff_t(std::min(pages, page + 4) * kPage), '\xab');
        fs::path path = dir / ("damaged-" + std::to_string(page) + ".db");
        test::writeFile(path, damaged);
        INFO("garbage at page " << page << " of " << pages);
        MemorySink sink;
        auto stats = MlflowSqlStoreImporter().import(path, sink, nullptr);
        if (stats.ok()) continue;  // the damage hit only free space or an index not read
        CHECK(stats.error().message.rfind("the database is damaged or truncated", 0) == 0);
        CHECK(stats.error().message.find("were kept") != std::string::npos);
        CHECK(sink.commits >= 1);
        if (sink.runs.size() == 20 && metricPoints(sink) > 0) ++keptSomething;
    }
    CHECK(keptSomething > 0);
}

TEST_CASE("MLflow SQL store: cancel, then the next pass completes without duplicates", "[mlflow]") {
    test::TempDir dir;
    fs::path path = dir / "mlflow.db";
    {
        auto db = gen::createDatabase(path, gen::Schema::Current);
        gen::exec(db, "BEGIN");
        for (int r = 0; r < 10; ++r)
            gen::insertRun(db, run(gen::runId(r), "run"));
        gen::MetricWriter metrics(db, gen::Schema::Current);
        for (int i = 0; i < 50000; ++i)
            metrics.add(gen::runId(i % 10), "loss", i, 1000 + i, i / 10);
        gen::exec(db, "COMMIT");
    }
    MemorySink sink;
    Progress progress([&](std::int64_t done, std::int64_t, const std::string& message) {
        if (message == "Reading MLflow metrics" && done > 10) progress.cancel();
    });
    ImportStats first = importOk(path, sink, &progress);
    CHECK(first.cancelled);
    CHECK(metricPoints(sink) < 50000);
    CHECK(metricPoints(sink) > 0);

    ImportStats second = importOk(path, sink);
    CHECK_FALSE(second.cancelled);
    CHECK(metricPoints(sink) == 50000);
    for (const auto& [id, r] : sink.runs) {
        const Series& loss = r.metrics.at("loss");
        REQUIRE(loss.size() == 5000);
        for (std::size_t i = 1; i < loss.size(); ++i)
            REQUIRE(loss.values[i] == loss.values[i - 1] + 10);
    }
    CHECK(importOk(path, sink).points == 0);
}
