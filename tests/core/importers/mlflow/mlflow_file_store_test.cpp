// MLflow file-store importer on generated stores: value spellings, damaged and partial files,
// growing metric files, deleted and nested runs, tags, models and datasets, cancellation.
#include <unistd.h>
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "core/importers/importer.h"
#include "core/importers/mlflow/mlflow_file_store_importer.h"
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
    auto stats = MlflowFileStoreImporter().import(path, sink, progress);
    if (!stats.ok()) FAIL(stats.error().toString());
    return *stats;
}

}  // namespace

TEST_CASE("MLflow file store: value spellings, several values per step, pre-1.0 lines",
          "[mlflow]") {
    test::TempDir dir;
    fs::path root = dir / "mlruns";
    fs::path exp = gen::writeExperiment(root, "0", "Default");
    gen::RunMeta meta;
    meta.runName = "spellings";
    fs::path run = gen::writeRun(exp, gen::runId(1), meta);
    gen::appendMetric(run, "loss",
                      "1000 0.5 0\n1001 nan 1\n1002 inf 2\n1003 -inf 3\n1004 NaN 4\n"
                      "1005 Infinity 5\n1006 1e-05 6\n");
    gen::appendMetric(run, "val/acc", "1000 0.1 3\n1001 0.2 3\n999 0.3 1\n1002 0.05 3\n");
    gen::appendMetric(run, "old", "1500000000000 7.5\n");
    gen::appendMetric(run, "deep/er/key", "1 2 3\n");

    MemorySink sink;
    ImportStats stats = importOk(root, sink);
    const MemoryRun& r = sink.byUid(gen::runId(1));
    const Series& loss = r.metrics.at("loss");
    REQUIRE(loss.size() == 7);
    CHECK(loss.values[0] == 0.5);
    CHECK(std::isnan(loss.values[1]));
    CHECK(loss.values[2] == INFINITY);
    CHECK(loss.values[3] == -INFINITY);
    CHECK(std::isnan(loss.values[4]));
    CHECK(loss.values[5] == INFINITY);
    CHECK(loss.values[6] == 1e-05);
    CHECK(loss.times[0] == 1.0);

    // Kept in logging order, duplicates of a step included.
    const Series& acc = r.metrics.at("val/acc");
    CHECK(acc.steps == std::vector<std::int64_t>{3, 3, 1, 3});
    CHECK(acc.values == std::vector<double>{0.1, 0.2, 0.3, 0.05});
    // Latest = max (step, timestamp, value): step 3, timestamp 1002.
    CHECK(r.summary.at("val/acc") == Value::number(0.05));
    CHECK(r.summary.at("loss") == Value::number(1e-05));

    CHECK(r.metrics.at("old").steps == std::vector<std::int64_t>{0});
    CHECK(r.metrics.at("old").times == std::vector<double>{1500000000.0});
    CHECK(r.metrics.count("deep/er/key"));
    CHECK(stats.points == 13);
    CHECK(stats.records == 13);
    CHECK(r.notes.empty());
}

TEST_CASE("MLflow file store: a growing metric file is read from where it stopped", "[mlflow]") {
    test::TempDir dir;
    fs::path root = dir / "mlruns";
    fs::path exp = gen::writeExperiment(root, "5", "growing");
    gen::RunMeta meta;
    meta.status = 1;  // RUNNING
    meta.endMs.reset();
    fs::path run = gen::writeRun(exp, gen::runId(2), meta);
    gen::appendMetric(run, "loss", gen::metricLine(1000, 0.9, 0) + gen::metricLine(1001, 0.8, 1));

    MemorySink sink;
    importOk(root, sink);
    CHECK(sink.byUid(gen::runId(2)).info.state == RunState::Running);
    CHECK(sink.byUid(gen::runId(2)).metrics.at("loss").size() == 2);

    // Unchanged: nothing added, the run is not even reopened.
    auto unchanged = importOk(root, sink);
    CHECK(unchanged.runs == 0);
    CHECK(unchanged.points == 0);
    CHECK(unchanged.bytesRead == 0);

    // A writer appends one line and starts the next one.
    gen::appendMetric(run, "loss", gen::metricLine(1002, 0.7, 2) + "1003 0.6");
    auto grown = importOk(root, sink);
    CHECK(grown.points == 1);
    const Series& loss = sink.byUid(gen::runId(2)).metrics.at("loss");
    CHECK(loss.values == std::vector<double>{0.9, 0.8, 0.7});
    CHECK(sink.byUid(gen::runId(2)).notes.empty());  // a running run: no complaint yet

    // Still incomplete: nothing new, and the run is left alone.
    auto waiting = importOk(root, sink);
    CHECK(waiting.points == 0);
    CHECK(waiting.runs == 0);

    // The line is completed (its value was not "0.6" after all) and another appended.
    gen::appendMetric(run, "loss", "5 3\n" + gen::metricLine(1004, 0.5, 4));
    gen::appendMetric(run, "lr", gen::metricLine(1004, 0.01, 4));
    auto completed = importOk(root, sink);
    CHECK(completed.points == 3);
    const MemoryRun& r = sink.byUid(gen::runId(2));
    CHECK(r.metrics.at("loss").values == std::vector<double>{0.9, 0.8, 0.7, 0.65, 0.5});
    CHECK(r.metrics.at("loss").steps == std::vector<std::int64_t>{0, 1, 2, 3, 4});
    CHECK(r.metrics.at("lr").size() == 1);
    CHECK(r.summary.at("loss") == Value::number(0.5));
    CHECK(sink.runs.size() == 1);

    // The run ends: its metadata is sent again, the metrics are not.
    meta.status = 3;
    meta.endMs = 1700000900000;
    gen::writeRun(exp, gen::runId(2), meta);
    auto ended = importOk(root, sink);
    CHECK(ended.runs == 1);
    CHECK(ended.points == 0);
    CHECK(sink.byUid(gen::runId(2)).info.state == RunState::Finished);
    CHECK(sink.byUid(gen::runId(2)).finished);
    CHECK(metricPoints(sink) == 6);
}

