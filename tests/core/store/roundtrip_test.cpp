// Write -> read round trips of every kind of data the run database holds.
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <limits>

#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "core/store/schema.h"
#include "tests/support/temp_dir.h"

using namespace runlens;

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool sameNumber(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

RunInfo fullRunInfo() {
    RunInfo r;
    r.uid = "uid-1";
    r.project = "digits";
    r.entity = "lab";
    r.name = "ünïcødé run 🚀";
    r.group = "mlp-adam";
    r.jobType = "train";
    r.tags = {"baseline", "", "tag with spaces"};
    r.notes = "line one\nline two";
    r.state = RunState::Running;
    r.startTime = 1700000000.25;
    r.host = "laptop";
    r.os = "Linux-6.1";
    r.pythonVersion = "3.11.7";
    r.gpu = "none";
    r.gitCommit = "0123456789abcdef";
    r.gitRemote = "https://example.org/repo.git";
    r.gitDirty = true;
    r.command = "train.py --lr 0.1";
    r.sweepUid = "sweep-1";
    r.parentUid = "";
    r.sourceFormat = "runlens";
    r.sourcePath = "/tmp/x";
    return r;
}

}  // namespace

TEST_CASE("Runs, config and summary round-trip with every value type", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "rt.runlens").string();
    const std::string longKey(5000, 'k');
    {
        auto w = RunWriter::open(path).value();
        RunId r = w->beginRun(fullRunInfo());
        w->setConfig(r, "optimizer.lr", Value::number(1e-3));
        w->setConfig(r, "optimizer.name", Value::string("adam"));
        w->setConfig(r, "empty", Value::string(""));
        w->setConfig(r, "flag", Value::boolean(false));
        w->setConfig(r, "none", Value());
        w->setConfig(r, "layers", Value::json("[64, 32]"));
        w->setConfig(r, "nan", Value::number(kNaN));
        w->setConfig(r, "inf", Value::number(kInf));
        w->setConfig(r, "ninf", Value::number(-kInf));
        w->setConfig(r, "clé/ünï", Value::string("välue"));
        w->setConfig(r, longKey, Value::number(7));
        w->setConfig(r, "removed", Value::number(1));
        w->removeConfig(r, "removed");
        w->setSummary(r, "val/acc", Value::number(0.93));
        w->setSummary(r, "val/acc", Value::number(0.95));  // a later update wins
        w->setSummary(r, "gone", Value::number(1));
        w->removeSummary(r, "gone");
        w->finishRun(r, RunState::Finished, 0, 1700000100.5, 100.25);
        REQUIRE(w->commit().ok());
    }
    auto store = RunStore::open(path);
    REQUIRE(store.ok());
    auto snap = store->readRuns();
    REQUIRE(snap.ok());
    REQUIRE(snap->runs.size() == 1);
    const RunInfo& r = snap->runs[0];
    RunInfo expected = fullRunInfo();
    CHECK(r.uid == expected.uid);
    CHECK(r.project == "digits");
    CHECK(r.entity == "lab");
    CHECK(r.name == expected.name);
    CHECK(r.group == expected.group);
    CHECK(r.jobType == "train");
    CHECK(r.tags == expected.tags);
    CHECK(r.notes == expected.notes);
    CHECK(r.state == RunState::Finished);
    CHECK(r.exitCode == 0);
    CHECK(r.startTime == 1700000000.25);
    CHECK(r.endTime == 1700000100.5);
    CHECK(r.runtime == 100.25);
    CHECK(r.host == "laptop");
    CHECK(r.os == "Linux-6.1");
    CHECK(r.pythonVersion == "3.11.7");
    CHECK(r.gitCommit == expected.gitCommit);
    CHECK(r.gitRemote == expected.gitRemote);
    CHECK(r.gitDirty == true);
    CHECK(r.command == expected.command);
    CHECK(r.sweepUid == "sweep-1");
    CHECK(r.sourceFormat == "runlens");

    auto config = [&](const std::string& key) {
        const ValueColumn* c = snap->findConfig(key);
        REQUIRE(c);
        REQUIRE(c->has(0));
        return c->value(0);
    };
    CHECK(config("optimizer.lr") == Value::number(1e-3));
    CHECK(config("optimizer.name") == Value::string("adam"));
    CHECK(config("empty") == Value::string(""));
    CHECK(config("flag") == Value::boolean(false));
    CHECK(config("none").isNull());
    CHECK(config("layers") == Value::json("[64, 32]"));
    CHECK(std::isnan(config("nan").toNumber()));
    CHECK(config("nan").isNumber());
    CHECK(config("inf") == Value::number(kInf));
    CHECK(config("ninf") == Value::number(-kInf));
    CHECK(config("clé/ünï") == Value::string("välue"));
    CHECK(config(longKey) == Value::number(7));
    CHECK(snap->findConfig("removed") == nullptr);
    CHECK(snap->findSummary("val/acc")->value(0) == Value::number(0.95));
    CHECK(snap->findSummary("gone") == nullptr);
}

