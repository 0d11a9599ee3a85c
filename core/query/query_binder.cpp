// QueryBinder: key resolution (exact, then case-insensitive, else a suggestion), per-type
// validation, and the choice of predicate for each condition.
#include "core/query/query_binder.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

#include "core/query/time_literal.h"

namespace runlens::query {
namespace {

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

// Edits (insert, delete, substitute, swap two neighbours) between a and b, ignoring ASCII case.
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> before(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const bool same = lower(a[i - 1]) == lower(b[j - 1]);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) &&
                lower(a[i - 2]) == lower(b[j - 1]))
                cur[j] = std::min(cur[j], before[j - 2] + 1);
        }
        std::swap(before, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

// The closest of `names` to `typed`: a small edit distance, else a name ending in "/typed" or
// ".typed" (acc -> val/acc, lr -> optimizer.lr).
template <typename Names>
std::string closest(std::string_view typed, const Names& names) {
    std::string best;
    std::size_t bestDistance = std::max<std::size_t>(1, typed.size() / 4) + 1;
    for (std::string_view name : names) {
        const std::size_t d = editDistance(typed, name);
        if (d < bestDistance) {
            bestDistance = d;
            best = std::string(name);
        }
    }
    if (!best.empty()) return best;
    for (std::string_view name : names) {
        if (name.size() > typed.size() + 1 &&
            equalsIgnoreCase(name.substr(name.size() - typed.size()), typed)) {
            const char sep = name[name.size() - typed.size() - 1];
            if (sep == '/' || sep == '.') return std::string(name);
        }
    }
    return best;
}

bool hasComparison(const Node& node) {
    if (node.kind == Node::Kind::Bare) return false;
    if (node.kind == Node::Kind::And || node.kind == Node::Kind::Or || node.kind == Node::Kind::Not)
        return std::any_of(node.children.begin(), node.children.end(),
                           [](const auto& child) { return hasComparison(*child); });
    return true;
}

std::unique_ptr<BoundNode> constant(bool value) {
    auto n = std::make_unique<BoundNode>();
    n->kind = value ? BoundNode::Kind::All : BoundNode::Kind::None;
    return n;
}

std::unique_ptr<BoundNode> test(std::unique_ptr<RowPredicate> predicate) {
    auto n = std::make_unique<BoundNode>();
    n->kind = BoundNode::Kind::Test;
    n->test = std::move(predicate);
    return n;
}

std::string quoted(const std::string& name) {
    return "'" + name + "'";
}

bool truthy(const QueryCell& c) {
    return c.kind == QueryCell::Kind::Bool ? c.number != 0 : c.kind != QueryCell::Kind::None;
}

}  // namespace

bool QueryBinder::Literal::isNan() const {
    return kind == Kind::Number && std::isnan(number);
}

QueryCell QueryBinder::Literal::cell() const {
    switch (kind) {
        case Kind::Number:
            return QueryCell::ofNumber(number);
        case Kind::Text:
            return QueryCell::ofText(text);
        case Kind::Bool:
            return QueryCell::ofBool(boolean);
        case Kind::Null:
            return {};
    }
    return {};
}

void QueryBinder::fail(Span span, std::string message) {
    m_error = QueryError{span.start, span.length, std::move(message)};
    throw Failure{};
}

std::shared_ptr<const BoundNode> QueryBinder::bind(const Node* root) {
    try {
        if (m_table.rowCount() > std::numeric_limits<std::uint32_t>::max())
            fail({}, "the table has too many rows to filter");
        if (!root) return constant(true);
        m_nameSearch = m_table.hasRowNames() && !hasComparison(*root);
        return bindNode(*root);
    } catch (const Failure&) {
        return nullptr;
    }
}