TEST_CASE("MLflow file store: damaged lines and a truncated last line of an ended run",
          "[mlflow]") {
    test::TempDir dir;
    fs::path root = dir / "mlruns";
    fs::path exp = gen::writeExperiment(root, "1", "damaged");
    gen::RunMeta meta;
    fs::path run = gen::writeRun(exp, gen::runId(3), meta);
    gen::appendMetric(run, "loss", "1000 0.5 0\ngarbage here\n\n1001 0.4 1\n1002 0.3");

    MemorySink sink;
    ImportStats stats = importOk(root, sink);
    const MemoryRun& r = sink.byUid(gen::runId(3));
    CHECK(r.metrics.at("loss").values == std::vector<double>{0.5, 0.4});
    CHECK(stats.skipped == 2);
    CHECK(hasNote(r, "metrics/loss: unreadable line at byte 11 skipped: 'garbage here'"));
    CHECK(hasNote(r, "the last line is incomplete"));
    CHECK(hasNote(r, "'1002 0.3'"));
    auto notes = r.notes.size();

    // Noted once, not on every pass.
    importOk(root, sink);
    CHECK(sink.byUid(gen::runId(3)).notes.size() == notes);
    CHECK(sink.byUid(gen::runId(3)).metrics.at("loss").size() == 2);
}

TEST_CASE("MLflow file store: large files are streamed in blocks; junk lines stay bounded",
          "[mlflow]") {
    test::TempDir dir;
    fs::path root = dir / "mlruns";
    fs::path exp = gen::writeExperiment(root, "1", "big");
    fs::path run = gen::writeRun(exp, gen::runId(50), gen::RunMeta{});
    // 200,000 lines of varying length: many cross the reader's block boundaries.
    std::string lines;
    std::vector<double> expected;
    for (int i = 0; i < 200000; ++i) {
        double v = (i % 7 == 0) ? 1.0 / (i + 3) : double(i) * 1e-3;
        expected.push_back(v);
        lines += gen::metricLine(1700000000000 + i, v, i);
    }
    gen::appendMetric(run, "loss", lines);
    // A binary blob dropped into metrics/: one 300 KiB "line", then a real one, then 200 KiB
    // without a newline at all.
    gen::appendMetric(
        run, "junk",
        std::string(300 * 1024, 'x') + "\n" + "5 1.5 2\n" + std::string(200 * 1024, '\x01'));

    MemorySink sink;
    ImportStats stats = importOk(root, sink);
    const MemoryRun& r = sink.byUid(gen::runId(50));
    const Series& loss = r.metrics.at("loss");
    REQUIRE(loss.size() == 200000);
    CHECK(loss.values == expected);
    CHECK(loss.steps.back() == 199999);
    CHECK(r.metrics.at("junk").values == std::vector<double>{1.5});
    CHECK(hasNote(r, "metrics/junk: unreadable line at byte 0 skipped: 'xxxx"));
    CHECK(hasNote(r, "metrics/junk: the last line is incomplete"));
    CHECK(stats.bytesRead == std::int64_t(lines.size()) + 300 * 1024 + 1 + 8);

    // The unfinished junk is not read again on the next pass.
    ImportStats again = importOk(root, sink);
    CHECK(again.bytesRead == 0);
    CHECK(again.runs == 0);
}

