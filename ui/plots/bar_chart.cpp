// Bar charts of runs: values sorted, one QCPBars per colour (not per run: thousands of runs share
// a palette's few colours), names as tick labels while they fit.
#include "ui/plots/bar_chart.h"

#include <QFontMetrics>
#include <algorithm>
#include <cmath>
#include <map>

#include "ui/plots/chart_plot.h"
#include "ui/plots/chart_renderer.h"
#include "ui/plots/line_raster.h"

namespace runlens::ui {
namespace {

// Narrower bars than this get no name under them (the hover names them).
constexpr int kMinLabelledBarPixels = 28;

// The run's value: its one finite point (a smoothed line of one point is that point).
double runValue(const series::RunChart& run) {
    for (double v : run.line.y)
        if (std::isfinite(v)) return v;
    return NAN;
}

QString barName(const series::ChartData& data, const ChartContext& context, const Bar& bar) {
    return context.runName(data.runs[bar.run].index);
}

// Tick labels for the bars while each gets room for a short name; none past that.
QSharedPointer<QCPAxisTickerText> nameTicker(ChartPlot& plot, const series::ChartData& data,
                                             const std::vector<Bar>& bars,
                                             const ChartContext& context) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    plot.layoutNow();
    const int perBar = bars.empty() ? 0 : plot.axisRect()->width() / int(bars.size());
    if (perBar < kMinLabelledBarPixels) return ticker;
    const QFontMetrics fm(plot.xAxis->tickLabelFont());
    for (std::size_t k = 0; k < bars.size(); ++k)
        ticker->addTick(double(k), fm.elidedText(barName(data, context, bars[k]), Qt::ElideMiddle,
                                                 perBar - 16));
    return ticker;
}

// Bars grow from zero, so the range holds zero; on a log axis, from just under the lowest value.
QCPRange valueRange(const std::vector<Bar>& bars, bool logY) {
    double low = INFINITY, high = -INFINITY;
    for (const Bar& b : bars) {
        low = std::min(low, b.value);
        high = std::max(high, b.value);
    }
    if (bars.empty()) return QCPRange(0, 1);
    if (logY) {
        if (high <= 0) return QCPRange(0.1, 1);
        if (low <= 0) low = high / 1000;
        return QCPRange(low / 2, high * 1.5);
    }
    low = std::min(low, 0.0);
    high = std::max(high, 0.0);
    const double pad = high > low ? (high - low) * 0.05 : 1;
    return QCPRange(low < 0 ? low - pad : 0, high > 0 ? high + pad : 0);
}

}  // namespace

bool isSingleValueKey(const MetricKeyInfo& key) {
    return key.seriesCount > 0 && key.pointCount <= key.seriesCount;
}

std::vector<Bar> barsByValue(const series::ChartData& data) {
    std::vector<Bar> bars;
    for (std::size_t k = 0; k < data.runs.size(); ++k) {
        const double v = runValue(data.runs[k]);
        if (std::isfinite(v)) bars.push_back({k, v});
    }
    std::stable_sort(bars.begin(), bars.end(),
                     [](const Bar& a, const Bar& b) { return a.value > b.value; });
    return bars;
}

void renderBarChart(ChartPlot& plot, const series::ChartData& data, const ChartContext& context) {
    plot.clearPlottables();
    plot.lineRaster()->clear();
    plot.legend->clearItems();
    plot.legend->setVisible(false);  // the bars are named under the axis and on hover
    const std::vector<Bar> bars = barsByValue(data);
    const bool logY = context.settings.logY;
    const QCPRange y = valueRange(bars, logY);
    std::map<QRgb, QCPBars*> byColor;
    for (std::size_t k = 0; k < bars.size(); ++k) {
        const QColor color = context.runColor(data.runs[bars[k].run].index);
        QCPBars*& series = byColor[color.rgba()];
        if (!series) {
            series = new QCPBars(plot.xAxis, plot.yAxis);
            series->setWidth(0.8);
            series->setPen(QPen(color.darker(115), 0));
            series->setBrush(color);
            series->setBaseValue(logY ? y.lower : 0);
            series->setProperty(kRoleProperty, QStringLiteral("bar"));
            series->removeFromLegend();
        }
        series->addData(double(k), bars[k].value);
    }
    setUpAxes(plot, context.settings);                  // the y axis as on line charts
    plot.setProperty("xMode", QStringLiteral("bars"));  // so the next line chart resets x
    // Names are not numbers: without this, "5e34…" is typeset as 5·10³⁴.
    plot.xAxis->setNumberFormat(QStringLiteral("g"));
    plot.xAxis->setTicker(nameTicker(plot, data, bars, context));
    plot.xAxis->setLabel(QObject::tr("runs, highest first"));
    plot.setXRange(QCPRange(-0.6, std::max<double>(double(bars.size()) - 0.4, 0.4)));
    plot.yAxis->setRange(y);
    plot.replot(QCustomPlot::rpQueuedReplot);
}

std::optional<HoverRow> barAt(const series::ChartData& data, const ChartContext& context,
                              double x) {
    const std::vector<Bar> bars = barsByValue(data);
    const double k = std::round(x);
    if (!(k >= 0 && k < double(bars.size())) || std::abs(x - k) > 0.45) return std::nullopt;
    const Bar& bar = bars[std::size_t(k)];
    HoverRow row;
    row.color = context.runColor(data.runs[bar.run].index);
    row.name = barName(data, context, bar);
    row.value = bar.value;
    row.x = data.runs[bar.run].line.x.empty() ? NAN : data.runs[bar.run].line.x.front();
    return row;
}

}  // namespace runlens::ui
