// HoverTooltip: rich-text table in a frameless tool window, kept on screen.
#include "ui/plots/hover_tooltip.h"

#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QVBoxLayout>

#include "ui/plots/axis_format.h"

namespace runlens::ui {
namespace {

constexpr std::size_t kMaxRows = 24;
constexpr int kCursorGap = 16;

}  // namespace

HoverTooltip::HoverTooltip(QWidget* parent)
    : QFrame(parent, Qt::ToolTip | Qt::FramelessWindowHint) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_ShowWithoutActivating);
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral(
        "runlens--ui--HoverTooltip { background: palette(tooltip-base); border: 1px solid "
        "palette(mid); border-radius: 3px; }"));
    m_label = new QLabel(this);
    m_label->setTextFormat(Qt::RichText);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addWidget(m_label);
}

QString HoverTooltip::text() const {
    return m_label->text();
}

void HoverTooltip::showRows(const QString& title, const std::vector<HoverRow>& rows, bool smoothing,
                            bool pending, const QPoint& globalPos) {
    QString html = QStringLiteral(
                       "<table cellspacing=0 cellpadding=1><tr><td colspan=3><b>%1</b>"
                       "</td></tr>")
                       .arg(title.toHtmlEscaped());
    const std::size_t shown = std::min(rows.size(), kMaxRows);
    for (std::size_t i = 0; i < shown; ++i) {
        const HoverRow& r = rows[i];
        QString extra;
        if (!std::isnan(r.rawHigh))
            extra = QStringLiteral("%1 – %2").arg(formatValue(r.raw), formatValue(r.rawHigh));
        else if (smoothing && !std::isnan(r.raw))
            extra = formatValue(r.raw);
        if (r.count > 1) {
            // Several values at this x: one line shows the last; say how many and their range.
            const QString values =
                tr("%1 values %2 – %3").arg(r.count).arg(formatValue(r.low), formatValue(r.high));
            extra = extra.isEmpty() ? values : extra + QStringLiteral(" · ") + values;
        }
        html += QStringLiteral(
                    "<tr><td><span style='color:%1'>&#9632;</span>&nbsp;%2&nbsp;&nbsp;"
                    "</td><td align=right><b>%3</b></td><td align=right>"
                    "<span style='color:gray'>&nbsp;&nbsp;%4</span></td></tr>")
                    .arg(r.color.name(), r.name.toHtmlEscaped(), formatValue(r.value), extra);
    }
    if (rows.size() > shown)
        html += QStringLiteral("<tr><td colspan=3><span style='color:gray'>%1</span></td></tr>")
                    .arg(tr("+%1 more").arg(rows.size() - shown));
    if (pending)
        html += QStringLiteral("<tr><td colspan=3><span style='color:gray'>%1</span></td></tr>")
                    .arg(tr("reading exact values…"));
    if (rows.empty() && !pending)
        html += QStringLiteral("<tr><td colspan=3><span style='color:gray'>%1</span></td></tr>")
                    .arg(tr("no run has a point here"));
    html += QStringLiteral("</table>");
    m_label->setText(html);
    adjustSize();
    place(globalPos);
    show();
    raise();
}

void HoverTooltip::place(const QPoint& globalPos) {
    QPoint p = globalPos + QPoint(kCursorGap, kCursorGap);
    if (const QScreen* screen = QGuiApplication::screenAt(globalPos)) {
        const QRect area = screen->availableGeometry();
        if (p.x() + width() > area.right()) p.setX(globalPos.x() - kCursorGap - width());
        if (p.y() + height() > area.bottom())
            p.setY(std::max(area.top(), area.bottom() - height()));
    }
    move(p);
}

}  // namespace runlens::ui
