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
        row.value = r.line.y[std::size_t(i)];
        row.x = r.line.x[std::size_t(i)];
        if (!r.raw.empty()) {
            const std::ptrdiff_t j = nearest(r.raw.x, x, r.ascending);
            if (j >= 0) row.raw = r.raw.y[std::size_t(j)];
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
