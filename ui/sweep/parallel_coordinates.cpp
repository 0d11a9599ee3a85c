// ParallelCoordinates: lines are drawn into an image (faded ones first, then the brushed ones in
// order of target, best last) and reused until the data, the brush or the size change; axes,
// labels and brushes are painted over it each time.
#include "ui/sweep/parallel_coordinates.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>
#include <algorithm>
#include <cmath>
#include <numeric>

#include "ui/plots/line_raster.h"
#include "ui/sweep/axis_scale.h"

namespace runlens::ui {
namespace {

constexpr double kMarginTop = 44;     // axis titles
constexpr double kMarginBottom = 34;  // the missing slot and its label
constexpr double kMarginSide = 70;
constexpr double kMissingGap = 18;  // from the axis bottom to the missing slot
constexpr double kAxisReach = 12;
constexpr double kColourBarGap = 44;  // from the target axis, past its tick labels
constexpr double kColourBarWidth = 10;
// Lines go through the charts' rasterizer at every count: QPainter took seconds for a few
// hundred translucent polylines (sweep_view_bench), the rasterizer 80 ms for 10,000.
constexpr std::size_t kDenseRuns =
    1000;  // more runs than this: fainter lines   // pixels either side of an axis that brush it

}  // namespace

ParallelCoordinates::ParallelCoordinates(QWidget* parent) : QWidget(parent) {
    setMouseTracking(true);
    setMinimumSize(320, 240);
    setToolTip(
        tr("Drag along an axis to select a range (several per axis add up); drag a range "
           "to move it; click an axis to clear it"));
}

void ParallelCoordinates::setData(std::vector<analysis::SweepAxis> axes, std::vector<RunId> runs,
                                  bool lowerIsBetter) {
    std::vector<std::string> oldKeys;
    for (const auto& a : m_axes)
        oldKeys.push_back(a.key);
    analysis::SweepBrush kept;
    for (std::size_t i = 0; i < axes.size(); ++i) {
        auto at = std::find(oldKeys.begin(), oldKeys.end(), axes[i].key);
        if (at == oldKeys.end()) continue;
        if (const auto* ranges = m_brush.ranges(int(at - oldKeys.begin())))
            for (const auto& r : *ranges)
                kept.add(int(i), r);
    }
    m_axes = std::move(axes);
    m_runs = std::move(runs);
    m_lowerIsBetter = lowerIsBetter;
    m_brush = kept;
    m_selected = m_brush.selected(m_axes);
    m_sortedTargets = m_axes.empty() ? std::vector<double>() : sortedValues(m_axes.back());
    m_geometryValid = false;
    renderLines();
    update();
}

std::vector<RunId> ParallelCoordinates::brushedRuns() const {
    std::vector<RunId> out;
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if (i >= m_selected.size() || m_selected[i]) out.push_back(m_runs[i]);
    return out;
}

std::vector<std::uint8_t> ParallelCoordinates::shownMask() const {
    if (m_brush.empty() && m_highlighted.empty()) return {};
    std::vector<std::uint8_t> out(m_runs.size(), 1);
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (!m_selected.empty() && !m_selected[i]) out[i] = 0;
        if (!m_highlighted.empty() &&
            !std::binary_search(m_highlighted.begin(), m_highlighted.end(), m_runs[i]))
            out[i] = 0;
    }
    return out;
}

void ParallelCoordinates::setHighlighted(std::vector<RunId> runs) {
    std::sort(runs.begin(), runs.end());
    if (runs == m_highlighted) return;
    m_highlighted = std::move(runs);
    renderLines();
    update();
}

RunId ParallelCoordinates::runAt(QPointF point) const {
    if (m_axes.size() < 2) return 0;
    // The segment between the two axes around the point, for every run.
    int left = 0;
    while (left + 2 < int(m_axes.size()) && axisX(left + 1) < point.x())
        ++left;
    const double x0 = axisX(left), x1 = axisX(left + 1);
    if (point.x() < x0 - 4 || point.x() > x1 + 4) return 0;
    const double t = std::clamp((point.x() - x0) / std::max(1.0, x1 - x0), 0.0, 1.0);
    RunId best = 0;
    double bestDistance = 5;  // pixels
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        if (!m_selected.empty() && !m_selected[i]) continue;  // brushed out: not pickable
        const auto& a = m_axes[std::size_t(left)].positions;
        const auto& b = m_axes[std::size_t(left + 1)].positions;
        const double y0 = positionY(left, i < a.size() ? a[i] : std::nan(""));
        const double y1 = positionY(left + 1, i < b.size() ? b[i] : std::nan(""));
        const double d = std::fabs(y0 + t * (y1 - y0) - point.y());
        if (d < bestDistance) {
            bestDistance = d;
            best = m_runs[i];
        }
    }
    return best;
}

