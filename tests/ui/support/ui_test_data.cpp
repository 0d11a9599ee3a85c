// Sample databases for UI tests.
#include "tests/ui/support/ui_test_data.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "core/store/run_store.h"
#include "core/store/run_writer.h"

namespace runlens::test {

void writeSampleDatabase(const std::string& path, int runs, int steps) {
    auto writer = RunWriter::open(path);
    REQUIRE(writer.ok());
    RunWriter& w = *writer.value();
    const char* optimizers[] = {"adam", "sgd", "momentum"};
    for (int i = 0; i < runs; ++i) {
        RunInfo info;
        info.uid = "uid-" + std::to_string(i);
        info.name = "run-" + std::to_string(i);
        info.group = "g" + std::to_string(i % 3);
        info.state = i == 2 ? RunState::Failed : RunState::Finished;
        info.startTime = 1.7e9 + i * 60;
        info.runtime = 100 + i;
        RunId r = w.beginRun(info);
        w.setConfig(r, "optimizer", Value::string(optimizers[i % 3]));
        w.setConfig(r, "lr", Value::number(0.1 / (i + 1)));
        w.setConfig(r, "dataset", Value::string("digits"));
        if (i == 4)
            w.setSummary(r, "val/acc", Value::number(NAN));
        else if (i != 3)
            w.setSummary(r, "val/acc", Value::number(double(i) / runs));
        for (int s = 0; s < steps; ++s) {
            w.logMetric(r, "train/loss", s, std::exp(-s * 0.05) + i * 0.01, info.startTime + s);
            // Run 3 has no val/acc at all (no summary, no series): the "missing" cell of tests.
            if (s % 10 == 0 && i != 3)
                w.logMetric(r, "val/acc", s, 1 - std::exp(-s * 0.05) - i * 0.01,
                            info.startTime + s);
        }
        w.finishRun(r, info.state, 0, info.startTime + steps, steps);
    }
    REQUIRE(w.commit().ok());
}

std::shared_ptr<const RunsSnapshot> readSnapshot(const std::string& path) {
    auto store = RunStore::open(path);
    REQUIRE(store.ok());
    auto snap = store->readRuns();
    REQUIRE(snap.ok());
    return std::make_shared<const RunsSnapshot>(std::move(snap.value()));
}

}  // namespace runlens::test