TEST_CASE("beginRun with a known uid continues that run", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "resume.runlens").string();
    RunId first = 0;
    {
        auto w = RunWriter::open(path).value();
        RunInfo info;
        info.uid = "same";
        info.name = "original";
        info.host = "a";
        first = w->beginRun(info);
        for (int i = 0; i < 5000; ++i)
            w->logMetric(first, "loss", i, i * 0.5, 100.0 + i);
    }
    {
        auto w = RunWriter::open(path).value();
        RunInfo info;
        info.uid = "same";
        info.host = "b";  // set fields overwrite, empty ones keep
        RunId again = w->beginRun(info);
        CHECK(again == first);
        for (int i = 5000; i < 10000; ++i)
            w->logMetric(again, "loss", i, i * 0.5, 100.0 + i);
    }
    auto store = RunStore::open(path).value();
    auto snap = store.readRuns().value();
    REQUIRE(snap.runs.size() == 1);
    CHECK(snap.runs[0].name == "original");
    CHECK(snap.runs[0].host == "b");
    auto infos = store.readSeriesInfos().value();
    REQUIRE(infos.size() == 1);
    CHECK(infos[0].total.count == 10000);
    CHECK(infos[0].total.stepMax == 9999);
    auto series = store.readSeries(infos[0].seriesId).value();
    REQUIRE(series.size() == 10000);
    for (std::size_t i = 0; i < series.size(); ++i) {
        REQUIRE(series.steps[i] == std::int64_t(i));
        REQUIRE(series.values[i] == i * 0.5);
    }
    CHECK(store.readChunkSummaries(infos[0].seriesId).value().size() == 3);
}

TEST_CASE("Metric history keeps NaN, infinities, order and times", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "m.runlens").string();
    const std::vector<double> values = {1.5, kNaN, kInf, -kInf, 0.1, -0.0, 1e-300, 3.0f};
    const std::vector<std::int64_t> steps = {0, 1, 2, 2, 10, 5, -3, INT64_MAX};
    const std::vector<double> times = {
        1700000000.123456, kNaN, 1700000000.5, 1700000001.0, 0, 1, 2, 3};
    {
        auto w = RunWriter::open(path).value();
        RunInfo info;
        info.uid = "r";
        RunId r = w->beginRun(info);
        for (std::size_t i = 0; i < values.size(); ++i)
            w->logMetric(r, "odd", steps[i], values[i], times[i]);
        w->logMetric(r, "x", 0, 1.0, kNaN);
        w->logSystemMetric(r, "cpu", 0, 12.5, 1700000000.0);
        w->logSystemMetric(r, "cpu", 1, 13.5, 1700000002.0);
    }
    auto store = RunStore::open(path).value();
    auto keys = store.readMetricKeys().value();
    REQUIRE(keys.size() == 3);
    CHECK(keys[2].name == "cpu");
    CHECK(keys[2].kind == MetricKind::System);
    auto infos = store.readSeriesInfos().value();
    const SeriesInfo* odd = nullptr;
    for (auto& i : infos) {
        if (i.key == "odd") odd = &i;
    }
    REQUIRE(odd);
    CHECK(odd->total.count == 8);
    CHECK(odd->total.nanCount == 1);
    CHECK(odd->total.min == -kInf);
    CHECK(odd->total.max == kInf);
    CHECK(odd->total.last == 3.0);
    Series s = store.readSeries(odd->seriesId).value();
    REQUIRE(s.size() == values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        CHECK(sameNumber(s.values[i], values[i]));
        CHECK(s.steps[i] == steps[i]);
        if (std::isnan(times[i]))
            CHECK(std::isnan(s.times[i]));
        else
            CHECK(s.times[i] == Approx(times[i]).margin(1e-6));
    }
    CHECK(std::signbit(s.values[5]));  // -0.0 survives
}

TEST_CASE("A million-point series reads back exactly", "[store][scale]") {
    test::TempDir dir;
    const std::string path = (dir / "big.runlens").string();
    constexpr int kPoints = 1'000'000;
    {
        auto w = RunWriter::open(path).value();
        RunInfo info;
        info.uid = "big";
        RunId r = w->beginRun(info);
        for (int i = 0; i < kPoints; ++i)
            w->logMetric(r, "train/loss", i, std::sin(i * 0.001) + i * 1e-7, 1.7e9 + i * 0.01);
        REQUIRE(w->commit().ok());
    }
    auto store = RunStore::open(path).value();
    auto infos = store.readSeriesInfos().value();
    REQUIRE(infos.size() == 1);
    Series s = store.readSeries(infos[0].seriesId).value();
    REQUIRE(s.size() == std::size_t(kPoints));
    for (int i = 0; i < kPoints; i += 9973) {
        CHECK(s.steps[std::size_t(i)] == i);
        CHECK(s.values[std::size_t(i)] == std::sin(i * 0.001) + i * 1e-7);
        CHECK(s.times[std::size_t(i)] == Approx(1.7e9 + i * 0.01).margin(1e-6));
    }
    CHECK(s.values.back() == std::sin((kPoints - 1) * 0.001) + (kPoints - 1) * 1e-7);
}

