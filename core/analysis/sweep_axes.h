// The axes of a sweep view: which hyperparameters vary across the shown runs, each as a numeric
// axis (linear or log) or a categorical one (full labels, ordered by name or by mean target),
// with every run's position and the runs missing a value counted apart; and the target metric.
// Headless: the sweep view (parallel coordinates, scatter) only draws it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/model/artifact.h"
#include "core/store/runs_snapshot.h"

namespace runlens::analysis {

struct SweepAxis {
    enum class Kind { Numeric, Categorical };

    std::string key;  ///< config key, or summary key for a metric axis
    bool isMetric = false;
    Kind kind = Kind::Numeric;
    /// Numeric: drawn on a log scale (a log-uniform sweep range, or positive values spanning
    /// more than two decades).
    bool log = false;
    double min = 0;  ///< numeric: the present values' range
    double max = 0;
    /// Categorical: the labels, in axis order (booleans as "false", "true"; lists as JSON).
    std::vector<std::string> categories;
    /// Per run (in the order given): the numeric value, or the index into `categories`; NaN
    /// when the run has no value (drawn at the separate "missing" slot).
    std::vector<double> positions;
    std::int64_t missing = 0;
};

/// Whether a config key is a hyperparameter worth an axis: not Runlens' or the tracker's own
/// bookkeeping (keys starting with '_', such as `_wandb.*`).
bool isParameterKey(const std::string& key);

/// One axis over `rows` (snapshot rows, in the order the view draws them) of a config or
/// summary column. Numeric when every present value is a number or text that reads as one (MLflow
/// parameters are strings); else categorical in natural order. `logUniform`: the sweep samples this key log-uniformly.
SweepAxis makeAxis(const ValueColumn& column, std::span<const int> rows, bool isMetric,
                   bool logUniform = false);

/// The parameter axes of the shown runs: every config key (isParameterKey) whose values are not
/// all the same across `rows` (a value missing from some runs counts as varying) and that at
/// least `minPresent` of them have, in key order. The sweep's parameter space, when given, tells
/// which keys are sampled log-uniformly.
std::vector<SweepAxis> varyingParameterAxes(const RunsSnapshot& snapshot, std::span<const int> rows,
                                            const Sweep* sweep = nullptr,
                                            std::size_t minPresent = 0);

/// The default `minPresent` for a view over `runs` runs: a key fewer than a tenth of them (or
/// fewer than three) have compares nothing, it only adds an axis of missing values.
std::size_t defaultMinPresent(std::size_t runs);

/// Orders a categorical axis by the mean of `target` (one value per run, NaN skipped) over the
/// runs of each category, lowest first; categories without a target value go last. Positions
/// follow the new order.
void orderByMeanTarget(SweepAxis& axis, std::span<const double> target);

/// The keys a sweep samples log-uniformly, from its parameter space (W&B distributions
/// log_uniform, log_uniform_values, q_log_uniform, q_log_uniform_values).
std::vector<std::string> logUniformKeys(const Sweep& sweep);

}  // namespace runlens::analysis
