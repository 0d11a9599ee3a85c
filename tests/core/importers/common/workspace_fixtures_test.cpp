// Every fixture repository opened at its root — a folder above its sources, as a user opens their
// project — holds every run and point its sources hold when opened one by one; the whole fixtures
// folder opens as one workspace of all of them.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <sstream>

#include "core/importers/source_opener.h"
#include "core/store/run_store.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

using namespace runlens;
namespace fs = std::filesystem;

namespace {

struct Counts {
    std::int64_t runs = 0;
    std::int64_t points = 0;
};

Counts open(const fs::path& path, const fs::path& cache, std::vector<WorkspaceSource>* sources) {
    auto plan = planSource(path, cache);
    if (!plan.ok()) return {};
    REQUIRE(updateCache(plan.value(), nullptr).ok());
    auto store = RunStore::open(plan->databasePath);
    REQUIRE(store.ok());
    Counts counts;
    auto runs = store->readRuns();
    REQUIRE(runs.ok());
    counts.runs = std::int64_t(runs->runs.size());
    for (const MetricKeyInfo& k : store->readMetricKeys().value())
        counts.points += k.pointCount;
    if (sources) *sources = runs->sources;
    return counts;
}

// MANIFEST entries that are sources, by repository root ("wandb/vikram-kv__cs6910_assignment1").
std::map<std::string, std::vector<fs::path>> sourcesByRepository(const fs::path& fixtures) {
    std::map<std::string, std::vector<fs::path>> out;
    for (const test::ManifestEntry& e : test::manifestEntries(fixtures)) {
        if (e.kind != "wandb" && e.kind != "mlflow" && e.kind != "mlruns" &&
            e.kind != "tensorboard" && e.kind != "csv")
            continue;
        const auto slash = e.localPath.find('/', e.localPath.find('/') + 1);
        out[e.localPath.substr(0, slash)].push_back(fixtures / e.localPath);
    }
    return out;
}

}  // namespace

TEST_CASE("Each fixture repository opens at its root with every run it holds (#17)",
          "[importers][workspace][fixtures]") {
    const fs::path fixtures = test::requireFixture("MANIFEST.tsv").parent_path();
    test::TempDir cache;
    Counts all;
    for (const auto& [repository, entries] : sourcesByRepository(fixtures)) {
        INFO(repository);
        Counts expected;
        for (const fs::path& entry : entries) {
            const Counts c = open(entry, cache.path(), nullptr);
            expected.runs += c.runs;
            expected.points += c.points;
        }
        std::vector<WorkspaceSource> sources;
        const Counts root = open(fixtures / repository, cache.path(), &sources);
        CHECK(root.runs == expected.runs);
        CHECK(root.points == expected.points);
        for (const WorkspaceSource& s : sources)
            CHECK(s.error.empty());
        all.runs += root.runs;
        all.points += root.points;
    }
    std::vector<WorkspaceSource> sources;
    const Counts everything = open(fixtures, cache.path(), &sources);
    CHECK(everything.runs == all.runs);
    CHECK(everything.points == all.points);
    CHECK(sources.size() >= 40);
}