std::unique_ptr<BoundNode> QueryBinder::bindNode(const Node& node) {
    switch (node.kind) {
        case Node::Kind::And:
        case Node::Kind::Or: {
            // Bind every child first so that an error anywhere is reported, then fold constants.
            const bool isAnd = node.kind == Node::Kind::And;
            const auto absorbing = isAnd ? BoundNode::Kind::None : BoundNode::Kind::All;
            const auto neutral = isAnd ? BoundNode::Kind::All : BoundNode::Kind::None;
            auto result = std::make_unique<BoundNode>();
            result->kind = isAnd ? BoundNode::Kind::And : BoundNode::Kind::Or;
            bool absorbed = false;
            for (const auto& child : node.children) {
                auto bound = bindNode(*child);
                if (bound->kind == absorbing) absorbed = true;
                if (bound->kind != neutral) result->children.push_back(std::move(bound));
            }
            if (absorbed) return constant(!isAnd);
            if (result->children.empty()) return constant(isAnd);
            if (result->children.size() == 1) return std::move(result->children.front());
            return result;
        }
        case Node::Kind::Not: {
            auto child = bindNode(*node.children.front());
            if (child->kind == BoundNode::Kind::All) return constant(false);
            if (child->kind == BoundNode::Kind::None) return constant(true);
            auto result = std::make_unique<BoundNode>();
            result->kind = BoundNode::Kind::Not;
            result->children.push_back(std::move(child));
            return result;
        }
        case Node::Kind::Compare:
            return bindCompare(node);
        case Node::Kind::In:
            return bindIn(node);
        case Node::Kind::Contains:
            return bindContains(node);
        case Node::Kind::Match:
            return bindMatch(node);
        case Node::Kind::Bare:
            return bindBare(node);
    }
    return constant(false);
}

namespace {

// One element of a list-of-numbers column per row: at a fixed index, or at the index another
// column gives (a class label's index, or a whole number).
class SubscriptColumn final : public QueryColumn {
public:
    SubscriptColumn(std::string name, const QueryColumn& base, const QueryColumn* index,
                    double fixed)
        : QueryColumn(std::move(name), QueryColumnType::Number),
          m_base(base),
          m_index(index),
          m_fixed(fixed) {}

    bool isNull(std::size_t row) const override { return !element(row); }
    double number(std::size_t row) const override {
        const double* v = element(row);
        return v ? *v : std::nan("");
    }

private:
    const double* element(std::size_t row) const {
        double k = m_fixed;
        if (m_index) {
            if (m_index->isNull(row)) return nullptr;
            k = m_index->type() == QueryColumnType::Category ? double(m_index->category(row))
                                                             : m_index->number(row);
        }
        const std::span<const double> values = m_base.numbers(row);
        if (!(k >= 0) || k != std::floor(k) || k >= double(values.size())) return nullptr;
        return &values[std::size_t(k)];
    }

    const QueryColumn& m_base;
    const QueryColumn* m_index;
    double m_fixed;
};

}  // namespace

const QueryColumn* QueryBinder::subscripted(const QueryColumn& base, const Operand& operand) {
    if (base.type() != QueryColumnType::NumberArray)
        fail(operand.span, quoted(base.name()) +
                               " is not a list of numbers; [ ] picks one of "
                               "the numbers of such a key, as in probs[label]");
    const Operand::Subscript& s = operand.index;
    const QueryColumn* index = nullptr;
    if (s.byKey) {
        Operand key;
        key.kind = Operand::Kind::Word;
        key.text = s.key;
        key.span = s.span;
        index = &requireKey(key);
        const QueryColumnType t = index->type();
        if (t != QueryColumnType::Category && t != QueryColumnType::Number &&
            t != QueryColumnType::Bool)
            fail(s.span, quoted(index->name()) +
                             " cannot index a list: use a class label or a whole number");
    } else if (!(s.number >= 0) || s.number != std::floor(s.number)) {
        fail(s.span, "an index is a whole number from 0");
    }
    const std::string name = base.name() + "[" + (s.byKey ? index->name() : s.key) + "]";
    m_computed.push_back(
        std::make_shared<const SubscriptColumn>(name, base, index, s.byKey ? 0.0 : s.number));
    return m_computed.back().get();
}

const QueryColumn* QueryBinder::findKey(const Operand& operand) {
    if (!operand.isKeyLike()) return nullptr;
    if (operand.index.present) {
        Operand base = operand;
        base.index = {};
        base.span.length = operand.text.size();
        const QueryColumn& column = requireKey(base);
        return subscripted(column, operand);
    }
    if (const QueryColumn* exact = m_table.findColumn(operand.text)) return exact;
    // Keys are case-sensitive, but a unique case-insensitive match is what the user meant.
    const QueryColumn* found = nullptr;
    for (std::size_t i = 0, n = m_table.columnCount(); i < n; ++i) {
        const QueryColumn& c = m_table.column(i);
        if (!equalsIgnoreCase(c.name(), operand.text)) continue;
        if (found)
            fail(operand.span, "key " + quoted(operand.text) + " matches both " +
                                   quoted(found->name()) + " and " + quoted(c.name()) +
                                   "; keys are case-sensitive");
        found = &c;
    }
    return found;
}

