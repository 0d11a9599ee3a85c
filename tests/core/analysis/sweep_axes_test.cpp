// Sweep axes: which parameters vary, numeric vs categorical, log scale by spread or by the
// sweep's distribution, missing values apart, categories by name and by mean target.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/analysis/sweep_axes.h"

using namespace runlens;
using namespace runlens::analysis;

namespace {

ValueColumn column(const std::string& key, const std::vector<Value>& values) {
    ValueColumn c(key, values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        if (values[i].type() != ValueType::Null) c.set(i, values[i]);
    return c;
}

// Five runs of a small sweep; config columns in key order, as a snapshot has them.
RunsSnapshot sweepRuns() {
    RunsSnapshot s;
    s.runs.resize(5);
    const Value none;
    s.config.push_back(column("_wandb.cli", std::vector<Value>(5, Value::string("0.16"))));
    s.config.push_back(column("batch", std::vector<Value>(5, Value::number(32))));
    s.config.push_back(column("dropout", {Value::number(0.1), Value::number(0.2), none,
                                          Value::number(0.3), Value::number(0.1)}));
    s.config.push_back(column("layers", {Value::number(2), Value::number(10), Value::string("9"),
                                         Value::number(2), Value::number(10)}));
    s.config.push_back(column("lr", {Value::number(1e-5), Value::number(1e-4), Value::number(1e-3),
                                     Value::number(1e-2), Value::number(1e-1)}));
    ValueColumn depth = column("max_depth", {Value::string("3"), Value(), Value(),
                                             Value::string("7"), Value::string("3")});
    depth.set(1, Value());  // a null cell (MLflow's None), not an absent one
    s.config.push_back(depth);
    s.config.push_back(
        column("optimizer", {Value::string("sgd"), Value::string("adam"), Value::string("adam"),
                             Value::string("rmsprop"), Value::string("sgd")}));
    s.config.push_back(column("warmup", {Value::number(1), Value::number(2), Value::number(4),
                                         Value::number(8), Value::number(16)}));
    return s;
}

const SweepAxis& axisOf(const std::vector<SweepAxis>& axes, const std::string& key) {
    for (const SweepAxis& a : axes)
        if (a.key == key) return a;
    FAIL("no axis " << key);
    return axes.front();
}

}  // namespace

TEST_CASE("the varying parameters become axes; constant and internal keys do not", "[sweep]") {
    const RunsSnapshot s = sweepRuns();
    const std::vector<int> rows = {0, 1, 2, 3, 4};
    const auto axes = varyingParameterAxes(s, rows);
    std::vector<std::string> keys;
    for (const SweepAxis& a : axes)
        keys.push_back(a.key);
    CHECK(keys ==
          std::vector<std::string>{"dropout", "layers", "lr", "max_depth", "optimizer", "warmup"});
    // MLflow-style parameters: numbers kept as text, a null among them: numeric, null missing.
    const SweepAxis& maxDepth = axisOf(axes, "max_depth");
    CHECK(maxDepth.kind == SweepAxis::Kind::Numeric);
    CHECK(maxDepth.missing == 2);
    CHECK(maxDepth.max == 7);

    const SweepAxis& dropout = axisOf(axes, "dropout");
    CHECK(dropout.kind == SweepAxis::Kind::Numeric);
    CHECK_FALSE(dropout.log);
    CHECK(dropout.min == 0.1);
    CHECK(dropout.max == 0.3);
    CHECK(dropout.missing == 1);
    CHECK(std::isnan(dropout.positions[2]));

    CHECK(axisOf(axes, "lr").log);            // four decades
    CHECK_FALSE(axisOf(axes, "warmup").log);  // 1..16: barely over one decade

    const SweepAxis& optimizer = axisOf(axes, "optimizer");
    REQUIRE(optimizer.kind == SweepAxis::Kind::Categorical);
    CHECK(optimizer.categories == std::vector<std::string>{"adam", "rmsprop", "sgd"});
    CHECK(optimizer.positions == std::vector<double>{2, 0, 0, 1, 2});

    // A number in one run and text that reads as one in another (MLflow keeps parameters as
    // strings): numeric.
    const SweepAxis& layers = axisOf(axes, "layers");
    REQUIRE(layers.kind == SweepAxis::Kind::Numeric);
    CHECK(layers.positions == std::vector<double>{2, 10, 9, 2, 10});

    // A key too few runs have is left out: dropout is missing from one of the five.
    for (const SweepAxis& a : varyingParameterAxes(s, rows, nullptr, 5))
        CHECK(a.key != "dropout");
    CHECK(defaultMinPresent(5) == 3);
    CHECK(defaultMinPresent(100) == 10);
    CHECK(defaultMinPresent(2) == 2);

    // Over the runs shown only: dropout is the same for runs 0 and 4.
    const std::vector<int> two = {4, 0};
    const auto fewer = varyingParameterAxes(s, two);
    for (const SweepAxis& a : fewer)
        CHECK(a.key != "dropout");
}

TEST_CASE("a log-uniform sweep range gives a log axis; categories order by mean target",
          "[sweep]") {
    const RunsSnapshot s = sweepRuns();
    const std::vector<int> rows = {0, 1, 2, 3, 4};
    Sweep sweep;
    sweep.parametersJson =
        R"({"warmup": {"distribution": "log_uniform_values", "min": 1, "max": 16},)"
        R"( "dropout": {"distribution": "uniform", "min": 0, "max": 0.5}})";
    CHECK(logUniformKeys(sweep) == std::vector<std::string>{"warmup"});
    const auto axes = varyingParameterAxes(s, rows, &sweep);
    CHECK(axisOf(axes, "warmup").log);
    CHECK_FALSE(axisOf(axes, "dropout").log);

    SweepAxis optimizer = axisOf(axes, "optimizer");
    // Targets: sgd runs 0.9 and 0.7 (mean 0.8), adam 0.5 and 0.3 (0.4), rmsprop none.
    const std::vector<double> target = {0.9, 0.5, 0.3, std::nan(""), 0.7};
    orderByMeanTarget(optimizer, target);
    CHECK(optimizer.categories == std::vector<std::string>{"adam", "sgd", "rmsprop"});
    CHECK(optimizer.positions == std::vector<double>{1, 0, 0, 2, 1});
}

TEST_CASE("a metric axis from the summary; a bad parameter space is no log key", "[sweep]") {
    RunsSnapshot s = sweepRuns();
    s.summary.push_back(column("val/acc", {Value::number(0.5), Value::number(0.9), Value(),
                                           Value::number(0.7), Value::number(0.6)}));
    const std::vector<int> rows = {0, 1, 2, 3, 4};
    const SweepAxis acc = makeAxis(s.summary.front(), rows, true);
    CHECK(acc.isMetric);
    CHECK(acc.kind == SweepAxis::Kind::Numeric);
    CHECK(acc.max == 0.9);
    CHECK(acc.missing == 1);
    Sweep bad;
    bad.parametersJson = "not json";
    CHECK(logUniformKeys(bad).empty());
}
