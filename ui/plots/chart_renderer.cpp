// renderChart: ChartData -> QCPGraph/QCPCurve plottables, styled for many overlaid runs.
#include "ui/plots/chart_renderer.h"

#include <algorithm>
#include <cmath>

#include "ui/plots/axis_format.h"
#include "ui/plots/chart_plot.h"
#include "ui/plots/line_raster.h"

namespace runlens::ui {
namespace {

// Past this many runs, lines are rasterized (LineRaster) rather than painted one by one: a
// thousand QCPGraphs take about half a second to paint, the raster a tenth of that.
constexpr std::size_t kRasterLimit = 40;
// The legend never shows more entries than this (two rows of a wide panel).
constexpr std::size_t kMaxLegendEntries = 24;
// Raw lines under smoothed ones: faint, and fainter the more runs overlap.
int rawAlpha(std::size_t lines) {
    return int(std::clamp(160.0 / std::sqrt(double(std::max<std::size_t>(lines, 1))), 24.0, 70.0));
}
constexpr int kBandAlpha = 50;

QVector<QCPGraphData> graphData(const std::vector<double>& x, const std::vector<double>& y) {
    QVector<QCPGraphData> out;
    const std::size_t n = std::min(x.size(), y.size());
    out.reserve(qsizetype(n));
    for (std::size_t i = 0; i < n; ++i)
        out.append(QCPGraphData(x[i], y[i]));
    return out;
}

QCPAbstractPlottable* addLine(ChartPlot& plot, const std::vector<double>& x,
                              const std::vector<double>& y, bool ascending, const QPen& pen) {
    if (ascending) {
        auto* graph = plot.addGraph();
        graph->data()->set(graphData(x, y), true);
        graph->setPen(pen);
        graph->setAdaptiveSampling(true);
        return graph;
    }
    // Logging order, not x order: a curve draws it as the run went (resumed runs, loss vs lr).
    auto* curve = new QCPCurve(plot.xAxis, plot.yAxis);
    QVector<QCPCurveData> points;
    const std::size_t n = std::min(x.size(), y.size());
    points.reserve(qsizetype(n));
    for (std::size_t i = 0; i < n; ++i)
        points.append(QCPCurveData(double(i), x[i], y[i]));
    curve->data()->set(points, true);
    curve->setPen(pen);
    return curve;
}

// The points of a line that no segment draws: finite, with no finite neighbour on either side
// (a metric logged once per run, or a value between gaps).
QVector<QCPGraphData> lonePoints(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t n = std::min(x.size(), y.size());
    auto drawable = [&](std::size_t i) { return std::isfinite(x[i]) && !std::isnan(y[i]); };
    QVector<QCPGraphData> out;
    for (std::size_t i = 0; i < n; ++i)
        if (drawable(i) && (i == 0 || !drawable(i - 1)) && (i + 1 == n || !drawable(i + 1)))
            out.append(QCPGraphData(x[i], y[i]));
    return out;
}

// A disc on each lone point of a line, in its colour; null when it has none.
QCPGraph* addLoneMarkers(ChartPlot& plot, const std::vector<double>& x,
                         const std::vector<double>& y, const QColor& color) {
    QVector<QCPGraphData> points = lonePoints(x, y);
    if (points.isEmpty()) return nullptr;
    std::sort(points.begin(), points.end(),
              [](const QCPGraphData& a, const QCPGraphData& b) { return a.key < b.key; });
    auto* graph = plot.addGraph();
    graph->data()->set(points, true);
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 6));
    return graph;
}

// A small hollow circle on a group's mean where the number of runs it averages drops (a
// shorter run ended): the mean may jump there for no reason but that. Null when it never drops.
QCPGraph* addCountChanges(ChartPlot& plot, const series::GroupChart& g, const QColor& color) {
    QVector<QCPGraphData> points;
    const std::size_t n = std::min(g.runsAt.size(), g.mean.x.size());
    for (std::size_t i = 1; i < n; ++i)
        if (g.runsAt[i] < g.runsAt[i - 1] && !std::isnan(g.mean.y[i]))
            points.append(QCPGraphData(g.mean.x[i], g.mean.y[i]));
    if (points.isEmpty()) return nullptr;
    auto* graph = plot.addGraph();
    graph->data()->set(points, true);
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color, 1.2), QBrush(Qt::white), 7));
    return graph;
}

