// RunsQueryTable: the runs snapshot as a QueryTable, so the filter language runs over runs.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/query/query_table.h"
#include "core/store/runs_snapshot.h"

namespace runlens::query {

/// Columns: the run fields name, state, group, job_type, project, host, sweep, id (the run's id
/// in its source), uid (the database's run uid), notes, commit, source.format, source.path (the
/// source root in a workspace, else the path the run was read from) (Text), tags (List), created
/// and finished (Time), deleted (Bool), runtime and exit_code (Number); then every config and
/// summary key as a Mixed column under its own name
/// (`optimizer.lr`, `val/acc`). A key present in both config and summary, or named like a run
/// field, is reached with a prefix: `config.lr`, `summary.lr` (also `config:lr`).
/// Bare words search the run name. The snapshot must outlive the table.
class RunsQueryTable final : public QueryTable {
public:
    explicit RunsQueryTable(const RunsSnapshot& snapshot);
    ~RunsQueryTable() override;

    std::size_t rowCount() const override { return m_snapshot.runs.size(); }
    std::size_t columnCount() const override { return m_columns.size(); }
    const QueryColumn& column(std::size_t index) const override { return *m_columns[index]; }
    const QueryColumn* findColumn(std::string_view name) const override;
    bool hasRowNames() const override { return true; }
    std::string_view rowName(std::size_t row) const override;

private:
    void add(std::unique_ptr<QueryColumn> column, const std::vector<std::string>& aliases);

    const RunsSnapshot& m_snapshot;
    std::vector<std::unique_ptr<QueryColumn>> m_columns;
    std::unordered_map<std::string, std::size_t> m_byName;
};

}  // namespace runlens::query
