// `runlens info`: text and the documented JSON on a database written by RunWriter; clear errors.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/store/run_writer.h"
#include "tests/app/cli_run.h"
#include "tests/support/temp_dir.h"

using namespace runlens;

namespace {

using Output = test::CliOutput;

Output runInfo(const QStringList& args) {
    return test::runCli(QStringList{"info"} + args);
}

std::string writeDatabase(const test::TempDir& dir) {
    const std::string path = (dir / "info.runlens").string();
    auto w = RunWriter::open(path).value();
    w->addSweep({"sw1", "search", "random", "val/acc", MetricGoal::Maximize, "{}", "{}"});
    for (int i = 0; i < 3; ++i) {
        RunInfo info;
        info.uid = "r" + std::to_string(i);
        info.name = "run " + std::to_string(i);
        info.group = "g";
        info.state = RunState::Finished;
        info.sweepUid = "sw1";
        RunId r = w->beginRun(info);
        w->setConfig(r, "optimizer.lr", Value::number(0.01 * (i + 1)));
        w->setConfig(r, "layers", Value::json("[64, 32]"));
        w->setSummary(r, "val/acc", Value::number(i == 2 ? NAN : 0.5 + i * 0.1));
        for (int s = 0; s < 100; ++s)
            w->logMetric(r, "train/loss", s, 1.0 / (s + 1), 1.7e9 + s);
        w->logSystemMetric(r, "cpu", 0, 50, 1.7e9);
        PredictionTable t;
        t.name = "val/predictions";
        t.addColumn("label", ColumnType::ClassLabel).ints = {0, 1};
        t.addColumn("confidence", ColumnType::Number).numbers = {0.9, 0.8};
        if (i == 0) w->logTable(r, t);
        const MediaId image = w->addMedia({"image/png", 1, 1, "png " + std::to_string(i)});
        w->logMediaAtStep(r, "samples", 10, {{image, ""}});
        if (i == 0) w->logMediaAtStep(r, "samples", 20, {{image, ""}, {image, ""}});
    }
    Artifact a;
    a.name = "model";
    a.version = "v0";
    a.producerRunUid = "r0";
    w->addArtifact(a);
    REQUIRE(w->commit().ok());
    return path;
}

}  // namespace

TEST_CASE("runlens info --json --runs describes a database with the documented fields", "[cli]") {
    test::TempDir dir;
    const std::string path = writeDatabase(dir);
    const std::string before = test::fileDigest(path);
    Output o = runInfo({QString::fromStdString(path), "--json", "--runs"});
    INFO(o.err.toStdString());
    REQUIRE(o.exitCode == 0);
    QJsonParseError error;
    const QJsonObject j = QJsonDocument::fromJson(o.out, &error).object();
    REQUIRE(error.error == QJsonParseError::NoError);
    CHECK(j["format"].toString() == "runlens");
    CHECK(j["runs"].toInt() == 3);
    CHECK(j["metrics"].toObject()["train/loss"].toInt() == 300);
    CHECK(j["system_metrics"].toObject()["cpu"].toInt() == 3);
    const QJsonObject samples = j["media"].toObject()["samples"].toObject();
    CHECK(samples["images"].toInt() == 5);
    CHECK(samples["steps"].toInt() == 2);
    CHECK(samples["runs"].toInt() == 3);
    const QJsonArray tables = j["tables"].toArray();
    REQUIRE(tables.size() == 1);
    CHECK(tables[0].toObject()["run"].toString() == "r0");
    CHECK(tables[0].toObject()["rows"].toInt() == 2);
    CHECK(j["sweeps"].toArray()[0].toObject()["runs"].toInt() == 3);
    CHECK(j["sweeps"].toArray()[0].toObject()["goal"].toString() == "maximize");
    CHECK(j["artifacts"].toArray()[0].toObject()["producer"].toString() == "r0");

    const QJsonArray runs = j["run_list"].toArray();
    REQUIRE(runs.size() == 3);
    const QJsonObject r1 = runs[1].toObject();
    CHECK(r1["uid"].toString() == "r1");
    CHECK(r1["name"].toString() == "run 1");
    CHECK(r1["state"].toString() == "finished");
    CHECK(r1["config"].toObject()["optimizer.lr"].toDouble() == Approx(0.02));
    CHECK(r1["config"].toObject()["layers"].toArray().size() == 2);
    CHECK(r1["summary"].toObject()["val/acc"].toDouble() == Approx(0.6));
    CHECK(runs[2].toObject()["summary"].toObject()["val/acc"].toString() == "NaN");
    const QJsonObject loss = r1["metrics"].toObject()["train/loss"].toObject();
    CHECK(loss["points"].toInt() == 100);
    CHECK(loss["last"].toDouble() == Approx(0.01));
    CHECK(test::fileDigest(path) == before);  // info only reads
}

TEST_CASE("runlens info without --runs has no run_list; text output names the counts", "[cli]") {
    test::TempDir dir;
    const std::string path = writeDatabase(dir);
    Output json = runInfo({QString::fromStdString(path), "--json"});
    REQUIRE(json.exitCode == 0);
    CHECK_FALSE(QJsonDocument::fromJson(json.out).object().contains("run_list"));
    Output text = runInfo({QString::fromStdString(path)});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains("runs: 3"));
    CHECK(text.out.contains("train/loss  300 points"));
}

TEST_CASE("runlens info counts deleted runs apart (#17)", "[cli]") {
    test::TempDir dir;
    const std::string path = (dir / "deleted.runlens").string();
    {
        auto w = RunWriter::open(path).value();
        for (int i = 0; i < 4; ++i) {
            RunInfo info;
            info.uid = "r" + std::to_string(i);
            info.deleted = i == 3;
            w->beginRun(info);
        }
        REQUIRE(w->commit().ok());
    }
    Output json = runInfo({QString::fromStdString(path), "--json"});
    REQUIRE(json.exitCode == 0);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    CHECK(o["runs"].toInteger() == 3);
    CHECK(o["deleted"].toInteger() == 1);
    Output text = runInfo({QString::fromStdString(path)});
    REQUIRE(text.exitCode == 0);
    CHECK(text.out.contains("runs: 3 (+1 deleted)"));
}

TEST_CASE("runlens info gives clear errors for bad paths", "[cli]") {
    test::TempDir dir;
    Output missing = runInfo({QString::fromStdString((dir / "nope").string())});
    CHECK(missing.exitCode == 1);
    CHECK(missing.err.contains("no such file"));
    test::writeFile(dir / "notes.txt", "hello");
    Output text = runInfo({QString::fromStdString((dir / "notes.txt").string())});
    CHECK(text.exitCode == 1);
    CHECK(text.err.contains("not a supported file"));
    Output usage = runInfo({});
    CHECK(usage.exitCode == 2);
}
