// TablesView: the table list is read off the UI thread whenever the database changes; a table
// tab reads its own table. State is kept per run uid and table name, so it survives reopening.
#include "ui/tables/tables_view.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTabBar>
#include <QTabWidget>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/tables/compare_tab.h"
#include "ui/tables/table_list_model.h"
#include "ui/tables/table_tab.h"
#include "ui/tables/thumbnail_cache.h"

namespace runlens::ui {
namespace {

constexpr int kTabTextWidth = 320;  // px; W&B table names can be a whole module path

struct LoadedList {
    std::vector<TableInfo> tables;
    QString error;
};

LoadedList readList(const std::string& path) {
    auto store = RunStore::open(path);
    if (!store.ok()) return {{}, QString::fromStdString(store.error().toString())};
    auto tables = store->readTableInfos(0);
    if (!tables.ok()) return {{}, QString::fromStdString(tables.error().toString())};
    return {std::move(tables.value()), {}};
}

}  // namespace

TablesView::TablesView(QWidget* parent) : QWidget(parent) {
    m_list = new TableListModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_list);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(Qt::UserRole);

    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search tables by run, name or column"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_listView = new QTreeView(this);
    m_listView->setObjectName(QStringLiteral("tableList"));
    m_listView->setModel(m_proxy);
    m_listView->setRootIsDecorated(false);
    m_listView->setUniformRowHeights(true);
    m_listView->setAlternatingRowColors(true);
    m_listView->setSortingEnabled(true);
    m_listView->sortByColumn(-1, Qt::AscendingOrder);
    m_listView->setTextElideMode(Qt::ElideMiddle);
    m_listView->header()->setStretchLastSection(true);
    m_listView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    connect(m_listView, &QTreeView::activated, this, &TablesView::openSelected);

    m_compare = new QPushButton(tr("Compare selected"), this);
    m_compare->setObjectName(QStringLiteral("compareSelected"));
    m_compare->setToolTip(
        tr("Select the same table in two or more runs (Ctrl+click), or one "
           "table logged at several steps, and join them on a row key"));
    m_compare->setEnabled(false);
    connect(m_compare, &QPushButton::clicked, this, &TablesView::compareSelected);
    connect(m_listView->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_listView->selectionModel()->selectedRows();
        bool sameName = rows.size() >= 2;
        for (const QModelIndex& i : rows)
            sameName = sameName && m_list->entry(m_proxy->mapToSource(i).row()).name ==
                                       m_list->entry(m_proxy->mapToSource(rows[0]).row()).name;
        const bool steps =
            rows.size() == 1 && m_list->entry(m_proxy->mapToSource(rows[0]).row()).steps.size() > 1;
        m_compare->setEnabled(sameName || steps);
    });

    m_listHint = new QLabel(this);
    m_listHint->setAlignment(Qt::AlignCenter);
    m_listHint->setWordWrap(true);
    m_listHint->hide();

    auto* listPage = new QWidget(this);
    auto* listLayout = new QVBoxLayout(listPage);
    listLayout->setContentsMargins(6, 6, 6, 6);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_compare);
    listLayout->addLayout(searchRow);
    listLayout->addWidget(m_listHint);
    listLayout->addWidget(m_listView, 1);

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->addTab(listPage, tr("All Tables"));
    m_tabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);  // the list stays
    m_tabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto* tab = qobject_cast<TableTab*>(m_tabs->widget(index))) {
            rememberState(tab);
            m_tabs->removeTab(index);
            tab->deleteLater();
        } else if (auto* compare = qobject_cast<CompareTab*>(m_tabs->widget(index))) {
            m_tabs->removeTab(index);
            compare->deleteLater();
        }
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
}

TablesView::~TablesView() = default;

QString TablesView::keyOf(const QString& runUid, const QString& name) {
    return runUid + QLatin1Char('|') + name;
}

void TablesView::setDatabase(const QString& databasePath) {
    while (m_tabs->count() > 1) {  // table and compare tabs; the list stays
        QWidget* tab = m_tabs->widget(1);
        m_tabs->removeTab(1);
        delete tab;
    }
    m_database = databasePath;
    delete m_thumbnails;
    m_thumbnails = new ThumbnailCache(databasePath, this);
    m_tables.clear();
    m_states.clear();
    m_listLoaded = false;
    refresh();
}

void TablesView::setRuns(const DrawnRuns& runs) {
    m_runs = runs;
    rebuildList();
}

