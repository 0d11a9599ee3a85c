// Databases for the runs-table tests, written with the real RunWriter.
#include "tests/ui/runs/runs_test_data.h"

#include <catch2/catch.hpp>

#include "core/store/run_writer.h"

namespace runlens::test {

void writeIssue17Database(const std::string& path, int runs) {
    auto writer = RunWriter::open(path);
    REQUIRE(writer.ok());
    RunWriter& w = *writer.value();
    for (int i = 0; i < runs; ++i) {
        RunInfo info;
        info.uid = "run" + std::to_string(i);
        info.name = "trial-" + std::to_string(i);
        info.state = RunState::Finished;
        info.startTime = 1.74e9 + i * 60;
        info.runtime = 30 + i;
        info.deleted = i == 1 || i == 3;
        info.sourceFormat = "mlflow";
        info.sourcePath = "/data/mlflow.db";
        RunId r = w.beginRun(info);
        w.setConfig(r, "lr", Value::number(0.1 / (i + 1)));
        w.setConfig(r, "_wandb.requirements",
                    Value::string("numpy==1.26.4\ntorch==2.2.1\nwandb==0.17.0\n"));
        w.setConfig(r, "_wandb.cli_version", Value::string(i % 2 ? "0.17.0" : "0.16.6"));
        w.setSummary(r, "loss", Value::number(1.0 / (i + 1)));
        w.setSummary(r, "loss.min", Value::number(0.5 / (i + 1)));
        w.setSummary(r, "loss.max", Value::number(2.0));
        w.setSummary(r, "acc.max", Value::number(0.5 + 0.01 * i));
        w.setSummary(r, "_runtime", Value::number(3725.5 + i));
        w.setSummary(r, "_timestamp", Value::number(1.74e9 + i * 60 + 30));
        w.setSummary(r, "Confusion Matrix",
                     Value::json("{\"_type\": \"plotly-file\", \"path\": \"media/cm_" +
                                 std::to_string(i) + ".json\", \"size\": 1234}"));
        w.finishRun(r, info.state, 0, info.startTime + 30, 10);
    }
    REQUIRE(w.commit().ok());
}

std::shared_ptr<const RunsSnapshot> asTwoSources(const RunsSnapshot& snapshot) {
    auto copy = std::make_shared<RunsSnapshot>(snapshot);
    for (std::size_t i = 0; i < copy->runs.size(); ++i) {
        RunInfo& r = copy->runs[i];
        const bool a = i % 2 == 0;
        r.sourceRunId = r.uid;
        r.uid = (a ? "a:" : "b:") + r.uid;
        r.sourceFormat = a ? "mlflow" : "wandb";
        r.sourceRoot = a ? "/data/a/mlruns" : "/data/b/wandb";
        r.sourcePath = a ? r.sourceRoot : r.sourceRoot + "/run-" + r.sourceRunId;
    }
    return copy;
}

}  // namespace runlens::test
