// SweepScatter: the jitter is a fixed function of the run index, so points do not move between
// repaints.
#include "ui/sweep/sweep_scatter.h"

#include <QPainter>
#include <cmath>

#include "ui/sweep/axis_scale.h"

namespace runlens::ui {
namespace {

constexpr double kMargin = 44;

double jitter(std::size_t i) {
    return (double((i * 2654435761u) % 1000) / 1000.0 - 0.5) * 0.5;  // within a slot's half
}

}  // namespace

SweepScatter::SweepScatter(QWidget* parent) : QWidget(parent) {
    setMinimumSize(240, 160);
}

void SweepScatter::setData(analysis::SweepAxis parameter, analysis::SweepAxis target,
                           std::vector<std::uint8_t> shown, bool lowerIsBetter) {
    m_x = std::move(parameter);
    m_y = std::move(target);
    m_shown = std::move(shown);
    m_lowerIsBetter = lowerIsBetter;
    update();
}

void SweepScatter::setShown(std::vector<std::uint8_t> shown) {
    m_shown = std::move(shown);
    update();
}

QRectF SweepScatter::plotRect() const {
    return QRectF(kMargin + 10, 12, std::max(1.0, width() - kMargin - 24),
                  std::max(1.0, height() - kMargin - 12));
}

std::optional<QPointF> SweepScatter::pointOf(std::size_t i) const {
    if (i >= m_x.positions.size() || i >= m_y.positions.size()) return std::nullopt;
    const double x = m_x.positions[i], y = m_y.positions[i];
    if (std::isnan(x) || std::isnan(y)) return std::nullopt;
    const QRectF r = plotRect();
    double fx;
    if (m_x.kind == analysis::SweepAxis::Kind::Categorical) {
        const double n = double(std::max<std::size_t>(1, m_x.categories.size()));
        fx = (x + 0.5 + jitter(i)) / n;  // slots across the width
    } else {
        fx = fraction(m_x, x);
    }
    return QPointF(r.left() + r.width() * fx, r.bottom() - r.height() * fraction(m_y, y));
}

void SweepScatter::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_x.key.empty()) {
        p.setPen(palette().placeholderText().color());
        p.drawText(rect(), Qt::AlignCenter, tr("Click a parameter to see the target against it."));
        return;
    }
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = plotRect();
    const QFontMetrics fm = fontMetrics();
    p.setPen(palette().mid().color());
    p.drawRect(r);
    p.setPen(palette().placeholderText().color());
    // y ticks: the target's ends and middle.
    for (double f : {0.0, 0.5, 1.0}) {
        const double y = r.bottom() - r.height() * f;
        p.drawText(QRectF(0, y - fm.height() / 2.0, kMargin + 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, tickText(fromFraction(m_y, f)));
    }
    // x ticks: categories by name, numbers at the ends and the middle.
    const double labelY = r.bottom() + 4;
    if (m_x.kind == analysis::SweepAxis::Kind::Categorical) {
        const double n = double(std::max<std::size_t>(1, m_x.categories.size()));
        for (std::size_t c = 0; c < m_x.categories.size(); ++c) {
            const double x = r.left() + r.width() * (double(c) + 0.5) / n;
            p.drawText(QRectF(x - r.width() / n / 2, labelY, r.width() / n, fm.height()),
                       Qt::AlignCenter,
                       fm.elidedText(QString::fromStdString(m_x.categories[c]), Qt::ElideMiddle,
                                     int(r.width() / n)));
        }
    } else {
        for (double f : {0.0, 0.5, 1.0}) {
            const double x = r.left() + r.width() * f;
            p.drawText(QRectF(x - 40, labelY, 80, fm.height()), Qt::AlignCenter,
                       tickText(fromFraction(m_x, f)));
        }
    }
    p.setPen(palette().text().color());
    p.drawText(QRectF(r.left(), labelY + fm.height() + 2, r.width(), fm.height()), Qt::AlignCenter,
               QString::fromStdString(m_x.key) + (m_x.log ? QStringLiteral(" (log)") : QString()) +
                   QStringLiteral("  →  ") + QString::fromStdString(m_y.key));
    const std::vector<double> sorted = sortedValues(m_y);
    // Pale points first, then the rest, the best last.
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t i = 0; i < m_x.positions.size(); ++i) {
            const bool shown = m_shown.empty() || (i < m_shown.size() && m_shown[i]);
            if (shown != (pass == 1)) continue;
            const auto pt = pointOf(i);
            if (!pt) continue;
            double f = rankFraction(sorted, m_y.positions[i]);  // as the lines are coloured
            if (m_lowerIsBetter) f = 1 - f;
            QColor c = shown ? viridis(f) : QColor(200, 200, 200);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(*pt, shown ? 3.5 : 2.5, shown ? 3.5 : 2.5);
        }
}

}  // namespace runlens::ui
