// ChartContext: what a panel's chart is computed for — the drawn runs (colours, groups) and the
// chart settings, turned into the core ChartRequest every panel shares.
#pragma once

#include <QColor>
#include <QString>
#include <memory>
#include <optional>
#include <vector>

#include "core/series/chart_data.h"
#include "ui/plots/chart_settings.h"
#include "ui/plots/drawn_run.h"

namespace runlens::ui {

struct ChartContext {
    std::shared_ptr<const DrawnRuns> runs;  ///< request.runs[i] is runs->runs[i]
    std::vector<QString> groupNames;        ///< by group index (grouped only)
    std::vector<QColor> groupColors;
    std::vector<int> groupSizes;  ///< drawn runs per group
    ChartSettings settings;
    /// Runs, groups, x axis, smoothing, scale, outliers and band; each panel sets keyId, its x
    /// range and width.
    series::ChartRequest request;
    /// A panel's own y range (its rubber-band zoom) rather than the one fitted to the data; until
    /// the zoom is reset.
    std::optional<std::pair<double, double>> yRange;

    bool grouped() const { return !groupNames.empty(); }
    QString runName(std::size_t index) const;
    QColor runColor(std::size_t index) const;
    /// Whether the run is faded (others are selected): drawn first, under them.
    bool runFaded(std::size_t index) const;
};

/// The shared context for these runs and settings; xKeyId is the id of settings.xKey (0 if none).
ChartContext makeChartContext(std::shared_ptr<const DrawnRuns> runs, const ChartSettings& settings,
                              std::int64_t xKeyId);

/// True when two sets of drawn runs need the same data (same runs, order, groups, start times),
/// whatever their colours and names.
bool sameData(const DrawnRuns& a, const DrawnRuns& b);
/// True when they also look the same.
bool sameLooks(const DrawnRuns& a, const DrawnRuns& b);

}  // namespace runlens::ui
