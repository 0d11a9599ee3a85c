// Joining the same prediction table of several runs (or of one run at several steps) on a row
// key, to see per example what each run predicted: where they disagree, what B fixed or broke.
// Headless: the Tables view's compare tab only shows it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/prediction_table.h"
#include "core/util/result.h"

namespace runlens::analysis {

/// A table to join, with the columns that hold its truth and prediction (-1 when absent).
struct JoinInput {
    const PredictionTable* table = nullptr;
    int truth = -1;
    int prediction = -1;
};

/// The column names tried as a row key, in order of preference.
const std::vector<std::string>& keyColumnNames();

/// The key column to join on: the first column named like a key (id, key, filename, path...) or
/// of image type that every table has, of the same type, with unique non-missing values in
/// each. Empty when none qualifies (then rows join by index).
std::string guessJoinKey(const std::vector<JoinInput>& inputs);

/// How one table's row fares.
enum class Outcome : std::int8_t {
    Missing,  ///< the key is not in this table
    Unknown,  ///< present, but without a truth or a prediction to compare
    Wrong,
    Right,
};

/// The join refers to the tables' rows, never copies cells: keep the tables while it is used.
struct TableJoin {
    std::string keyColumn;  ///< empty: joined by row index
    /// rowOf[t][j]: the row of table t for joined row j, or -1 when the key is missing there.
    std::vector<std::vector<std::int32_t>> rowOf;
    std::vector<std::vector<Outcome>> outcome;  ///< outcome[t][j]
    /// predicted[t][j]: the predicted label as an index into `labels`, -1 when missing.
    std::vector<std::vector<std::int32_t>> predicted;
    std::vector<std::int32_t> truth;  ///< per joined row: the first present truth, or -1
    std::vector<std::string> labels;  ///< every truth and prediction seen, as text

    std::size_t size() const { return truth.size(); }
    /// Joined rows missing from at least one table.
    std::int64_t partial() const;
    /// The first table holding joined row j (its key is that table's key cell).
    std::size_t keyTable(std::size_t j) const;
};

/// Joins the tables on `keyColumn` (empty: by row index): rows in the order of the first table,
/// then rows only later tables hold, in their order. Keys compare as text (an int id logged as
/// a float elsewhere still meets), images by content id. Duplicate keys in a table are an error
/// naming the key and the table (a join on them would pair rows wrongly), as is a key column a
/// table lacks.
Result<TableJoin> joinTables(const std::vector<JoinInput>& inputs, const std::string& keyColumn);

/// The key of joined row j as text (the row index when joined by index).
std::string joinKeyText(const TableJoin& join, const std::vector<JoinInput>& inputs, std::size_t j);

enum class JoinFilter {
    All,
    Disagree,  ///< the present tables' predictions are not all the same
    AllWrong,  ///< wrong in every table that holds the row (and held by at least one)
    Fixed,     ///< wrong in A, right in B
    Broken,    ///< right in A, wrong in B
};

/// The joined rows that pass `filter`; `a` and `b` are table indices (Fixed, Broken).
std::vector<std::uint32_t> filterJoin(const TableJoin& join, JoinFilter filter, int a = 0,
                                      int b = 1);

}  // namespace runlens::analysis
