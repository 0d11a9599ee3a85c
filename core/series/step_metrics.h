// Step metrics: the x axis a source defines for a metric. W&B's define_metric(name,
// step_metric="train/global_step") is kept in the run's config as _wandb.metric.<name>; its
// charts plot such a metric against that one, not against _step.
#pragma once

#include <string>
#include <unordered_map>

#include "core/store/runs_snapshot.h"

namespace runlens::series {

/// Metric name -> the metric it is plotted against, over every run of the snapshot that defines
/// one (the first definition wins where runs disagree). Glob definitions ("val/*") are expanded
/// by the SDK before they reach the log, so names are exact.
std::unordered_map<std::string, std::string> definedStepMetrics(const RunsSnapshot& snapshot);

}  // namespace runlens::series
