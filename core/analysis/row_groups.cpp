// Row groups: a group index per row from the column's own type (class index, number, text),
// then one pass per numeric column for the means.
#include "core/analysis/row_groups.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <string_view>
#include <unordered_map>

#include "core/model/value.h"
#include "core/util/natural_order.h"

namespace runlens::analysis {
namespace {}  // namespace

std::vector<RowGroup> groupRows(const PredictionTable& table, int column,
                                std::span<const std::uint32_t> rows) {
    std::vector<RowGroup> groups;
    if (column < 0 || std::size_t(column) >= table.columns.size()) return groups;
    const TableColumn& c = table.columns[std::size_t(column)];
    std::vector<std::int32_t> groupOf(rows.size(), -1);  // -1: missing value
    switch (c.type) {
        case ColumnType::ClassLabel: {
            std::vector<std::int32_t> byClass(c.classNames.size(), -1);
            std::vector<std::int64_t> used;
            for (std::uint32_t r : rows) {
                const std::int64_t k = c.ints[r];
                if (k >= 0 && std::size_t(k) < byClass.size() && byClass[std::size_t(k)] < 0) {
                    byClass[std::size_t(k)] = 0;
                    used.push_back(k);
                }
            }
            std::sort(used.begin(), used.end());
            for (std::int64_t k : used) {
                byClass[std::size_t(k)] = std::int32_t(groups.size());
                groups.push_back({c.classNames[std::size_t(k)], {}, {}});
            }
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const std::int64_t k = c.ints[rows[i]];
                if (k >= 0 && std::size_t(k) < byClass.size()) groupOf[i] = byClass[std::size_t(k)];
            }
            break;
        }
        case ColumnType::Number:
        case ColumnType::Bool: {
            std::map<double, std::int32_t> index;
            for (std::uint32_t r : rows)
                if (!std::isnan(c.numbers[r])) index.emplace(c.numbers[r], 0);
            for (auto& [value, g] : index) {
                g = std::int32_t(groups.size());
                groups.push_back({c.type == ColumnType::Bool ? (value != 0 ? "true" : "false")
                                                             : formatNumber(value),
                                  {},
                                  {}});
            }
            for (std::size_t i = 0; i < rows.size(); ++i)
                if (const double v = c.numbers[rows[i]]; !std::isnan(v)) groupOf[i] = index[v];
            break;
        }
        default: {
            std::unordered_map<std::string, std::int32_t> index;
            std::vector<std::string> keys;
            std::vector<std::int32_t> first(rows.size(), -1);
            for (std::size_t i = 0; i < rows.size(); ++i) {
                std::string key = cellText(c, rows[i]);
                if (key.empty()) continue;
                auto [it, added] = index.try_emplace(std::move(key), std::int32_t(keys.size()));
                if (added) keys.push_back(it->first);
                first[i] = it->second;
            }
            std::vector<std::int32_t> order(keys.size());
            for (std::size_t k = 0; k < order.size(); ++k)
                order[k] = std::int32_t(k);
            std::sort(order.begin(), order.end(), [&](std::int32_t x, std::int32_t y) {
                return naturalLess(keys[x], keys[y]);
            });
            std::vector<std::int32_t> rank(keys.size());
            for (std::size_t k = 0; k < order.size(); ++k) {
                rank[std::size_t(order[k])] = std::int32_t(k);
                groups.push_back({keys[std::size_t(order[k])], {}, {}});
            }
            for (std::size_t i = 0; i < rows.size(); ++i)
                if (first[i] >= 0) groupOf[i] = rank[std::size_t(first[i])];
            break;
        }
    }
    const bool anyMissing = std::find(groupOf.begin(), groupOf.end(), -1) != groupOf.end();
    const std::int32_t missing = std::int32_t(groups.size());
    if (anyMissing) groups.push_back({"", {}, {}});
    for (std::size_t i = 0; i < rows.size(); ++i)
        groups[std::size_t(groupOf[i] < 0 ? missing : groupOf[i])].rows.push_back(rows[i]);

    for (RowGroup& g : groups) {
        g.means.assign(table.columns.size(), std::nan(""));
        for (std::size_t col = 0; col < table.columns.size(); ++col) {
            const TableColumn& t = table.columns[col];
            if (t.type != ColumnType::Number && t.type != ColumnType::Bool) continue;
            double sum = 0;
            std::size_t n = 0;
            for (std::uint32_t r : g.rows)
                if (const double v = t.numbers[r]; !std::isnan(v)) {
                    sum += v;
                    ++n;
                }
            if (n) g.means[col] = sum / double(n);
        }
    }
    return groups;
}

}  // namespace runlens::analysis
