// TablesTab: one row per logged table; the column list is spelled out in the last cell.
#include "ui/dialogs/run_detail/tables_tab.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/store/run_store.h"
#include "ui/dialogs/run_detail/copy_rows.h"
#include "ui/tasks/background.h"

namespace runlens::ui {
namespace {

enum Column { NameColumn, StepColumn, RowsColumn, ColumnsColumn };

struct LoadedTables {
    std::vector<TableInfo> tables;
    QString error;
};

LoadedTables loadTables(const std::string& path, RunId run) {
    auto store = RunStore::open(path);
    if (!store) return {{}, QString::fromStdString(store.error().toString())};
    auto tables = store->readTableInfos(run);
    if (!tables) return {{}, QString::fromStdString(tables.error().toString())};
    return {std::move(tables.value()), {}};
}

}  // namespace

TablesTab::TablesTab(const QString& databasePath, RunId runId, QWidget* parent)
    : DetailTab(parent), m_run(runId) {
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("tablesList"));
    m_list->setHeaderLabels({tr("Table"), tr("Step"), tr("Rows"), tr("Columns")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSortingEnabled(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setStretchLastSection(true);
    addCopyRowsAction(m_list);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_list);
    m_open = new QPushButton(tr("Open in Tables View"), content);
    m_open->setToolTip(
        tr("Show the selected table in the main window's Tables view, with its "
           "images, filter and sort (double-click or Enter does the same)"));
    m_open->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_open);
    layout->addLayout(buttons);
    setContent(content);
    connect(m_open, &QPushButton::clicked, this, &TablesTab::openCurrent);
    connect(m_list, &QTreeWidget::itemActivated, this, &TablesTab::openCurrent);
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem* item) { m_open->setEnabled(item != nullptr); });

    runInBackground(
        this,
        [path = databasePath.toStdString(), runId] {
            return std::make_shared<LoadedTables>(loadTables(path, runId));
        },
        [this](std::shared_ptr<LoadedTables> loaded) {
            if (!loaded->error.isEmpty()) {
                showMessage(tr("Cannot read the prediction tables.\n%1").arg(loaded->error), true);
                emit tableCountChanged(0);
                return;
            }
            if (loaded->tables.empty()) {
                showMessage(tr("This run logged no prediction tables."));
                emit tableCountChanged(0);
                return;
            }
            for (const TableInfo& table : loaded->tables) {
                auto* item = new QTreeWidgetItem(m_list);
                item->setText(NameColumn, QString::fromStdString(table.name));
                item->setData(StepColumn, Qt::DisplayRole, qint64(table.step));
                item->setData(RowsColumn, Qt::DisplayRole, qint64(table.rowCount));
                item->setTextAlignment(StepColumn, Qt::AlignRight | Qt::AlignVCenter);
                item->setTextAlignment(RowsColumn, Qt::AlignRight | Qt::AlignVCenter);
                QStringList columns;
                QStringList lines;
                for (const auto& [name, type] : table.columns) {
                    columns << QStringLiteral("%1 (%2)").arg(QString::fromStdString(name),
                                                             QString::fromLatin1(toString(type)));
                    lines << QStringLiteral("%1\t%2").arg(QString::fromStdString(name),
                                                          QString::fromLatin1(toString(type)));
                }
                item->setText(ColumnsColumn, columns.join(QStringLiteral(", ")));
                item->setToolTip(
                    ColumnsColumn,
                    (table.columns.size() == 1 ? tr("1 column:")
                                               : tr("%1 columns:").arg(table.columns.size())) +
                        '\n' + lines.join(QLatin1Char('\n')));
            }
            m_list->sortByColumn(NameColumn, Qt::AscendingOrder);
            m_list->setCurrentItem(m_list->topLevelItem(0));
            for (int column : {NameColumn, StepColumn, RowsColumn})
                m_list->resizeColumnToContents(column);
            m_list->setColumnWidth(NameColumn, std::max(m_list->columnWidth(NameColumn) + 16, 180));
            showContent();
            emit tableCountChanged(int(loaded->tables.size()));
        });
}

void TablesTab::openCurrent() {
    if (QTreeWidgetItem* item = m_list->currentItem())
        emit openRequested(m_run, item->text(NameColumn));
}

}  // namespace runlens::ui
