// Step metrics read from the W&B metric definitions kept in run configs.
#include <catch2/catch.hpp>

#include "core/series/step_metrics.h"

using namespace runlens;

TEST_CASE("define_metric step metrics come from _wandb.metric.<name> config values",
          "[series][step_metric]") {
    RunsSnapshot snapshot;
    snapshot.runs.resize(3);
    ValueColumn loss("_wandb.metric.train/loss", 3);
    loss.set(1, Value::json(R"({"step_metric":"train/global_step","summary":["min"]})"));
    loss.set(2, Value::json(R"({"step_metric":"other"})"));  // the first definition wins
    ValueColumn acc("_wandb.metric.val/acc", 3);
    acc.set(0, Value::json(R"({"summary":["max"],"goal":2})"));  // no step metric
    ValueColumn self("_wandb.metric.train/global_step", 3);
    self.set(0, Value::json(R"({"step_metric":"train/global_step"})"));  // itself: ignored
    ValueColumn broken("_wandb.metric.x", 3);
    broken.set(0, Value::json("{step_metric"));
    ValueColumn plain("lr", 3);
    plain.set(0, Value::string(R"({"step_metric":"y"})"));  // not a definition
    snapshot.config = {std::move(loss), std::move(acc), std::move(self), std::move(broken),
                       std::move(plain)};

    const auto steps = series::definedStepMetrics(snapshot);
    REQUIRE(steps.size() == 1);
    CHECK(steps.at("train/loss") == "train/global_step");
}
