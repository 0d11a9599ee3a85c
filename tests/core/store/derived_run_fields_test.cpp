// What a snapshot derives from the stored series (issue 17): summaries where the source gave
// none (TensorBoard and CSV have none), and the end and state of runs that never said they ended.
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>

#include "core/query/bound_query.h"
#include "core/query/runs_query_table.h"
#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "tests/support/temp_dir.h"

using namespace runlens;

TEST_CASE("runs without a source summary get <key>, .min and .max from their series",
          "[store][summary]") {
    test::TempDir dir;
    const std::string path = (dir / "s.runlens").string();
    {
        auto writer = RunWriter::open(path);
        REQUIRE(writer.ok());
        RunWriter& w = *writer.value();
        RunInfo a;
        a.uid = "tb-run";
        const RunId ra = w.beginRun(a);
        for (int s = 0; s < 10; ++s)
            w.logMetric(ra, "valid_loss", s, s == 3 ? 2.5 : 9.0 - 0.5 * s, 100 + s);
        w.logMetric(ra, "all_nan", 0, NAN, 100);
        w.logSystemMetric(ra, "cpu", 0, 50, 100);
        RunInfo b;
        b.uid = "wandb-run";
        const RunId rb = w.beginRun(b);
        for (int s = 0; s < 5; ++s)
            w.logMetric(rb, "valid_loss", s, 8.0 - s, 100 + s);
        w.setSummary(rb, "valid_loss", Value::number(7.25));  // the source's own word wins
        w.setSummary(rb, "valid_loss.max", Value::string("from source"));
        REQUIRE(w.commit().ok());
    }
    auto store = RunStore::open(path);
    REQUIRE(store.ok());
    const auto snap = store->readRuns();
    REQUIRE(snap.ok());
    const ValueColumn* last = snap->findSummary("valid_loss");
    const ValueColumn* low = snap->findSummary("valid_loss.min");
    const ValueColumn* high = snap->findSummary("valid_loss.max");
    REQUIRE(last);
    REQUIRE(low);
    REQUIRE(high);
    const int a = snap->rowOf(snap->runs[0].uid == "tb-run" ? snap->runs[0].id : snap->runs[1].id);
    const int b = 1 - a;
    CHECK(last->number(std::size_t(a)) == 4.5);  // the last value logged: 9 - 0.5 * 9
    CHECK(low->number(std::size_t(a)) == 2.5);
    CHECK(high->number(std::size_t(a)) == 9.0);
    CHECK(last->number(std::size_t(b)) == 7.25);
    CHECK(low->number(std::size_t(b)) == 4.0);
    CHECK(high->value(std::size_t(b)).text() == "from source");
    CHECK_FALSE(snap->findSummary("all_nan"));  // nothing finite to say
    CHECK_FALSE(snap->findSummary("cpu"));      // system metrics are not final results

    // The filter that matched nothing on N-BEATS (last valid_loss 4.57) now finds the run.
    const query::RunsQueryTable table(snap.value());
    const auto bound = query::BoundQuery::bind(query::Query::parse("valid_loss < 5"), table);
    REQUIRE(bound.ok());
    CHECK(bound.filter().size() == 1);
}

TEST_CASE("runs that never said they ended get an end, a runtime and a state that is not running",
          "[store][state]") {
    const double now = double(std::chrono::duration_cast<std::chrono::seconds>(
                                  std::chrono::system_clock::now().time_since_epoch())
                                  .count());
    test::TempDir dir;
    const std::string path = (dir / "s.runlens").string();
    {
        auto writer = RunWriter::open(path);
        REQUIRE(writer.ok());
        RunWriter& w = *writer.value();
        auto run = [&](const char* uid, const char* format, RunState state, double start,
                       double last) {
            RunInfo info;
            info.uid = uid;
            info.sourceFormat = format;
            info.state = state;
            info.startTime = start;
            const RunId id = w.beginRun(info);
            w.logMetric(id, "loss", 0, 1, start);
            w.logMetric(id, "loss", 1, 0.5, last);
            return id;
        };
        run("tb-old", "tensorboard", RunState::Unknown, 1.7e9, 1.7e9 + 14 * 3600);
        run("tb-live", "tensorboard", RunState::Unknown, now - 600, now - 30);
        run("mlflow-dead", "mlflow", RunState::Running, 1.74e9, 1.74e9 + 60);
        run("wandb-live", "wandb", RunState::Running, now - 120, now - 5);
        const RunId done = run("wandb-done", "wandb", RunState::Running, 1.7e9, 1.7e9 + 10);
        w.finishRun(done, RunState::Failed, 1, 1.7e9 + 20, 20);
        REQUIRE(w.commit().ok());
    }
    auto store = RunStore::open(path);
    REQUIRE(store.ok());
    const auto snap = store->readRuns();
    REQUIRE(snap.ok());
    auto byUid = [&](const char* uid) -> const RunInfo& {
        for (const RunInfo& r : snap->runs)
            if (r.uid == uid) return r;
        FAIL("no run " << uid);
        return snap->runs.front();
    };
    const RunInfo& tbOld = byUid("tb-old");
    CHECK(tbOld.state == RunState::Finished);  // no exit status in the format: it ended
    CHECK(tbOld.endTime == 1.7e9 + 14 * 3600);
    CHECK(tbOld.runtime == 14 * 3600);
    CHECK(byUid("tb-live").state == RunState::Running);
    CHECK_FALSE(std::isfinite(byUid("tb-live").endTime));
    CHECK(byUid("mlflow-dead").state == RunState::Crashed);  // "running" since 2025
    CHECK(byUid("mlflow-dead").runtime == 60);
    CHECK(byUid("wandb-live").state == RunState::Running);
    const RunInfo& failed = byUid("wandb-done");  // what the source said stays
    CHECK(failed.state == RunState::Failed);
    CHECK(failed.endTime == 1.7e9 + 20);
}
