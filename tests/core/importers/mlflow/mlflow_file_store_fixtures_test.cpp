// MLflow file-store importer against every real mlruns/ fixture, checked against the files
// read independently here (a plain line reader for meta.yaml, the metric files split by hand).
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/importers/mlflow/mlflow_file_store_importer.h"
#include "tests/support/fixtures.h"
#include "tests/support/memory_sink.h"
#include "tests/support/temp_dir.h"

namespace fs = std::filesystem;
using namespace runlens;
using runlens::test::MemorySink;

namespace {

std::vector<fs::path> fileStoreFixtures() {
    fs::path dir = test::requireFixture("mlflow");
    std::ifstream manifest(test::fixturesDir() / "MANIFEST.tsv");
    std::vector<fs::path> stores;
    std::string line;
    while (std::getline(manifest, line)) {
        std::istringstream fields(line);
        std::string kind, local;
        std::getline(fields, kind, '\t');
        std::getline(fields, local, '\t');
        if (kind == "mlruns") stores.push_back(test::fixturesDir() / local);
    }
    return stores;
}

// "key: value" lines of a flat meta.yaml; quotes removed, null as empty.
std::map<std::string, std::string> readMeta(const fs::path& file) {
    std::map<std::string, std::string> meta;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        auto colon = line.find(": ");
        if (colon == std::string::npos || line.front() == ' ') continue;
        std::string value = line.substr(colon + 2);
        if (value == "null") value.clear();
        if (value.size() >= 2 && value.front() == '\'' && value.back() == '\'') {
            std::string unquoted;
            for (std::size_t i = 1; i + 1 < value.size(); ++i) {
                unquoted += value[i];
                if (value[i] == '\'' && value[i + 1] == '\'') ++i;
            }
            value = unquoted;
        }
        meta[line.substr(0, colon)] = value;
    }
    return meta;
}

std::map<std::string, std::string> readValues(const fs::path& dir) {
    std::map<std::string, std::string> values;
    if (!fs::is_directory(dir)) return values;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.is_regular_file())
            values[fs::relative(e.path(), dir).generic_string()] = test::readFile(e.path());
    }
    return values;
}

struct Expected {
    std::map<std::string, std::string> meta;
    std::string project;
    bool deleted = false;
    std::map<std::string, std::string> tags, params;
    std::map<std::string, Series> metrics;
    std::map<std::string, double> latest;
};

Series readMetricFile(const fs::path& file, double& latestValue) {
    Series s;
    std::string text = test::readFile(file);
    std::int64_t bestStep = 0, bestTime = 0;
    double best = 0;
    bool any = false;
    std::size_t start = 0;
    for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
        std::istringstream fields(text.substr(start, nl - start));
        std::string ts, value, step = "0";
        fields >> ts >> value;
        fields >> step;
        std::int64_t t = std::stoll(ts), st = std::stoll(step);
        double v = std::strtod(value.c_str(), nullptr);
        s.append(st, double(t) / 1000.0, v);
        if (!any || st > bestStep ||
            (st == bestStep && (t > bestTime || (t == bestTime && v > best)))) {
            bestStep = st, bestTime = t, best = v, any = true;
        }
    }
    REQUIRE(start == text.size());  // the fixtures have no partial last line
    latestValue = best;
    return s;
}

std::map<std::string, Expected> expectedRuns(const fs::path& root) {
    std::map<std::string, Expected> runs;
    auto experiment = [&](const fs::path& dir, bool inTrash) {
        auto expMeta = readMeta(dir / "meta.yaml");
        for (const auto& e : fs::directory_iterator(dir)) {
            std::string name = e.path().filename().string();
            if (!e.is_directory() || name == "tags" || name == "traces" || name == "datasets" ||
                name == "models")
                continue;
            auto meta = readMeta(e.path() / "meta.yaml");
            if (!meta.count("run_id")) continue;
            Expected& x = runs[meta["run_id"]];
            x.meta = meta;
            x.project = expMeta["name"];
            x.deleted = inTrash || meta["lifecycle_stage"] == "deleted" ||
                        expMeta["lifecycle_stage"] == "deleted";
            x.tags = readValues(e.path() / "tags");
            x.params = readValues(e.path() / "params");
            if (fs::is_directory(e.path() / "metrics")) {
                for (const auto& m : fs::recursive_directory_iterator(e.path() / "metrics")) {
                    if (!m.is_regular_file()) continue;
                    std::string key = fs::relative(m.path(), e.path() / "metrics").generic_string();
                    x.metrics[key] = readMetricFile(m.path(), x.latest[key]);
                }
            }
        }
    };
    for (const auto& e : fs::directory_iterator(root)) {
        std::string name = e.path().filename().string();
        if (e.is_directory() && name != "models" && name.front() != '.')
            experiment(e.path(), false);
    }
    if (fs::is_directory(root / ".trash")) {
        for (const auto& e : fs::directory_iterator(root / ".trash"))
            experiment(e.path(), true);
    }
    return runs;
}

bool sameValues(const std::vector<double>& a, const std::vector<double>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
    }
    return true;
}

std::map<std::string, std::string> digests(const fs::path& root) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file()) out[e.path().string()] = test::fileDigest(e.path());
    }
    return out;
}

}  // namespace

