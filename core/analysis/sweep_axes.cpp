// Sweep axes: natural order for categories ("2" before "10"), log scale by the sweep's own
// distribution or by the values' spread, positions per run for drawing and brushing.
#include "core/analysis/sweep_axes.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>

#include "core/util/json_value.h"
#include "core/util/natural_order.h"
#include "core/util/parse_number.h"

namespace runlens::analysis {
namespace {

constexpr double kDecadesForLog = 2;  // values spanning more than this many decades: log axis

std::string labelOf(const ValueColumn& column, std::size_t row) {
    switch (column.type(row)) {
        case ValueType::Bool:
            return column.number(row) != 0 ? "true" : "false";
        case ValueType::Number:
            return formatNumber(column.number(row));
        default:
            return std::string(column.text(row));
    }
}

}  // namespace

bool isParameterKey(const std::string& key) {
    return !key.empty() && key.front() != '_';
}

SweepAxis makeAxis(const ValueColumn& column, std::span<const int> rows, bool isMetric,
                   bool logUniform) {
    SweepAxis axis;
    axis.key = column.key();
    axis.isMetric = isMetric;
    axis.positions.assign(rows.size(), std::nan(""));
    // A null value (MLflow's "None" parameter, JSON null) is no value: the missing slot.
    auto present = [&](std::size_t r) {
        return column.has(r) && column.type(r) != ValueType::Null;
    };
    // A number, or text that reads as one: MLflow keeps every parameter as a string ("0.01").
    auto numberAt = [&](std::size_t r) -> std::optional<double> {
        if (column.type(r) == ValueType::Number) return column.number(r);
        if (column.type(r) == ValueType::String) return parseDouble(column.text(r));
        return std::nullopt;
    };
    bool numeric = true, any = false;
    for (int r : rows) {
        if (!present(std::size_t(r))) continue;
        any = true;
        numeric = numeric && numberAt(std::size_t(r)).has_value();
    }
    if (any && numeric) {
        axis.kind = SweepAxis::Kind::Numeric;
        bool first = true, positive = true;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const std::size_t r = std::size_t(rows[i]);
            const std::optional<double> value = present(r) ? numberAt(r) : std::optional<double>();
            if (!value || !std::isfinite(*value)) {
                ++axis.missing;
                continue;
            }
            const double v = *value;
            axis.positions[i] = v;
            axis.min = first ? v : std::min(axis.min, v);
            axis.max = first ? v : std::max(axis.max, v);
            positive = positive && v > 0;
            first = false;
        }
        axis.log =
            positive && !first && (logUniform || std::log10(axis.max / axis.min) > kDecadesForLog);
        return axis;
    }
    axis.kind = SweepAxis::Kind::Categorical;
    std::vector<std::string> labels(rows.size());
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const std::size_t r = std::size_t(rows[i]);
        if (!present(r)) {
            ++axis.missing;
            continue;
        }
        labels[i] = labelOf(column, r);
        seen.emplace(labels[i], 0);
    }
    for (const auto& [label, unused] : seen)
        axis.categories.push_back(label);
    std::sort(axis.categories.begin(), axis.categories.end(), naturalLess);
    for (std::size_t k = 0; k < axis.categories.size(); ++k)
        seen[axis.categories[k]] = int(k);
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (present(std::size_t(rows[i]))) axis.positions[i] = seen[labels[i]];
    return axis;
}

std::vector<std::string> logUniformKeys(const Sweep& sweep) {
    std::vector<std::string> keys;
    auto params = parseJson(sweep.parametersJson);
    if (!params.ok() || !params->isObject()) return keys;
    for (const JsonMember& m : params->members()) {
        const std::string d = m.value.isObject() ? m.value.stringMember("distribution") : "";
        if (d == "log_uniform" || d == "log_uniform_values" || d == "q_log_uniform" ||
            d == "q_log_uniform_values")
            keys.push_back(m.key);
    }
    return keys;
}

std::size_t defaultMinPresent(std::size_t runs) {
    return std::min(runs, std::max<std::size_t>(3, runs / 10));
}

std::vector<SweepAxis> varyingParameterAxes(const RunsSnapshot& snapshot, std::span<const int> rows,
                                            const Sweep* sweep, std::size_t minPresent) {
    const std::vector<std::string> logKeys =
        sweep ? logUniformKeys(*sweep) : std::vector<std::string>();
    std::vector<SweepAxis> axes;
    for (const ValueColumn& column : snapshot.config) {
        if (!isParameterKey(column.key()) || rows.empty()) continue;
        bool varies = false;
        const std::size_t first = std::size_t(rows.front());
        for (int r : rows) {
            const std::size_t row = std::size_t(r);
            if (column.has(row) != column.has(first))
                varies = true;
            else if (column.has(row) && !(column.value(row) == column.value(first)))
                varies = true;
            if (varies) break;
        }
        if (!varies) continue;
        std::size_t present = 0;
        for (int r : rows)
            present += column.has(std::size_t(r));
        if (present < minPresent) continue;
        const bool logUniform =
            std::find(logKeys.begin(), logKeys.end(), column.key()) != logKeys.end();
        axes.push_back(makeAxis(column, rows, false, logUniform));
    }
    return axes;
}

void orderByMeanTarget(SweepAxis& axis, std::span<const double> target) {
    if (axis.kind != SweepAxis::Kind::Categorical) return;
    const std::size_t n = axis.categories.size();
    std::vector<double> sum(n, 0), count(n, 0);
    for (std::size_t i = 0; i < axis.positions.size() && i < target.size(); ++i) {
        const double p = axis.positions[i];
        if (std::isnan(p) || std::isnan(target[i])) continue;
        sum[std::size_t(p)] += target[i];
        count[std::size_t(p)] += 1;
    }
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if ((count[a] > 0) != (count[b] > 0)) return count[a] > 0;
        return count[a] > 0 && sum[a] / count[a] < sum[b] / count[b];
    });
    std::vector<double> rank(n);
    std::vector<std::string> categories(n);
    for (std::size_t k = 0; k < n; ++k) {
        rank[order[k]] = double(k);
        categories[k] = axis.categories[order[k]];
    }
    axis.categories = std::move(categories);
    for (double& p : axis.positions)
        if (!std::isnan(p)) p = rank[std::size_t(p)];
}

}  // namespace runlens::analysis