const QueryColumn& QueryBinder::requireKey(const Operand& operand) {
    if (const QueryColumn* c = findKey(operand)) return *c;
    std::vector<std::string_view> names;
    for (std::size_t i = 0, n = m_table.columnCount(); i < n; ++i)
        names.push_back(m_table.column(i).name());
    const std::string suggestion = closest(operand.text, names);
    fail(operand.span,
         "unknown key " + quoted(operand.text) +
             (suggestion.empty() ? "" : "; did you mean " + quoted(suggestion) + "?"));
}

QueryBinder::Literal QueryBinder::literalOf(const Operand& operand) {
    Literal l;
    l.span = operand.span;
    l.text = operand.text;
    switch (operand.kind) {
        case Operand::Kind::Number:
            l.kind = Literal::Kind::Number;
            l.number = operand.number;
            break;
        case Operand::Kind::Bool:
            l.kind = Literal::Kind::Bool;
            l.boolean = operand.boolean;
            break;
        case Operand::Kind::Null:
            l.kind = Literal::Kind::Null;
            break;
        default:
            l.kind = Literal::Kind::Text;
            break;  // strings, and words that are not keys
    }
    return l;
}

std::unique_ptr<BoundNode> QueryBinder::bindBare(const Node& node) {
    const Operand& term = node.lhs;
    auto truth = [](const QueryColumn& c) { return test(cellPredicate(c, truthy)); };
    if (term.kind == Operand::Kind::Key) return truth(requireKey(term));
    if (term.kind == Operand::Kind::Word && !m_nameSearch) {
        if (const QueryColumn* c = findKey(term)) return truth(*c);
    }
    if (m_table.hasRowNames()) return test(nameSearchPredicate(m_table, TextNeedle(term.text)));
    if (term.kind == Operand::Kind::Word) {
        // `cat` typed into a prediction table most likely means a class.
        for (std::size_t i = 0, n = m_table.columnCount(); i < n; ++i) {
            const QueryColumn& c = m_table.column(i);
            if (c.type() != QueryColumnType::Category) continue;
            for (const std::string& className : c.categoryNames())
                if (equalsIgnoreCase(className, term.text))
                    fail(term.span, "unknown key " + quoted(term.text) + "; did you mean " +
                                        c.name() + " == \"" + className + "\"?");
        }
        return truth(requireKey(term));
    }
    fail(term.span, "these rows have no names to search; compare a column instead, e.g. x == " +
                        (term.kind == Operand::Kind::String ? "\"" + term.text + "\"" : term.text));
}

std::unique_ptr<BoundNode> QueryBinder::bindCompare(const Node& node) {
    const Operand& lhs = node.lhs;
    const Operand& rhs = node.rhs;
    const QueryColumn* left = findKey(lhs);
    const QueryColumn* right = findKey(rhs);
    if (lhs.kind == Operand::Kind::Key && !left) requireKey(lhs);
    if (rhs.kind == Operand::Kind::Key && !right) requireKey(rhs);
    // A word that is not a key is a value (optimizer == adam), as long as one side is a key.
    if (!left && !right) {
        if (lhs.kind == Operand::Kind::Word) requireKey(lhs);
        if (rhs.kind == Operand::Kind::Word) requireKey(rhs);
    }
    if (left && right) return bindColumns(*left, lhs.span, node.op, *right, rhs.span);
    if (left) return bindColumnLiteral(*left, lhs.span, node.op, literalOf(rhs));
    if (right) return bindColumnLiteral(*right, rhs.span, mirrored(node.op), literalOf(lhs));

    // Two literals: a constant, under the same rules as cells.
    const Literal a = literalOf(lhs);
    const Literal b = literalOf(rhs);
    const bool equal = node.op == CompareOp::Equal;
    if (a.kind == Literal::Kind::Null || b.kind == Literal::Kind::Null) {
        const bool both = a.kind == b.kind;
        return constant(equal ? both : (node.op == CompareOp::NotEqual && !both));
    }
    if (a.isNan() || b.isNan()) {
        const bool both = a.isNan() && b.isNan();
        return constant(equal ? both : (node.op == CompareOp::NotEqual && !both));
    }
    return constant(compareCells(a.cell(), node.op, b.cell()));
}

