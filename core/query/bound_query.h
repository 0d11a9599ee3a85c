// BoundQuery: a Query resolved against one QueryTable, ready to filter its rows quickly.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "core/query/query.h"
#include "core/query/query_error.h"
#include "core/query/query_table.h"
#include "core/query/row_predicate.h"

namespace runlens::query {

/// The evaluation tree: boolean nodes over predicates, constants folded.
struct BoundNode {
    enum class Kind { All, None, And, Or, Not, Test };
    Kind kind = Kind::All;
    std::vector<std::unique_ptr<BoundNode>> children;
    std::unique_ptr<RowPredicate> test;
};

/// Binding resolves every key once (not per row), picks a typed loop for each condition, and
/// reports what only the table can tell: unknown keys (with a suggestion), operators a column
/// type does not support, class names a label column does not have.
///
///     auto bound = BoundQuery::bind(Query::parse(text), table);
///     if (!bound.ok()) underline(bound.error());
///     else visibleRows = bound.filter();
///
/// The table must outlive the BoundQuery and not change while it is used. filter() and
/// matches() are const and may run on several threads at once.
class BoundQuery {
public:
    /// Matches nothing, bound to nothing; for default-constructed members.
    BoundQuery() = default;

    /// Binds `query` to `table`; a query that failed to parse gives its parse error.
    static BoundQuery bind(const Query& query, const QueryTable& table);

    bool ok() const { return !m_error.has_value(); }
    const QueryError& error() const { return *m_error; }
    /// True when the filter was read as a plain name search (no comparison in it): the UI can
    /// say "searching names".
    bool isNameSearch() const { return m_nameSearch; }

    /// Every matching row index, ascending. Empty when !ok().
    std::vector<std::uint32_t> filter() const;
    /// The matching rows among `rows` (ascending; unsorted input is sorted first).
    std::vector<std::uint32_t> filter(std::span<const std::uint32_t> rows) const;
    bool matches(std::uint32_t row) const;

private:
    friend class QueryBinder;
    void run(const BoundNode& node, std::span<const std::uint32_t> in,
             std::vector<std::uint32_t>& out) const;

    const QueryTable* m_table = nullptr;
    std::shared_ptr<const BoundNode> m_root;
    /// Columns the filter computes (`probs[label]`), referred to by m_root.
    std::vector<std::shared_ptr<const QueryColumn>> m_computed;
    std::optional<QueryError> m_error;
    bool m_nameSearch = false;
};

}  // namespace runlens::query
