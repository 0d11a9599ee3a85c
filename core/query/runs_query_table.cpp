// RunsQueryTable: thin QueryColumn adapters over RunInfo fields and snapshot value columns.
#include "core/query/runs_query_table.h"

#include <cmath>
#include <functional>

namespace runlens::query {
namespace {

using Runs = std::vector<RunInfo>;

class TextField final : public QueryColumn {
public:
    TextField(std::string name, const Runs& runs,
              std::function<const std::string&(const RunInfo&)> get)
        : QueryColumn(std::move(name), QueryColumnType::Text),
          m_runs(runs),
          m_get(std::move(get)) {}
    bool isNull(std::size_t row) const override { return m_get(m_runs[row]).empty(); }
    std::string_view text(std::size_t row) const override { return m_get(m_runs[row]); }

private:
    const Runs& m_runs;
    std::function<const std::string&(const RunInfo&)> m_get;
};

class StateField final : public QueryColumn {
public:
    explicit StateField(const Runs& runs)
        : QueryColumn("state", QueryColumnType::Text), m_runs(runs) {}
    bool isNull(std::size_t) const override { return false; }
    std::string_view text(std::size_t row) const override { return toString(m_runs[row].state); }

private:
    const Runs& m_runs;
};

class NumberField final : public QueryColumn {
public:
    NumberField(std::string name, QueryColumnType type, const Runs& runs,
                std::function<double(const RunInfo&)> get)
        : QueryColumn(std::move(name), type), m_runs(runs), m_get(std::move(get)) {}
    bool isNull(std::size_t row) const override { return std::isnan(m_get(m_runs[row])); }
    double number(std::size_t row) const override { return m_get(m_runs[row]); }

private:
    const Runs& m_runs;
    std::function<double(const RunInfo&)> m_get;
};

class TagsField final : public QueryColumn {
public:
    explicit TagsField(const Runs& runs)
        : QueryColumn("tags", QueryColumnType::List), m_runs(runs) {}
    bool isNull(std::size_t row) const override { return m_runs[row].tags.empty(); }
    std::span<const std::string> list(std::size_t row) const override { return m_runs[row].tags; }

private:
    const Runs& m_runs;
};

class ValueField final : public QueryColumn {
public:
    ValueField(std::string name, const ValueColumn& values)
        : QueryColumn(std::move(name), QueryColumnType::Mixed), m_values(values) {}
    bool isNull(std::size_t row) const override {
        return !m_values.has(row) || m_values.type(row) == ValueType::Null;
    }
    Value value(std::size_t row) const override { return m_values.value(row); }

private:
    const ValueColumn& m_values;
};

}  // namespace

RunsQueryTable::RunsQueryTable(const RunsSnapshot& snapshot) : m_snapshot(snapshot) {
    const Runs& runs = snapshot.runs;
    auto text = [&](const char* name, std::string RunInfo::*field,
                    std::vector<std::string> aliases = {}) {
        add(std::make_unique<TextField>(
                name, runs, [field](const RunInfo& r) -> const std::string& { return r.*field; }),
            aliases);
    };
    text("name", &RunInfo::name);
    add(std::make_unique<StateField>(runs), {});
    text("group", &RunInfo::group);
    text("job_type", &RunInfo::jobType, {"job"});
    text("project", &RunInfo::project);
    text("host", &RunInfo::host);
    text("sweep", &RunInfo::sweepUid);
    // The id a user sees and copies is the run's own id in its source; `uid` is the database's
    // (prefixed in a workspace of several sources).
    add(std::make_unique<TextField>("id", runs,
                                    [](const RunInfo& r) -> const std::string& {
                                        return r.sourceRunId.empty() ? r.uid : r.sourceRunId;
                                    }),
        {});
    text("uid", &RunInfo::uid);
    text("notes", &RunInfo::notes);
    text("commit", &RunInfo::gitCommit);
    text("source.format", &RunInfo::sourceFormat);
    add(std::make_unique<TextField>("source.path", runs,
                                    [](const RunInfo& r) -> const std::string& {
                                        return r.sourceRoot.empty() ? r.sourcePath : r.sourceRoot;
                                    }),
        {});
    add(std::make_unique<TagsField>(runs), {"tag"});
    add(std::make_unique<NumberField>("created", QueryColumnType::Time, runs,
                                      [](const RunInfo& r) { return r.startTime; }),
        {"start_time"});
    add(std::make_unique<NumberField>("finished", QueryColumnType::Time, runs,
                                      [](const RunInfo& r) { return r.endTime; }),
        {"end_time"});
    add(std::make_unique<NumberField>("runtime", QueryColumnType::Number, runs,
                                      [](const RunInfo& r) { return r.runtime; }),
        {});
    add(std::make_unique<NumberField>("deleted", QueryColumnType::Bool, runs,
                                      [](const RunInfo& r) { return r.deleted ? 1.0 : 0.0; }),
        {});
    add(std::make_unique<NumberField>(
            "exit_code", QueryColumnType::Number, runs,
            [](const RunInfo& r) { return r.exitCode ? double(*r.exitCode) : NAN; }),
        {});
    // Config first, so a key in both config and summary means the config value unless prefixed.
    for (const ValueColumn& c : snapshot.config)
        add(std::make_unique<ValueField>(c.key(), c), {"config." + c.key(), "config:" + c.key()});
    for (const ValueColumn& c : snapshot.summary)
        add(std::make_unique<ValueField>(c.key(), c), {"summary." + c.key(), "summary:" + c.key()});
}

RunsQueryTable::~RunsQueryTable() = default;

void RunsQueryTable::add(std::unique_ptr<QueryColumn> column,
                         const std::vector<std::string>& aliases) {
    const std::size_t index = m_columns.size();
    m_byName.emplace(column->name(), index);  // the first column with a name keeps it
    for (const std::string& alias : aliases)
        m_byName.emplace(alias, index);
    m_columns.push_back(std::move(column));
}

const QueryColumn* RunsQueryTable::findColumn(std::string_view name) const {
    auto it = m_byName.find(std::string(name));
    return it == m_byName.end() ? nullptr : m_columns[it->second].get();
}

std::string_view RunsQueryTable::rowName(std::size_t row) const {
    const RunInfo& r = m_snapshot.runs[row];
    return std::string_view(displayName(r));
}

}  // namespace runlens::query