void tag(QCPAbstractPlottable* p, qint64 runId, int group, const char* role) {
    p->setProperty("runId", runId);
    p->setProperty("group", group);
    p->setProperty(kRoleProperty, QString::fromLatin1(role));
    p->removeFromLegend();
}

// A line reduced to per-column extremes is a dense band of vertical strokes: a cosmetic 1-pixel
// pen draws it exactly and fast, where a wider (antialiased) pen makes Qt's stroker outline every
// stroke (seconds for a few thousand points).
QPen linePen(const QColor& color, qreal width, bool dense) {
    QPen pen(color, dense ? 0.0 : width);
    pen.setCosmetic(dense);
    return pen;
}

qreal lineWidth(std::size_t lines) {
    if (lines <= 12) return 1.6;
    if (lines <= 60) return 1.3;
    return 1.0;
}

// A compact legend under the plot: as many equal columns as fit, two rows at most, and
// "+N more" in the last place when the runs do not fit.
void fillLegend(ChartPlot& plot, const std::vector<QCPAbstractPlottable*>& entries,
                const std::vector<QString>& names, std::size_t total, bool show) {
    plot.legend->clearItems();
    plot.legend->setVisible(show && !entries.empty());
    if (!show || entries.empty()) return;
    constexpr int kRows = 2;
    const QFontMetrics fm(plot.legend->font());
    const int chrome = plot.legend->iconSize().width() + plot.legend->iconTextPadding() +
                       plot.legend->columnSpacing() + 8;
    const int available = plot.width() - plot.axisMargins().left();
    auto columnWidth = [&](std::size_t count) {
        int widest = fm.horizontalAdvance(QObject::tr("+%1 more").arg(total));
        for (std::size_t i = 0; i < count; ++i)
            widest = std::max(widest, fm.horizontalAdvance(names[i]));
        return std::min(widest, 160) + chrome;
    };
    int perRow = std::max(1, available / columnWidth(std::min<std::size_t>(entries.size(), 12)));
    const int shown = std::min(int(entries.size()),
                               int(total) <= perRow * kRows ? int(total) : perRow * kRows - 1);
    perRow = std::min(perRow, int(total));
    plot.legend->setWrap(perRow);
    for (int i = 0; i < shown; ++i) {
        QCPAbstractPlottable* p = entries[std::size_t(i)];
        p->setName(fm.elidedText(names[std::size_t(i)], Qt::ElideMiddle, 160));
        p->addToLegend();
    }
    if (shown < int(total)) {
        auto* more = plot.addGraph();
        more->setPen(Qt::NoPen);
        more->setName(QObject::tr("+%1 more").arg(int(total) - shown));
        more->setProperty(kRoleProperty, QStringLiteral("more"));
        more->addToLegend();
    }
    // Columns as wide as their text, left-aligned, rather than spread over the whole width.
    // An item is clipped to its outer rect, which QCustomPlot makes one line high: an underscore
    // sits below the font's descent and was cut off ("small_test" read "small test"). A bottom
    // margin of the descent keeps it, and every descender, inside.
    const QMargins itemMargins(0, 0, 0, std::max(2, fm.descent()));
    for (int i = 0; i < plot.legend->itemCount(); ++i) {
        // item() is null for the empty cells of a partly filled last row.
        if (QCPAbstractLegendItem* item = plot.legend->item(i)) {
            item->setMargins(itemMargins);
            item->setMaximumSize(item->minimumOuterSizeHint());
        }
    }
}

}  // namespace

bool drawsThroughRaster(const series::ChartData& data) {
    return data.groups.empty() && data.runs.size() > kRasterLimit;
}

QCPRange chartXRange(const series::ChartData& data) {
    const double x0 = data.x0, x1 = data.x1;
    if (!std::isfinite(x0) || !std::isfinite(x1)) return QCPRange(0, 1);
    if (x1 > x0) return QCPRange(x0, x1);
    const double pad = x0 == 0 ? 1 : std::abs(x0) * 0.05;
    return QCPRange(x0 - pad, x1 + pad);
}

QCPRange chartYRange(const series::ChartData& data, const ChartContext& context) {
    if (context.yRange) return QCPRange(context.yRange->first, context.yRange->second);
    return QCPRange(data.y.low, data.y.high);
}

