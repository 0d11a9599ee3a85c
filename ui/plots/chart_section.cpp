// ChartSection: header button toggling a grid of panels; search hides non-matching panels.
#include "ui/plots/chart_section.h"

#include <QCoreApplication>
#include <QVBoxLayout>

#include "ui/plots/metric_panel.h"
#include "ui/plots/panel_grid_layout.h"
#include "ui/plots/section_header.h"

namespace {
QString translated(const char* text) {
    return QCoreApplication::translate("ChartSection", text);
}
}  // namespace

namespace runlens::ui {

SectionKey sectionOf(const MetricKeyInfo& key) {
    if (key.kind == MetricKind::System)
        return {QStringLiteral("system"), translated("System"), 2, true};
    const QString name = QString::fromStdString(key.name);
    const qsizetype slash = name.indexOf('/');
    if (slash > 0) return {name.left(slash), name.left(slash), 1, false};
    return {QString(), translated("Charts"), 0, false};
}

ChartSection::ChartSection(const QString& name, const QString& title, QWidget* parent)
    : QWidget(parent), m_name(name) {
    m_header = new SectionHeader(title, this);
    m_body = new QWidget(this);
    m_grid = new PanelGridLayout(m_body);
    m_grid->setContentsMargins(2, 2, 2, 8);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_body);

    connect(m_header, &SectionHeader::clicked, this, [this] {
        setCollapsed(!m_collapsed);
        emit collapsedToggled(m_collapsed);
    });
    updateHeader();
}

void ChartSection::addPanel(MetricPanel* panel) {
    panel->setParent(m_body);
    m_grid->addWidget(panel);
    m_panels.append(panel);
    m_matching = int(m_panels.size());
    updateHeader();
}

void ChartSection::setCollapsed(bool collapsed) {
    m_collapsed = collapsed;
    m_body->setVisible(!collapsed);
    updateHeader();
}

void ChartSection::setCellSize(QSize size) {
    m_grid->setCellSize(size);
}

int ChartSection::applyFilter(const QStringList& words) {
    m_matching = 0;
    for (MetricPanel* panel : m_panels) {
        const bool match = matchesWords(panel->keyName(), words);
        panel->setVisible(match);
        m_matching += match ? 1 : 0;
    }
    setVisible(m_matching > 0);
    updateHeader();
    return m_matching;
}

bool ChartSection::isOpen() const {
    return !m_collapsed && m_matching > 0;
}

void ChartSection::updateHeader() {
    m_header->setCollapsed(m_collapsed);
    m_header->setCount(m_matching, int(m_panels.size()));
}

}  // namespace runlens::ui
