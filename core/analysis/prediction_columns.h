// Which columns of a prediction table hold the truth and the prediction, guessed from their
// names ("label", "pred", ...): for the Tables view, joins, and telling a predictions file from
// a metrics CSV.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model/prediction_table.h"

namespace runlens::analysis {

/// Names (lower case) a truth column goes by, most usual first; and a prediction column.
const std::vector<std::string>& truthColumnNames();
const std::vector<std::string>& predictionColumnNames();

/// True when `name` (any case) is one of those names.
bool isTruthName(std::string_view name);
bool isPredictionName(std::string_view name);

/// Truth and prediction column indices guessed from their names (-1 when not found); class-label
/// columns are preferred, image and number-array columns never chosen.
std::pair<int, int> guessTruthPrediction(const PredictionTable& table);

}  // namespace runlens::analysis
