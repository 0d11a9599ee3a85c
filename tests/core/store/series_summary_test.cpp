// Summaries from the stored series: TensorBoard and CSV runs have none of their own, so a final
// metric is only filterable if the store derives it (issue 17).
#include <catch2/catch.hpp>
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
