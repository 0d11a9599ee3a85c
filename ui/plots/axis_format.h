// Axis labels that read well: compact numbers (12.5k, 3M), durations (1h30m), wall-clock times;
// QCustomPlot tickers that use them, and the same formatting for hover tooltips.
#pragma once

#include <qcustomplot.h>
#include <QString>

#include "core/series/x_alignment.h"

namespace runlens::ui {

/// A tick label: `value` shown with just enough decimals to tell ticks `step` apart; thousands
/// and up as k, M, B, T.
QString formatTick(double value, double step);
/// A value in a tooltip: up to 6 significant digits, NaN and infinities spelled out.
QString formatValue(double value);
/// A duration in seconds: 45s, 12m30s, 3h05m, 2d4h (sub-second values as 0.25s).
QString formatDuration(double seconds, double resolution = 1);
/// An x position in a tooltip, as the axis shows it.
QString formatX(double x, series::XAxis axis);

/// Linear numbers with formatTick labels.
class NumberTicker : public QCPAxisTicker {
protected:
    double getTickStep(const QCPRange& range) override;
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                         int precision) override;

private:
    double m_step = 1;
};

/// Log axes with formatTick labels (1, 10, 100, 1k, 0.01...).
class LogNumberTicker : public QCPAxisTickerLog {
protected:
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                         int precision) override;
};

/// Seconds, on steps people count in (1, 2, 5, 10, 15, 30 s; minutes; hours; days).
class DurationTicker : public QCPAxisTicker {
protected:
    double getTickStep(const QCPRange& range) override;
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                         int precision) override;

private:
    double m_step = 1;
};

/// Unix seconds as local clock time; the format follows the visible span, with the date as soon
/// as the range leaves one day.
class WallTimeTicker : public QCPAxisTickerDateTime {
protected:
    double getTickStep(const QCPRange& range) override;
};

}  // namespace runlens::ui
