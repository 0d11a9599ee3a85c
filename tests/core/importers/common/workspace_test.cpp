// Workspaces of several sources: one cache, runs kept apart by scope, sources added, removed,
// missing and appearing; a Runlens database copied in and followed.
#include <catch2/catch.hpp>

#include "core/importers/source_opener.h"
#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "tests/support/temp_dir.h"

using namespace runlens;
namespace fs = std::filesystem;

namespace {

void writeCsvLog(const fs::path& file, int rows) {
    fs::create_directories(file.parent_path());
    std::string text = "step,loss\n";
    for (int i = 0; i < rows; ++i)
        text += std::to_string(i) + "," + std::to_string(1.0 / (i + 1)) + "\n";
    test::writeFile(file, text);
}

void logPoints(const fs::path& database, int from, int to) {
    auto writer = RunWriter::open(database.string());
    REQUIRE(writer.ok());
    RunInfo info;
    info.uid = "own-run";
    info.name = "own";
    const RunId run = (*writer)->beginRun(info);
    (*writer)->setConfig(run, "lr", Value::number(0.1));
    for (int i = from; i < to; ++i)
        (*writer)->logMetric(run, "acc", i, i * 0.1, 1.7e9 + i);
    REQUIRE((*writer)->commit().ok());
}

RunsSnapshot readRuns(const SourcePlan& plan) {
    auto store = RunStore::open(plan.databasePath);
    REQUIRE(store.ok());
    auto runs = store->readRuns();
    REQUIRE(runs.ok());
    return std::move(runs.value());
}

std::int64_t points(const SourcePlan& plan) {
    auto store = RunStore::open(plan.databasePath).value();
    std::int64_t n = 0;
    for (const MetricKeyInfo& k : store.readMetricKeys().value())
        n += k.pointCount;
    return n;
}

const RunInfo* runFrom(const RunsSnapshot& snap, const fs::path& root) {
    for (const RunInfo& r : snap.runs)
        if (r.sourceRoot == root.string()) return &r;
    return nullptr;
}

}  // namespace

TEST_CASE("A folder of several sources opens as one workspace whose runs stay apart (#17)",
          "[importers][workspace]") {
    test::TempDir dir;
    const fs::path root = dir / "project";
    const fs::path a = root / "a" / "lightning_logs", b = root / "b" / "lightning_logs";
    writeCsvLog(a / "version_0" / "metrics.csv", 3);
    writeCsvLog(b / "version_0" / "metrics.csv", 5);  // the same run id in its own source
    const fs::path own = root / "c" / "own.runlens";
    fs::create_directories(own.parent_path());
    logPoints(own, 0, 4);
    const std::string ownDigest = test::fileDigest(own);

    auto plan = planSource(root, dir / "cache");
    REQUIRE(plan.ok());
    CHECK(plan->imported);
    CHECK(plan->format == "workspace");
    REQUIRE(plan->sources.size() == 3);
    std::vector<SourceImport> perSource;
    auto stats = updateCache(plan.value(), nullptr, &perSource);
    REQUIRE(stats.ok());
    CHECK(perSource.size() == 3);
    CHECK(stats->points == 3 + 5 + 4);  // loss over steps in each CSV, acc in the database

    RunsSnapshot snap = readRuns(plan.value());
    REQUIRE(snap.runs.size() == 3);
    REQUIRE(snap.sources.size() == 3);
    const RunInfo* fromA = runFrom(snap, a);
    const RunInfo* fromB = runFrom(snap, b);
    const RunInfo* fromOwn = runFrom(snap, own);
    REQUIRE(fromA);
    REQUIRE(fromB);
    REQUIRE(fromOwn);
    CHECK(fromA->sourceRunId == fromB->sourceRunId);
    CHECK(fromA->uid != fromB->uid);
    CHECK(fromA->uid == fromA->sourceRunId);  // the first source keeps its own ids
    CHECK(fromOwn->sourceRunId == "own-run");
    CHECK(fromOwn->sourceFormat == "runlens");
    CHECK(snap.findConfig("lr"));
    const std::int64_t all = points(plan.value());

    SECTION("a second pass adds nothing and the sources are never written") {
        auto again = updateCache(plan.value(), nullptr);
        REQUIRE(again.ok());
        CHECK(again->points == 0);
        CHECK(points(plan.value()) == all);
        CHECK(test::fileDigest(own) == ownDigest);
    }
    SECTION("a grown Runlens database adds only its new points") {
        logPoints(own, 4, 10);
        auto again = updateCache(plan.value(), nullptr);
        REQUIRE(again.ok());
        CHECK(again->points == 6);
        CHECK(points(plan.value()) == all + 6);
    }
    SECTION("a removed source loses its runs, stays removed on rescan, and can be added back") {
        SourcePlan removing = plan.value();
        removing.removeSources = {b.string()};
        REQUIRE(updateCache(removing, nullptr).ok());
        snap = readRuns(removing);
        CHECK(snap.runs.size() == 2);
        CHECK_FALSE(runFrom(snap, b));
        REQUIRE(updateCache(plan.value(), nullptr).ok());  // the scan still finds it
        CHECK(readRuns(plan.value()).runs.size() == 2);

        SourcePlan adding = plan.value();
        adding.addSources = {{"csv", b}};
        REQUIRE(updateCache(adding, nullptr).ok());
        snap = readRuns(adding);
        CHECK(snap.runs.size() == 3);
        CHECK(runFrom(snap, b));
    }
    SECTION("a source gone from disk is marked missing and its runs are kept") {
        fs::remove_all(root / "a");
        auto rescanned = planSource(root, dir / "cache");
        REQUIRE(rescanned.ok());
        REQUIRE(updateCache(rescanned.value(), nullptr).ok());
        snap = readRuns(rescanned.value());
        CHECK(snap.runs.size() == 3);
        const WorkspaceSource* gone = nullptr;
        for (const WorkspaceSource& s : snap.sources)
            if (s.path == a.string()) gone = &s;
        REQUIRE(gone);
        CHECK(gone->missing);
    }
    SECTION("a source appearing under the folder joins") {
        writeCsvLog(root / "d" / "runs" / "train" / "exp1" / "results.csv", 2);
        auto rescanned = planSource(root, dir / "cache");
        REQUIRE(rescanned.ok());
        CHECK(rescanned->sources.size() == 4);
        CHECK(rescanned->databasePath == plan->databasePath);
        REQUIRE(updateCache(rescanned.value(), nullptr).ok());
        snap = readRuns(rescanned.value());
        CHECK(snap.runs.size() == 4);
        CHECK(runFrom(snap, root / "d" / "runs" / "train"));
    }
}
