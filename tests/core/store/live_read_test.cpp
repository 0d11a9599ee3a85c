// A reader in this process keeps working while another process appends to the same database.
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "tests/support/temp_dir.h"

using namespace runlens;

TEST_CASE("Reading while a second process appends sees consistent, growing data", "[store][live]") {
    test::TempDir dir;
    const std::string path = (dir / "live.runlens").string();
    {
        auto w = RunWriter::open(path).value();
        RunInfo info;
        info.uid = "r";
        RunId r = w->beginRun(info);
        w->logMetric(r, "loss", 0, 0.0, 0);
    }
    constexpr int kBatches = 40, kPerBatch = 1000;
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The writer process: appends in committed batches, value == step, then exits.
        auto w = RunWriter::open(path);
        if (!w.ok()) _exit(2);
        RunInfo info;
        info.uid = "r";
        RunId r = (*w)->beginRun(info);
        for (int b = 0; b < kBatches; ++b) {
            for (int i = 0; i < kPerBatch; ++i) {
                const int step = 1 + b * kPerBatch + i;
                (*w)->logMetric(r, "loss", step, double(step), 0);
            }
            if (!(*w)->commit().ok()) _exit(3);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        (*w).reset();
        _exit(0);
    }

    auto store = RunStore::open(path);
    REQUIRE(store.ok());
    std::size_t lastCount = 0;
    int reads = 0, versionChanges = 0;
    std::int64_t lastVersion = store->dataVersion().value();
    int status = 0;
    bool childDone = false;
    while (!childDone || reads < 3) {
        childDone = childDone || waitpid(child, &status, WNOHANG) == child;
        auto infos = store->readSeriesInfos();
        REQUIRE(infos.ok());
        REQUIRE(infos->size() == 1);
        auto series = store->readSeries(infos->front().seriesId);
        REQUIRE(series.ok());
        // Every committed point is there, in order, and nothing half-written is.
        REQUIRE(series->size() >= lastCount);
        for (std::size_t i = 0; i < series->size(); ++i)
            REQUIRE(series->values[i] == double(i));
        lastCount = series->size();
        const std::int64_t version = store->dataVersion().value();
        if (version != lastVersion) ++versionChanges;
        lastVersion = version;
        ++reads;
        if (childDone && lastCount == std::size_t(1 + kBatches * kPerBatch)) break;
    }
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    CHECK(lastCount == std::size_t(1 + kBatches * kPerBatch));
    CHECK(versionChanges > 0);
}

TEST_CASE("openAnother is a second connection that reads the same store", "[store]") {
    test::TempDir dir;
    const std::string path = (dir / "two.runlens").string();
    {
        auto w = RunWriter::open(path).value();
        RunInfo info;
        info.uid = "r";
        const RunId r = w->beginRun(info);
        for (int s = 0; s < 5000; ++s)
            w->logMetric(r, "loss", s, s * 0.5, 0);
    }
    auto first = RunStore::open(path);
    REQUIRE(first.ok());
    auto second = first->openAnother();
    REQUIRE(second.ok());
    CHECK(second->path() == first->path());
    CHECK(second->formatVersion() == first->formatVersion());
    const auto infos = second->readSeriesInfos().value();
    REQUIRE(infos.size() == 1);
    const Series s = second->readSeries(infos[0].seriesId).value();
    REQUIRE(s.size() == 5000);
    CHECK(s.values[4999] == 4999 * 0.5);
    // Still a second connection once the first is gone (each thread owns its own).
    first = makeError("closed");
    CHECK(second->readRuns().value().runs.size() == 1);
}
