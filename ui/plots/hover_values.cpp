// Hover values from drawn lines (exact when nothing was reduced) or from probes.
#include "ui/plots/hover_values.h"

#include <algorithm>
#include <cmath>

namespace runlens::ui {
namespace {

// Index of the point of (x, y) nearest to target with a placeable x; -1 if none.
std::ptrdiff_t nearest(const std::vector<double>& x, double target, bool ascending) {
    if (x.empty()) return -1;
    std::ptrdiff_t best = -1;
    double bestDistance = INFINITY;
    auto offer = [&](std::size_t i) {
        if (std::isnan(x[i])) return;
        const double d = std::abs(x[i] - target);
        if (d <= bestDistance) {
            bestDistance = d;
            best = std::ptrdiff_t(i);
        }
    };
    if (ascending) {
        const auto it = std::lower_bound(x.begin(), x.end(), target);
        const std::size_t i = std::size_t(it - x.begin());
        if (i > 0) offer(i - 1);
        if (i < x.size()) offer(i);
        return best;
    }
    for (std::size_t i = 0; i < x.size(); ++i)
        offer(i);
    return best;
}

// The points of x sharing x[i]: [first, last).
std::pair<std::size_t, std::size_t> equalX(const std::vector<double>& x, std::size_t i,
                                           bool ascending) {
    if (ascending) {
        const auto [a, b] = std::equal_range(x.begin(), x.end(), x[i]);
        return {std::size_t(a - x.begin()), std::size_t(b - x.begin())};
    }
    return {i, i + 1};  // logging order: neighbours of equal x are not together
}

// Count and range of the values logged at the row's x, from a line that holds every point.
void countValues(HoverRow& row, const std::vector<double>& x, const std::vector<double>& y,
                 bool ascending) {
    const std::ptrdiff_t i = nearest(x, row.x, ascending);
    if (i < 0 || x[std::size_t(i)] != row.x) return;
    const auto [first, last] = equalX(x, std::size_t(i), ascending);
    row.count = std::int64_t(last - first);
    row.low = row.high = NAN;
    for (std::size_t k = first; k < last; ++k) {
        row.low = std::fmin(row.low, y[k]);
        row.high = std::fmax(row.high, y[k]);
    }
}

}  // namespace

bool canHoverFromData(const series::ChartData& data) {
    return !data.groups.empty() || data.allPoints;
}

std::vector<HoverRow> hoverFromData(const series::ChartData& data, const ChartContext& context,
                                    double x, double tolerance) {
    std::vector<HoverRow> rows;
    for (const series::GroupChart& g : data.groups) {
        const std::ptrdiff_t i = nearest(g.mean.x, x, true);
        if (i < 0) continue;
        const std::size_t k = std::size_t(i);
        const double binHalf =
            g.mean.x.size() > 1 ? (data.x1 - data.x0) / std::max(1, context.request.width) : 0;
        if (std::abs(g.mean.x[k] - x) > tolerance + binHalf) continue;
        HoverRow row;
        row.color = context.groupColors[std::size_t(g.group)];
        // How many runs the mean is of here: fewer than the group where shorter runs ended.
        const int here = k < g.runsAt.size() ? g.runsAt[k] : g.runCount;
        const QString& group = context.groupNames[std::size_t(g.group)];
        row.name = here < g.runCount
                       ? QObject::tr("%1 (%2 of %3 runs here)").arg(group).arg(here).arg(g.runCount)
                       : QStringLiteral("%1 (%2)").arg(group).arg(g.runCount);
        row.value = g.mean.y[k];
        row.x = g.mean.x[k];
        if (!g.low.empty()) {
            row.raw = g.low[k];
            row.rawHigh = g.high[k];
        }
        rows.push_back(row);
    }
    for (const series::RunChart& r : data.runs) {
        if (!(x >= r.dataX0 - tolerance && x <= r.dataX1 + tolerance)) continue;
        const std::ptrdiff_t i = nearest(r.line.x, x, r.ascending);
        if (i < 0) continue;
        HoverRow row;
        row.color = context.runColor(r.index);
        row.name = context.runName(r.index);
        // Of several points at the same x, the last logged (as the probe answers).
        std::size_t at = std::size_t(i);
        if (r.ascending) at = equalX(r.line.x, at, true).second - 1;
        row.value = r.line.y[at];
        row.x = r.line.x[at];
        if (!r.raw.empty()) {
            std::ptrdiff_t j = nearest(r.raw.x, x, r.ascending);
            if (j >= 0 && r.ascending)
                j = std::ptrdiff_t(equalX(r.raw.x, std::size_t(j), true).second - 1);
            if (j >= 0) row.raw = r.raw.y[std::size_t(j)];
            countValues(row, r.raw.x, r.raw.y, r.ascending);
        } else {
            countValues(row, r.line.x, r.line.y, r.ascending);
        }
        rows.push_back(row);
    }
    return rows;
}

std::vector<HoverRow> hoverFromProbe(const std::vector<series::ProbeValue>& values,
                                     const ChartContext& context) {
    std::vector<HoverRow> rows;
    rows.reserve(values.size());
    const bool smoothing = context.request.smoothingOn();
    for (const series::ProbeValue& v : values) {
        HoverRow row;
        row.color = context.runColor(v.index);
        row.name = context.runName(v.index);
        row.value = v.value;
        row.raw = smoothing ? v.raw : NAN;
        row.x = v.x;
        row.count = v.count;
        row.low = v.low;
        row.high = v.high;
        rows.push_back(row);
    }
    return rows;
}

void sortByValue(std::vector<HoverRow>& rows) {
    std::stable_sort(rows.begin(), rows.end(), [](const HoverRow& a, const HoverRow& b) {
        if (std::isnan(a.value)) return false;
        if (std::isnan(b.value)) return true;
        return a.value > b.value;
    });
}

}  // namespace runlens::ui