void TablesView::refresh() {
    if (m_database.isEmpty()) return;
    const quint64 generation = m_listGeneration.next();
    ++m_listReads;
    runInBackground(
        this,
        [path = m_database.toStdString()] { return std::make_shared<LoadedList>(readList(path)); },
        [this, generation](std::shared_ptr<LoadedList> loaded) {
            --m_listReads;
            if (!m_listGeneration.isCurrent(generation)) return;
            m_tables = std::move(loaded->tables);
            m_listLoaded = true;
            rebuildList();
            if (!loaded->error.isEmpty()) {
                m_listHint->setText(tr("Cannot read the tables: %1").arg(loaded->error));
                m_listHint->show();
            }
            emit listLoaded();
        });
}

void TablesView::rebuildList() {
    std::vector<TableListModel::RunLook> looks;
    looks.reserve(m_runs.runs.size());
    for (const DrawnRun& r : m_runs.runs)
        looks.push_back({r.id, r.uid, r.name, r.color});
    m_list->setTables(m_tables, looks);
    for (int c = 0; c < TableListModel::ColumnsColumn; ++c)
        m_listView->resizeColumnToContents(c);
    const bool empty = m_list->rowCount() == 0;
    m_listHint->setVisible(empty && m_listLoaded);
    if (empty)
        m_listHint->setText(m_tables.empty()
                                ? tr("No prediction tables here. Runs that log tables (W&B "
                                     "wandb.Table, the demo's val/predictions) list them here.")
                                : tr("None of the shown runs logged a prediction table: show more "
                                     "runs in the runs table."));
    m_tabs->setTabText(0, empty ? tr("All Tables") : tr("All Tables (%1)").arg(m_list->rowCount()));
}

void TablesView::openSelected() {
    const QModelIndex index = m_proxy->mapToSource(m_listView->currentIndex());
    if (!index.isValid()) return;
    const TableEntry& e = m_list->entry(index.row());
    openTable(e.run, e.name);
}

TableTab* TablesView::openTable(RunId run, const QString& name, std::optional<std::int64_t> step) {
    for (TableTab* tab : openTables()) {
        if (tab->entry().run == run && tab->entry().name == name) {
            m_tabs->setCurrentWidget(tab);
            if (step) tab->showStep(*step);
            return tab;
        }
    }
    const int row = m_list->find(run, name);
    if (row < 0 || !m_thumbnails) return nullptr;
    const TableEntry& e = m_list->entry(row);
    auto* tab = new TableTab(e, m_database, m_thumbnails, m_tabs);
    const QString key = keyOf(e.runUid, e.name);
    if (m_states.contains(key)) tab->restoreState(m_states.value(key).toMap());
    if (step) tab->showStep(*step);
    connect(tab, &TableTab::stateChanged, this, [this, tab] { rememberState(tab); });
    connect(tab, &TableTab::compareRequested, this, [this, tab](bool acrossSteps) {
        if (acrossSteps)
            compareSteps(tab->entry().run, tab->entry().name);
        else if (!compareRuns(tab->entry().name))
            tab->setToolTip(tr("No other shown run has this table."));
    });
    const int index = m_tabs->addTab(
        tab, fontMetrics().elidedText(QStringLiteral("%1 · %2").arg(e.runName, e.name),
                                      Qt::ElideMiddle, kTabTextWidth));
    m_tabs->setTabToolTip(index, tr("%1 of run %2").arg(e.name, e.runName));
    m_tabs->setCurrentIndex(index);
    emit tableOpened(tab);
    return tab;
}

TableTab* TablesView::openTableSpec(const QString& spec) {
    if (m_list->rowCount() == 0) return nullptr;
    if (spec.isEmpty()) {
        const TableEntry& e = m_list->entry(0);
        return openTable(e.run, e.name);
    }
    // The run part is the longest prefix naming a run: table names contain '/' too.
    for (const TableEntry& e : m_list->entries()) {
        for (const QString& run : {e.runName, e.runUid})
            if (spec == run + QLatin1Char('/') + e.name) return openTable(e.run, e.name);
    }
    for (const TableEntry& e : m_list->entries())  // a table name alone: the first run with it
        if (spec == e.name) return openTable(e.run, e.name);
    return nullptr;
}

