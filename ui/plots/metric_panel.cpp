// MetricPanel: title and status, lazy plot, rendering of results, zoom preview, hover.
#include "ui/plots/metric_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "ui/plots/axis_format.h"
#include "ui/plots/bar_chart.h"
#include "ui/plots/chart_plot.h"
#include "ui/plots/chart_renderer.h"
#include "ui/plots/hover_tooltip.h"
#include "ui/plots/line_raster.h"

namespace runlens::ui {
namespace {

constexpr int kHoverTolerancePixels = 6;

bool sameX(double a, double b) {
    return a == b || (std::isnan(a) && std::isnan(b));
}

// A drawable range around [x0, x1] (a single point or no data gets some room).
QCPRange drawableRange(double x0, double x1) {
    series::ChartData d;
    d.x0 = x0;
    d.x1 = x1;
    return chartXRange(d);
}

}  // namespace

bool FetchStamp::operator==(const FetchStamp& o) const {
    return valid == o.valid && runs == o.runs && data == o.data && settings == o.settings &&
           sameX(x0, o.x0) && sameX(x1, o.x1) && width == o.width;
}

MetricPanel::MetricPanel(int id, const MetricKeyInfo& key, QWidget* parent)
    : QFrame(parent), m_id(id) {
    setObjectName(QStringLiteral("metricPanel"));
    setStyleSheet(
        QStringLiteral("#metricPanel { background: palette(base); border: 1px solid "
                       "palette(midlight); border-radius: 4px; }"));
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(this);
    m_status->setStyleSheet(QStringLiteral("color: gray;"));
    m_empty = new QLabel(this);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setStyleSheet(QStringLiteral("color: gray;"));
    m_empty->setWordWrap(true);
    m_empty->hide();

    auto* header = new QHBoxLayout;
    header->setContentsMargins(10, 6, 10, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_status);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_empty, 1);
    setKeyInfo(key);
}

MetricPanel::~MetricPanel() = default;

void MetricPanel::setKeyInfo(const MetricKeyInfo& key) {
    m_key = key;
    m_bars = isSingleValueKey(key);
    m_name = QString::fromStdString(key.name);
    m_title->setText(m_name);
    m_title->setToolTip(tr("%1\nlogged by %2 runs, %3 points in all")
                            .arg(m_name)
                            .arg(key.seriesCount)
                            .arg(key.pointCount));
}

void MetricPanel::setTooltip(HoverTooltip* tooltip) {
    m_tooltip = tooltip;
}

ChartPlot* MetricPanel::plot() {
    if (m_plot) return m_plot;
    m_plot = new ChartPlot(this);
    m_plot->setMinimumHeight(60);
    static_cast<QVBoxLayout*>(layout())->insertWidget(1, m_plot, 1);
    // Shown now, not by the layout's queued show: a layout leaves a hidden widget its default
    // size, and requests depend on the plot's width.
    m_plot->show();
    m_empty->setParent(m_plot);  // an overlay in the middle of the plot
    m_plot->installEventFilter(this);
    layout()->activate();  // give the plot its size now: requests depend on its width
    // Bars hold every run's value whatever the x range: their zoom is their own.
    connect(m_plot, &ChartPlot::userXRangeChanged, this, [this](const QCPRange& r) {
        if (!showsBars()) emit userXRangeChanged(this, r.lower, r.upper);
    });
    connect(m_plot, &ChartPlot::userYRangeChanged, this, [this](const QCPRange& r) {
        setOwnYRange(std::pair{r.lower, r.upper});
    });
    connect(m_plot, &ChartPlot::resetRequested, this, [this] {
        setOwnYRange(std::nullopt);
        if (!showsBars())
            emit resetRequested(this);
        else
            draw(m_plot->lineRaster()->image());
    });
    connect(m_plot, &ChartPlot::hovered, this, &MetricPanel::onHover);
    connect(m_plot, &ChartPlot::hoverLeft, this, &MetricPanel::onHoverLeft);
    return m_plot;
}

void MetricPanel::setPending(const FetchStamp& stamp) {
    m_pending = stamp;
    updateStatus();
}

void MetricPanel::clearPending() {
    m_pending = {};
    updateStatus();
}

