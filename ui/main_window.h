// MainWindow: composes the runs panel, the chart panels and the status bar around a Workspace;
// owns menus, shortcuts, recent files and remembered layout. Panels hold their own logic.
#pragma once

#include <QMainWindow>
#include <QPointer>

class QLabel;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolButton;
class QMenu;
class QAction;

namespace runlens::ui {

class ChartsPanel;
class RunsPanel;
class SourcesMenu;
class SweepView;
class TablesView;
class WelcomePage;
class Workspace;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens any supported path (returns at once; errors appear as a dialog and in the status bar).
    void openPath(const QString& path);
    /// For a plain CSV file: asks which column holds the steps when the file does not say
    /// (remembered per file; `always` asks even then). False when the user cancelled.
    bool chooseCsvStepColumn(const QString& path, bool always, QString& choice);
    Workspace* workspace() const { return m_workspace; }
    RunsPanel* runsPanel() const { return m_runs; }
    ChartsPanel* chartsPanel() const { return m_charts; }
    TablesView* tablesView() const { return m_tables; }
    SweepView* sweepView() const { return m_sweep; }

    /// The views beside the runs table.
    enum class View { Charts, Tables, Sweep };
    void showView(View view);
    /// Types a filter into the runs panel's box and applies it.
    void setRunsFilter(const QString& text);
    /// Shows a run's prediction table in the Tables view (the newest step).
    void openTable(qint64 run, const QString& name);

    /// Shows errors in the status bar only (no dialogs): for --screenshot and tests.
    void setQuietErrors(bool quiet) { m_quietErrors = quiet; }
    /// Where the demo database lives; "Open the Demo" opens it.
    static QString demoDatabasePath();

signals:
    /// The source was opened and its first data is in the table.
    void sourceLoaded();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void openFileDialog();
    void openFolderDialog();
    void addSourceDialog();
    void updateSourceLabel();
    void sizeToScreen();
    void addRecent(const QString& path);
    void updateRecentMenu();
    void updateStatus();
    void showError(const QString& title, const QString& message);
    void saveViewState();
    void restoreViewState();
    void showRunDetail(qint64 runId);
    void onDataChanged();

    Workspace* m_workspace = nullptr;
    QStackedWidget* m_stack = nullptr;
    WelcomePage* m_welcome = nullptr;
    QSplitter* m_splitter = nullptr;
    RunsPanel* m_runs = nullptr;
    ChartsPanel* m_charts = nullptr;
    TablesView* m_tables = nullptr;
    SweepView* m_sweep = nullptr;
    QTabWidget* m_views = nullptr;

    QMenu* m_recentMenu = nullptr;
    SourcesMenu* m_sourcesMenu = nullptr;
    QAction* m_addSourceAction = nullptr;
    QAction* m_followAction = nullptr;
    QAction* m_csvStepAction = nullptr;
    QLabel* m_countsLabel = nullptr;
    QLabel* m_sourceLabel = nullptr;
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancelImport = nullptr;
    bool m_quietErrors = false;
    bool m_firstData = true;
    QString m_viewKey;  ///< settings group of the open source's view state
};

}  // namespace runlens::ui
