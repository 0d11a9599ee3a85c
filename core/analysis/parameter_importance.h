// Which hyperparameters matter for a target metric: per parameter, the Spearman rank
// correlation with the target (numeric parameters), and an importance from gradient-boosted
// trees fitted on the runs (XGBoost's C API, libxgboost-dev): the mean |SHAP contribution| of
// the parameter (its one-hot columns summed for a categorical), shares summing to 1.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/analysis/sweep_axes.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace runlens::analysis {

struct ParameterImportance {
    std::string key;
    double spearman = 0;    ///< with sign; NaN for categorical parameters or too few pairs
    double importance = 0;  ///< share of the mean |SHAP| over all parameters, 0..1
    std::int64_t runs = 0;  ///< runs with both this parameter and the target
};

struct ImportanceResult {
    std::vector<ParameterImportance> parameters;  ///< most important first
    std::int64_t runs = 0;                        ///< runs with a target value
};

/// Fewer runs with a target than this: no importance (a clear message says how many are needed).
inline constexpr std::int64_t kMinImportanceRuns = 8;

/// Spearman's rank correlation of x and y over the pairs where both are numbers (ties get their
/// mean rank); NaN with fewer than three pairs or a constant side.
double spearman(std::span<const double> x, std::span<const double> y);

/// Fits the trees on the runs with a target value (`target[i]` for run i of the axes'
/// positions). Numeric axes enter as their values (log10 on log axes), categorical ones one-hot;
/// missing values are XGBoost's missing. Cancellable through `progress` between boosting rounds.
Result<ImportanceResult> parameterImportance(const std::vector<SweepAxis>& parameters,
                                             std::span<const double> target,
                                             Progress* progress = nullptr);

}  // namespace runlens::analysis
