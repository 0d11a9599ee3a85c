// The filter language over a real runs snapshot (RunsQueryTable).
#include <catch2/catch.hpp>
#include <cmath>

#include "core/query/bound_query.h"
#include "core/query/query.h"
#include "core/query/runs_query_table.h"
#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "tests/support/temp_dir.h"

using namespace runlens;

namespace {

RunsSnapshot makeSnapshot(const test::TempDir& dir) {
    const std::string path = (dir / "q.runlens").string();
    {
        auto w = RunWriter::open(path).value();
        const char* optimizers[] = {"adam", "sgd", "adam", "momentum"};
        for (int i = 0; i < 4; ++i) {
            RunInfo info;
            info.uid = "u" + std::to_string(i);
            info.name = i == 3 ? "resnet-big" : "mlp-" + std::to_string(i);
            info.state = i == 1 ? RunState::Failed : RunState::Finished;
            info.group = i < 2 ? "a" : "b";
            info.tags =
                i == 2 ? std::vector<std::string>{"best", "paper"} : std::vector<std::string>{};
            info.startTime = 1709251200.0 + i * 86400;  // 2024-03-01 00:00 UTC, then daily
            info.runtime = 60.0 * (i + 1);
            RunId r = w->beginRun(info);
            w->setConfig(r, "optimizer.name", Value::string(optimizers[i]));
            w->setConfig(r, "optimizer.lr", Value::number(std::pow(10.0, -1 - i)));
            w->setConfig(r, "name", Value::string("config-name-" + std::to_string(i)));
            w->setConfig(r, "acc", Value::number(i));  // same key in config and summary
            if (i != 0) w->setSummary(r, "val/acc", Value::number(0.5 + 0.1 * i));
            w->setSummary(r, "acc", Value::number(10 + i));
        }
    }
    return RunStore::open(path).value().readRuns().value();
}

std::vector<std::uint32_t> rowsFor(const RunsSnapshot& snap, const std::string& text) {
    query::RunsQueryTable table(snap);
    auto bound = query::BoundQuery::bind(query::Query::parse(text), table);
    INFO(text << ": " << (bound.ok() ? std::string() : bound.error().message));
    REQUIRE(bound.ok());
    return bound.filter();
}

using Rows = std::vector<std::uint32_t>;

}  // namespace

TEST_CASE("Filters over runs reach run fields, config and summary keys", "[query][runs]") {
    test::TempDir dir;
    const RunsSnapshot snap = makeSnapshot(dir);
    CHECK(rowsFor(snap, "optimizer.name == \"adam\" and optimizer.lr < 0.05") == Rows{2});
    CHECK(rowsFor(snap, "state == \"failed\"") == Rows{1});
    CHECK(rowsFor(snap, "tags contains \"best\"") == Rows{2});
    CHECK(rowsFor(snap, "val/acc > 0.65") == Rows{2, 3});
    CHECK(rowsFor(snap, "val/acc == null") == Rows{0});
    CHECK(rowsFor(snap, "group == \"b\" or runtime < 100") == Rows{0, 2, 3});
    CHECK(rowsFor(snap, "resnet") == Rows{3});                   // a plain word searches names
    CHECK(rowsFor(snap, "name ~ \"^mlp-[12]\"") == Rows{1, 2});  // `name` is the run name
    CHECK(rowsFor(snap, "config.name == \"config-name-1\"") == Rows{1});
    CHECK(rowsFor(snap, "acc == 1") == Rows{1});  // config wins a shared key
    CHECK(rowsFor(snap, "summary.acc == 11") == Rows{1});
    CHECK(rowsFor(snap, "created >= \"2024-03-03\"") == Rows{2, 3});
    CHECK(rowsFor(snap, "id == \"u3\"") == Rows{3});
}

TEST_CASE("An unknown key in a runs filter is an error with a suggestion", "[query][runs]") {
    test::TempDir dir;
    const RunsSnapshot snap = makeSnapshot(dir);
    query::RunsQueryTable table(snap);
    auto bound = query::BoundQuery::bind(query::Query::parse("val/accc > 0.5"), table);
    REQUIRE_FALSE(bound.ok());
    CHECK(bound.error().message.find("val/acc") != std::string::npos);
    CHECK(bound.error().start == 0);
    CHECK(bound.error().length == 8);
}

TEST_CASE("deleted, source.format, source.path, id and uid are run fields (issue 17)",
          "[query][runs]") {
    test::TempDir dir;
    RunsSnapshot snap = makeSnapshot(dir);
    // As a workspace of two sources shows the runs: prefixed uids, the source of each run.
    for (std::size_t i = 0; i < snap.runs.size(); ++i) {
        RunInfo& r = snap.runs[i];
        r.sourceRunId = r.uid;
        r.uid = (i < 2 ? "a:" : "b:") + r.uid;
        r.sourceFormat = i < 2 ? "mlflow" : "wandb";
        r.sourceRoot = i < 2 ? "/data/mlruns" : "";
        r.sourcePath = i < 2 ? "/data/mlruns/0/" + r.sourceRunId : "/data/wandb/run-" + r.uid;
        r.deleted = i == 1;
    }
    CHECK(rowsFor(snap, "deleted == true") == Rows{1});
    CHECK(rowsFor(snap, "deleted == false") == Rows{0, 2, 3});
    CHECK(rowsFor(snap, "not deleted == true and state == \"finished\"") == Rows{0, 2, 3});
    CHECK(rowsFor(snap, "source.format == \"mlflow\"") == Rows{0, 1});
    CHECK(rowsFor(snap, "source.format != mlflow") == Rows{2, 3});
    // source.path is the source root, else the path the run was read from.
    CHECK(rowsFor(snap, "source.path == \"/data/mlruns\"") == Rows{0, 1});
    CHECK(rowsFor(snap, "source.path contains \"wandb/run-\"") == Rows{2, 3});
    CHECK(rowsFor(snap, "id == \"u3\"") == Rows{3});  // the id in its source, as shown
    CHECK(rowsFor(snap, "uid == \"b:u3\"") == Rows{3});
}