TEST_CASE("MLflow file store: empty, corrupt or missing meta.yaml keeps the run's data",
          "[mlflow]") {
    test::TempDir dir;
    fs::path root = dir / "mlruns";
    fs::path exp = gen::writeExperiment(root, "1", "exp");
    gen::RunMeta meta;
    fs::path good = gen::writeRun(exp, gen::runId(10), meta);
    gen::appendMetric(good, "a", "1 1 1\n");

    fs::path empty = gen::writeRun(exp, gen::runId(11), meta);
    test::writeFile(empty / "meta.yaml", "");
    gen::appendMetric(empty, "a", "1 2 1\n");
    gen::writeParam(empty, "lr", "0.1");

    fs::path corrupt = gen::writeRun(exp, gen::runId(12), meta);
    test::writeFile(corrupt / "meta.yaml", "run_id: [unclosed\n  status: {\n");
    gen::appendMetric(corrupt, "a", "1 3 1\n");

    fs::path missing = gen::writeRun(exp, gen::runId(13), meta);
    fs::remove(missing / "meta.yaml");
    gen::writeTag(missing, "mlflow.runName", "orphan");

    // Not runs: a folder with unrelated YAML, an artifacts-like folder, reserved folders.
    fs::create_directories(exp / "notes");
    test::writeFile(exp / "notes" / "meta.yaml", "foo: bar\n");
    fs::create_directories(exp / "random" / "metrics");
    fs::create_directories(exp / "traces" / gen::runId(14) / "metrics");
    gen::writeRun(exp / "datasets", gen::runId(15), meta);

    // An experiment whose meta.yaml is lost: its runs are kept, named by the folder.
    fs::path lostExp = gen::writeExperiment(root, "2", "lost");
    fs::remove(lostExp / "meta.yaml");
    gen::writeRun(lostExp, gen::runId(16), meta);

    MemorySink sink;
    importOk(root, sink);
    REQUIRE(sink.runs.size() == 5);
    CHECK(sink.byUid(gen::runId(10)).notes.empty());
    CHECK(sink.byUid(gen::runId(16)).info.project == "2");
    CHECK(hasNote(sink.byUid(gen::runId(16)), "experiment meta.yaml cannot be read"));
    const MemoryRun& e = sink.byUid(gen::runId(11));
    CHECK(hasNote(e, "meta.yaml cannot be read (it is empty)"));
    CHECK(e.metrics.at("a").values == std::vector<double>{2});
    CHECK(e.config.at("lr") == Value::number(0.1));
    CHECK(e.info.project == "exp");
    const MemoryRun& c = sink.byUid(gen::runId(12));
    CHECK(hasNote(c, "it is not valid YAML"));
    CHECK(c.metrics.at("a").values == std::vector<double>{3});
    const MemoryRun& m = sink.byUid(gen::runId(13));
    CHECK(hasNote(m, "meta.yaml cannot be read"));
    CHECK(m.info.name == "orphan");
}

TEST_CASE("MLflow file store: unreadable folders and files are noted, other runs go on",
          "[mlflow]") {
    test::TempDir dir;
    fs::path root = dir / "mlruns";
    fs::path exp = gen::writeExperiment(root, "1", "exp");
    gen::RunMeta meta;
    fs::path ok = gen::writeRun(exp, gen::runId(20), meta);
    gen::appendMetric(ok, "a", "1 1 1\n");

    // A metric file that cannot be opened (a dangling link) and a metrics "folder" that is a
    // file: both fail for every user, root included.
    fs::path broken = gen::writeRun(exp, gen::runId(21), meta);
    gen::appendMetric(broken, "good", "1 5 1\n");
    fs::create_symlink(dir / "nowhere", broken / "metrics" / "gone");
    fs::path notDir = gen::writeRun(exp, gen::runId(22), meta);
    fs::remove(notDir / "metrics");
    test::writeFile(notDir / "metrics", "not a folder");
    gen::writeParam(notDir, "p", "1");

    // Permission-denied folder (only effective when not running as root).
    fs::path locked = gen::writeRun(exp, gen::runId(23), meta);
    gen::appendMetric(locked, "x", "1 1 1\n");
    fs::permissions(locked / "metrics", fs::perms::none);
    bool canLock = ::access((locked / "metrics").c_str(), R_OK) != 0;

    MemorySink sink;
    importOk(root, sink);
    REQUIRE(sink.runs.size() == 4);
    CHECK(sink.byUid(gen::runId(20)).metrics.at("a").size() == 1);
    const MemoryRun& b = sink.byUid(gen::runId(21));
    CHECK(b.metrics.at("good").size() == 1);
    CHECK(hasNote(b, "cannot read metrics/gone"));
    const MemoryRun& n = sink.byUid(gen::runId(22));
    CHECK(hasNote(n, "cannot list metrics"));
    CHECK(n.config.at("p") == Value::number(1));
    if (canLock) {
        CHECK(hasNote(sink.byUid(gen::runId(23)), "cannot list metrics"));
        CHECK(sink.byUid(gen::runId(23)).metrics.empty());
    }
    fs::permissions(locked / "metrics", fs::perms::owner_all);
}

