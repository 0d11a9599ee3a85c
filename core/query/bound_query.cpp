// BoundQuery: evaluation over selection vectors; 'and' narrows, 'or' only tests what is left.
#include "core/query/bound_query.h"

#include <algorithm>
#include <iterator>
#include <numeric>

#include "core/query/query_binder.h"

namespace runlens::query {
namespace {

// a \ b for ascending a and b (b a subset of a).
void subtract(std::span<const std::uint32_t> a, std::span<const std::uint32_t> b,
              std::vector<std::uint32_t>& out) {
    out.clear();
    out.reserve(a.size() - std::min(a.size(), b.size()));
    std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
}

}  // namespace

BoundQuery BoundQuery::bind(const Query& query, const QueryTable& table) {
    BoundQuery bound;
    bound.m_table = &table;
    if (!query.ok()) {
        bound.m_error = query.error();
        return bound;
    }
    QueryBinder binder(table);
    auto root = binder.bind(query.root());
    if (!root) {
        bound.m_error = binder.error();
        return bound;
    }
    bound.m_root = std::move(root);
    bound.m_nameSearch = binder.nameSearch();
    bound.m_computed = binder.computedColumns();
    return bound;
}

std::vector<std::uint32_t> BoundQuery::filter() const {
    if (!ok() || !m_table || !m_root) return {};
    std::vector<std::uint32_t> all(m_table->rowCount());
    std::iota(all.begin(), all.end(), 0u);
    if (m_root->kind == BoundNode::Kind::All) return all;
    std::vector<std::uint32_t> out;
    run(*m_root, all, out);
    return out;
}

std::vector<std::uint32_t> BoundQuery::filter(std::span<const std::uint32_t> rows) const {
    if (!ok() || !m_table || !m_root) return {};
    std::vector<std::uint32_t> sorted;
    const std::size_t count = m_table->rowCount();
    if (!std::is_sorted(rows.begin(), rows.end()) || (!rows.empty() && rows.back() >= count)) {
        sorted.assign(rows.begin(), rows.end());
        std::sort(sorted.begin(), sorted.end());
        sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
        // Rows past the end would be read out of bounds: they are not rows of this table.
        sorted.erase(std::lower_bound(sorted.begin(), sorted.end(), count), sorted.end());
        rows = sorted;
    }
    std::vector<std::uint32_t> out;
    run(*m_root, rows, out);
    return out;
}

bool BoundQuery::matches(std::uint32_t row) const {
    const std::uint32_t one[] = {row};
    return !filter(one).empty();
}

void BoundQuery::run(const BoundNode& node, std::span<const std::uint32_t> in,
                     std::vector<std::uint32_t>& out) const {
    out.clear();
    switch (node.kind) {
        case BoundNode::Kind::All:
            out.assign(in.begin(), in.end());
            return;
        case BoundNode::Kind::None:
            return;
        case BoundNode::Kind::Test:
            node.test->filter(in, out);
            return;
        case BoundNode::Kind::Not: {
            std::vector<std::uint32_t> hit;
            run(*node.children.front(), in, hit);
            subtract(in, hit, out);
            return;
        }
        case BoundNode::Kind::And: {
            std::vector<std::uint32_t> current, next;
            run(*node.children.front(), in, current);
            for (std::size_t i = 1; i < node.children.size() && !current.empty(); ++i) {
                run(*node.children[i], current, next);
                std::swap(current, next);
            }
            out = std::move(current);
            return;
        }
        case BoundNode::Kind::Or: {
            // Each alternative only sees the rows no earlier one matched; matches are merged.
            std::vector<std::uint32_t> rest, hit, merged, remaining;
            run(*node.children.front(), in, out);
            subtract(in, out, rest);
            for (std::size_t i = 1; i < node.children.size() && !rest.empty(); ++i) {
                run(*node.children[i], rest, hit);
                if (hit.empty()) continue;
                merged.clear();
                merged.reserve(out.size() + hit.size());
                std::merge(out.begin(), out.end(), hit.begin(), hit.end(),
                           std::back_inserter(merged));
                std::swap(out, merged);
                subtract(rest, hit, remaining);
                std::swap(rest, remaining);
            }
            return;
        }
    }
}

}  // namespace runlens::query
