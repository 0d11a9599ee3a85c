// Bar charts of runs: a metric every run logs once (an MLflow run's final rmse, TensorBoard's
// hp_metric) is one bar per run, sorted by value, instead of a line chart of lone points.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "core/series/chart_data.h"
#include "core/store/run_store.h"
#include "ui/plots/chart_context.h"
#include "ui/plots/hover_values.h"

namespace runlens::ui {

class ChartPlot;

/// True when every run that logged the key logged it at most once: drawn as bars.
bool isSingleValueKey(const MetricKeyInfo& key);

/// A bar: the run's index in data.runs and its value.
struct Bar {
    std::size_t run = 0;
    double value = NAN;
};

/// The runs of `data` with a finite value, highest first (ties in table order).
std::vector<Bar> barsByValue(const series::ChartData& data);

/// Replaces what the plot shows with one bar per run of `data` (bar k at x = k), in the runs'
/// colours, named under the axis when they fit. Queues a replot.
void renderBarChart(ChartPlot& plot, const series::ChartData& data, const ChartContext& context);

/// The row for the bar under x (plot coordinates), if any.
std::optional<HoverRow> barAt(const series::ChartData& data, const ChartContext& context, double x);

}  // namespace runlens::ui