TEST_CASE("MLflow file store: not a store, a file, a missing folder are clear errors", "[mlflow]") {
    test::TempDir dir;
    MlflowFileStoreImporter importer;
    MemorySink sink;

    auto missing = importer.import(dir / "nope", sink, nullptr);
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().message == "the folder does not exist");

    test::writeFile(dir / "file.txt", "x");
    auto file = importer.import(dir / "file.txt", sink, nullptr);
    REQUIRE_FALSE(file.ok());
    CHECK(file.error().message.find("not a folder") != std::string::npos);
    CHECK_FALSE(importer.canOpen(dir / "file.txt"));

    fs::create_directories(dir / "other" / "sub");
    test::writeFile(dir / "other" / "sub" / "meta.yaml", "hello: world\n");
    auto other = importer.import(dir / "other", sink, nullptr);
    REQUIRE_FALSE(other.ok());
    CHECK(other.error().message.find("not an MLflow file store") != std::string::npos);
    CHECK(other.error().path == (dir / "other").string());
    CHECK_FALSE(importer.canOpen(dir / "other"));
    CHECK(sink.runs.empty());
}

TEST_CASE("MLflow file store: deleted runs and experiments in .trash are imported as deleted",
          "[mlflow]") {
    test::TempDir dir;
    fs::path root = dir / "mlruns";
    fs::path exp = gen::writeExperiment(root, "1", "live");
    gen::RunMeta meta;
    gen::writeRun(exp, gen::runId(30), meta);
    meta.lifecycle = "deleted";
    gen::writeRun(exp, gen::runId(31), meta);
    meta.lifecycle = "active";
    fs::path trashed = gen::writeExperiment(root / ".trash", "2", "gone", "deleted");
    gen::writeRun(trashed, gen::runId(32), meta);
    fs::create_directories(root / "models" / "registered");  // the model registry: not runs

    MemorySink sink;
    importOk(root, sink);
    REQUIRE(sink.runs.size() == 3);
    CHECK_FALSE(sink.byUid(gen::runId(30)).info.deleted);
    CHECK(sink.byUid(gen::runId(31)).info.deleted);
    CHECK(sink.byUid(gen::runId(32)).info.deleted);
    CHECK(sink.byUid(gen::runId(32)).info.project == "gone");

    // Restoring the experiment (moved back out of .trash) is seen on the next pass.
    fs::rename(trashed, root / "2");
    gen::writeExperiment(root, "2", "gone", "active");
    auto again = importOk(root, sink);
    CHECK(again.runs == 1);
    CHECK_FALSE(sink.byUid(gen::runId(32)).info.deleted);
}

