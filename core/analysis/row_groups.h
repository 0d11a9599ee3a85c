// Rows of a prediction table grouped by one column's value, with each group's count and the
// mean of every numeric column: what the Tables view's group headers show.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/model/prediction_table.h"

namespace runlens::analysis {

struct RowGroup {
    std::string key;                  ///< the value as text; "" for rows missing it
    std::vector<std::uint32_t> rows;  ///< in the order given
    std::vector<double> means;        ///< per column: mean over the group (NaN if not numeric)
};

/// Groups `rows` by column `column`: class labels in their class order, numbers by value, text
/// and booleans in natural order ("2" before "10"), rows without a value last. Means are of
/// Number and Bool columns, over the rows that have a value.
std::vector<RowGroup> groupRows(const PredictionTable& table, int column,
                                std::span<const std::uint32_t> rows);

}  // namespace runlens::analysis
