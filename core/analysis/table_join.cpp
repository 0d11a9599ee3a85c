// Table join: keys are hashed in their own type where every table stores the key column alike
// (numbers by value, images by content id, strings and class names as text without copies),
// else as text; truths and predictions become indices into one label list, so outcomes and
// filters compare integers. A 3-run join of 10^6 rows allocates no string per cell.
#include "core/analysis/table_join.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <string_view>
#include <unordered_map>

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

// A cell as a key in text: images by their content id (one image is stored once per database).
std::string keyText(const TableColumn& column, std::size_t row) {
    if (column.type == ColumnType::Image)
        return column.ints[row] > 0 ? "#" + std::to_string(column.ints[row]) : std::string();
    return cellText(column, row);
}

// Keys in a type of their own, for one type of key column; `ok` false for a missing key.
struct NumberKey {
    const TableColumn& c;
    std::uint64_t operator()(std::size_t r, bool& ok) const {
        const double v = c.numbers[r];
        ok = v == v;
        return std::bit_cast<std::uint64_t>(v == 0 ? 0.0 : v);  // -0 meets 0
    }
};
struct ImageKey {
    const TableColumn& c;
    std::uint64_t operator()(std::size_t r, bool& ok) const {
        ok = c.ints[r] > 0;
        return std::uint64_t(c.ints[r]);
    }
};
struct StringKey {
    const TableColumn& c;
    std::string_view operator()(std::size_t r, bool& ok) const {
        ok = !c.strings[r].empty();
        return c.strings[r];
    }
};
struct ClassKey {
    const TableColumn& c;
    std::string_view operator()(std::size_t r, bool& ok) const {
        const std::int64_t k = c.ints[r];
        ok = k >= 0 && std::size_t(k) < c.classNames.size();
        return ok ? std::string_view(c.classNames[std::size_t(k)]) : std::string_view();
    }
};
struct TextKey {
    const TableColumn& c;
    std::string operator()(std::size_t r, bool& ok) const {
        std::string k = keyText(c, r);
        ok = !k.empty();
        return k;
    }
};

// Adds every table's rows to the join, by key; `reader(t)` gives table t's key reader.
template <typename Key, typename MakeReader>
Result<void> joinOnKeys(const std::vector<JoinInput>& inputs, const std::vector<int>& keyColumns,
                        MakeReader reader, TableJoin& join) {
    std::unordered_map<Key, std::uint32_t> joined;
    joined.reserve(inputs.empty() ? 0 : inputs.front().table->rowCount());
    for (std::size_t t = 0; t < inputs.size(); ++t) {
        const PredictionTable& table = *inputs[t].table;
        const auto keyOf = reader(table.columns[std::size_t(keyColumns[t])]);
        auto& rows = join.rowOf[t];
        for (std::size_t r = 0; r < table.rowCount(); ++r) {
            bool ok = false;
            Key key = keyOf(r, ok);
            if (!ok) continue;  // a row without a key cannot be matched: left out
            auto [it, added] = joined.try_emplace(std::move(key), std::uint32_t(join.truth.size()));
            if (added) {
                join.truth.push_back(-1);
                for (auto& other : join.rowOf)
                    other.push_back(-1);
            } else if (rows[it->second] >= 0) {
                return makeError(
                    "the key '" + keyText(table.columns[std::size_t(keyColumns[t])], r) +
                    "' appears more than once in table " + std::to_string(t + 1) + " (column '" +
                    join.keyColumn + "'): choose a unique key column or join by row index");
            }
            rows[it->second] = std::int32_t(r);
        }
    }
    return {};
}

// Truths and predictions as indices into join.labels, interned by text.
class Labels {
public:
    explicit Labels(std::vector<std::string>& labels) : m_labels(labels) {}

    /// Label index of every row of `column` (-1 where missing); -1 everywhere for column -1.
    std::vector<std::int32_t> of(const PredictionTable& table, int column) {
        std::vector<std::int32_t> out(table.rowCount(), -1);
        if (column < 0) return out;
        const TableColumn& c = table.columns[std::size_t(column)];
        if (c.type == ColumnType::ClassLabel) {
            std::vector<std::int32_t> ids;
            for (const std::string& name : c.classNames)
                ids.push_back(intern(name));
            for (std::size_t r = 0; r < out.size(); ++r)
                if (c.ints[r] >= 0 && std::size_t(c.ints[r]) < ids.size())
                    out[r] = ids[std::size_t(c.ints[r])];
        } else if (c.type == ColumnType::String) {
            for (std::size_t r = 0; r < out.size(); ++r)
                if (!c.strings[r].empty()) out[r] = intern(c.strings[r]);
        } else {
            for (std::size_t r = 0; r < out.size(); ++r)
                if (std::string text = cellText(c, r); !text.empty()) out[r] = intern(text);
        }
        return out;
    }

private:
    std::int32_t intern(std::string_view text) {
        auto it = m_ids.find(std::string(text));
        if (it != m_ids.end()) return it->second;
        m_labels.emplace_back(text);
        return m_ids.emplace(std::string(text), std::int32_t(m_labels.size() - 1)).first->second;
    }