TEST_CASE("MLflow file store: nested runs, tags, logged models, datasets, tag changes",
          "[mlflow]") {
    test::TempDir dir;
    fs::path root = dir / "mlruns";
    fs::path exp = gen::writeExperiment(root, "7", "tuning");
    gen::RunMeta meta;
    meta.runName = "parent";
    fs::path parent = gen::writeRun(exp, gen::runId(40), meta);
    meta.runName = "meta-name";
    meta.legacy = true;
    fs::path child = gen::writeRun(exp, gen::runId(41), meta);
    gen::writeTag(child, "mlflow.parentRunId", gen::runId(40));
    gen::writeTag(child, "mlflow.runName", "child-1");
    gen::writeTag(child, "mlflow.note.content", "Tried a **bigger** batch.");
    gen::writeTag(child, "mlflow.source.git.branch", "main");
    gen::writeTag(child, "team", "vision");
    gen::writeTag(
        child, "mlflow.log-model.history",
        R"([{"run_id": ")" + gen::runId(41) +
            R"(", "artifact_path": "model", "model_uuid": "abc", "flavors": {"sklearn": {}}}])");
    gen::writeParam(child, "model/lr", "0.001");
    gen::writeParam(child, "layers", "[64, 64]");
    fs::create_directories(exp / "datasets" / "d1");
    fs::create_directories(child / "inputs" / "i1");
    test::writeFile(exp / "datasets" / "d1" / "meta.yaml",
                    "digest: 5a2feb47\nname: train\nprofile: '{\"rows\": 10}'\n"
                    "schema: ''\nsource: '{\"uri\": \"data.csv\"}'\nsource_type: local\n");
    test::writeFile(child / "inputs" / "i1" / "meta.yaml",
                    "destination_id: d1\ndestination_type: RUN\nsource_id: d1\n"
                    "source_type: DATASET\ntags:\n  mlflow.data.context: training\n");

    MemorySink sink;
    importOk(root, sink);
    const MemoryRun& c = sink.byUid(gen::runId(41));
    CHECK(c.info.parentUid == gen::runId(40));
    CHECK(sink.byUid(gen::runId(40)).info.parentUid.empty());
    CHECK(c.info.name == "child-1");
    CHECK(c.info.notes == "Tried a **bigger** batch.");
    CHECK(c.info.tags == std::vector<std::string>{"team=vision"});
    CHECK(c.config.at("tags.team") == Value::string("vision"));
    CHECK(c.config.at("tags.mlflow.source.git.branch") == Value::string("main"));
    CHECK(c.config.at("model/lr") == Value::number(0.001));
    CHECK(c.config.at("layers") == Value::json("[64, 64]"));
    CHECK(c.config.at("inputs.train@5a2feb47") == Value::string("training"));
    REQUIRE(sink.artifacts.size() == 2);
    CHECK(sink.artifacts[0].type == "model");
    CHECK(sink.artifacts[0].version == "abc");
    CHECK(sink.artifacts[0].producerRunUid == gen::runId(41));
    CHECK(sink.artifacts[1].type == "dataset");
    CHECK(sink.artifacts[1].name == "train");
    CHECK(sink.artifacts[1].consumerRunUids == std::vector<std::string>{gen::runId(41)});
    CHECK(sink.artifacts[1].metadataJson.find(R"("uri":"data.csv")") != std::string::npos);

    // A tag is deleted and another changed in MLflow: both show on the next pass.
    fs::remove(child / "tags" / "mlflow.source.git.branch");
    gen::writeTag(child, "team", "perception-team");
    auto again = importOk(root, sink);
    CHECK(again.runs == 1);
    CHECK(sink.byUid(gen::runId(41)).config.count("tags.mlflow.source.git.branch") == 0);
    CHECK(sink.byUid(gen::runId(41)).config.at("tags.team") == Value::string("perception-team"));
}

TEST_CASE("MLflow file store: cancel stops between runs; the next pass completes it once",
          "[mlflow]") {
    test::TempDir dir;
    fs::path root = dir / "mlruns";
    fs::path exp = gen::writeExperiment(root, "1", "many");
    for (int i = 0; i < 20; ++i) {
        fs::path run = gen::writeRun(exp, gen::runId(100 + i), gen::RunMeta{});
        for (int step = 0; step < 50; ++step)
            gen::appendMetric(run, "loss", gen::metricLine(1000 + step, 1.0 / (step + 1), step));
    }
    MemorySink sink;
    Progress progress([&](std::int64_t done, std::int64_t total, const std::string&) {
        CHECK(total == 20);
        if (done >= 5) progress.cancel();
    });
    ImportStats first = importOk(root, sink, &progress);
    CHECK(first.cancelled);
    CHECK(sink.runs.size() < 20);
    CHECK(sink.commits >= 1);

    ImportStats second = importOk(root, sink);
    CHECK_FALSE(second.cancelled);
    REQUIRE(sink.runs.size() == 20);
    for (const auto& [id, run] : sink.runs)
        CHECK(run.metrics.at("loss").size() == 50);
}

TEST_CASE("MLflow file store is found by the importer registry", "[mlflow]") {
    test::TempDir dir;
    fs::path root = dir / "project" / "mlruns";
    gen::writeRun(gen::writeExperiment(root, "0", "Default"), gen::runId(1), gen::RunMeta{});
    auto importer = findImporter(root);
    REQUIRE(importer);
    CHECK(importer->format() == "mlflow");
    REQUIRE(findImporter(dir / "project"));
    MemorySink sink;
    auto stats = findImporter(dir / "project")->import(dir / "project", sink, nullptr);
    REQUIRE(stats.ok());
    CHECK(sink.runs.size() == 1);
}