void MetricPanel::showChart(std::shared_ptr<const series::ChartData> data, ChartContext context,
                            const FetchStamp& stamp,
                            std::shared_ptr<const LineRaster::Image> raster) {
    m_data = std::move(data);
    const auto yRange = m_context.yRange;  // the panel's, whatever the request was made with
    m_context = std::move(context);
    m_context.yRange = yRange;
    m_shown = stamp;
    m_pending = {};
    m_error.clear();
    m_rasterRequested = false;
    m_rasterStale = false;
    ChartPlot* p = plot();
    draw(std::move(raster));
    const bool empty = m_data->runs.empty() && m_data->groups.empty();
    const series::XAxis axis = m_context.settings.xAxis;
    // Runs with the key but no point placeable on a time axis: say so rather than draw an empty
    // chart over a meaningless 00:00:00 axis.
    const bool noTimes = !empty && !std::isfinite(m_data->dataX0) &&
                         (axis == series::XAxis::WallTime || axis == series::XAxis::RelativeTime);
    if (empty)
        m_empty->setText(m_context.runs->runs.empty() ? tr("No runs are shown")
                                                      : tr("None of the shown runs logged this"));
    else if (noTimes)
        m_empty->setText(tr("The shown runs logged this without times"));
    m_empty->setVisible(empty || noTimes);
    m_empty->setGeometry(p->rect());
    updateStatus();
}

void MetricPanel::draw(std::shared_ptr<const LineRaster::Image> raster) {
    if (showsBars())
        renderBarChart(*m_plot, *m_data, m_context);
    else
        renderChart(*m_plot, m_data, m_context, chartXRange(*m_data), std::move(raster));
}

bool MetricPanel::needsRaster() {
    if (!m_plot || !m_data || showsBars() || !drawsThroughRaster(*m_data)) return false;
    m_plot->layoutNow();  // the legend just changed: the data area may have too
    const auto image = m_plot->lineRaster()->image();
    if (m_rasterStale || !image || image->image.size() != m_plot->dataAreaPixels()) return true;
    // The y range changed since (a rubber band, or its reset): the image prerenderRaster makes.
    const QCPRange x = chartXRange(*m_data), y = chartYRange(*m_data, m_context);
    return !sameView(image->view,
                     RasterView{x.lower, x.upper, y.lower, y.upper, m_context.settings.logY});
}

QSize MetricPanel::rasterPixels() const {
    return m_plot ? m_plot->dataAreaPixels() : QSize();
}

void MetricPanel::setRasterRequested() {
    m_rasterRequested = true;
    if (m_plot) m_plot->lineRaster()->setAwaitingImage(true);
}