std::vector<LineRaster::Line> rasterLines(const series::ChartData& data,
                                          const ChartContext& context) {
    const std::size_t lines = data.runs.size();
    std::vector<LineRaster::Line> raster;
    raster.reserve(2 * lines);
    // Raw lines as opaque tints of their colour over the white plot: written, not blended, so
    // a thousand of them cost what the lines cost, and they do not pile up into a dark fog.
    const double tint = rawAlpha(lines) / 255.0;
    for (auto it = data.runs.rbegin(); it != data.runs.rend(); ++it) {
        if (it->raw.empty()) continue;
        const QColor c = context.runColor(it->index);
        const QColor faint = QColor::fromRgbF(
            1 - tint * (1 - c.redF()), 1 - tint * (1 - c.greenF()), 1 - tint * (1 - c.blueF()));
        raster.push_back({&it->raw.x, &it->raw.y, faint, it->ascending});
    }
    // Faded runs first, so the selected ones lie on top; otherwise the first run of the table.
    for (const bool faded : {true, false})
        for (auto it = data.runs.rbegin(); it != data.runs.rend(); ++it)
            if (context.runFaded(it->index) == faded)
                raster.push_back(
                    {&it->line.x, &it->line.y, context.runColor(it->index), it->ascending});
    return raster;
}

std::shared_ptr<const LineRaster::Image> prerenderRaster(const series::ChartData& data,
                                                         const ChartContext& context, QSize pixels,
                                                         int threads) {
    if (!drawsThroughRaster(data) || pixels.isEmpty()) return nullptr;
    auto out = std::make_shared<LineRaster::Image>();
    out->image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    if (out->image.isNull()) return nullptr;
    const QCPRange x = chartXRange(data);
    const QCPRange y = chartYRange(data, context);
    out->view = RasterView{x.lower, x.upper, y.lower, y.upper, context.settings.logY};
    LineRaster::rasterize(rasterLines(data, context), out->view, out->image, threads);
    return out;
}

void setUpAxes(ChartPlot& plot, const ChartSettings& settings) {
    const QString xMode = QString::number(int(settings.xAxis));
    if (plot.property("xMode").toString() != xMode) {
        plot.setProperty("xMode", xMode);
        plot.xAxis->setNumberFormat(QStringLiteral("gb"));  // bar charts turn "b" off
        switch (settings.xAxis) {
            case series::XAxis::WallTime:
                plot.xAxis->setTicker(QSharedPointer<WallTimeTicker>::create());
                break;
            case series::XAxis::RelativeTime:
                plot.xAxis->setTicker(QSharedPointer<DurationTicker>::create());
                break;
            default:
                plot.xAxis->setTicker(QSharedPointer<NumberTicker>::create());
                break;
        }
    }
    plot.xAxis->setLabel(
        settings.xAxis == series::XAxis::Key ? settings.xKey : xAxisName(settings.xAxis).toLower());
    const bool log = settings.logY;
    if (plot.property("logY").toBool() != log || !plot.property("logY").isValid()) {
        plot.setProperty("logY", log);
        plot.yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (log)
            plot.yAxis->setTicker(QSharedPointer<LogNumberTicker>::create());
        else
            plot.yAxis->setTicker(QSharedPointer<NumberTicker>::create());
    }
    plot.xAxis->ticker()->setTickCount(std::clamp(plot.width() / 110, 3, 9));
    if (!log) plot.yAxis->ticker()->setTickCount(std::clamp(plot.height() / 60, 3, 7));
}

