// QueryBinder: resolves a syntax tree's keys against a QueryTable and builds the evaluation tree.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "core/query/bound_query.h"
#include "core/query/query_ast.h"
#include "core/query/query_error.h"
#include "core/query/query_predicates.h"
#include "core/query/query_table.h"

namespace runlens::query {

/// Internal to BoundQuery::bind. One binder per bind.
class QueryBinder {
public:
    explicit QueryBinder(const QueryTable& table) : m_table(table) {}

    /// The evaluation tree (a null root gives "all rows"), or nullptr with error() set.
    std::shared_ptr<const BoundNode> bind(const Node* root);
    const QueryError& error() const { return *m_error; }
    bool nameSearch() const { return m_nameSearch; }
    /// Columns made for subscripts (`probs[label]`): the bound query keeps them alive.
    std::vector<std::shared_ptr<const QueryColumn>> computedColumns() const { return m_computed; }

private:
    struct Failure {};
    /// A literal after resolution (a word that is not a key, on the value side, is a string).
    struct Literal {
        enum class Kind { Number, Text, Bool, Null };
        Kind kind = Kind::Null;
        double number = 0;
        std::string text;
        bool boolean = false;
        Span span;
        bool isNan() const;
        QueryCell cell() const;
    };

    std::unique_ptr<BoundNode> bindNode(const Node& node);
    std::unique_ptr<BoundNode> bindBare(const Node& node);
    std::unique_ptr<BoundNode> bindCompare(const Node& node);
    std::unique_ptr<BoundNode> bindColumnLiteral(const QueryColumn& column, Span columnSpan,
                                                 CompareOp op, const Literal& literal);
    std::unique_ptr<BoundNode> bindColumns(const QueryColumn& left, Span leftSpan, CompareOp op,
                                           const QueryColumn& right, Span rightSpan);
    std::unique_ptr<BoundNode> bindIn(const Node& node);
    std::unique_ptr<BoundNode> bindContains(const Node& node);
    std::unique_ptr<BoundNode> bindMatch(const Node& node);

    /// The column an operand names, or nullptr; fails on an ambiguous case-insensitive match.
    const QueryColumn* findKey(const Operand& operand);
    /// The column, or an "unknown key" failure with a suggestion.
    const QueryColumn& requireKey(const Operand& operand);
    static Literal literalOf(const Operand& operand);
    /// A literal as a number or interval for a Number, Bool or Time column, or a failure.
    NumberRange numberRangeFor(const QueryColumn& column, const Literal& literal);
    void requireClassName(const QueryColumn& column, const Literal& literal);

    [[noreturn]] void fail(Span span, std::string message);

    /// The computed column for a subscripted operand, or a failure saying what is wrong.
    const QueryColumn* subscripted(const QueryColumn& base, const Operand& operand);

    const QueryTable& m_table;
    std::vector<std::shared_ptr<const QueryColumn>> m_computed;
    std::optional<QueryError> m_error;
    bool m_nameSearch = false;
};

}  // namespace runlens::query
