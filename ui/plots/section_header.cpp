// SectionHeader: shared by the metric sections and the media section.
#include "ui/plots/section_header.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>

namespace runlens::ui {

bool matchesWords(const QString& key, const QStringList& words) {
    for (const QString& w : words)
        if (!key.contains(w, Qt::CaseInsensitive)) return false;
    return true;
}

SectionHeader::SectionHeader(const QString& title, QWidget* parent) : QWidget(parent) {
    m_button = new QToolButton(this);
    m_button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_button->setAutoRaise(true);
    m_button->setText(title);
    QFont bold = m_button->font();
    bold.setBold(true);
    m_button->setFont(bold);
    m_button->setToolTip(tr("Show or hide this section"));
    m_count = new QLabel(this);
    m_count->setStyleSheet(QStringLiteral("color: palette(mid);"));
    auto* rule = new QFrame(this);
    rule->setFrameShape(QFrame::HLine);
    rule->setFrameShadow(QFrame::Plain);
    rule->setStyleSheet(QStringLiteral("color: palette(midlight);"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_button);
    layout->addWidget(m_count);
    layout->addWidget(rule, 1);
    connect(m_button, &QToolButton::clicked, this, &SectionHeader::clicked);
    setCollapsed(false);
}

void SectionHeader::setCollapsed(bool collapsed) {
    m_button->setArrowType(collapsed ? Qt::RightArrow : Qt::DownArrow);
}

void SectionHeader::setCount(int matching, int total) {
    m_count->setText(matching == total ? QString::number(total)
                                       : tr("%1 of %2").arg(matching).arg(total));
}

}  // namespace runlens::ui