void ParallelCoordinates::brushAxis(int axis, double low, double high) {
    m_brush.add(axis, {low, high});
    m_selected = m_brush.selected(m_axes);
    renderLines();
    update();
    emit brushChanged();
}

void ParallelCoordinates::clearBrush() {
    m_brush.clearAll();
    m_selected = m_brush.selected(m_axes);
    renderLines();
    update();
    emit brushChanged();
}

QRectF ParallelCoordinates::plotRect() const {
    return QRectF(kMarginSide, kMarginTop, std::max(1.0, width() - 2 * kMarginSide),
                  std::max(1.0, height() - kMarginTop - kMarginBottom - kMissingGap));
}

double ParallelCoordinates::axisX(int axis) const {
    const QRectF r = plotRect();
    const int n = int(m_axes.size());
    return n <= 1 ? r.center().x() : r.left() + r.width() * axis / (n - 1);
}

double ParallelCoordinates::positionY(int axis, double position) const {
    const QRectF r = plotRect();
    if (std::isnan(position)) return r.bottom() + kMissingGap;
    return r.bottom() - r.height() * fraction(m_axes[std::size_t(axis)], position);
}

double ParallelCoordinates::valueAt(int axis, double y) const {
    const QRectF r = plotRect();
    return fromFraction(m_axes[std::size_t(axis)],
                        std::clamp((r.bottom() - y) / r.height(), 0.0, 1.0));
}

int ParallelCoordinates::axisAt(double x) const {
    for (int a = 0; a < int(m_axes.size()); ++a)
        if (std::fabs(axisX(a) - x) <= kAxisReach) return a;
    return -1;
}

QColor ParallelCoordinates::colorOf(double target) const {
    if (m_sortedTargets.empty() || std::isnan(target)) return QColor(150, 150, 150);
    const double f = rankFraction(m_sortedTargets, target);
    return viridis(m_lowerIsBetter ? 1 - f : f);  // yellow is always the best
}

void ParallelCoordinates::renderLines() {
    const qreal dpr = devicePixelRatioF();
    auto blank = [&] {
        QImage image(size() * dpr, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(dpr);
        image.fill(Qt::transparent);
        return image;
    };
    m_lines = blank();
    if (m_axes.empty() || m_runs.empty()) {
        m_base = QImage();
        return;
    }
    const RasterView view{0, double(width()), 0, double(height()), false};
    // Where every line passes, in raster coordinates (y grows upwards): once per data and size.
    if (!m_geometryValid) {
        m_xs.assign(m_axes.size(), 0);
        for (int a = 0; a < int(m_axes.size()); ++a)
            m_xs[std::size_t(a)] = axisX(a);
        m_ys.assign(m_runs.size(), std::vector<double>(m_axes.size()));
        for (std::size_t i = 0; i < m_runs.size(); ++i)
            for (int a = 0; a < int(m_axes.size()); ++a) {
                const auto& positions = m_axes[std::size_t(a)].positions;
                m_ys[i][std::size_t(a)] =
                    height() - positionY(a, i < positions.size() ? positions[i] : std::nan(""));
            }
        m_geometryValid = true;
        m_base = QImage();
    }
    const std::vector<double>& target = m_axes.back().positions;
    auto highlighted = [&](std::size_t i) {
        return m_highlighted.empty() ||
               std::binary_search(m_highlighted.begin(), m_highlighted.end(), m_runs[i]);
    };
    const bool singledOut = !m_brush.empty() || !m_highlighted.empty();
    // The faded layer: every line pale, kept while only the brush or the highlight changes, so
    // a brush drag redraws just the lines it keeps.
    if (singledOut && m_base.isNull()) {
        m_base = blank();
        std::vector<LineRaster::Line> pale;
        pale.reserve(m_runs.size());
        QColor grey(190, 190, 190);
        grey.setAlphaF(0.25);
        for (std::size_t i = 0; i < m_runs.size(); ++i)
            pale.push_back({&m_xs, &m_ys[i], grey, true});
        LineRaster::rasterize(pale, view, m_base, 2);
    }
    // The lines that stand out, in colour, the best last so it lies on top.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        if ((m_selected.empty() || m_selected[i]) && highlighted(i)) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const double fa = std::isnan(target[a]) ? -1 : fraction(m_axes.back(), target[a]);
        const double fb = std::isnan(target[b]) ? -1 : fraction(m_axes.back(), target[b]);
        return m_lowerIsBetter ? fa > fb : fa < fb;
    });
    std::vector<LineRaster::Line> lines;
    lines.reserve(order.size());
    for (std::size_t i : order) {
        QColor c = colorOf(target[i]);
        c.setAlphaF(m_runs.size() > kDenseRuns ? 0.35 : 0.85);
        lines.push_back({&m_xs, &m_ys[i], c, true});
    }
    LineRaster::rasterize(lines, view, m_lines, 2);
}

