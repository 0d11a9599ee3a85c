// Confusion: cells mapped to class ids once per column (class-label columns by their index, so
// a million rows cost no string per row), then one pass over the rows.
#include "core/analysis/confusion.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/util/natural_order.h"

namespace runlens::analysis {
namespace {

bool parseNumber(const std::string& s, double& out) {
    const char* end = s.data() + s.size();
    auto [p, ec] = std::from_chars(s.data(), end, out);
    return ec == std::errc() && p == end;
}

// Maps a column's cells to ids in `names` (adding names as met); -1 for missing cells.
class ClassIndex {
public:
    std::int32_t idOf(const std::string& name) {
        if (name.empty()) return -1;
        auto [it, added] = m_ids.try_emplace(name, std::int32_t(m_names.size()));
        if (added) m_names.push_back(name);
        return it->second;
    }
    std::vector<std::int32_t> column(const TableColumn& c, std::span<const std::uint32_t> rows,
                                     std::size_t rowCount) {
        std::vector<std::int32_t> out(rowCount, -1);
        if (c.type == ColumnType::ClassLabel) {
            std::vector<std::int32_t> byLabel;  // label index -> id, filled when met
            for (std::uint32_t r : rows) {
                const std::int64_t label = c.ints[r];
                if (label < 0) continue;
                if (std::size_t(label) >= byLabel.size())
                    byLabel.resize(std::size_t(label) + 1, -2);
                std::int32_t& id = byLabel[std::size_t(label)];
                if (id == -2) id = idOf(cellText(c, r));
                out[r] = id;
            }
            return out;
        }
        for (std::uint32_t r : rows)
            out[r] = idOf(cellText(c, r));
        return out;
    }
    const std::vector<std::string>& names() const { return m_names; }

private:
    std::unordered_map<std::string, std::int32_t> m_ids;
    std::vector<std::string> m_names;
};

// The display order of the classes: as the first class-label column lists them, else numeric,
// else natural. Returns old id -> new position.
std::vector<std::int32_t> classOrder(const std::vector<std::string>& names,
                                     const TableColumn& truth, const TableColumn& pred) {
    std::vector<std::size_t> order(names.size());
    std::iota(order.begin(), order.end(), 0);
    const TableColumn* labels = truth.type == ColumnType::ClassLabel  ? &truth
                                : pred.type == ColumnType::ClassLabel ? &pred
                                                                      : nullptr;
    std::unordered_map<std::string, std::size_t> labelRank;
    if (labels)
        for (std::size_t i = 0; i < labels->classNames.size(); ++i)
            labelRank.try_emplace(labels->classNames[i], i);
    std::vector<double> numbers(names.size());
    bool numeric = !names.empty();
    for (std::size_t i = 0; i < names.size() && numeric; ++i)
        numeric = parseNumber(names[i], numbers[i]);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (labels) {
            const auto ra = labelRank.find(names[a]), rb = labelRank.find(names[b]);
            const bool ka = ra != labelRank.end(), kb = rb != labelRank.end();
            if (ka != kb) return ka;  // listed classes first, extra names after
            if (ka) return ra->second < rb->second;
        }
        if (numeric) return numbers[a] < numbers[b];
        return naturalLess(names[a], names[b]);
    });
    std::vector<std::int32_t> position(names.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        position[order[k]] = std::int32_t(k);
    return position;
}

}  // namespace

std::int64_t Confusion::rowTotal(std::size_t truth) const {
    std::int64_t n = 0;
    for (std::size_t p = 0; p < classes.size(); ++p)
        n += count(truth, p);
    return n;
}

Confusion computeConfusion(const PredictionTable& table, int truth, int prediction,
                           std::span<const std::uint32_t> rows) {
    Confusion out;
    const std::size_t n = table.rowCount();
    if (truth < 0 || prediction < 0 || std::size_t(truth) >= table.columns.size() ||
        std::size_t(prediction) >= table.columns.size())
        return out;
    const TableColumn& tc = table.columns[std::size_t(truth)];
    const TableColumn& pc = table.columns[std::size_t(prediction)];
    ClassIndex index;
    std::vector<std::int32_t> t = index.column(tc, rows, n);
    std::vector<std::int32_t> p = index.column(pc, rows, n);
    const std::vector<std::int32_t> position = classOrder(index.names(), tc, pc);
    out.classes.resize(index.names().size());
    for (std::size_t i = 0; i < position.size(); ++i)
        out.classes[std::size_t(position[i])] = index.names()[i];
    for (std::int32_t& id : t)
        if (id >= 0) id = position[std::size_t(id)];
    for (std::int32_t& id : p)
        if (id >= 0) id = position[std::size_t(id)];

    const std::size_t k = out.classes.size();
    out.counts.assign(k * k, 0);
    for (std::uint32_t r : rows) {
        if (t[r] < 0 || p[r] < 0) {
            ++out.missing;
            continue;
        }
        ++out.counts[std::size_t(t[r]) * k + std::size_t(p[r])];
        ++out.counted;
        out.correct += t[r] == p[r];
    }
    out.truthClass = std::move(t);
    out.predClass = std::move(p);

    int present = 0;
    for (std::size_t c = 0; c < k; ++c) {
        ClassMetrics m;
        m.name = out.classes[c];
        for (std::size_t o = 0; o < k; ++o) {
            m.support += out.count(c, o);
            m.predicted += out.count(o, c);
        }
        const double tp = double(out.count(c, c));
        m.precision = m.predicted ? tp / double(m.predicted) : 0;
        m.recall = m.support ? tp / double(m.support) : 0;
        m.f1 =
            m.precision + m.recall > 0 ? 2 * m.precision * m.recall / (m.precision + m.recall) : 0;
        if (m.support || m.predicted) {
            ++present;
            out.macro.precision += m.precision;
            out.macro.recall += m.recall;
            out.macro.f1 += m.f1;
        }
        if (out.counted) {
            const double w = double(m.support) / double(out.counted);
            out.weighted.precision += w * m.precision;
            out.weighted.recall += w * m.recall;
            out.weighted.f1 += w * m.f1;
        }
        out.perClass.push_back(std::move(m));
    }
    if (present) {
        out.macro.precision /= present;
        out.macro.recall /= present;
        out.macro.f1 /= present;
    }
    return out;
}

std::vector<std::uint32_t> rowsInCell(const Confusion& confusion,
                                      std::span<const std::uint32_t> rows, int t, int p) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t r : rows)
        if (r < confusion.truthClass.size() && confusion.truthClass[r] == t &&
            confusion.predClass[r] == p)
            out.push_back(r);
    return out;
}

}  // namespace runlens::analysis
