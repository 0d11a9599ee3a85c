// RunDetailDialog: everything about one run — overview (config tree, summary, metadata),
// console output, system metrics, prediction tables, artifacts and import notes.
#pragma once

#include <QDialog>
#include <memory>

#include "core/store/runs_snapshot.h"

class QTabWidget;

namespace runlens::ui {

class ArtifactsTab;
class ConsoleTab;
class DetailTab;
class ImportLogTab;
class OverviewTab;
class SystemMetricsTab;
class TablesTab;

/// Non-modal; several can be open at once. Every tab reads the database off the UI thread and
/// shows "Loading…" until then; read errors appear as messages in the tab concerned. The
/// Artifacts and Import log tabs are hidden when the run has none. Ctrl+F focuses the current
/// tab's search box, Esc closes; the size is remembered.
class RunDetailDialog : public QDialog {
    Q_OBJECT
public:
    RunDetailDialog(const QString& databasePath, qint64 runId,
                    std::shared_ptr<const RunsSnapshot> snapshot, QWidget* parent = nullptr);
    ~RunDetailDialog() override;

    QTabWidget* tabs() const { return m_tabs; }
    OverviewTab* overview() const { return m_overview; }
    ConsoleTab* console() const { return m_console; }
    SystemMetricsTab* systemMetrics() const { return m_system; }
    TablesTab* tables() const { return m_tables; }
    ArtifactsTab* artifacts() const { return m_artifacts; }
    ImportLogTab* importLog() const { return m_importLog; }

    /// True until every tab has its content (or its message).
    bool isLoading() const { return m_pendingTabs > 0; }

signals:
    /// Every tab finished loading.
    void loaded();
    /// The Tables tab asked to show a table in the main window's Tables view.
    void tableRequested(qint64 run, const QString& table);

protected:
    void hideEvent(QHideEvent* event) override;

private:
    void addTab(DetailTab* tab, const QString& title);
    void setTabTitle(DetailTab* tab, const QString& title);
    void focusSearch();

    QTabWidget* m_tabs = nullptr;
    OverviewTab* m_overview = nullptr;
    ConsoleTab* m_console = nullptr;
    SystemMetricsTab* m_system = nullptr;
    TablesTab* m_tables = nullptr;
    ArtifactsTab* m_artifacts = nullptr;
    ImportLogTab* m_importLog = nullptr;
    int m_pendingTabs = 0;
};

}  // namespace runlens::ui
