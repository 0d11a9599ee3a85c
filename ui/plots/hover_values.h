// Hover values: each run's (or group's) value at the hovered x, from the drawn data when it holds
// every point, or from a store probe; sorted for the tooltip.
#pragma once

#include <QColor>
#include <QString>
#include <vector>

#include "core/series/chart_data.h"
#include "core/series/chart_probe.h"
#include "ui/plots/chart_context.h"

namespace runlens::ui {

struct HoverRow {
    QColor color;
    QString name;
    double value = NAN;  ///< as drawn (smoothed when smoothing; the mean for a group)
    double raw = NAN;    ///< the logged value under a smoothed line; the band for a group
    double rawHigh = NAN;
    double x = NAN;  ///< where the value was found
    /// Values the run logged at exactly that x (several per step: an evaluation per batch); the
    /// row shows the last of them, and their range when there are more than one.
    std::int64_t count = 1;
    double low = NAN;
    double high = NAN;
};

/// True when `data` can answer a hover exactly without reading: groups (their bins are the
/// aggregate) or run lines that show every point.
bool canHoverFromData(const series::ChartData& data);

/// Rows read off the drawn data: per run the point nearest to x (runs whose data ends more than
/// `tolerance` before x, or starts after, are left out); per group the nearest bin.
std::vector<HoverRow> hoverFromData(const series::ChartData& data, const ChartContext& context,
                                    double x, double tolerance);
/// Rows from a store probe.
std::vector<HoverRow> hoverFromProbe(const std::vector<series::ProbeValue>& values,
                                     const ChartContext& context);

/// Highest value first; NaN last.
void sortByValue(std::vector<HoverRow>& rows);

}  // namespace runlens::ui