std::unique_ptr<BoundNode> QueryBinder::bindColumnLiteral(const QueryColumn& column,
                                                          Span columnSpan, CompareOp op,
                                                          const Literal& literal) {
    const QueryColumnType type = column.type();
    const std::string& name = column.name();
    if (literal.kind == Literal::Kind::Null) {  // the parser allows only == and != with null
        return test(nullPredicate(column, op == CompareOp::Equal));
    }
    if (type == QueryColumnType::List)
        fail(columnSpan, quoted(name) + " is a list: use " + name + " contains \"...\"");
    if (type == QueryColumnType::Presence)
        fail(columnSpan, quoted(name) + " is an image column: only == null and != null apply");
    if (type == QueryColumnType::NumberArray)
        fail(
            columnSpan,
            quoted(name) + " is a number array: only contains <number>, == null and != null apply");
    if (literal.isNan()) {
        if (type == QueryColumnType::Category)
            fail(literal.span, quoted(name) + " holds class labels, which are never nan");
        const bool wantNan = op == CompareOp::Equal;
        if (type == QueryColumnType::Number || type == QueryColumnType::Time)
            return test(nanPredicate(column, wantNan));
        return test(cellPredicate(column, [wantNan](const QueryCell& c) {
            return wantNan ? isNanCell(c) : c.kind != QueryCell::Kind::None && !isNanCell(c);
        }));
    }
    switch (type) {
        case QueryColumnType::Number:
        case QueryColumnType::Bool:
        case QueryColumnType::Time: {
            if (type == QueryColumnType::Bool && literal.kind == Literal::Kind::Text &&
                op != CompareOp::Equal && op != CompareOp::NotEqual &&
                !numberFromText(literal.text))
                fail(literal.span, "true and false cannot be ordered; use == or !=");
            const NumberRange range = numberRangeFor(column, literal);
            return test(numberPredicate(column, op, range));
        }
        case QueryColumnType::Text:
            if (literal.kind == Literal::Kind::Text)
                return test(textPredicate(column, op, literal.text));
            break;
        case QueryColumnType::Category:
            if (literal.kind == Literal::Kind::Text &&
                (op == CompareOp::Equal || op == CompareOp::NotEqual))
                requireClassName(column, literal);
            break;
        default:
            break;
    }
    return test(cellPredicate(
        column, [literal, op](const QueryCell& c) { return compareCells(c, op, literal.cell()); }));
}

std::unique_ptr<BoundNode> QueryBinder::bindColumns(const QueryColumn& left, Span leftSpan,
                                                    CompareOp op, const QueryColumn& right,
                                                    Span rightSpan) {
    for (auto [column, span] : {std::pair{&left, leftSpan}, std::pair{&right, rightSpan}}) {
        const QueryColumnType t = column->type();
        if (t == QueryColumnType::List || t == QueryColumnType::Presence ||
            t == QueryColumnType::NumberArray)
            fail(span, quoted(column->name()) + " is a " + toString(t) +
                           " column and cannot be compared with another column");
    }
    return test(columnsPredicate(left, op, right));
}

NumberRange QueryBinder::numberRangeFor(const QueryColumn& column, const Literal& literal) {
    const QueryColumnType type = column.type();
    const std::string& name = column.name();
    switch (literal.kind) {
        case Literal::Kind::Number:
            return {literal.number, literal.number};
        case Literal::Kind::Bool:
            if (type == QueryColumnType::Time)
                fail(literal.span, quoted(name) + " is a time and cannot be true or false");
            return literal.boolean ? NumberRange{1, 1} : NumberRange{0, 0};
        case Literal::Kind::Text: {
            if (type == QueryColumnType::Time) {
                if (auto range = parseTimeLiteral(literal.text)) return *range;
            }
            if (type == QueryColumnType::Bool &&
                (equalsIgnoreCase(literal.text, "true") || equalsIgnoreCase(literal.text, "false")))
                return equalsIgnoreCase(literal.text, "true") ? NumberRange{1, 1}
                                                              : NumberRange{0, 0};
            if (auto n = numberFromText(literal.text)) return {*n, *n};
            if (type == QueryColumnType::Time)
                fail(literal.span,
                     "expected a date like \"2024-03-01\" or \"2024-03-01 14:30\" "
                     "to compare with " +
                         quoted(name));
            if (type == QueryColumnType::Bool)
                fail(literal.span,
                     quoted(name) + " is true or false; compare it with true or false");
            fail(literal.span,
                 quoted(name) + " holds numbers, and \"" + literal.text + "\" is not a number");
        }
        case Literal::Kind::Null:
            break;
    }
    fail(literal.span, "expected a number");
}

void QueryBinder::requireClassName(const QueryColumn& column, const Literal& literal) {
    const auto names = column.categoryNames();
    if (std::find(names.begin(), names.end(), literal.text) != names.end()) return;
    std::vector<std::string_view> views(names.begin(), names.end());
    const std::string suggestion = closest(literal.text, views);
    fail(literal.span, quoted(column.name()) + " has no class \"" + literal.text + "\"" +
                           (suggestion.empty() ? "" : "; did you mean \"" + suggestion + "\"?"));
}