TEST_CASE("Console, notes, import state, sweeps and artifacts round-trip", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "misc.runlens").string();
    {
        auto w = RunWriter::open(path).value();
        RunInfo info;
        info.uid = "r";
        RunId r = w->beginRun(info);
        w->logConsole(r, 1.0, ConsoleStream::Stdout, "epoch 1 \x1b[32mok\x1b[0m");
        w->logConsole(r, 2.0, ConsoleStream::Stderr, "");
        w->addImportNote(r, NoteLevel::Warning, "skipped 1 damaged record");
        w->saveImportState("/data/run-x.wandb", "{\"offset\": 4096}");
        w->addSweep(
            {"s1", "lr search", "random", "val/acc", MetricGoal::Maximize, "{\"lr\":{}}", "{}"});
        Artifact a;
        a.name = "model";
        a.version = "v1";
        a.type = "model";
        a.size = 1234;
        a.aliases = {"latest", "best"};
        a.files = {{"model.pt", "abc", 1234}};
        a.producerRunUid = "r";
        w->addArtifact(a);
        Artifact use;
        use.name = "model";
        use.version = "v1";
        use.type = "model";
        use.consumerRunUids = {"other"};
        w->addArtifact(use);  // a use adds a consumer and keeps the producer
    }
    auto store = RunStore::open(path).value();
    auto console = store.readConsole(1).value();
    REQUIRE(console.size() == 2);
    CHECK(console[0].text == "epoch 1 \x1b[32mok\x1b[0m");
    CHECK(console[1].stream == ConsoleStream::Stderr);
    auto notes = store.readImportNotes(1).value();
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].level == NoteLevel::Warning);
    auto sweeps = store.readSweeps().value();
    REQUIRE(sweeps.size() == 1);
    CHECK(sweeps[0].goal == MetricGoal::Maximize);
    CHECK(sweeps[0].metric == "val/acc");
    auto artifacts = store.readArtifacts().value();
    REQUIRE(artifacts.size() == 1);
    CHECK(artifacts[0].producerRunUid == "r");
    CHECK(artifacts[0].aliases == std::vector<std::string>{"best", "latest"});
    CHECK(artifacts[0].consumerRunUids == std::vector<std::string>{"other"});
    REQUIRE(artifacts[0].files.size() == 1);
    CHECK(artifacts[0].files[0].size == 1234);
    auto w = RunWriter::open(path).value();
    CHECK(w->importState("/data/run-x.wandb") == "{\"offset\": 4096}");
    CHECK(w->importState("unknown").empty());
}

TEST_CASE("Images at steps round-trip; a step logged again is replaced; keys list their steps",
          "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "media.runlens").string();
    {
        auto w = RunWriter::open(path).value();
        RunInfo info;
        info.uid = "a";
        const RunId a = w->beginRun(info);
        info.uid = "b";
        const RunId b = w->beginRun(info);
        const MediaId x = w->addMedia({"image/png", 2, 2, std::string("\x89PNG-x", 6)});
        const MediaId y = w->addMedia({"image/png", 2, 2, std::string("\x89PNG-y", 6)});
        w->logMediaAtStep(a, "samples", 10, {{x, "first"}, {y, "second"}});
        w->logMediaAtStep(a, "samples", 0, {{y, ""}});
        w->logMediaAtStep(b, "samples", 5, {{x, ""}});
        w->logMediaAtStep(b, "samples", 5, {{y, "again"}});  // replaces
        w->logMediaAtStep(b, "plots", 7, {{x, ""}});
        w->logMediaAtStep(b, "plots", 7, {});  // clears
        w->logMediaAtStep(b, "roc", 1, {{x, ""}});
        REQUIRE(w->commit().ok());
    }
    auto store = RunStore::open(path).value();
    const auto keys = store.readMediaKeys().value();
    REQUIRE(keys.size() == 2);
    CHECK(keys[0].key == "roc");
    CHECK(keys[1].key == "samples");
    CHECK(keys[1].runs == 2);
    CHECK(keys[1].images == 4);
    CHECK(keys[1].steps == std::vector<std::int64_t>{0, 5, 10});
    const auto items = store.readStepMedia("samples").value();
    REQUIRE(items.size() == 4);
    CHECK(items[0].step == 0);
    CHECK(items[1].step == 10);
    CHECK(items[1].caption == "first");
    CHECK(items[2].position == 1);
    CHECK(items[2].caption == "second");
    CHECK(items[3].caption == "again");
    CHECK(store.readMedia(items[3].media).value().bytes == std::string("\x89PNG-y", 6));
    CHECK(store.readStepMedia("plots").value().empty());
}

