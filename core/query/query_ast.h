// The filter syntax tree produced by the parser: boolean nodes over comparisons and bare terms.
#pragma once

#include <QRegularExpression>
#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace runlens::query {

/// A byte range in the filter text.
struct Span {
    std::size_t start = 0;
    std::size_t length = 0;
};

/// One side of a comparison, or an item of an `in [..]` list.
struct Operand {
    enum class Kind {
        Word,    ///< a plain word: a key if the table has it, else (right of an operator) a string
        Key,     ///< `backtick quoted`: always a key
        Number,  ///< includes nan and +-inf
        String,
        Bool,
        Null,
    };
    /// `probs[label]`, `probs[3]`: one element of a list-of-numbers key, picked by a number or
    /// by another key's value (a class label's index) per row.
    struct Subscript {
        bool present = false;
        bool byKey = false;  ///< `key` names the index column; else `number` is the index
        std::string key;
        double number = 0;
        Span span;  ///< the index inside the brackets
    };

    Kind kind = Kind::Null;
    std::string text;  ///< word, key or string content; a number's spelling
    double number = 0;
    bool boolean = false;
    Span span;  ///< the whole operand, subscript included
    Subscript index;

    bool isKeyLike() const { return kind == Kind::Word || kind == Kind::Key; }
};

enum class CompareOp { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual };

/// The operator with its sides swapped: a < b is b > a.
CompareOp mirrored(CompareOp op);
const char* toString(CompareOp op);

struct Node {
    enum class Kind {
        And,       ///< children (two or more), left to right
        Or,        ///< children (two or more)
        Not,       ///< children[0]
        Compare,   ///< lhs op rhs
        In,        ///< lhs in list (negated: not in)
        Contains,  ///< lhs contains rhs (negated: not contains)
        Match,     ///< lhs ~ regex (negated: !~)
        Bare,      ///< a lone term: a name search, or a key tested on its own
    };
    Kind kind = Kind::Bare;
    Span span;    ///< the whole node
    Span opSpan;  ///< the operator (Compare, In, Contains, Match)
    std::vector<std::unique_ptr<Node>> children;
    CompareOp op = CompareOp::Equal;
    bool negated = false;
    Operand lhs;                ///< Compare, In, Contains, Match; the term for Bare
    Operand rhs;                ///< Compare, Contains (the needle), Match (the pattern)
    std::vector<Operand> list;  ///< In
    QRegularExpression regex;   ///< Match: compiled once, case-insensitive unless (?-i)
};

/// A compact prefix form for tests and debugging: (and (< lr 0.01) (bare resnet)).
std::string toString(const Node& node);

}  // namespace runlens::query
