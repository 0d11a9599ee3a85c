// A predictions file users already have — one row per example, as CSV/TSV or JSON Lines — read
// into a prediction table: column types inferred from the cells (number, bool, number array,
// image path, class label for truth and prediction, else text). Pure: bytes in, table out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/model/prediction_table.h"
#include "core/util/result.h"

namespace runlens::predictions {

enum class FileKind { Csv, JsonLines };

/// Whether the start of a file (its header line, or its first JSON object) names a truth and a
/// prediction column and no step, epoch or iteration column: a predictions file, not a metrics
/// log (those go to the CSV importer).
bool looksLikePredictions(std::string_view head, FileKind kind);

struct ParsedPredictions {
    PredictionTable table;  ///< image columns hold 0 until the caller stores the images
    /// Per image column: its index and each row's path as written (empty when missing).
    std::vector<std::pair<int, std::vector<std::string>>> imagePaths;
    std::vector<std::string> notes;  ///< what was odd: ragged rows, bad lines (counts)
};

/// Reads the whole file content. Damaged parts (a ragged row, a line that is not a JSON object,
/// a last line cut short) are read as far as they go and counted in the notes; only a file
/// without a header or any row is an error.
Result<ParsedPredictions> parsePredictions(std::string_view data, FileKind kind);

}  // namespace runlens::predictions