TEST_CASE("MLflow file store: every real mlruns fixture imports as read independently",
          "[mlflow][fixtures]") {
    auto stores = fileStoreFixtures();
    REQUIRE(stores.size() >= 5);
    MlflowFileStoreImporter importer;
    for (const auto& root : stores) {
        INFO("store " << root);
        REQUIRE(importer.canOpen(root));
        auto before = digests(root);
        auto expected = expectedRuns(root);

        MemorySink sink;
        auto stats = importer.import(root, sink, nullptr);
        REQUIRE(stats.ok());
        CHECK_FALSE(stats->cancelled);
        CHECK(sink.commits >= 1);
        REQUIRE(sink.runs.size() == expected.size());
        std::int64_t points = 0;
        for (auto& [uid, x] : expected) {
            INFO("run " << uid);
            const auto& run = sink.byUid(uid);
            std::string name =
                x.tags.count("mlflow.runName") ? x.tags["mlflow.runName"] : x.meta["run_name"];
            CHECK(run.info.name == name);
            CHECK(run.info.project == x.project);
            CHECK(run.info.deleted == x.deleted);
            CHECK(run.info.sourceFormat == "mlflow");
            CHECK(run.info.startTime == std::stod(x.meta["start_time"]) / 1000.0);
            if (!x.meta["end_time"].empty())
                CHECK(run.info.endTime == std::stod(x.meta["end_time"]) / 1000.0);
            int status = std::stoi(x.meta["status"]);
            CHECK(run.info.state == (status == 3   ? RunState::Finished
                                     : status == 4 ? RunState::Failed
                                     : status == 5 ? RunState::Killed
                                     : status == 1 ? RunState::Running
                                                   : RunState::Unknown));
            CHECK(run.info.entity ==
                  (x.tags.count("mlflow.user") ? x.tags["mlflow.user"] : x.meta["user_id"]));
            if (x.tags.count("mlflow.source.git.commit"))
                CHECK(run.info.gitCommit == x.tags["mlflow.source.git.commit"]);
            if (x.tags.count("mlflow.source.name"))
                CHECK(run.info.command == x.tags["mlflow.source.name"]);
            if (x.tags.count("mlflow.source.git.repoURL"))
                CHECK(run.info.gitRemote == x.tags["mlflow.source.git.repoURL"]);
            for (const auto& [key, value] : x.params) {
                INFO("param " << key);
                REQUIRE(run.config.count(key));
                CHECK(run.config.at(key) == Value::parseLoose(value));
            }
            for (const auto& [key, value] : x.tags) {
                static const std::set<std::string> mapped = {"mlflow.runName",
                                                             "mlflow.user",
                                                             "mlflow.source.name",
                                                             "mlflow.source.git.commit",
                                                             "mlflow.source.git.repoURL",
                                                             "mlflow.gitRepoURL",
                                                             "mlflow.project.entryPoint"};
                if (mapped.count(key)) continue;
                INFO("tag " << key);
                REQUIRE(run.config.count("tags." + key));
                CHECK(run.config.at("tags." + key) == Value::string(value));
            }
            REQUIRE(run.metrics.size() == x.metrics.size());
            for (const auto& [key, series] : x.metrics) {
                INFO("metric " << key);
                REQUIRE(run.metrics.count(key));
                const Series& got = run.metrics.at(key);
                CHECK(got.steps == series.steps);
                CHECK(got.times == series.times);
                CHECK(sameValues(got.values, series.values));
                REQUIRE(run.summary.count(key));
                CHECK(run.summary.at(key) == Value::number(x.latest[key]));
                points += std::int64_t(series.size());
            }
            CHECK(run.notes.empty());
        }
        CHECK(stats->points == points);
        CHECK(stats->skipped == 0);

        // A second pass over the unchanged store adds nothing and touches no run.
        auto pointsBefore = std::int64_t(metricPoints(sink));
        auto again = importer.import(root, sink, nullptr);
        REQUIRE(again.ok());
        CHECK(again->runs == 0);
        CHECK(again->points == 0);
        CHECK(std::int64_t(metricPoints(sink)) == pointsBefore);
        CHECK(digests(root) == before);
    }
}

TEST_CASE("MLflow file store: a store holding only traces has no runs", "[mlflow][fixtures]") {
    fs::path root = test::requireFixture("mlflow/00VALAK00__MCP-LLamaIndex-CRUD-Agent/mlruns");
    MemorySink sink;
    auto stats = MlflowFileStoreImporter().import(root, sink, nullptr);
    REQUIRE(stats.ok());
    CHECK(sink.runs.empty());
}

TEST_CASE("MLflow file store: nested metric keys, Windows-written store, one run folder opened",
          "[mlflow][fixtures]") {
    fs::path root = test::requireFixture("mlflow/RajeshRamadas__yolov8-ofa/runs/mlflow");
    fs::path runDir = root / "425886584850374518" / "d8708f2363834296b967eb13aa5f19d8";
    MlflowFileStoreImporter importer;
    REQUIRE(importer.canOpen(runDir));
    REQUIRE(importer.canOpen(runDir.parent_path()));
    MemorySink sink;
    auto stats = importer.import(runDir, sink, nullptr);
    REQUIRE(stats.ok());
    REQUIRE(sink.runs.size() == 1);
    const auto& run = sink.byUid("d8708f2363834296b967eb13aa5f19d8");
    CHECK(run.info.name == "small_test");
    CHECK(run.info.project == "runs\\yolov8_ofa_project");
    CHECK(run.metrics.count("metrics/mAP50-95B"));
    CHECK(run.metrics.count("train/box_loss"));
    CHECK(run.metrics.at("metrics/mAP50-95B").steps.front() == 0);
    CHECK(run.metrics.at("metrics/mAP50-95B").values.front() == 0.77924);

    // Opening the parent folder of a store finds it too (mlruns is the usual name).
    CHECK_FALSE(importer.canOpen(test::fixturesDir() / "mlflow"));
    CHECK(importer.canOpen(test::fixturesDir() / "mlflow/1ayham1__genre_classification"));
}
