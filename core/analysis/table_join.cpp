// Table join: keys and cells compare as text (cellText), so an int id in one run and the same id
// logged as a float in another still meet; a key column must be unique to be trusted.
#include "core/analysis/table_join.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace runlens::analysis {
namespace {

int columnNamed(const PredictionTable& table, const std::string& name) {
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (table.columns[c].name == name) return int(c);
    return -1;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// A cell as a key: images by their content id (the same image is stored once per database).
std::string keyText(const TableColumn& column, std::size_t row) {
    if (column.type == ColumnType::Image)
        return column.ints[row] > 0 ? "#" + std::to_string(column.ints[row]) : std::string();
    return cellText(column, row);
}

bool uniqueKeys(const PredictionTable& table, int column) {
    const TableColumn& c = table.columns[std::size_t(column)];
    std::unordered_set<std::string> seen;
    seen.reserve(table.rowCount());
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        std::string k = keyText(c, r);
        if (k.empty() || !seen.insert(std::move(k)).second) return false;
    }
    return true;
}

Outcome outcomeOf(const JoinInput& in, std::size_t row, std::string* predicted) {
    if (in.prediction < 0) return Outcome::Unknown;
    *predicted = cellText(in.table->columns[std::size_t(in.prediction)], row);
    if (in.truth < 0 || predicted->empty()) return Outcome::Unknown;
    const std::string truth = cellText(in.table->columns[std::size_t(in.truth)], row);
    if (truth.empty()) return Outcome::Unknown;
    return truth == *predicted ? Outcome::Right : Outcome::Wrong;
}

}  // namespace

const std::vector<std::string>& keyColumnNames() {
    static const std::vector<std::string> kNames = {
        "id",       "key",   "uid",       "uuid",  "example_id", "sample_id", "image_id",
        "filename", "file",  "file_name", "path",  "image_path", "name",      "idx",
        "index",    "image", "img",       "input", "text",       "sentence"};
    return kNames;
}

std::string guessJoinKey(const std::vector<JoinInput>& inputs) {
    if (inputs.empty() || !inputs.front().table) return {};
    const PredictionTable& first = *inputs.front().table;
    std::vector<int> candidates;
    for (const std::string& name : keyColumnNames())
        for (std::size_t c = 0; c < first.columns.size(); ++c)
            if (lower(first.columns[c].name) == name) candidates.push_back(int(c));
    for (std::size_t c = 0; c < first.columns.size(); ++c)
        if (first.columns[c].type == ColumnType::Image) candidates.push_back(int(c));
    for (int c : candidates) {
        const TableColumn& column = first.columns[std::size_t(c)];
        if (column.type == ColumnType::NumberArray) continue;
        bool ok = true;
        for (const JoinInput& in : inputs) {
            const int other = columnNamed(*in.table, column.name);
            ok = ok && other >= 0 && in.table->columns[std::size_t(other)].type == column.type &&
                 uniqueKeys(*in.table, other);
            if (!ok) break;
        }
        if (ok) return column.name;
    }
    return {};
}

std::int64_t TableJoin::partial() const {
    std::int64_t n = 0;
    for (std::size_t j = 0; j < size(); ++j)
        for (const auto& rows : rowOf)
            if (rows[j] < 0) {
                ++n;
                break;
            }
    return n;
}

Result<TableJoin> joinTables(const std::vector<JoinInput>& inputs, const std::string& keyColumn) {
    TableJoin join;
    join.keyColumn = keyColumn;
    std::unordered_map<std::string, std::size_t> joinedRow;
    for (std::size_t t = 0; t < inputs.size(); ++t) {
        const PredictionTable& table = *inputs[t].table;
        const int key = keyColumn.empty() ? -1 : columnNamed(table, keyColumn);
        if (!keyColumn.empty() && key < 0)
            return makeError("table " + std::to_string(t + 1) + " has no column '" + keyColumn +
                             "' to join on");
        join.rowOf.emplace_back(join.size(), -1);
        std::unordered_set<std::string> seen;
        for (std::size_t r = 0; r < table.rowCount(); ++r) {
            std::string k =
                key < 0 ? std::to_string(r) : keyText(table.columns[std::size_t(key)], r);
            if (k.empty()) continue;  // a row without a key cannot be matched: left out
            if (!seen.insert(k).second)
                return makeError("the key '" + k + "' appears more than once in table " +
                                 std::to_string(t + 1) + " (column '" + keyColumn +
                                 "'): choose a unique key column or join by row index");
            auto [it, added] = joinedRow.try_emplace(k, join.size());
            if (added) {
                join.keys.push_back(std::move(k));
                for (auto& rows : join.rowOf)
                    rows.push_back(-1);
            }
            join.rowOf[t][it->second] = std::int64_t(r);
        }
    }
    const std::size_t n = join.size();
    join.truth.assign(n, {});
    for (std::size_t t = 0; t < inputs.size(); ++t) {
        auto& outcome = join.outcome.emplace_back(n, Outcome::Missing);
        auto& predicted = join.prediction.emplace_back(n);
        for (std::size_t j = 0; j < n; ++j) {
            const std::int64_t r = join.rowOf[t][j];
            if (r < 0) continue;
            outcome[j] = outcomeOf(inputs[t], std::size_t(r), &predicted[j]);
            if (join.truth[j].empty() && inputs[t].truth >= 0)
                join.truth[j] = cellText(inputs[t].table->columns[std::size_t(inputs[t].truth)],
                                         std::size_t(r));
        }
    }
    return join;
}

std::vector<std::uint32_t> filterJoin(const TableJoin& join, JoinFilter filter, int a, int b) {
    std::vector<std::uint32_t> out;
    const std::size_t tables = join.outcome.size();
    auto at = [&](int t, std::size_t j) {
        return t >= 0 && std::size_t(t) < tables ? join.outcome[std::size_t(t)][j]
                                                 : Outcome::Missing;
    };
    for (std::size_t j = 0; j < join.size(); ++j) {
        bool pass = false;
        switch (filter) {
            case JoinFilter::All:
                pass = true;
                break;
            case JoinFilter::Disagree: {
                const std::string* first = nullptr;
                for (std::size_t t = 0; t < tables && !pass; ++t) {
                    if (join.rowOf[t][j] < 0 || join.prediction[t][j].empty()) continue;
                    if (!first)
                        first = &join.prediction[t][j];
                    else
                        pass = join.prediction[t][j] != *first;
                }
                break;
            }
            case JoinFilter::AllWrong: {
                int wrong = 0;
                pass = true;
                for (std::size_t t = 0; t < tables && pass; ++t) {
                    const Outcome o = join.outcome[t][j];
                    if (o == Outcome::Wrong) ++wrong;
                    pass = o == Outcome::Wrong || o == Outcome::Missing;
                }
                pass = pass && wrong > 0;
                break;
            }
            case JoinFilter::Fixed:
                pass = at(a, j) == Outcome::Wrong && at(b, j) == Outcome::Right;
                break;
            case JoinFilter::Broken:
                pass = at(a, j) == Outcome::Right && at(b, j) == Outcome::Wrong;
                break;
        }
        if (pass) out.push_back(std::uint32_t(j));
    }
    return out;
}

}  // namespace runlens::analysis
