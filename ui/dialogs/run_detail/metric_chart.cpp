// MetricChart: QCustomPlot with a title, a filled line and a tracer that follows the mouse.
#include "ui/dialogs/run_detail/metric_chart.h"

#include <algorithm>
#include <cmath>

#include "ui/format.h"
#include "ui/plots/axis_format.h"

namespace runlens::ui {
namespace {

const QColor kLine(0x1f, 0x77, 0xb4);

// The unit a system metric's name implies (W&B and MLflow name them this way).
QString unitOf(const QString& key) {
    const QString k = key.toLower();
    if (k.contains(QLatin1String("percent")) || k.endsWith(QLatin1String(".gpu")) ||
        k.endsWith(QLatin1String("util")) || k.endsWith(QLatin1String("utilization")) ||
        k == QLatin1String("cpu") || k.endsWith(QLatin1String(".cpu")) ||
        k.endsWith(QLatin1String("memory")) || k.endsWith(QLatin1String("%")))
        return QStringLiteral("%");
    if (k.endsWith(QLatin1String("mb"))) return QStringLiteral("MB");
    if (k.endsWith(QLatin1String("gb"))) return QStringLiteral("GB");
    if (k.startsWith(QLatin1String("network.")) || k.endsWith(QLatin1String("bytes")))
        return QStringLiteral("bytes");
    if (k.endsWith(QLatin1String("temp"))) return QStringLiteral("°C");
    if (k.contains(QLatin1String("watts"))) return QStringLiteral("W");
    return {};
}

}  // namespace

MetricChart::MetricChart(const QString& key, const QVector<double>& x, const QVector<double>& y,
                         bool xIsTime, QWidget* parent)
    : QCustomPlot(parent), m_key(key), m_xIsTime(xIsTime), m_unit(unitOf(key)) {
    setObjectName(QStringLiteral("chart:") + key);
    setMinimumHeight(190);
    setMinimumWidth(260);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip({});
    setBackground(palette().color(QPalette::Base));

    QFont small = font();
    small.setPointSizeF(std::max(6.5, small.pointSizeF() * 0.85));
    QFont titleFont = font();
    titleFont.setBold(true);
    plotLayout()->insertRow(0);
    auto* title = new QCPTextElement(this, key, titleFont);
    title->setTextColor(palette().color(QPalette::Text));
    title->setMargins(QMargins(4, 4, 4, 0));
    plotLayout()->addElement(0, 0, title);

    const QColor text = palette().color(QPalette::Text);
    const QColor grid = palette().color(QPalette::Mid);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(small);
        axis->setTickLabelColor(text);
        axis->setLabelColor(text);
        axis->setBasePen(QPen(grid));
        axis->setTickPen(QPen(grid));
        axis->setSubTickPen(QPen(grid));
        axis->grid()->setPen(
            QPen(QColor(grid.red(), grid.green(), grid.blue(), 70), 0, Qt::DotLine));
    }
    // Seconds on steps people count in (0.05 s for a short run, hours for a long one); values
    // as 800k and 1.2M, not 800000 beside 1·10⁶.
    if (xIsTime)
        xAxis->setTicker(QSharedPointer<DurationTicker>::create());
    else
        xAxis->setTicker(QSharedPointer<NumberTicker>::create());
    yAxis->setTicker(QSharedPointer<NumberTicker>::create());
    for (QCPAxis* axis : {xAxis, yAxis})
        axis->ticker()->setTickCount(4);
    xAxis->setLabel(xIsTime ? tr("time since start") : tr("sample"));
    yAxis->setLabel(m_unit);
    xAxis->setPadding(0);
    xAxis->setLabelPadding(1);

    QCPGraph* graph = addGraph();
    graph->setPen(QPen(kLine, 1.5));
    graph->setAdaptiveSampling(true);
    graph->setData(x, y, true);

