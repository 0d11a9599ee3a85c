// QueryParser: builds the syntax tree and reports the first error with its position.
#include "core/query/query_parser.h"

#include <QString>

namespace runlens::query {
namespace {

constexpr int kMaxDepth = 200;  // nesting beyond this is not a filter anyone types

std::optional<CompareOp> compareOp(TokenKind kind) {
    switch (kind) {
        case TokenKind::Less:
            return CompareOp::Less;
        case TokenKind::LessEqual:
            return CompareOp::LessEqual;
        case TokenKind::Greater:
            return CompareOp::Greater;
        case TokenKind::GreaterEqual:
            return CompareOp::GreaterEqual;
        case TokenKind::Equal:
            return CompareOp::Equal;
        case TokenKind::NotEqual:
            return CompareOp::NotEqual;
        default:
            return std::nullopt;
    }
}

Span join(Span a, Span b) {
    return {a.start, b.start + b.length - a.start};
}

std::string spelling(const Token& t) {
    if (t.kind == TokenKind::Word || t.kind == TokenKind::Number) return "'" + t.text + "'";
    if (t.kind == TokenKind::String) return "the string \"" + t.text + "\"";
    if (t.kind == TokenKind::Key) return "the key `" + t.text + "`";
    if (t.kind == TokenKind::And || t.kind == TokenKind::Or || t.kind == TokenKind::Not ||
        t.kind == TokenKind::Equal)
        return "'" + t.text + "'";  // as typed: && or and, = or ==
    return describe(t.kind);
}

}  // namespace

const Token& QueryParser::peek() {
    if (!m_started) {
        m_current = m_lexer.next();
        m_started = true;
    }
    if (m_current.kind == TokenKind::Error) fail(m_current.start, m_current.length, m_current.text);
    return m_current;
}

const Token& QueryParser::peekSecond() {
    peek();
    if (!m_lookahead) m_lookahead = m_lexer.next();
    if (m_lookahead->kind == TokenKind::Error)
        fail(m_lookahead->start, m_lookahead->length, m_lookahead->text);
    return *m_lookahead;
}

Token QueryParser::take() {
    Token t = peek();
    if (m_lookahead) {
        m_current = std::move(*m_lookahead);
        m_lookahead.reset();
    } else {
        m_current = m_lexer.next();
    }
    return t;
}

void QueryParser::fail(std::size_t start, std::size_t length, std::string message) {
    if (!m_error) m_error = QueryError{start, length, std::move(message)};
    throw Failure{};
}

void QueryParser::failAt(const Token& token, std::string message) {
    fail(token.start, token.length, std::move(message));
}

void QueryParser::expectedAfter(const Token& op, const std::string& what) {
    const Token& next = peek();
    const std::string message = "expected " + what + " after " + spelling(op);
    if (next.kind == TokenKind::End) failAt(op, message);
    failAt(next, message + ", found " + spelling(next));
}

bool QueryParser::startsOperand(TokenKind kind) const {
    switch (kind) {
        case TokenKind::Word:
        case TokenKind::Key:
        case TokenKind::String:
        case TokenKind::Number:
        case TokenKind::True:
        case TokenKind::False:
        case TokenKind::Null:
            return true;
        default:
            return false;
    }
}

bool QueryParser::startsCondition(TokenKind kind) const {
    return startsOperand(kind) || kind == TokenKind::LParen || kind == TokenKind::Not;
}

std::unique_ptr<Node> QueryParser::parse() {
    try {
        if (peek().kind == TokenKind::End) return nullptr;
        auto root = parseOr();
        const Token& rest = peek();
        if (rest.kind == TokenKind::RParen) failAt(rest, "unmatched ')'");
        if (rest.kind != TokenKind::End) failAt(rest, "unexpected " + spelling(rest));
        return root;
    } catch (const Failure&) {
        return nullptr;
    }
}

std::unique_ptr<Node> QueryParser::parseOr() {
    auto first = parseAnd();
    if (peek().kind != TokenKind::Or) return first;
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::Or;
    node->span = first->span;
    node->children.push_back(std::move(first));
    while (peek().kind == TokenKind::Or) {
        const Token op = take();
        if (!startsCondition(peek().kind)) expectedAfter(op, "a condition");
        node->children.push_back(parseAnd());
        node->span = join(node->span, node->children.back()->span);
    }
    return node;
}

std::unique_ptr<Node> QueryParser::parseAnd() {
    auto first = parseUnary();
    std::unique_ptr<Node> node;
    for (;;) {
        const TokenKind kind = peek().kind;
        if (kind == TokenKind::And) {
            const Token op = take();
            if (!startsCondition(peek().kind)) expectedAfter(op, "a condition");
        } else if (!startsCondition(kind)) {
            break;  // juxtaposition (`resnet lr < 0.1`) is an implicit 'and'
        }
        if (!node) {
            node = std::make_unique<Node>();
            node->kind = Node::Kind::And;
            node->span = first->span;
            node->children.push_back(std::move(first));
        }
        node->children.push_back(parseUnary());
        node->span = join(node->span, node->children.back()->span);
    }
    return node ? std::move(node) : std::move(first);
}

std::unique_ptr<Node> QueryParser::parseUnary() {
    if (peek().kind != TokenKind::Not) return parsePrimary();
    const Token op = take();
    if (!startsCondition(peek().kind)) expectedAfter(op, "a condition");
    if (++m_depth > kMaxDepth) failAt(op, "the filter is nested too deeply");
    auto node = std::make_unique<Node>();
    node->kind = Node::Kind::Not;
    node->children.push_back(parseUnary());
    node->span = join({op.start, op.length}, node->children.back()->span);
    --m_depth;
    return node;
}

std::unique_ptr<Node> QueryParser::parsePrimary() {
    const Token& t = peek();
    if (t.kind == TokenKind::LParen) {
        const Token open = take();
        if (++m_depth > kMaxDepth) failAt(open, "the filter is nested too deeply");
        if (peek().kind == TokenKind::RParen)
            fail(open.start, peek().start + 1 - open.start, "expected a condition inside ( )");
        auto inner = parseOr();
        const Token& close = peek();
        if (close.kind == TokenKind::End) failAt(open, "missing ')' for this '('");
        if (close.kind != TokenKind::RParen) failAt(close, "unexpected " + spelling(close));
        inner->span = join({open.start, 1}, {close.start, 1});
        take();
        --m_depth;
        return inner;
    }
    if (startsOperand(t.kind)) return parseTerm();
    if (t.kind == TokenKind::RParen) failAt(t, "unmatched ')'");
    if (compareOp(t.kind) || t.kind == TokenKind::In || t.kind == TokenKind::Contains ||
        t.kind == TokenKind::Match || t.kind == TokenKind::NotMatch)
        failAt(t, "expected a key before " + spelling(t));
    if (t.kind == TokenKind::And || t.kind == TokenKind::Or)
        failAt(t, "expected a condition before " + spelling(t));
    failAt(t, "unexpected " + spelling(t));
}

Operand QueryParser::takeOperand() {
    const Token t = take();
    Operand o;
    o.span = {t.start, t.length};
    o.text = t.text;
    switch (t.kind) {
        case TokenKind::Word:
            o.kind = Operand::Kind::Word;
            break;
        case TokenKind::Key:
            o.kind = Operand::Kind::Key;
            break;
        case TokenKind::String:
            o.kind = Operand::Kind::String;
            break;
        case TokenKind::Number:
            o.kind = Operand::Kind::Number;
            o.number = t.number;
            break;
        case TokenKind::True:
        case TokenKind::False:
            o.kind = Operand::Kind::Bool;
            o.boolean = t.kind == TokenKind::True;
            break;
        default:
            o.kind = Operand::Kind::Null;
            break;
    }
    if (o.isKeyLike() && peek().kind == TokenKind::LBracket) {  // probs[label], probs[3]
        const Token open = take();
        const Token index = take();
        if (index.kind != TokenKind::Word && index.kind != TokenKind::Key &&
            index.kind != TokenKind::Number)
            failAt(index, "expected a key or a number inside '[ ]', as in probs[label]");
        const Token close = take();
        if (close.kind != TokenKind::RBracket) failAt(open, "missing ']' for this '['");
        o.index.present = true;
        o.index.byKey = index.kind != TokenKind::Number;
        o.index.key = index.text;
        o.index.number = index.number;
        o.index.span = {index.start, index.length};
        o.span.length = close.start + close.length - o.span.start;
    }
    return o;
}

std::unique_ptr<Node> QueryParser::parseTerm() {
    Operand first = takeOperand();
    const Token& t = peek();
    if (compareOp(t.kind)) return parseComparisons(std::move(first));

    bool negated = false;
    if (t.kind == TokenKind::Not) {
        const TokenKind after = peekSecond().kind;
        if (after != TokenKind::In && after != TokenKind::Contains) {
            // `resnet not vit`: an implicit 'and not', handled by parseAnd.
            auto bare = std::make_unique<Node>();
            bare->span = first.span;
            bare->lhs = std::move(first);
            return bare;
        }
        take();
        negated = true;
    }
    const TokenKind kind = peek().kind;
    if (kind != TokenKind::In && kind != TokenKind::Contains && kind != TokenKind::Match &&
        kind != TokenKind::NotMatch) {
        auto bare = std::make_unique<Node>();
        bare->span = first.span;
        bare->lhs = std::move(first);
        return bare;
    }
    const Token op = take();
    if (!first.isKeyLike())
        fail(first.span.start, first.span.length, "expected a key before " + spelling(op));
    auto node = std::make_unique<Node>();
    node->opSpan = {op.start, op.length};
    node->negated = negated || op.kind == TokenKind::NotMatch;
    node->lhs = std::move(first);
    if (op.kind == TokenKind::In) {
        node->kind = Node::Kind::In;
        parseList(*node, op);
        return node;
    }
    if (op.kind == TokenKind::Contains) {
        node->kind = Node::Kind::Contains;
        const TokenKind needle = peek().kind;
        if (needle != TokenKind::String && needle != TokenKind::Number && needle != TokenKind::Word)
            expectedAfter(op, "a string");
        node->rhs = takeOperand();
        node->span = join(node->lhs.span, node->rhs.span);
        return node;
    }
    node->kind = Node::Kind::Match;
    if (peek().kind != TokenKind::String) expectedAfter(op, "a quoted regular expression");
    node->rhs = takeOperand();
    node->span = join(node->lhs.span, node->rhs.span);
    node->regex = QRegularExpression(QString::fromStdString(node->rhs.text),
                                     QRegularExpression::CaseInsensitiveOption);
    if (!node->regex.isValid())
        fail(node->rhs.span.start, node->rhs.span.length,
             "invalid regular expression: " + node->regex.errorString().toStdString() +
                 " (at character " + std::to_string(node->regex.patternErrorOffset() + 1) +
                 " of the pattern)");
    node->regex.optimize();
    return node;
}

std::unique_ptr<Node> QueryParser::parseComparisons(Operand first) {
    std::unique_ptr<Node> chain;  // 0 < x < 1 is (0 < x) and (x < 1)
    Operand left = std::move(first);
    while (auto op = compareOp(peek().kind)) {
        const Token opToken = take();
        if (!startsOperand(peek().kind)) expectedAfter(opToken, "a value");
        Operand right = takeOperand();
        if (*op != CompareOp::Equal && *op != CompareOp::NotEqual) {
            for (const Operand* side : {&left, &right}) {
                if (side->kind == Operand::Kind::Null)
                    fail(side->span.start, side->span.length,
                         "null cannot be ordered; use == null or != null");
                if (side->kind == Operand::Kind::Bool)
                    fail(side->span.start, side->span.length,
                         "true and false cannot be ordered; use == or !=");
                if (side->kind == Operand::Kind::Number && side->number != side->number)
                    fail(side->span.start, side->span.length,
                         "nan cannot be ordered; use == nan or != nan");
            }
        }
        auto cmp = std::make_unique<Node>();
        cmp->kind = Node::Kind::Compare;
        cmp->op = *op;
        cmp->opSpan = {opToken.start, opToken.length};
        cmp->span = join(left.span, right.span);
        cmp->lhs = left;
        cmp->rhs = right;
        left = std::move(right);
        if (!chain) {
            chain = std::move(cmp);
            continue;
        }
        if (chain->kind != Node::Kind::And) {
            auto both = std::make_unique<Node>();
            both->kind = Node::Kind::And;
            both->span = chain->span;
            both->children.push_back(std::move(chain));
            chain = std::move(both);
        }
        chain->span = join(chain->span, cmp->span);
        chain->children.push_back(std::move(cmp));
    }
    return chain;
}

void QueryParser::parseList(Node& node, const Token& inToken) {
    if (peek().kind != TokenKind::LBracket) expectedAfter(inToken, "a list like [\"a\", \"b\"]");
    const Token open = take();
    for (;;) {
        const Token& t = peek();
        if (t.kind == TokenKind::RBracket) break;
        if (t.kind == TokenKind::End) failAt(open, "missing ']' for this '['");
        if (t.kind == TokenKind::Key) failAt(t, "a list holds values, not keys");
        if (!startsOperand(t.kind)) failAt(t, "expected a value in the list, found " + spelling(t));
        node.list.push_back(takeOperand());
        const Token& sep = peek();
        if (sep.kind == TokenKind::Comma) {
            take();
            continue;
        }
        if (sep.kind == TokenKind::RBracket) break;
        if (sep.kind == TokenKind::End) failAt(open, "missing ']' for this '['");
        failAt(sep, "expected ',' or ']' in the list, found " + spelling(sep));
    }
    const Token close = take();
    node.span = join(node.lhs.span, {close.start, close.length});
}

}  // namespace runlens::query
