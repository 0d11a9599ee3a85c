// OverviewTab: run header and metadata, the config as a searchable tree, the summary as a table.
#pragma once

#include <memory>

#include "core/store/runs_snapshot.h"
#include "ui/dialogs/run_detail/detail_tab.h"
#include "ui/dialogs/run_detail/run_details.h"

class QLabel;
class QLineEdit;
class QSplitter;
class QTreeView;

namespace runlens::ui {

class ConfigTreeModel;
class KeyValueFilterModel;
class RunMetadataView;
class SummaryMediaView;
class SummaryModel;

class OverviewTab : public DetailTab {
    Q_OBJECT
public:
    OverviewTab(const QString& databasePath, RunId runId,
                std::shared_ptr<const RunsSnapshot> snapshot, QWidget* parent = nullptr);

    void focusSearch() override;

    RunMetadataView* metadata() const { return m_metadata; }
    QLineEdit* searchBox() const { return m_search; }
    QTreeView* configView() const { return m_configView; }
    QTreeView* summaryView() const { return m_summaryView; }
    ConfigTreeModel* configModel() const { return m_config; }
    SummaryModel* summaryModel() const { return m_summary; }
    SummaryMediaView* summaryMedia() const { return m_media; }

signals:
    /// The run was read (its name is known): the dialog titles itself after it.
    void runLoaded(const QString& name);

private:
    void showDetails(const RunDetails& details);
    void applySearch(const QString& text);
    void restoreExpansion();
    void fitMetadata();
    void updateTitles();

protected:
    void showEvent(QShowEvent* event) override;

private:
    RunMetadataView* m_metadata = nullptr;
    QSplitter* m_split = nullptr;
    bool m_fitPending = false;
    int m_configKeys = 0;
    int m_summaryKeys = 0;
    QLineEdit* m_search = nullptr;
    QLabel* m_configTitle = nullptr;
    QLabel* m_summaryTitle = nullptr;
    QTreeView* m_configView = nullptr;
    QTreeView* m_summaryView = nullptr;
    ConfigTreeModel* m_config = nullptr;
    SummaryModel* m_summary = nullptr;
    SummaryMediaView* m_media = nullptr;
    KeyValueFilterModel* m_configFilter = nullptr;
    KeyValueFilterModel* m_summaryFilter = nullptr;
};

}  // namespace runlens::ui