    bool found = false;
    QCPRange xRange = graph->getKeyRange(found);
    if (!found) xRange = QCPRange(0, 1);
    if (xRange.size() <= 0) xRange = QCPRange(xRange.lower - 0.5, xRange.upper + 0.5);
    xAxis->setRange(xRange);
    QCPRange yRange = graph->getValueRange(found);
    if (!found) yRange = QCPRange(0, 1);
    if (yRange.size() <= 0) {
        const double pad = std::max(1e-9, std::fabs(yRange.lower) * 0.1 + (yRange.lower == 0));
        yRange = QCPRange(yRange.lower - pad, yRange.upper + pad);
    } else {
        const double pad = yRange.size() * 0.06;
        // Keep a zero baseline when the data sit on it (utilisation percentages).
        yRange = QCPRange(yRange.lower >= 0 && yRange.lower - pad < 0 ? 0 : yRange.lower - pad,
                          yRange.upper + pad);
    }
    // Percentages on their whole scale while they fit it: 16.1-16.3 % memory is flat, not a
    // series of swings.
    if (m_unit == QLatin1String("%") && yRange.lower >= -1e-9 && yRange.upper <= 100 + 1e-9 &&
        found)
        yRange = QCPRange(0, 100);
    yAxis->setRange(yRange);
    // A fill means "this much": only from a zero the axis shows, never from the axis minimum.
    if (yRange.lower <= 0 && yRange.upper >= 0)
        graph->setBrush(QColor(kLine.red(), kLine.green(), kLine.blue(), 28));

    m_tracer = new QCPItemTracer(this);
    m_tracer->setGraph(graph);
    m_tracer->setStyle(QCPItemTracer::tsCircle);
    m_tracer->setSize(6);
    m_tracer->setPen(QPen(kLine, 1.5));
    m_tracer->setBrush(palette().color(QPalette::Base));
    m_tracer->setVisible(false);
    m_readout = new QCPItemText(this);
    m_readout->setPositionAlignment(Qt::AlignTop | Qt::AlignRight);
    m_readout->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_readout->position->setCoords(1.0, 0.0);
    m_readout->setPadding(QMargins(4, 2, 4, 2));
    m_readout->setFont(small);
    m_readout->setColor(text);
    QColor readoutBack = palette().color(QPalette::Base);
    readoutBack.setAlpha(220);
    m_readout->setBrush(readoutBack);
    m_readout->setVisible(false);
    setMouseTracking(true);
}

bool MetricChart::isFilled() const {
    return graphCount() > 0 && graph(0)->brush().style() != Qt::NoBrush;
}

int MetricChart::pointCount() const {
    return graphCount() > 0 ? graph(0)->dataCount() : 0;
}

QString MetricChart::valueTextAt(double x) const {
    const QCPGraph* g = graphCount() > 0 ? graph(0) : nullptr;
    if (!g || g->data()->isEmpty()) return {};
    auto it = g->data()->findBegin(x, false);
    if (it == g->data()->constEnd()) --it;
    auto next = it + 1;
    if (next != g->data()->constEnd() && std::fabs(next->key - x) < std::fabs(it->key - x))
        it = next;
    const QString at =
        m_xIsTime ? formatDuration(it->key, 0.01) : tr("sample %1").arg(formatNumber(it->key));
    const QString value =
        formatNumber(it->value) + (m_unit.isEmpty()               ? QString()
                                   : m_unit == QLatin1String("%") ? m_unit
                                                                  : QStringLiteral(" ") + m_unit);
    return QStringLiteral("%1:  %2").arg(at, value);
}

void MetricChart::mouseMoveEvent(QMouseEvent* event) {
    QCustomPlot::mouseMoveEvent(event);
    if (pointCount() == 0 || !axisRect()->rect().contains(event->position().toPoint())) {
        if (m_tracer->visible()) {
            m_tracer->setVisible(false);
            m_readout->setVisible(false);
            replot(QCustomPlot::rpQueuedReplot);
        }
        return;
    }
    const double x = xAxis->pixelToCoord(event->position().toPoint().x());
    m_tracer->setGraphKey(x);
    m_tracer->setInterpolating(false);
    m_tracer->updatePosition();
    m_tracer->setVisible(true);
    m_readout->setText(valueTextAt(x));
    m_readout->setVisible(true);
    replot(QCustomPlot::rpQueuedReplot);
}

void MetricChart::leaveEvent(QEvent* event) {
    QCustomPlot::leaveEvent(event);
    m_tracer->setVisible(false);
    m_readout->setVisible(false);
    replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace runlens::ui
