// Table row helpers: typed comparisons, no per-row strings except where the types differ.
#include "ui/tables/table_rows.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

namespace runlens::ui {

bool hasValue(const TableColumn& c, std::size_t r) {
    switch (c.type) {
        case ColumnType::Number:
        case ColumnType::Bool:
            return !std::isnan(c.numbers[r]);
        case ColumnType::String:
            return !c.strings[r].empty();
        case ColumnType::ClassLabel:
            return c.ints[r] >= 0;
        case ColumnType::Image:
            return c.ints[r] > 0;
        case ColumnType::NumberArray:
            return !c.arrays[r].empty();
    }
    return false;
}

std::vector<std::uint8_t> wrongRows(const PredictionTable& table, int truth, int prediction) {
    const std::size_t n = table.rowCount();
    std::vector<std::uint8_t> wrong(n, 0);
    if (truth < 0 || prediction < 0) return wrong;
    const TableColumn& a = table.columns[std::size_t(truth)];
    const TableColumn& b = table.columns[std::size_t(prediction)];
    if (a.type == ColumnType::ClassLabel && b.type == ColumnType::ClassLabel &&
        a.classNames == b.classNames) {
        for (std::size_t r = 0; r < n; ++r)
            wrong[r] = a.ints[r] >= 0 && b.ints[r] >= 0 && a.ints[r] != b.ints[r];
        return wrong;
    }
    for (std::uint32_t r = 0; r < n; ++r) {
        const std::string x = cellText(a, r), y = cellText(b, r);
        wrong[r] = !x.empty() && !y.empty() && x != y;
    }
    return wrong;
}

void sortRows(const PredictionTable& table, int column, bool ascending,
              std::vector<std::uint32_t>& rows) {
    const TableColumn& c = table.columns[std::size_t(column)];
    auto order = [&](auto key, auto missing) {
        std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t x, std::uint32_t y) {
            const bool mx = missing(x), my = missing(y);
            if (mx || my) return !mx && my;
            return ascending ? key(x) < key(y) : key(y) < key(x);
        });
    };
    switch (c.type) {
        case ColumnType::Number:
        case ColumnType::Bool:
            return order([&](std::uint32_t r) { return c.numbers[r]; },
                         [&](std::uint32_t r) { return std::isnan(c.numbers[r]); });
        case ColumnType::String:
            return order([&](std::uint32_t r) -> const std::string& { return c.strings[r]; },
                         [&](std::uint32_t r) { return c.strings[r].empty(); });
        case ColumnType::ClassLabel:
            return order([&](std::uint32_t r) { return cellText(c, r); },
                         [&](std::uint32_t r) { return c.ints[r] < 0; });
        case ColumnType::Image:
            return order([&](std::uint32_t r) { return c.ints[r]; },
                         [&](std::uint32_t r) { return c.ints[r] <= 0; });
        case ColumnType::NumberArray:
            return order(
                [&](std::uint32_t r) {
                    const auto& v = c.arrays[r];
                    return v.empty() ? 0.0 : *std::max_element(v.begin(), v.end());
                },
                [&](std::uint32_t r) { return c.arrays[r].empty(); });
    }
}

}  // namespace runlens::ui
