// ChartPlot: interaction wiring and the crosshair overlay.
#include "ui/plots/chart_plot.h"

#include "ui/plots/line_raster.h"

#include <algorithm>
#include <cmath>

namespace runlens::ui {
namespace {

constexpr int kMinRubberBandPixels = 4;

}  // namespace

ChartPlot::ChartPlot(QWidget* parent) : QCustomPlot(parent) {
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    axisRect()->setRangeDrag(Qt::Horizontal);
    axisRect()->setRangeZoom(Qt::Horizontal);
    axisRect()->setRangeZoomFactor(0.8);
    setNoAntialiasingOnDrag(true);
    setSelectionRectMode(QCP::srmCustom);
    selectionRect()->setPen(QPen(QColor(70, 110, 200), 1, Qt::DashLine));
    selectionRect()->setBrush(QColor(70, 110, 200, 40));
    connect(selectionRect(), &QCPSelectionRect::accepted, this,
            [this](const QRect& rect, QMouseEvent*) { onRubberBand(rect); });
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange& range) {
                if (!m_settingRange) emit userXRangeChanged(range);
            });

    setAutoAddPlottableToLegend(false);
    m_raster = new LineRaster(this);  // first on the main layer: below every graph
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (QCPAxis* axis : {xAxis, yAxis}) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(small);
        axis->setTickLabelColor(QColor(90, 90, 90));
        axis->setLabelColor(QColor(110, 110, 110));
        axis->setBasePen(QPen(QColor(190, 190, 190)));
        axis->setTickPen(QPen(QColor(190, 190, 190)));
        axis->setSubTicks(false);
        axis->setTickLengthIn(0);
        axis->setTickLengthOut(3);
        axis->grid()->setPen(QPen(QColor(232, 232, 232)));
        axis->grid()->setZeroLinePen(Qt::NoPen);
        axis->setLabelPadding(2);
        axis->setTickLabelPadding(3);
    }
    // The legend is a row under the plot, not a box over the lines.
    // Its row holds the legend, left-aligned, and a spacer taking the rest of the width, so that
    // the legend's narrow columns never narrow the axis rect above.
    axisRect()->insetLayout()->take(legend);
    auto* legendRow = new QCPLayoutGrid;
    plotLayout()->addElement(1, 0, legendRow);
    plotLayout()->setRowStretchFactor(1, 0.001);
    plotLayout()->setRowSpacing(0);
    legendRow->setMargins(QMargins());
    legendRow->setColumnSpacing(0);
    legendRow->addElement(0, 0, legend);
    legendRow->addElement(0, 1, new QCPLayoutElement(this));
    legendRow->setColumnStretchFactor(0, 0.001);
    legend->setFont(small);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setIconSize(16, 8);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    legend->setMargins(QMargins(6, 0, 6, 4));
    legend->setColumnSpacing(10);
    legend->setRowSpacing(0);
    legend->setVisible(false);

    const QFontMetrics fm(small);
    m_margins =
        QMargins(fm.horizontalAdvance(QStringLiteral("−0.0000")) + 14, 8, 14, 2 * fm.height() + 10);
    axisRect()->setAutoMargins(QCP::msNone);
    axisRect()->setMargins(m_margins);

    addLayer(QStringLiteral("crosshair"), layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_overlay = layer(QStringLiteral("crosshair"));
    m_overlay->setMode(QCPLayer::lmBuffered);
    m_crosshair = new QCPItemStraightLine(this);
    m_crosshair->setLayer(m_overlay);
    m_crosshair->setPen(QPen(QColor(120, 120, 120, 170), 1, Qt::DashLine));
    m_crosshair->setSelectable(false);
    m_crosshair->point1->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_crosshair->point2->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_crosshair->setVisible(false);
    setMouseTracking(true);
}

void ChartPlot::setXRange(const QCPRange& range) {
    m_settingRange = true;
    xAxis->setRange(range);
    m_settingRange = false;
}

int ChartPlot::dataWidthPixels() const {
    const int logical = width() - m_margins.left() - m_margins.right();
    return std::max(16, int(std::lround(logical * devicePixelRatioF())));
}

QSize ChartPlot::dataAreaPixels() const {
    const QRect area = axisRect()->rect();
    const qreal ratio = bufferDevicePixelRatio();
    return QSize(int(area.width() * ratio), int(area.height() * ratio));
}

void ChartPlot::layoutNow() {
    updateLayout();
}

void ChartPlot::showCrosshair(double x) {
    m_crosshair->point1->setCoords(x, 0);
    m_crosshair->point2->setCoords(x, 1);
    m_crosshair->setVisible(true);
    m_overlay->replot();
}

void ChartPlot::hideCrosshair() {
    if (!m_crosshair->visible()) return;
    m_crosshair->setVisible(false);
    m_overlay->replot();
}

void ChartPlot::mousePressEvent(QMouseEvent* event) {
    // Shift or the middle button pans; a plain left drag draws a zoom rectangle.
    const bool pan =
        event->button() == Qt::MiddleButton || (event->modifiers() & Qt::ShiftModifier);
    setSelectionRectMode(pan ? QCP::srmNone : QCP::srmCustom);
    if (event->button() == Qt::MiddleButton) {
        // QCustomPlot drags with the left button only: present the middle one as left.
        QMouseEvent left(event->type(), event->position(), event->scenePosition(),
                         event->globalPosition(), Qt::LeftButton, Qt::LeftButton,
                         event->modifiers());
        QCustomPlot::mousePressEvent(&left);
        return;
    }
    QCustomPlot::mousePressEvent(event);
}

void ChartPlot::mouseMoveEvent(QMouseEvent* event) {
    QCustomPlot::mouseMoveEvent(event);
    const QPoint pos = event->position().toPoint();
    if (axisRect()->rect().contains(pos) && event->buttons() == Qt::NoButton) {
        const double x = xAxis->pixelToCoord(pos.x());
        showCrosshair(x);
        emit hovered(x, event->globalPosition().toPoint());
    } else {
        hideCrosshair();
        emit hoverLeft();
    }
}

void ChartPlot::mouseDoubleClickEvent(QMouseEvent* event) {
    QCustomPlot::mouseDoubleClickEvent(event);
    if (event->button() == Qt::LeftButton) emit resetRequested();
}

void ChartPlot::leaveEvent(QEvent* event) {
    QCustomPlot::leaveEvent(event);
    hideCrosshair();
    emit hoverLeft();
}

void ChartPlot::onRubberBand(const QRect& rect) {
    if (rect.width() < kMinRubberBandPixels) return;
    // A band a few pixels high is a sweep along x: it keeps the y range.
    if (rect.height() >= kMinRubberBandPixels) {
        const double low = yAxis->pixelToCoord(rect.bottom());
        const double high = yAxis->pixelToCoord(rect.top());
        const QCPRange y(std::min(low, high), std::max(low, high));
        yAxis->setRange(y);
        emit userYRangeChanged(y);
    }
    const double a = xAxis->pixelToCoord(rect.left());
    const double b = xAxis->pixelToCoord(rect.right());
    xAxis->setRange(std::min(a, b), std::max(a, b));  // reported through rangeChanged
    replot(rpQueuedReplot);
}

}  // namespace runlens::ui
