// TablesView: the Tables tab beside the charts — a searchable list of the prediction tables of
// the shown runs (one entry per run and table, its steps a choice), and one tab per open table.
#pragma once

#include <QVariantMap>
#include <QWidget>
#include <optional>

#include "core/store/run_store.h"
#include "ui/plots/drawn_run.h"
#include "ui/tasks/background.h"

class QLabel;
class QPushButton;
class QLineEdit;
class QSortFilterProxyModel;
class QTabWidget;
class QTreeView;

namespace runlens::ui {

class CompareTab;
class TableListModel;
class TableTab;
class ThumbnailCache;

class TablesView : public QWidget {
    Q_OBJECT
public:
    explicit TablesView(QWidget* parent = nullptr);
    ~TablesView() override;

    /// The database the tables are read from; open table tabs are closed.
    void setDatabase(const QString& databasePath);
    /// The runs whose tables are listed (the runs table's shown runs, in its order).
    void setRuns(const DrawnRuns& runs);
    /// The database changed: read the list of tables again.
    void refresh();

    /// Opens (or shows) a table of a run, at a step (default: the newest). nullptr when the run
    /// has no such table among the listed ones.
    TableTab* openTable(RunId run, const QString& name, std::optional<std::int64_t> step = {});
    /// Opens "RUN/TABLE" (RUN a run name or id; TABLE may contain '/'), or the first table when
    /// `spec` is empty. nullptr when nothing matches.
    TableTab* openTableSpec(const QString& spec);
    /// Compares a table across runs (`runs`, default every listed run that has it; each at its
    /// newest step) in a new tab. nullptr when fewer than two runs have it.
    CompareTab* compareRuns(const QString& name, std::vector<RunId> runs = {});
    /// Compares a run's table at its first and newest steps. nullptr with a single step.
    CompareTab* compareSteps(RunId run, const QString& name);
    /// Table tabs open now, in tab order.
    QList<TableTab*> openTables() const;
    TableTab* currentTable() const;

    TableListModel* listModel() const { return m_list; }
    QTreeView* listView() const { return m_listView; }
    QTabWidget* tabs() const { return m_tabs; }
    bool isListLoaded() const { return m_listLoaded; }
    /// True while the list is being read again (listLoaded() follows).
    bool isReadingList() const { return m_listReads > 0; }

    /// Per source: each table's view state (filter, sort, columns...), and which are open.
    QVariantMap saveState() const;
    void restoreState(const QVariantMap& state);

signals:
    /// The list of tables was read (after setDatabase or refresh).
    void listLoaded();
    void tableOpened(TableTab* tab);

private:
    void rebuildList();
    void openSelected();
    void compareSelected();
    CompareTab* addCompareTab(const QString& name, const QString& title,
                              std::vector<std::pair<QString, std::int64_t>> tables);
    static QString keyOf(const QString& runUid, const QString& name);
    void rememberState(TableTab* tab);

    QString m_database;
    ThumbnailCache* m_thumbnails = nullptr;
    std::vector<TableInfo> m_tables;
    DrawnRuns m_runs;
    bool m_listLoaded = false;
    int m_listReads = 0;
    Generation m_listGeneration;

    QTabWidget* m_tabs = nullptr;
    QLineEdit* m_search = nullptr;
    QLabel* m_listHint = nullptr;
    QPushButton* m_compare = nullptr;
    QTreeView* m_listView = nullptr;
    TableListModel* m_list = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
    QVariantMap m_states;  ///< per "<run uid>|<table>": TableTab::saveState()
};

}  // namespace runlens::ui
