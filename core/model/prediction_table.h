// PredictionTable: a typed, columnar table of per-example predictions logged by a run.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace runlens {

using MediaId = std::int64_t;  ///< row id of a media item in one database; 0 means none

/// Stored as an integer in the database: never renumber.
enum class ColumnType : std::uint8_t {
    Number = 0,       ///< double; NaN when missing
    String = 1,       ///< UTF-8 text
    Bool = 2,         ///< 0/1 in `numbers`; NaN when missing
    ClassLabel = 3,   ///< index into classNames in `ints`; -1 when missing
    Image = 4,        ///< MediaId in `ints`; 0 when missing
    NumberArray = 5,  ///< a vector of doubles per row (e.g. class probabilities)
};

const char* toString(ColumnType type);

/// One column. Only the vector matching `type` is filled, with one entry per row.
struct TableColumn {
    std::string name;
    ColumnType type = ColumnType::Number;
    std::vector<std::string> classNames;      ///< ClassLabel only
    std::vector<double> numbers;              ///< Number, Bool
    std::vector<std::int64_t> ints;           ///< ClassLabel, Image
    std::vector<std::string> strings;         ///< String
    std::vector<std::vector<double>> arrays;  ///< NumberArray

    std::size_t size() const;
};

struct PredictionTable {
    std::string name;       ///< e.g. "val/predictions"
    std::int64_t step = 0;  ///< the step it was logged at
    std::vector<TableColumn> columns;

    std::size_t rowCount() const { return columns.empty() ? 0 : columns.front().size(); }
    /// Adds an empty column and returns it for filling (valid until the next addColumn).
    TableColumn& addColumn(std::string name, ColumnType type);
    /// Empty string if every column has rowCount() entries, else a description of the mismatch.
    std::string validate() const;
};

/// A cell as text, for comparing and ordering labels: a class label's name, a string, a number
/// (shortest round-trip form), "true"/"false"; empty when missing, and for images and arrays.
std::string cellText(const TableColumn& column, std::size_t row);

/// An image or other media file, stored once per database by content hash.
struct MediaItem {
    std::string mime;  ///< "image/png", ...
    int width = 0;
    int height = 0;
    std::string bytes;
};

}  // namespace runlens
