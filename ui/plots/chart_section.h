// ChartSection: a collapsible group of metric panels sharing a prefix (train/, val/, System),
// with a header showing its name and how many panels match the search.
#pragma once

#include <QList>
#include <QWidget>

#include "core/store/run_store.h"

namespace runlens::ui {

class MetricPanel;

/// Where a metric goes: its prefix before the first '/' (train/loss -> "train"), "" for keys
/// without one, "system" for system metrics; `order` sorts ungrouped keys first, system last.
struct SectionKey {
    QString name;
    QString title;
    int order = 0;
    bool collapsedByDefault = false;
};
SectionKey sectionOf(const MetricKeyInfo& key);
class PanelGridLayout;
class SectionHeader;

class ChartSection : public QWidget {
    Q_OBJECT
public:
    ChartSection(const QString& name, const QString& title, QWidget* parent = nullptr);

    const QString& name() const { return m_name; }
    void addPanel(MetricPanel* panel);
    const QList<MetricPanel*>& panels() const { return m_panels; }

    bool isCollapsed() const { return m_collapsed; }
    void setCollapsed(bool collapsed);
    /// Panel cell size (see PanelGridLayout).
    void setCellSize(QSize size);
    /// Shows the panels that match; hides the whole section when none does. Returns the count.
    int applyFilter(const QStringList& words);
    /// True when the section body is shown (not collapsed, some panel matches).
    bool isOpen() const;

signals:
    void collapsedToggled(bool collapsed);

private:
    void updateHeader();

    QString m_name;
    SectionHeader* m_header = nullptr;
    QWidget* m_body = nullptr;
    PanelGridLayout* m_grid = nullptr;
    QList<MetricPanel*> m_panels;
    bool m_collapsed = false;
    int m_matching = 0;
};

}  // namespace runlens::ui
