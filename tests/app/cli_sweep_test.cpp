// `runlens sweep`: parameters ranked by importance on a generated sweep where one parameter
// decides the metric; the sweep's metric by default; clear errors.
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

test::CliOutput runSweep(const QStringList& args) {
    return test::runCli(QStringList{"sweep"} + args);
}

// 40 runs of sweep "sw": val/loss = 10 * lr-ish term; width and seed do not matter.
std::string writeSweep(const test::TempDir& dir, int runs) {
    const std::string path = (dir / "sweep.runlens").string();
    auto w = RunWriter::open(path).value();
    Sweep s;
    s.uid = "sw";
    s.metric = "val/loss";
    s.goal = MetricGoal::Minimize;
    s.parametersJson =
        R"({"lr": {"distribution": "log_uniform_values", "min": 1e-5, "max": 1e-1}})";
    w->addSweep(s);
    for (int i = 0; i < runs; ++i) {
        RunInfo info;
        info.uid = "r" + std::to_string(i);
        info.sweepUid = "sw";
        const RunId r = w->beginRun(info);
        const double lr = std::pow(10.0, -5 + 4.0 * ((i * 7) % runs) / runs);
        w->setConfig(r, "lr", Value::number(lr));
        w->setConfig(r, "width", Value::number((i * 13) % 5));
        w->setConfig(r, "seed", Value::number(i));
        w->setSummary(r, "val/loss", Value::number(-std::log10(lr) + 0.001 * ((i * 13) % 5)));
    }
    REQUIRE(w->commit().ok());
    return path;
}

}  // namespace

TEST_CASE("runlens sweep ranks the deciding parameter first (#11)", "[cli][sweep]") {
    test::TempDir dir;
    const std::string path = writeSweep(dir, 40);
    test::CliOutput o = runSweep({QString::fromStdString(path), "--json"});
    INFO(o.err.toStdString());
    REQUIRE(o.exitCode == 0);
    const QJsonObject j = QJsonDocument::fromJson(o.out).object();
    CHECK(j["metric"].toString() == "val/loss");  // the sweep's own metric
    CHECK(j["goal"].toString() == "min");
    CHECK(j["sweep"].toString() == "sw");
    CHECK(j["runs"].toInt() == 40);
    const QJsonArray params = j["parameters"].toArray();
    REQUIRE(params.size() == 3);
    CHECK(params[0].toObject()["key"].toString() == "lr");
    CHECK(params[0].toObject()["importance"].toDouble() > 0.8);
    CHECK(params[0].toObject()["spearman"].toDouble() == Approx(-1));
    test::CliOutput text = runSweep({QString::fromStdString(path)});
    CHECK(text.out.contains("target: val/loss (min) over 40 runs of sweep sw"));
}

TEST_CASE("runlens sweep: too few runs, or no metric, say so (#11)", "[cli][sweep]") {
    test::TempDir dir;
    const std::string path = writeSweep(dir, 4);
    test::CliOutput few = runSweep({QString::fromStdString(path), "--json"});
    REQUIRE(few.exitCode == 0);
    const QJsonObject j = QJsonDocument::fromJson(few.out).object();
    CHECK(j["message"].toString().contains("at least 8 runs"));
    CHECK(j["parameters"].toArray().size() == 3);  // correlations still listed
    test::CliOutput unknown = runSweep({QString::fromStdString(path), "--metric", "nope"});
    CHECK(unknown.exitCode == 1);
    CHECK(unknown.err.contains("no run has the summary metric 'nope'"));
    CHECK(runSweep({QString::fromStdString(path), "--goal", "sideways"}).exitCode == 2);
}