TEST_CASE("shownStep: the last step at or before the slider, else the first", "[store]") {
    const std::vector<std::int64_t> steps = {5, 10, 20};
    CHECK(shownStep(steps, 0) == 5);
    CHECK(shownStep(steps, 5) == 5);
    CHECK(shownStep(steps, 19) == 10);
    CHECK(shownStep(steps, 1000) == 20);
    CHECK(shownStep({}, 3) == -1);
}

TEST_CASE("Prediction tables of every column type round-trip; media is stored once", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "tables.runlens").string();
    PredictionTable t;
    t.name = "val/predictions";
    t.step = 7;
    constexpr int kRows = 10000;  // more than one column chunk
    MediaId a = 0, b = 0;
    {
        auto w = RunWriter::open(path).value();
        RunInfo info;
        info.uid = "r";
        RunId r = w->beginRun(info);
        a = w->addMedia({"image/png", 2, 2, std::string("\x89PNG-a", 6)});
        b = w->addMedia({"image/png", 2, 2, std::string("\x89PNG-b", 6)});
        CHECK(w->addMedia({"image/png", 2, 2, std::string("\x89PNG-a", 6)}) == a);
        t.addColumn("image", ColumnType::Image);
        t.addColumn("label", ColumnType::ClassLabel).classNames = {"zero", "one", "tw\"o"};
        t.addColumn("confidence", ColumnType::Number);
        t.addColumn("caption", ColumnType::String);
        t.addColumn("correct", ColumnType::Bool);
        t.addColumn("probs", ColumnType::NumberArray);
        auto& image = t.columns[0];
        auto& label = t.columns[1];
        auto& score = t.columns[2];
        auto& text = t.columns[3];
        auto& ok = t.columns[4];
        auto& probs = t.columns[5];
        for (int i = 0; i < kRows; ++i) {
            image.ints.push_back(i % 3 == 0 ? 0 : (i % 2 ? a : b));
            label.ints.push_back(i % 4 == 3 ? -1 : i % 3);
            score.numbers.push_back(i % 10 == 0 ? kNaN : i / double(kRows));
            text.strings.push_back(i % 5 ? "row " + std::to_string(i) : "");
            ok.numbers.push_back(i % 7 == 0 ? kNaN : double(i % 2));
            probs.arrays.push_back(std::vector<double>(std::size_t(i % 4), i * 0.5));
        }
        w->logTable(r, t);
        w->logTable(r, t);  // the same name and step replaces, not duplicates
        auto committed = w->commit();
        INFO((committed.ok() ? std::string() : committed.error().toString()));
        REQUIRE(committed.ok());
    }
    auto store = RunStore::open(path).value();
    auto infos = store.readTableInfos().value();
    REQUIRE(infos.size() == 1);
    CHECK(infos[0].rowCount == kRows);
    CHECK(infos[0].columns.size() == 6);
    auto back = store.readTable(infos[0].id).value();
    REQUIRE(back.rowCount() == std::size_t(kRows));
    CHECK(back.name == t.name);
    CHECK(back.step == 7);
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
        const auto& x = t.columns[c];
        const auto& y = back.columns[c];
        CHECK(y.name == x.name);
        CHECK(y.type == x.type);
        CHECK(y.classNames == x.classNames);
        CHECK(y.ints == x.ints);
        CHECK(y.strings == x.strings);
        CHECK(y.arrays == x.arrays);
        REQUIRE(y.numbers.size() == x.numbers.size());
        for (std::size_t i = 0; i < x.numbers.size(); ++i)
            REQUIRE(sameNumber(y.numbers[i], x.numbers[i]));
    }
    auto media = store.readMedia(a).value();
    CHECK(media.bytes == std::string("\x89PNG-a", 6));
    CHECK(media.mime == "image/png");
    CHECK_FALSE(store.readMedia(999).ok());
}

TEST_CASE("Tags and notes are the only user edits, and they persist", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "edit.runlens").string();
    {
        auto w = RunWriter::open(path).value();
        RunInfo info;
        info.uid = "r";
        info.tags = {"old"};
        w->beginRun(info);
    }
    REQUIRE(editRunTags(path, 1, {"new", "best"}).ok());
    REQUIRE(editRunNotes(path, 1, "looks good").ok());
    auto snap = RunStore::open(path).value().readRuns().value();
    CHECK(snap.runs[0].tags == std::vector<std::string>{"new", "best"});
    CHECK(snap.runs[0].notes == "looks good");
}
