// RunsSnapshot: every run with its config and summary, columnar, immutable once read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/model/run_info.h"
#include "core/model/value.h"
#include "core/store/workspace_sources.h"

namespace runlens {

/// One config or summary key across all runs of a snapshot: a typed cell per run.
/// Compact for 10,000 runs x 200 keys: 13 bytes a cell, texts interned per column.
class ValueColumn {
public:
    static constexpr std::uint8_t kMissing = 0xFF;  ///< the run has no value for this key

    ValueColumn() = default;
    ValueColumn(std::string key, std::size_t rows);

    const std::string& key() const { return m_key; }
    std::size_t size() const { return m_types.size(); }

    bool has(std::size_t row) const { return m_types[row] != kMissing; }
    /// ValueType of the cell; meaningless when !has(row).
    ValueType type(std::size_t row) const { return ValueType(m_types[row]); }
    /// The number (bools as 0/1); NaN for other types and missing cells.
    double number(std::size_t row) const { return m_numbers[row]; }
    /// String or JSON text; empty otherwise.
    std::string_view text(std::size_t row) const;
    /// The cell as a Value (null when missing).
    Value value(std::size_t row) const;

    /// True when every run has the same value (missing counts as a value of its own).
    bool isConstant() const;
    /// True when every present cell is a number or bool (so the column sorts numerically).
    bool isNumeric() const { return m_numeric; }

    void set(std::size_t row, const Value& v);

private:
    std::string m_key;
    std::vector<std::uint8_t> m_types;
    std::vector<double> m_numbers;
    std::vector<std::uint32_t> m_textIds;
    std::vector<std::string> m_texts;
    std::unordered_map<std::string, std::uint32_t> m_textIndex;
    bool m_numeric = true;
};

struct RunsSnapshot {
    std::vector<RunInfo> runs;         ///< ordered by id
    std::vector<ValueColumn> config;   ///< ordered by key
    std::vector<ValueColumn> summary;  ///< ordered by key
    std::int64_t dataVersion = 0;      ///< changes when another connection commits
    /// For a workspace cache: the sources its runs were imported from (empty otherwise).
    std::vector<WorkspaceSource> sources;

    /// Row of a run id, or -1.
    int rowOf(RunId id) const;
    const ValueColumn* findConfig(std::string_view key) const;
    const ValueColumn* findSummary(std::string_view key) const;
};

}  // namespace runlens