void TablesView::compareSelected() {
    const QModelIndexList rows = m_listView->selectionModel()->selectedRows();
    if (rows.isEmpty()) return;
    const TableEntry& first = m_list->entry(m_proxy->mapToSource(rows[0]).row());
    if (rows.size() == 1) {
        compareSteps(first.run, first.name);
        return;
    }
    std::vector<RunId> runs;
    for (const QModelIndex& i : rows)
        runs.push_back(m_list->entry(m_proxy->mapToSource(i).row()).run);
    compareRuns(first.name, runs);
}

CompareTab* TablesView::compareRuns(const QString& name, std::vector<RunId> runs) {
    std::vector<std::pair<QString, std::int64_t>> tables;
    for (const TableEntry& e : m_list->entries()) {  // in the runs table's order
        if (e.name != name || e.steps.empty()) continue;
        if (!runs.empty() && std::find(runs.begin(), runs.end(), e.run) == runs.end()) continue;
        tables.emplace_back(e.runName, e.steps.back().second);
    }
    if (tables.size() < 2) return nullptr;
    const QString title = tr("%1 · %n runs", nullptr, int(tables.size())).arg(name);
    return addCompareTab(name, title, std::move(tables));
}

CompareTab* TablesView::compareSteps(RunId run, const QString& name) {
    const int row = m_list->find(run, name);
    if (row < 0) return nullptr;
    const TableEntry& e = m_list->entry(row);
    if (e.steps.size() < 2) return nullptr;
    std::vector<std::pair<QString, std::int64_t>> tables;
    for (const auto& at : {e.steps.front(), e.steps.back()})
        tables.emplace_back(tr("step %1").arg(at.first), at.second);
    return addCompareTab(name, tr("%1 · %2 · steps").arg(e.runName, name), std::move(tables));
}

CompareTab* TablesView::addCompareTab(const QString& name, const QString& title,
                                      std::vector<std::pair<QString, std::int64_t>> tables) {
    std::vector<CompareTab::Input> inputs;
    QStringList titles;
    for (auto& [label, id] : tables) {
        titles << label;
        inputs.push_back({std::move(label), id});
    }
    auto* tab = new CompareTab(name, std::move(inputs), m_database, m_tabs);
    const int index = m_tabs->addTab(tab, fontMetrics().elidedText(tr("Compare · %1").arg(title),
                                                                   Qt::ElideMiddle, kTabTextWidth));
    m_tabs->setTabToolTip(index,
                          tr("%1 compared: %2").arg(name, titles.join(QStringLiteral(", "))));
    m_tabs->setCurrentIndex(index);
    return tab;
}

QList<TableTab*> TablesView::openTables() const {
    QList<TableTab*> tabs;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (auto* tab = qobject_cast<TableTab*>(m_tabs->widget(i))) tabs << tab;
    return tabs;
}

TableTab* TablesView::currentTable() const {
    return qobject_cast<TableTab*>(m_tabs->currentWidget());
}

void TablesView::rememberState(TableTab* tab) {
    m_states.insert(keyOf(tab->entry().runUid, tab->entry().name), tab->saveState());
}

QVariantMap TablesView::saveState() const {
    QVariantMap states = m_states;
    QStringList open;
    for (TableTab* tab : openTables()) {
        const QString key = keyOf(tab->entry().runUid, tab->entry().name);
        states.insert(key, tab->saveState());
        open << key;
    }
    QVariantMap state;
    state["tables"] = states;
    state["open"] = open;
    if (TableTab* current = currentTable())
        state["current"] = keyOf(current->entry().runUid, current->entry().name);
    return state;
}

void TablesView::restoreState(const QVariantMap& state) {
    m_states = state.value("tables").toMap();
    // Open tabs are reopened once the list is known (it is read off the UI thread).
    const QStringList open = state.value("open").toStringList();
    const QString current = state.value("current").toString();
    if (open.isEmpty()) return;
    auto reopen = [this, open, current] {
        TableTab* wanted = nullptr;
        for (const QString& key : open)
            for (const TableEntry& e : m_list->entries())
                if (keyOf(e.runUid, e.name) == key) {
                    TableTab* tab = openTable(e.run, e.name);
                    if (key == current) wanted = tab;
                }
        if (wanted) m_tabs->setCurrentWidget(wanted);
    };
    if (m_listLoaded)
        reopen();
    else
        connect(this, &TablesView::listLoaded, this, reopen, Qt::SingleShotConnection);
}

}  // namespace runlens::ui
