// PredictionTable helpers.
#include "core/model/prediction_table.h"

#include <cmath>

#include "core/model/value.h"

namespace runlens {

const char* toString(ColumnType type) {
    switch (type) {
        case ColumnType::Number:
            return "number";
        case ColumnType::String:
            return "string";
        case ColumnType::Bool:
            return "bool";
        case ColumnType::ClassLabel:
            return "class";
        case ColumnType::Image:
            return "image";
        case ColumnType::NumberArray:
            return "array";
    }
    return "number";
}

std::size_t TableColumn::size() const {
    switch (type) {
        case ColumnType::Number:
        case ColumnType::Bool:
            return numbers.size();
        case ColumnType::String:
            return strings.size();
        case ColumnType::ClassLabel:
        case ColumnType::Image:
            return ints.size();
        case ColumnType::NumberArray:
            return arrays.size();
    }
    return 0;
}

TableColumn& PredictionTable::addColumn(std::string columnName, ColumnType type) {
    TableColumn& c = columns.emplace_back();
    c.name = std::move(columnName);
    c.type = type;
    return c;
}

std::string PredictionTable::validate() const {
    const std::size_t rows = rowCount();
    for (const TableColumn& c : columns) {
        if (c.size() != rows)
            return "column '" + c.name + "' has " + std::to_string(c.size()) + " rows, expected " +
                   std::to_string(rows);
    }
    return {};
}

std::string cellText(const TableColumn& c, std::size_t r) {
    switch (c.type) {
        case ColumnType::ClassLabel:
            if (c.ints[r] < 0) return {};
            return c.ints[r] < std::int64_t(c.classNames.size())
                       ? c.classNames[std::size_t(c.ints[r])]
                       : std::to_string(c.ints[r]);
        case ColumnType::String:
            return c.strings[r];
        case ColumnType::Number:
            return std::isnan(c.numbers[r]) ? std::string() : formatNumber(c.numbers[r]);
        case ColumnType::Bool:
            return std::isnan(c.numbers[r]) ? std::string()
                                            : (c.numbers[r] != 0 ? "true" : "false");
        default:
            return {};
    }
}

}  // namespace runlens
