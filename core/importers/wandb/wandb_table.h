// W&B Table JSON ({"columns": [...], "data": [[...]]}) -> runlens::PredictionTable, read with
// rapidjson's DOM (a 200,000-row table is tens of megabytes: no per-cell JsonValue is built).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/prediction_table.h"
#include "core/util/json_value.h"

namespace runlens::wandb {

/// Turns an image cell (an {"_type": "image-file", "path": ...} object) into a media id;
/// 0 when the file is not available.
using ImageResolver = std::function<MediaId(const JsonValue& cell)>;

struct WandbTable {
    PredictionTable table;
    std::int64_t placeholderImages = 0;  ///< "Image" cells of a preview copy (no file to show)
    std::int64_t missingImages = 0;      ///< image cells whose file could not be found
    /// Why a document was read only up to its last complete row (cut short or damaged); empty
    /// when every document was whole.
    std::string damage;
};

/// Reads a table from the JSON text of its documents: one, or an incremental table's increments
/// oldest first (columns from the first, rows appended). Each column gets the narrowest type
/// that holds all its cells: Number (null -> NaN; NaN/Infinity kept), Bool, NumberArray (lists
/// of numbers), Image (image objects, or the "Image" placeholders a preview copy has instead),
/// else String (other values as their JSON text, null as ""). Short rows are padded with nulls.
/// A document cut short or damaged after some rows keeps the complete rows before the damage
/// (WandbTable::damage says so). Error if nothing can be read (the message says which document
/// and where) or the first has no "columns"/"data" lists.
Result<WandbTable> readWandbTable(const std::vector<std::string_view>& documents, std::string name,
                                  std::int64_t step, const ImageResolver& resolveImage);

/// The text of a table document cut at its last complete row before `offset`, closed so that
/// it parses: `{..."columns": [...], "data": [[row], [row]` + `]}` (or up to the whole data
/// list + `}` when the damage comes after it). Empty when the data list does not start before
/// `offset`.
std::string salvageTableRows(std::string_view text, std::size_t offset);

/// A W&B joined-table: the rows of `a` and `b` matched on their key columns (`keyA` in a,
/// `keyB` in b). An outer join, so nothing read is dropped: a row only one table has keeps the
/// other's cells missing. Columns: a's, then b's without its key; a name b shares with a gets
/// " (2)". Duplicate keys are an error (a join on them would pair rows wrongly).
Result<PredictionTable> joinWandbTables(const PredictionTable& a, const PredictionTable& b,
                                        const std::string& keyA, const std::string& keyB);

}  // namespace runlens::wandb