std::unique_ptr<BoundNode> QueryBinder::bindIn(const Node& node) {
    const QueryColumn& column = requireKey(node.lhs);
    const QueryColumnType type = column.type();
    if (type == QueryColumnType::List)
        fail(node.lhs.span,
             quoted(column.name()) + " is a list: use " + column.name() + " contains \"...\"");
    if (type == QueryColumnType::Presence || type == QueryColumnType::NumberArray)
        fail(node.lhs.span, quoted(column.name()) + " is a " + toString(type) +
                                " column: only == null and != null apply");
    std::vector<Literal> items;
    for (const Operand& o : node.list)
        items.push_back(literalOf(o));
    const bool negated = node.negated;

    if (type == QueryColumnType::Number || type == QueryColumnType::Bool ||
        type == QueryColumnType::Time) {
        std::vector<NumberRange> ranges;
        bool matchNull = false, matchNan = false;
        for (const Literal& item : items) {
            if (item.kind == Literal::Kind::Null)
                matchNull = true;
            else if (item.isNan())
                matchNan = true;
            else
                ranges.push_back(numberRangeFor(column, item));
        }
        return test(numberInPredicate(column, std::move(ranges), matchNull, matchNan, negated));
    }
    if (type == QueryColumnType::Category)
        for (const Literal& item : items)
            if (item.kind == Literal::Kind::Text) requireClassName(column, item);

    const bool matchNull = std::any_of(
        items.begin(), items.end(), [](const Literal& l) { return l.kind == Literal::Kind::Null; });
    const bool matchNan =
        std::any_of(items.begin(), items.end(), [](const Literal& l) { return l.isNan(); });
    std::erase_if(items,
                  [](const Literal& l) { return l.kind == Literal::Kind::Null || l.isNan(); });
    return test(cellPredicate(column, [items, matchNull, matchNan, negated](const QueryCell& c) {
        if (!isUsable(c)) {
            if (negated) return false;
            return c.kind == QueryCell::Kind::None ? matchNull : (matchNan && isNanCell(c));
        }
        bool in = matchNan && isNanCell(c);
        for (const Literal& item : items) {
            if (in) break;
            in = cellsEqual(c, item.cell());
        }
        return in != negated;
    }));
}

std::unique_ptr<BoundNode> QueryBinder::bindContains(const Node& node) {
    const QueryColumn& column = requireKey(node.lhs);
    const std::string& name = column.name();
    const bool negated = node.negated;
    switch (column.type()) {
        case QueryColumnType::Presence:
            fail(node.lhs.span,
                 quoted(name) + " is an image column: only == null and != null apply");
        case QueryColumnType::Time:
            fail(
                node.lhs.span,
                quoted(name) + " is a time: compare it with < or > and a date like \"2024-03-01\"");
        case QueryColumnType::NumberArray: {
            const auto n = numberFromText(node.rhs.text);
            if (!n)
                fail(node.rhs.span,
                     quoted(name) + " holds numbers: expected a number after contains");
            return test(arrayContainsPredicate(column, *n, negated));
        }
        case QueryColumnType::List: {
            TextNeedle needle(node.rhs.text);
            return test(cellPredicate(column, [needle, negated](const QueryCell& c) {
                if (c.kind != QueryCell::Kind::List) return false;
                const bool found =
                    std::any_of(c.items.begin(), c.items.end(),
                                [&](const std::string& item) { return needle.equals(item); });
                return found != negated;
            }));
        }
        default:
            break;
    }
    TextNeedle needle(node.rhs.text);
    return test(cellPredicate(column, [needle, negated](const QueryCell& c) {
        if (!isUsable(c)) return false;
        std::string scratch;
        return needle.foundIn(displayText(c, scratch)) != negated;
    }));
}

std::unique_ptr<BoundNode> QueryBinder::bindMatch(const Node& node) {
    const QueryColumn& column = requireKey(node.lhs);
    const QueryColumnType type = column.type();
    if (type == QueryColumnType::Presence || type == QueryColumnType::NumberArray ||
        type == QueryColumnType::Time)
        fail(node.lhs.span, quoted(column.name()) + " is a " + toString(type) +
                                " column: regular expressions apply to text");
    return test(matchPredicate(column, node.regex, node.negated));
}

}  // namespace runlens::query