void MetricPanel::setRaster(const series::ChartData* data,
                            std::shared_ptr<const LineRaster::Image> image) {
    if (!m_plot || !image || data != m_data.get()) return;  // the data moved on meanwhile
    m_rasterRequested = false;
    m_rasterStale = false;
    LineRaster* raster = m_plot->lineRaster();
    raster->setLines(raster->lines(), m_data, std::move(image));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPanel::showError(const QString& message, const FetchStamp& stamp) {
    m_shown = stamp;
    m_pending = {};
    m_error = message;
    ChartPlot* p = plot();
    p->clearPlottables();
    p->replot(QCustomPlot::rpQueuedReplot);
    m_empty->setText(tr("Cannot read this metric:\n%1").arg(message));
    m_empty->setVisible(true);
    m_empty->setGeometry(p->rect());
    updateStatus();
}

void MetricPanel::restyle(const ChartContext& context) {
    if (!m_data || !m_plot) return;
    m_context.runs = context.runs;
    m_context.groupColors = context.groupColors;
    m_context.groupNames = context.groupNames;
    m_context.settings.legend = context.settings.legend;
    const QCPRange range = m_plot->xAxis->range();
    // Many runs: the image at hand, in the old colours, until a new one is made off the UI
    // thread (see needsRaster).
    auto image = m_plot->lineRaster()->image();
    if (showsBars()) {
        renderBarChart(*m_plot, *m_data, m_context);
        return;
    }
    renderChart(*m_plot, m_data, m_context, range, image);
    if (image && drawsThroughRaster(*m_data)) {
        m_rasterStale = true;
        m_rasterRequested = false;
        m_plot->lineRaster()->setAwaitingImage(true);
    }
}

std::size_t MetricPanel::dataPoints() const {
    if (!m_data) return 0;
    std::size_t n = 0;
    for (const series::RunChart& r : m_data->runs)
        n += r.line.x.size() + r.raw.x.size();
    for (const series::GroupChart& g : m_data->groups)
        n += g.mean.x.size() * (g.low.empty() ? 1 : 3);
    return n;
}

void MetricPanel::releaseData() {
    if (!m_data) return;
    m_data.reset();
    m_shown = {};
    if (m_plot) {
        m_plot->clearPlottables();
        m_plot->lineRaster()->clear();
        m_plot->legend->clearItems();
    }
    updateStatus();
}

void MetricPanel::setOwnYRange(std::optional<std::pair<double, double>> range) {
    if (range == m_context.yRange) return;
    m_context.yRange = range;
    if (!m_plot) return;
    if (range)
        m_plot->yAxis->setRange(range->first, range->second);
    else if (m_data)
        m_plot->yAxis->setRange(chartYRange(*m_data, m_context));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPanel::previewXRange(double x0, double x1) {
    if (!m_plot || showsBars()) return;
    m_plot->setXRange(drawableRange(x0, x1));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPanel::updateStatus() {
    QString text;
    if (m_pending.valid) {
        text = tr("reading…");
    } else if (m_data) {
        const std::size_t groups = m_data->groups.size();
        const std::size_t runs = m_data->runs.size();
        const std::size_t drawn = m_context.runs ? m_context.runs->runs.size() : 0;
        if (groups > 0)
            text = groups == 1 ? tr("1 group") : tr("%1 groups").arg(groups);
        else if (runs < drawn)
            text = tr("%1 of %2 runs").arg(runs).arg(drawn);
        else
            text = runs == 1 ? tr("1 run") : tr("%1 runs").arg(runs);
    }
    m_status->setText(text);
}

bool MetricPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_plot && event->type() == QEvent::Resize) {
        m_empty->setGeometry(m_plot->rect());
        emit resized(this);
    }
    return QFrame::eventFilter(watched, event);
}

void MetricPanel::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    if (m_plot) m_empty->setGeometry(m_plot->rect());
    emit resized(this);
}

void MetricPanel::onHover(double x, const QPoint& globalPos) {
    m_hovering = true;
    m_hoverX = x;
    m_hoverPos = globalPos;
    if (!m_data || !m_tooltip || !m_plot) return;
    if (showsBars()) {
        if (auto row = barAt(*m_data, m_context, x))
            m_tooltip->showRows(m_name, {*row}, false, false, m_hoverPos);
        else
            m_tooltip->hide();
        return;
    }
    const double pixels = std::max(1.0, m_plot->axisRect()->width() * 1.0);
    const double tolerance = kHoverTolerancePixels * m_plot->xAxis->range().size() / pixels;
    if (canHoverFromData(*m_data)) {
        showRows(hoverFromData(*m_data, m_context, x, tolerance), false);
        return;
    }
    showRows({}, true);
    emit probeRequested(this, x, tolerance);
}

void MetricPanel::onHoverLeft() {
    m_hovering = false;
    if (m_tooltip) m_tooltip->hide();
}

void MetricPanel::showProbe(double x, const std::vector<series::ProbeValue>& values) {
    if (!m_hovering || x != m_hoverX) return;
    showRows(hoverFromProbe(values, m_context), false);
}

void MetricPanel::showRows(std::vector<HoverRow> rows, bool pending) {
    sortByValue(rows);
    double x = m_hoverX;
    if (!rows.empty() && m_context.settings.xAxis == series::XAxis::Step) x = rows.front().x;
    const QString axis = m_context.settings.xAxis == series::XAxis::Key
                             ? m_context.settings.xKey
                             : xAxisName(m_context.settings.xAxis).toLower();
    const QString title =
        QStringLiteral("%1  ·  %2 %3").arg(m_name, axis, formatX(x, m_context.settings.xAxis));
    m_tooltip->showRows(title, rows, m_context.request.smoothingOn(), pending, m_hoverPos);
}

}  // namespace runlens::ui
