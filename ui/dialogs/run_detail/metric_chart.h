// MetricChart: a small line chart of one system metric (x = time since the run started, or the
// sample index), with the metric's unit, showing the value under the mouse.
#pragma once

#include <qcustomplot.h>
#include <QVector>

namespace runlens::ui {

class MetricChart : public QCustomPlot {
    Q_OBJECT
public:
    /// x and y have equal length; x is seconds since the start when xIsTime, else the sample.
    MetricChart(const QString& key, const QVector<double>& x, const QVector<double>& y,
                bool xIsTime, QWidget* parent = nullptr);

    QString key() const { return m_key; }
    int pointCount() const;
    /// The unit of the values, from the key's name ("%", "MB", "bytes"...); empty if unknown.
    QString unit() const { return m_unit; }
    /// True when the area under the line is filled (only down to a zero the y axis shows).
    bool isFilled() const;
    /// The point nearest to x (by x), as "x: value" text; empty when the chart has no points.
    QString valueTextAt(double x) const;

protected:
    void mouseMoveEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    QString m_key;
    bool m_xIsTime = true;
    QString m_unit;
    QCPItemTracer* m_tracer = nullptr;
    QCPItemText* m_readout = nullptr;
};

}  // namespace runlens::ui
