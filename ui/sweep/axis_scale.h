// Scales of the sweep view's axes, shared by the parallel coordinates and the scatter: where a
// value sits along an axis (linear, log, or category slots), and the colour map of the target.
#pragma once

#include <QColor>
#include <QString>
#include <algorithm>
#include <cmath>
#include <vector>

#include "core/analysis/sweep_axes.h"

namespace runlens::ui {

// Viridis, sampled: perceptually uniform from dark blue to yellow.
inline QColor viridis(double t) {
    static const QColor stops[] = {{68, 1, 84},    {72, 40, 120},  {62, 74, 137},  {49, 104, 142},
                                   {38, 130, 142}, {31, 158, 137}, {53, 183, 121}, {109, 205, 89},
                                   {180, 222, 44}, {253, 231, 37}};
    t = std::clamp(t, 0.0, 1.0) * 9;
    const int i = std::min(8, int(t));
    const double f = t - i;
    const QColor& a = stops[i];
    const QColor& b = stops[i + 1];
    return QColor::fromRgbF(a.redF() + f * (b.redF() - a.redF()),
                            a.greenF() + f * (b.greenF() - a.greenF()),
                            a.blueF() + f * (b.blueF() - a.blueF()));
}

// Where a position sits along an axis, 0 at the bottom and 1 at the top.
inline double fraction(const analysis::SweepAxis& a, double p) {
    if (a.kind == analysis::SweepAxis::Kind::Categorical) {
        const double n = double(a.categories.size());
        return n <= 1 ? 0.5 : p / (n - 1);
    }
    if (a.max == a.min) return 0.5;
    if (a.log && a.min > 0) return std::log(p / a.min) / std::log(a.max / a.min);
    return (p - a.min) / (a.max - a.min);
}

inline double fromFraction(const analysis::SweepAxis& a, double f) {
    if (a.kind == analysis::SweepAxis::Kind::Categorical) {
        const double n = double(a.categories.size());
        return n <= 1 ? 0 : f * (n - 1);
    }
    if (a.log && a.min > 0) return a.min * std::pow(a.max / a.min, f);
    return a.min + f * (a.max - a.min);
}

/// Where `value` ranks among `sorted` (ascending), 0 for the lowest and 1 for the highest; ties
/// share their mean rank. Colours by rank: one diverged run must not paint all others alike.
inline double rankFraction(const std::vector<double>& sorted, double value) {
    if (sorted.size() < 2) return 0.5;
    const auto lo = std::lower_bound(sorted.begin(), sorted.end(), value);
    const auto hi = std::upper_bound(lo, sorted.end(), value);
    const double rank = (double(lo - sorted.begin()) + double(hi - sorted.begin()) - 1) / 2;
    return std::clamp(rank / double(sorted.size() - 1), 0.0, 1.0);
}

/// The targets of `axis` that are numbers, ascending (for rankFraction).
inline std::vector<double> sortedValues(const analysis::SweepAxis& axis) {
    std::vector<double> out;
    for (double v : axis.positions)
        if (!std::isnan(v)) out.push_back(v);
    std::sort(out.begin(), out.end());
    return out;
}

inline QString tickText(double v) {
    return QString::number(v, 'g', 3);
}

}  // namespace runlens::ui