void ParallelCoordinates::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    m_geometryValid = false;
    renderLines();
}

void ParallelCoordinates::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_axes.empty()) {
        p.setPen(palette().placeholderText().color());
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap,
                   tr("No parameter varies across the shown runs."));
        return;
    }
    if (!m_brush.empty() || !m_highlighted.empty()) p.drawImage(QPointF(0, 0), m_base);
    p.drawImage(QPointF(0, 0), m_lines);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r = plotRect();
    const QFontMetrics fm = fontMetrics();
    const double spacing = m_axes.size() > 1 ? r.width() / double(m_axes.size() - 1) : r.width();
    for (int a = 0; a < int(m_axes.size()); ++a) {
        const analysis::SweepAxis& axis = m_axes[std::size_t(a)];
        const double x = axisX(a);
        p.setPen(QPen(palette().text().color(), axis.isMetric ? 2 : 1));
        p.drawLine(QPointF(x, r.top()), QPointF(x, r.bottom()));
        // Title: elided to the room between axes, full text in a tooltip of the view.
        QFont bold = font();
        bold.setBold(axis.isMetric);
        p.setFont(bold);
        // Titles take two staggered rows when the axes are close, so each has twice the room.
        const QString title = QString::fromStdString(axis.key) + (axis.log ? " (log)" : "");
        const QFontMetrics bfm(bold);
        const bool stagger = m_axes.size() > 2 && spacing < 140;
        const double room = stagger ? 2 * spacing - 8 : spacing - 6;
        const QString shown = bfm.elidedText(title, Qt::ElideMiddle, int(std::max(40.0, room)));
        const double row = stagger && a % 2 == 1 ? bfm.height() + 2 : 0;
        p.drawText(QRectF(x - room / 2, 4 + row, room, bfm.height()), Qt::AlignCenter, shown);
        p.setFont(font());
        // Ticks: categories by name; numbers at the ends and the middle.
        p.setPen(palette().placeholderText().color());
        auto label = [&](double position, const QString& text) {
            const double y = positionY(a, position);
            p.drawLine(QPointF(x - 3, y), QPointF(x + 3, y));
            p.drawText(QRectF(x + 5, y - fm.height() / 2.0, spacing - 10, fm.height()),
                       Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(text, Qt::ElideRight, int(std::max(30.0, spacing - 12))));
        };
        if (axis.kind == analysis::SweepAxis::Kind::Categorical) {
            const std::size_t n = axis.categories.size();
            const std::size_t step = std::max<std::size_t>(
                1, n * std::size_t(fm.height()) / std::size_t(std::max(1.0, r.height())) + 1);
            for (std::size_t c = 0; c < n; c += step)
                label(double(c), QString::fromStdString(axis.categories[c]));
        } else {
            for (double f : {0.0, 0.5, 1.0}) {
                const double v = fromFraction(axis, f);
                label(v, tickText(v));
            }
        }
        if (axis.missing > 0) label(std::nan(""), tr("missing (%1)").arg(axis.missing));
        // Brushes.
        if (const auto* ranges = m_brush.ranges(a))
            for (const auto& b : *ranges) {
                const double y0 = positionY(a, std::min(b.high, fromFraction(axis, 1)));
                const double y1 = positionY(a, std::max(b.low, fromFraction(axis, 0)));
                const QRectF box(x - 7, std::min(y0, y1), 14, std::fabs(y1 - y0));
                p.fillRect(box, QColor(30, 120, 220, 70));
                p.setPen(QPen(QColor(30, 120, 220), 1));
                p.drawRect(box);
            }
    }
    // The colour bar of the target, right of its axis: the colours the lines take along it.
    const analysis::SweepAxis& target = m_axes.back();
    const double barX = axisX(int(m_axes.size()) - 1) + kColourBarGap;
    if (barX + kColourBarWidth < width()) {
        const int steps = std::max(2, int(r.height() / 3));
        for (int k = 0; k < steps; ++k) {
            const double f0 = double(k) / steps, f1 = double(k + 1) / steps;
            const double mid = fromFraction(target, (f0 + f1) / 2);
            p.fillRect(QRectF(barX, r.bottom() - r.height() * f1, kColourBarWidth,
                              r.height() * (f1 - f0) + 0.5),
                       colorOf(mid));
        }
        p.setPen(palette().mid().color());
        p.drawRect(QRectF(barX, r.top(), kColourBarWidth, r.height()));
    }
}

