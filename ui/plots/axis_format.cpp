// Number, duration and time formatting for axes and tooltips.
#include "ui/plots/axis_format.h"

#include <QDateTime>
#include <array>
#include <cmath>

namespace runlens::ui {
namespace {

// Fewest decimals (0..6) that write multiples of `step` exactly enough.
int decimalsFor(double step) {
    if (!(step > 0) || !std::isfinite(step)) return 2;
    for (int d = 0; d <= 6; ++d) {
        const double scaled = step * std::pow(10.0, d);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled)) return d;
    }
    return 6;
}

QString trimmed(QString text) {
    if (text.contains('.') && !text.contains('e')) {
        while (text.endsWith('0'))
            text.chop(1);
        if (text.endsWith('.')) text.chop(1);
    }
    return text == QLatin1String("-0") ? QStringLiteral("0") : text;
}

}  // namespace

QString formatTick(double value, double step) {
    if (std::isnan(value)) return QStringLiteral("NaN");
    if (std::isinf(value)) return value > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (std::abs(value) < 1e-12 * std::max(1.0, std::abs(step))) return QStringLiteral("0");
    const double a = std::abs(value);
    static constexpr std::array<std::pair<double, const char*>, 4> kUnits{
        {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}}};
    for (const auto& [unit, suffix] : kUnits) {
        if (a >= unit && a < unit * 1e3 && std::abs(step) >= unit / 1e3) {
            return trimmed(QString::number(value / unit, 'f', decimalsFor(step / unit))) +
                   QLatin1String(suffix);
        }
    }
    if (a >= 1e15 || a < 1e-4) return QString::number(value, 'g', 3);
    return trimmed(QString::number(value, 'f', decimalsFor(step)));
}

QString formatValue(double value) {
    if (std::isnan(value)) return QStringLiteral("NaN");
    if (std::isinf(value)) return value > 0 ? QStringLiteral("+∞") : QStringLiteral("−∞");
    return QString::number(value, 'g', 6);
}

QString formatDuration(double seconds, double resolution) {
    if (!std::isfinite(seconds)) return formatValue(seconds);
    if (seconds < 0) return QStringLiteral("−") + formatDuration(-seconds, resolution);
    if (seconds < 60 && (resolution < 1 || seconds < 1))
        return trimmed(QString::number(seconds, 'f', std::min(3, decimalsFor(resolution)))) +
               QLatin1Char('s');
    qint64 s = qint64(std::llround(seconds));
    const qint64 d = s / 86400, h = s / 3600 % 24, m = s / 60 % 60, sec = s % 60;
    auto two = [](qint64 v) { return QString::number(v).rightJustified(2, '0'); };
    if (d > 0) return h ? QStringLiteral("%1d%2h").arg(d).arg(h) : QStringLiteral("%1d").arg(d);
    if (h > 0)
        return m ? QStringLiteral("%1h%2m").arg(h).arg(two(m)) : QStringLiteral("%1h").arg(h);
    if (m > 0)
        return sec ? QStringLiteral("%1m%2s").arg(m).arg(two(sec)) : QStringLiteral("%1m").arg(m);
    return QStringLiteral("%1s").arg(sec);
}

QString formatX(double x, series::XAxis axis) {
    switch (axis) {
        case series::XAxis::Step:
            return std::isfinite(x) ? QString::number(qint64(std::llround(x))) : formatValue(x);
        case series::XAxis::WallTime:
            return std::isfinite(x) ? QDateTime::fromMSecsSinceEpoch(qint64(x * 1000.0))
                                          .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                                    : formatValue(x);
        case series::XAxis::RelativeTime:
            return formatDuration(x, 1);
        case series::XAxis::Key:
            return formatValue(x);
    }
    return {};
}

double NumberTicker::getTickStep(const QCPRange& range) {
    m_step = QCPAxisTicker::getTickStep(range);
    return m_step;
}

QString NumberTicker::getTickLabel(double tick, const QLocale&, QChar, int) {
    return formatTick(tick, m_step);
}

QString LogNumberTicker::getTickLabel(double tick, const QLocale&, QChar, int) {
    return formatTick(tick, std::abs(tick) / 10);
}

double DurationTicker::getTickStep(const QCPRange& range) {
    const double raw = range.size() / std::max(1.0, double(mTickCount) + 1e-10);
    if (raw < 1) {
        m_step = QCPAxisTicker::getTickStep(range);
        return m_step;
    }
    static constexpr std::array<double, 21> kNice{
        1,    2,    5,    10,    15,    30,    60,    120,    300,    600,    900,
        1800, 3600, 7200, 10800, 21600, 43200, 86400, 172800, 604800, 2592000};
    for (double nice : kNice) {
        if (nice >= raw) {
            m_step = nice;
            return nice;
        }
    }
    m_step = std::ceil(raw / 86400) * 86400;
    return m_step;
}

QString DurationTicker::getTickLabel(double tick, const QLocale&, QChar, int) {
    return formatDuration(tick, m_step);
}

double WallTimeTicker::getTickStep(const QCPRange& range) {
    const double span = range.size();
    // Clock times alone only while the range stays within one day; past that the date comes
    // first, or two "14:00" ticks a day apart read the same.
    const QDate first = QDateTime::fromMSecsSinceEpoch(qint64(range.lower * 1000)).date();
    const QDate last = QDateTime::fromMSecsSinceEpoch(qint64(range.upper * 1000)).date();
    const bool oneDay = span < 86400 && first == last;
    if (span < 120)
        setDateTimeFormat(oneDay ? QStringLiteral("HH:mm:ss") : QStringLiteral("MMM d HH:mm:ss"));
    else if (oneDay)
        setDateTimeFormat(QStringLiteral("HH:mm"));
    else if (span < 4 * 86400)
        setDateTimeFormat(QStringLiteral("MMM d HH:mm"));
    else if (span < 300 * 86400)
        setDateTimeFormat(QStringLiteral("MMM d"));
    else
        setDateTimeFormat(QStringLiteral("yyyy-MM"));
    return QCPAxisTickerDateTime::getTickStep(range);
}

}  // namespace runlens::ui