    std::vector<std::string>& m_labels;
    std::unordered_map<std::string, std::int32_t> m_ids;
};

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
            ok = ok && other >= 0 && in.table->columns[std::size_t(other)].type == column.type;
            if (ok) {  // unique and never missing: joined alone, every row is its own
                auto alone = joinTables({{in.table, -1, -1}}, column.name);
                ok = alone.ok() && alone.value().size() == in.table->rowCount();
            }
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

std::size_t TableJoin::keyTable(std::size_t j) const {
    for (std::size_t t = 0; t < rowOf.size(); ++t)
        if (rowOf[t][j] >= 0) return t;
    return 0;
}

Result<TableJoin> joinTables(const std::vector<JoinInput>& inputs, const std::string& keyColumn) {
    TableJoin join;
    join.keyColumn = keyColumn;
    join.rowOf.resize(inputs.size());
    if (keyColumn.empty()) {
        std::size_t rows = 0;
        for (const JoinInput& in : inputs)
            rows = std::max(rows, in.table->rowCount());
        join.truth.assign(rows, -1);
        for (std::size_t t = 0; t < inputs.size(); ++t) {
            join.rowOf[t].assign(rows, -1);
            for (std::size_t r = 0; r < inputs[t].table->rowCount(); ++r)
                join.rowOf[t][r] = std::int32_t(r);
        }
    } else {
        std::vector<int> keyColumns;
        bool sameType = true;
        for (std::size_t t = 0; t < inputs.size(); ++t) {
            const int c = columnNamed(*inputs[t].table, keyColumn);
            if (c < 0)
                return makeError("table " + std::to_string(t + 1) + " has no column '" + keyColumn +
                                 "' to join on");
            keyColumns.push_back(c);
            sameType = sameType && inputs[t].table->columns[std::size_t(c)].type ==
                                       inputs[0].table->columns[std::size_t(keyColumns[0])].type;
        }
        const ColumnType type = inputs.empty()
                                    ? ColumnType::String
                                    : inputs[0].table->columns[std::size_t(keyColumns[0])].type;
        Result<void> done;
        if (!sameType || type == ColumnType::NumberArray)
            done = joinOnKeys<std::string>(
                inputs, keyColumns, [](const TableColumn& c) { return TextKey{c}; }, join);
        else if (type == ColumnType::Number || type == ColumnType::Bool)
            done = joinOnKeys<std::uint64_t>(
                inputs, keyColumns, [](const TableColumn& c) { return NumberKey{c}; }, join);
        else if (type == ColumnType::Image)
            done = joinOnKeys<std::uint64_t>(
                inputs, keyColumns, [](const TableColumn& c) { return ImageKey{c}; }, join);
        else if (type == ColumnType::ClassLabel)
            done = joinOnKeys<std::string_view>(
                inputs, keyColumns, [](const TableColumn& c) { return ClassKey{c}; }, join);
        else
            done = joinOnKeys<std::string_view>(
                inputs, keyColumns, [](const TableColumn& c) { return StringKey{c}; }, join);
        if (!done.ok()) return done.error();
    }

    const std::size_t n = join.size();
    Labels labels(join.labels);
    for (std::size_t t = 0; t < inputs.size(); ++t) {
        const std::vector<std::int32_t> truth = labels.of(*inputs[t].table, inputs[t].truth);
        const std::vector<std::int32_t> pred = labels.of(*inputs[t].table, inputs[t].prediction);
        auto& outcome = join.outcome.emplace_back(n, Outcome::Missing);
        auto& predicted = join.predicted.emplace_back(n, -1);
        for (std::size_t j = 0; j < n; ++j) {
            const std::int32_t r = join.rowOf[t][j];
            if (r < 0) continue;
            const std::int32_t y = truth[std::size_t(r)], p = pred[std::size_t(r)];
            predicted[j] = p;
            outcome[j] = y < 0 || p < 0 ? Outcome::Unknown
                         : y == p       ? Outcome::Right
                                        : Outcome::Wrong;
            if (join.truth[j] < 0) join.truth[j] = y;
        }
    }
    return join;
}

std::string joinKeyText(const TableJoin& join, const std::vector<JoinInput>& inputs,
                        std::size_t j) {
    const std::size_t t = join.keyTable(j);
    const std::int32_t row = join.rowOf[t][j];
    if (join.keyColumn.empty() || row < 0) return std::to_string(j);
    const PredictionTable& table = *inputs[t].table;
    return keyText(table.columns[std::size_t(columnNamed(table, join.keyColumn))],
                   std::size_t(row));
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
                std::int32_t first = -1;
                for (std::size_t t = 0; t < tables && !pass; ++t) {
                    const std::int32_t p = join.predicted[t][j];
                    if (p < 0) continue;
                    if (first < 0)
                        first = p;
                    else
                        pass = p != first;
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
