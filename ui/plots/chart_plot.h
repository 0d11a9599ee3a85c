// ChartPlot: a QCustomPlot with the chart interactions — wheel zoom and drag-pan on x, rubber-band
// zoom, double-click reset, hover crosshair on its own buffered layer (no full replot per move).
#pragma once

#include <qcustomplot.h>

namespace runlens::ui {

class LineRaster;

class ChartPlot : public QCustomPlot {
    Q_OBJECT
public:
    explicit ChartPlot(QWidget* parent = nullptr);

    /// Sets the x range without reporting it as the person's change.
    void setXRange(const QCPRange& range);
    /// Fixed margins around the axis rect, so that panels line up and the plot width is known
    /// before anything is drawn.
    QMargins axisMargins() const { return m_margins; }
    /// Width of the data area in device pixels (the envelope's column count).
    int dataWidthPixels() const;
    /// Size of the data area (the axis rect) in device pixels, as laid out now (see layoutNow).
    QSize dataAreaPixels() const;
    /// Lays the plot out at once (legend and axis rect), rather than at the next replot.
    void layoutNow();

    /// Draws the lines of charts with many runs (below every graph).
    LineRaster* lineRaster() const { return m_raster; }

    void showCrosshair(double x);
    void hideCrosshair();

signals:
    /// The person zoomed or panned (wheel, drag, rubber band); may come in bursts.
    void userXRangeChanged(const QCPRange& range);
    /// The person chose a y range (a rubber band); comes before the band's x range.
    void userYRangeChanged(const QCPRange& range);
    void resetRequested();
    /// The mouse is over the data area at this x (plot coordinates).
    void hovered(double x, const QPoint& globalPos);
    void hoverLeft();

protected:
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void onRubberBand(const QRect& rect);

    QMargins m_margins;
    QCPLayer* m_overlay = nullptr;
    LineRaster* m_raster = nullptr;
    QCPItemStraightLine* m_crosshair = nullptr;
    bool m_settingRange = false;
};

}  // namespace runlens::ui
