// Which rows a table tab shows and in what order: marking wrong predictions, sorting.
// (Headless helpers over a PredictionTable.)
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

#include "core/analysis/prediction_columns.h"
#include "core/model/prediction_table.h"

namespace runlens::ui {

using analysis::guessTruthPrediction;  // truth and prediction columns by name

/// Whether a cell holds a value (not missing), without building its text.
bool hasValue(const TableColumn& column, std::size_t row);

/// 1 for rows whose truth and prediction are both present and differ.
std::vector<std::uint8_t> wrongRows(const PredictionTable& table, int truth, int prediction);

/// Sorts `rows` by a column (stable; missing values last whatever the order).
void sortRows(const PredictionTable& table, int column, bool ascending,
              std::vector<std::uint32_t>& rows);

}  // namespace runlens::ui
