// renderChart: puts a ChartData on a ChartPlot — run lines (faint raw under smoothed), group
// means with bands, axis tickers and scales, ranges and the legend. Nothing is computed here.
#pragma once

#include <qcustomplot.h>
#include <memory>

#include "core/series/chart_data.h"
#include "ui/plots/chart_context.h"
#include "ui/plots/line_raster.h"

namespace runlens::ui {

class ChartPlot;

/// Property names on the plottables, for tests and hover: "runId" (qint64, -1 for groups),
/// "group" (int, -1 for runs) and "role" ("line", "raw", "mean", "low", "high", "point" for the
/// markers on points no segment draws, "count" for the circles where fewer runs make a group's
/// mean, "legend" for an empty graph standing for a rasterized run in the legend, "more",
/// "bar").
inline constexpr const char* kRoleProperty = "role";

/// Replaces what the plot shows with `data`, computed for `context`, over x range `xRange`.
/// Queues a replot.
/// Many runs are drawn through the plot's LineRaster (which keeps `data` alive) instead; pass
/// their image from prerenderRaster() when it was made off the UI thread.
void renderChart(ChartPlot& plot, const std::shared_ptr<const series::ChartData>& data,
                 const ChartContext& context, const QCPRange& xRange,
                 std::shared_ptr<const LineRaster::Image> prepared = {});

/// True when the runs of `data` are too many for one graph each and are rasterized.
bool drawsThroughRaster(const series::ChartData& data);

/// The x range a plot shows for `data`: its range, widened a little when it is a single point
/// (and [0, 1] when there is none).
QCPRange chartXRange(const series::ChartData& data);

/// The y range a plot shows for `data`: the panel's own (context.yRange) or the fitted one.
QCPRange chartYRange(const series::ChartData& data, const ChartContext& context);

/// The lines of a chart drawn through the LineRaster, in drawing order (raw lines, faint, below
/// all others; the first run of the table on top). They point into `data`.
std::vector<LineRaster::Line> rasterLines(const series::ChartData& data,
                                          const ChartContext& context);

/// The LineRaster image renderChart would show for `data` over chartXRange(data) and its y range
/// in a data area of `pixels` device pixels; null when the chart does not draw through the
/// raster. Any thread (nothing here touches a widget).
std::shared_ptr<const LineRaster::Image> prerenderRaster(const series::ChartData& data,
                                                         const ChartContext& context, QSize pixels,
                                                         int threads = 1);

/// Sets up the axes for an x-axis mode and y scale (tickers, labels); cheap when unchanged.
void setUpAxes(ChartPlot& plot, const ChartSettings& settings);

}  // namespace runlens::ui