void ParallelCoordinates::mousePressEvent(QMouseEvent* event) {
    const int axis = axisAt(event->position().x());
    if (axis < 0 && event->button() == Qt::LeftButton) {
        if (const RunId run = runAt(event->position())) emit runClicked(run);
        return;
    }
    if (axis < 0 || event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    Drag d;
    d.axis = axis;
    d.start = valueAt(axis, event->position().y());
    if (const auto* ranges = m_brush.ranges(axis))
        for (std::size_t i = 0; i < ranges->size(); ++i)
            if (d.start >= (*ranges)[i].low && d.start <= (*ranges)[i].high) d.moving = i;
    m_drag = d;
}

void ParallelCoordinates::mouseMoveEvent(QMouseEvent* event) {
    if (!m_drag) {
        setCursor(axisAt(event->position().x()) >= 0 ? Qt::SizeVerCursor : Qt::ArrowCursor);
        return;
    }
    Drag& d = *m_drag;
    const double now = valueAt(d.axis, event->position().y());
    if (d.moving) {
        m_brush.move(d.axis, *d.moving, now - d.start);
        d.start = now;
    } else if (!d.moved) {
        d.added = m_brush.add(d.axis, {d.start, now});
    } else {  // the range being drawn follows the mouse: this axis is rebuilt with it
        const auto ranges = *m_brush.ranges(d.axis);
        m_brush.clear(d.axis);
        for (std::size_t i = 0; i < ranges.size(); ++i)
            m_brush.add(d.axis, i == d.added ? analysis::BrushRange{d.start, now} : ranges[i]);
    }
    d.moved = true;
    m_selected = m_brush.selected(m_axes);
    renderLines();
    update();
    emit brushChanged();
}

void ParallelCoordinates::mouseReleaseEvent(QMouseEvent* event) {
    if (m_drag && !m_drag->moved) {  // a click: clear that axis
        m_brush.clear(m_drag->axis);
        m_selected = m_brush.selected(m_axes);
        renderLines();
        update();
        emit brushChanged();
    }
    m_drag.reset();
    QWidget::mouseReleaseEvent(event);
}

void ParallelCoordinates::mouseDoubleClickEvent(QMouseEvent* event) {
    if (axisAt(event->position().x()) < 0)
        if (const RunId run = runAt(event->position())) emit runActivated(run);
}

bool ParallelCoordinates::event(QEvent* event) {
    if (event->type() != QEvent::ToolTip) return QWidget::event(event);
    // Hovering a line: its run and its value on every axis.
    auto* help = static_cast<QHelpEvent*>(event);
    const RunId run = runAt(help->pos());
    const auto at = std::find(m_runs.begin(), m_runs.end(), run);
    if (!run || at == m_runs.end()) {
        QToolTip::showText(help->globalPos(), toolTip(), this);
        return true;
    }
    const std::size_t i = std::size_t(at - m_runs.begin());
    QString text = QStringLiteral("<b>%1</b><table>").arg(m_names.value(run).toHtmlEscaped());
    for (const analysis::SweepAxis& a : m_axes) {
        const double p = i < a.positions.size() ? a.positions[i] : std::nan("");
        const QString value = std::isnan(p) ? tr("missing")
                              : a.kind == analysis::SweepAxis::Kind::Categorical
                                  ? QString::fromStdString(a.categories[std::size_t(p)])
                                  : QString::number(p, 'g', 4);
        text += QStringLiteral("<tr><td>%1</td><td align=right>%2</td></tr>")
                    .arg(QString::fromStdString(a.key).toHtmlEscaped(), value.toHtmlEscaped());
    }
    QToolTip::showText(help->globalPos(), text + QStringLiteral("</table>"), this);
    return true;
}

}  // namespace runlens::ui