namespace {

void addGroups(ChartPlot& plot, const series::ChartData& data, const ChartContext& context,
               std::vector<QCPAbstractPlottable*>& legendEntries,
               std::vector<QString>& legendNames) {
    const std::size_t lines = data.groups.size();
    for (const series::GroupChart& g : data.groups) {
        if (g.low.empty()) continue;
        QColor fill = context.groupColors[std::size_t(g.group)];
        fill.setAlpha(kBandAlpha);
        auto* low = plot.addGraph();
        low->data()->set(graphData(g.mean.x, g.low), true);
        low->setPen(Qt::NoPen);
        auto* high = plot.addGraph();
        high->data()->set(graphData(g.mean.x, g.high), true);
        high->setPen(Qt::NoPen);
        high->setBrush(fill);
        high->setChannelFillGraph(low);
        tag(low, -1, g.group, "low");
        tag(high, -1, g.group, "high");
    }
    // Means above every band, the first group of the table on top.
    std::vector<QCPAbstractPlottable*> means(lines);
    for (std::size_t k = lines; k-- > 0;) {
        const series::GroupChart& g = data.groups[k];
        const QColor color = context.groupColors[std::size_t(g.group)];
        means[k] = addLine(plot, g.mean.x, g.mean.y, true, QPen(color, lineWidth(lines) + 0.4));
        tag(means[k], -1, g.group, "mean");
        if (QCPGraph* markers = addLoneMarkers(plot, g.mean.x, g.mean.y, color))
            tag(markers, -1, g.group, "point");
        if (QCPGraph* changes = addCountChanges(plot, g, color)) tag(changes, -1, g.group, "count");
    }
    for (std::size_t k = 0; k < lines; ++k) {
        const series::GroupChart& g = data.groups[k];
        legendEntries.push_back(means[k]);
        legendNames.push_back(QStringLiteral("%1 (%2)")
                                  .arg(context.groupNames[std::size_t(g.group)])
                                  .arg(g.runCount));
    }
}

// Few runs: one antialiased QCPGraph (or QCPCurve) per line.
void addRunGraphs(ChartPlot& plot, const series::ChartData& data, const ChartContext& context,
                  std::vector<QCPAbstractPlottable*>& legendEntries) {
    const std::size_t lines = data.runs.size();
    const qreal width = lineWidth(lines);
    // Faint raw lines below all smoothed ones.
    for (auto it = data.runs.rbegin(); it != data.runs.rend(); ++it) {
        if (it->raw.empty()) continue;
        QColor faint = context.runColor(it->index);
        faint.setAlpha(rawAlpha(lines));
        tag(addLine(plot, it->raw.x, it->raw.y, it->ascending, linePen(faint, 1.0, true)),
            it->runId, -1, "raw");
    }
    // The first run of the table is drawn last, on top; selected runs above faded ones.
    legendEntries.assign(lines, nullptr);
    std::vector<std::size_t> order;
    for (const bool faded : {true, false})
        for (std::size_t k = lines; k-- > 0;)
            if (context.runFaded(data.runs[k].index) == faded) order.push_back(k);
    for (std::size_t k : order) {
        const series::RunChart& r = data.runs[k];
        auto* line = addLine(plot, r.line.x, r.line.y, r.ascending,
                             linePen(context.runColor(r.index), width, !r.allPoints));
        tag(line, r.runId, -1, "line");
        legendEntries[k] = line;
        if (QCPGraph* markers = addLoneMarkers(plot, r.line.x, r.line.y, context.runColor(r.index)))
            tag(markers, r.runId, -1, "point");
    }
}

// Many runs: every line rasterized into one image; graphs only for the legend's entries.
void addRunRaster(ChartPlot& plot, const std::shared_ptr<const series::ChartData>& data,
                  const ChartContext& context, std::size_t legendCapacity,
                  std::shared_ptr<const LineRaster::Image> prepared,
                  std::vector<QCPAbstractPlottable*>& legendEntries) {
    plot.lineRaster()->setLines(rasterLines(*data, context), data, std::move(prepared));
    const std::size_t lines = data->runs.size();
    for (std::size_t k = 0; k < std::min(lines, legendCapacity); ++k) {
        auto* entry = plot.addGraph();
        entry->setPen(QPen(context.runColor(data->runs[k].index), 1.5));
        tag(entry, data->runs[k].runId, -1, "legend");
        legendEntries.push_back(entry);
    }
}

}  // namespace

void renderChart(ChartPlot& plot, const std::shared_ptr<const series::ChartData>& shared,
                 const ChartContext& context, const QCPRange& xRange,
                 std::shared_ptr<const LineRaster::Image> prepared) {
    const series::ChartData& data = *shared;
    plot.clearPlottables();
    plot.lineRaster()->clear();
    setUpAxes(plot, context.settings);
    std::vector<QCPAbstractPlottable*> legendEntries;
    std::vector<QString> legendNames;
    std::size_t legendTotal = 0;
    if (!data.groups.empty()) {
        addGroups(plot, data, context, legendEntries, legendNames);
        legendTotal = legendEntries.size();
    } else {
        if (drawsThroughRaster(data))
            addRunRaster(plot, shared, context, kMaxLegendEntries, std::move(prepared),
                         legendEntries);
        else
            addRunGraphs(plot, data, context, legendEntries);
        for (std::size_t k = 0; k < legendEntries.size(); ++k)
            legendNames.push_back(context.runName(data.runs[k].index));
        legendTotal = data.runs.size();
    }
    fillLegend(plot, legendEntries, legendNames, legendTotal, context.settings.legend);

    plot.setXRange(xRange);
    plot.yAxis->setRange(chartYRange(data, context));
    plot.replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace runlens::ui
