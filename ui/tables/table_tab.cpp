// TableTab: the table is read off the UI thread; filtering, Wrong only and sorting produce the
// model's row list; the view only ever asks for the rows on screen.
#include "ui/tables/table_tab.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QSaveFile>
#include <QShortcut>
#include <QSlider>
#include <QSplitter>
#include <QTableView>
#include <QTextStream>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>
#include <numeric>

#include "core/analysis/row_groups.h"
#include "core/query/bound_query.h"
#include "core/query/prediction_query_table.h"
#include "core/store/run_store.h"
#include "ui/tables/confusion_model.h"
#include "ui/tables/confusion_panel.h"
#include "ui/tables/image_viewer.h"
#include "ui/tables/prediction_table_model.h"
#include "ui/tables/table_cell_delegate.h"
#include "ui/tables/table_rows.h"
#include "ui/tables/thumbnail_cache.h"
#include "ui/widgets/filter_line_edit.h"

namespace runlens::ui {
namespace {

// Group headers given their own span and height: beyond this many, the rest keep the row layout
// (a column of thousands of values is better read sorted than grouped).
constexpr int kMaxGroupHeadersLaidOut = 2000;

// The column named `name`, or -1 (also for an empty name).
int columnIndex(const PredictionTable& table, const QString& name) {
    if (name.isEmpty()) return -1;
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (QString::fromStdString(table.columns[c].name) == name) return int(c);
    return -1;
}

struct LoadedTable {
    std::shared_ptr<const PredictionTable> table;
    QString error;
};

LoadedTable readTable(const std::string& path, std::int64_t tableId) {
    auto store = RunStore::open(path);
    if (!store.ok()) return {nullptr, QString::fromStdString(store.error().toString())};
    auto table = store->readTable(tableId);
    if (!table.ok()) return {nullptr, QString::fromStdString(table.error().toString())};
    return {std::make_shared<const PredictionTable>(std::move(table.value())), {}};
}

bool hasColumnOf(const PredictionTable& table, ColumnType type) {
    return std::any_of(table.columns.begin(), table.columns.end(),
                       [&](const TableColumn& c) { return c.type == type; });
}

// The String column bare words search: a caption, a file name or an id, else the first text.
std::string nameColumn(const PredictionTable& table) {
    for (const char* name : {"caption", "text", "filename", "file", "path", "id", "name"})
        for (const TableColumn& c : table.columns)
            if (c.type == ColumnType::String && c.name == name) return c.name;
    for (const TableColumn& c : table.columns)
        if (c.type == ColumnType::String) return c.name;
    return {};
}

QString csvField(QString text) {
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) ||
        text.contains(QLatin1Char('\n'))) {
        text.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    return text;
}

constexpr int kDefaultThumbnail = 48;

}  // namespace

TableTab::TableTab(TableEntry entry, QString databasePath, ThumbnailCache* thumbnails,
                   QWidget* parent)
    : QWidget(parent),
      m_entry(std::move(entry)),
      m_databasePath(std::move(databasePath)),
      m_thumbnails(thumbnails) {
    m_model = new PredictionTableModel(this);
    m_delegate = new TableCellDelegate(thumbnails, this);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("predictionTable"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(m_delegate);
    m_view->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideMiddle);
    m_view->setSortingEnabled(false);  // sorted here, over the row list, not by the view
    m_view->horizontalHeader()->setSectionsMovable(true);
    m_view->horizontalHeader()->setSectionsClickable(true);
    m_view->horizontalHeader()->setSortIndicatorShown(true);
    m_view->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);  // table order
    m_view->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->horizontalHeader()->setHighlightSections(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->installEventFilter(this);
    connect(m_view->horizontalHeader(), &QHeaderView::sectionClicked, this, [this](int column) {
        const Qt::SortOrder order = column == m_sortColumn && m_sortOrder == Qt::AscendingOrder
                                        ? Qt::DescendingOrder
                                        : Qt::AscendingOrder;
        sortBy(column, order);
    });
    connect(m_view->horizontalHeader(), &QHeaderView::customContextMenuRequested, this,
            &TableTab::showHeaderMenu);
    connect(m_view, &QTableView::doubleClicked, this, &TableTab::enlarge);
    connect(m_view, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (m_model->groupAt(index.row()) >= 0)
            toggleGroup(index.row());
        else if (ColumnType(index.data(PredictionTableModel::ColumnTypeRole).toInt()) ==
                 ColumnType::Image)
            enlarge(index);
    });
    connect(thumbnails, &ThumbnailCache::thumbnailReady, m_view->viewport(),
            qOverload<>(&QWidget::update));

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("tableStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 4);
    layout->setSpacing(4);
    layout->addLayout(buildToolbar());
    layout->addWidget(m_filterError);
    m_confusionPanel = new ConfusionPanel(this);
    m_confusionPanel->hide();
    connect(m_confusionPanel, &ConfusionPanel::cellActivated, this, &TableTab::showConfusionCell);
    connect(m_confusionPanel, &ConfusionPanel::normalizedChanged, this, &TableTab::stateChanged);
    m_split = new QSplitter(Qt::Horizontal, this);
    m_split->addWidget(m_view);
    m_split->addWidget(m_confusionPanel);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    m_split->setChildrenCollapsible(false);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_status);

    auto* copy = new QAction(tr("Copy"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &TableTab::copySelection);
    m_view->addAction(copy);

    m_step = m_entry.steps.empty() ? 0 : m_entry.steps.back().first;
    load(m_entry.tableIdAt(m_step));
}

TableTab::~TableTab() = default;

QHBoxLayout* TableTab::buildToolbar() {
    auto* bar = new QHBoxLayout;
    bar->setSpacing(6);

    if (m_entry.steps.size() > 1) {
        m_stepBox = new QComboBox(this);
        m_stepBox->setToolTip(tr("The table was logged at several steps: choose one"));
        for (const auto& [step, id] : m_entry.steps)
            m_stepBox->addItem(tr("step %1").arg(QLocale().toString(qlonglong(step))),
                               qlonglong(step));
        m_stepBox->setCurrentIndex(m_stepBox->count() - 1);
        connect(m_stepBox, &QComboBox::activated, this,
                [this](int i) { showStep(m_stepBox->itemData(i).toLongLong()); });
        bar->addWidget(m_stepBox);
    }
    m_filter = new FilterLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter rows, e.g.  label != pred and confidence > 0.9"));
    m_filter->setToolTip(
        tr("The runs table's filter language over this table's columns:\n"
           "  label != pred\n  confidence > 0.9 and label == \"3\"\n"
           "  pred in [\"3\", \"5\", \"8\"]\n  caption ~ \"dog\"\n"
           "A plain word searches the text column."));
    connect(m_filter, &FilterLineEdit::filterChanged, this, &TableTab::setFilter);
    bar->addWidget(m_filter, 1);

    m_wrongOnly = new QToolButton(this);
    m_wrongOnly->setText(tr("Wrong only"));
    m_wrongOnly->setCheckable(true);
    m_wrongOnly->setShortcut(QKeySequence(tr("Ctrl+W")));
    m_wrongOnly->setToolTip(tr("Show only rows whose prediction differs from the truth (Ctrl+W)"));
    connect(m_wrongOnly, &QToolButton::toggled, this, [this] {
        applyRows();
        emit stateChanged();
    });
    bar->addWidget(m_wrongOnly);

    m_groupBox = new QComboBox(this);
    m_groupBox->setObjectName(QStringLiteral("groupBy"));
    m_groupBox->setToolTip(
        tr("Group the rows by a column: a header per value with its count and "
           "the mean of each numeric column; click a header to fold it"));
    m_groupBox->addItem(tr("No grouping"), QString());
    connect(m_groupBox, &QComboBox::activated, this,
            [this] { setGroupColumn(m_groupBox->currentData().toString()); });
    bar->addWidget(m_groupBox);

    m_truthButton = new QToolButton(this);
    m_truthButton->setText(tr("Truth / prediction…"));
    m_truthButton->setToolTip(tr("Choose which columns hold the truth and the prediction"));
    connect(m_truthButton, &QToolButton::clicked, this, &TableTab::chooseTruthPrediction);
    bar->addWidget(m_truthButton);

    m_confusionButton = new QToolButton(this);
    m_confusionButton->setText(tr("Confusion matrix"));
    m_confusionButton->setCheckable(true);
    m_confusionButton->setShortcut(QKeySequence(tr("Ctrl+M")));
    m_confusionButton->setToolTip(
        tr("Truth × prediction counts of the filtered rows with per-class precision, recall and "
           "F1; click a cell to show its rows (Ctrl+M)"));
    connect(m_confusionButton, &QToolButton::toggled, this, &TableTab::setConfusionShown);
    bar->addWidget(m_confusionButton);

    m_cellChip = new QToolButton(this);
    m_cellChip->setObjectName(QStringLiteral("confusionCell"));
    m_cellChip->setToolTip(tr("Showing one confusion cell: click to show every row again"));
    m_cellChip->hide();
    connect(m_cellChip, &QToolButton::clicked, this, &TableTab::clearConfusionCell);
    bar->addWidget(m_cellChip);

    m_thumbSlider = new QSlider(Qt::Horizontal, this);
    m_thumbSlider->setRange(16, 256);
    m_thumbSlider->setValue(kDefaultThumbnail);
    m_thumbSlider->setMaximumWidth(120);
    m_thumbSlider->setToolTip(tr("Thumbnail size (the row height follows it)"));
    m_thumbSlider->setVisible(false);
    connect(m_thumbSlider, &QSlider::valueChanged, this, &TableTab::setThumbnailSize);
    bar->addWidget(m_thumbSlider);

    auto* compareButton = new QToolButton(this);
    compareButton->setText(tr("Compare"));
    compareButton->setPopupMode(QToolButton::InstantPopup);
    compareButton->setToolTip(
        tr("Join this table with the same table of the other runs shown, "
           "or with itself at another step: who got which row right"));
    auto* compareMenu = new QMenu(compareButton);
    compareMenu->addAction(tr("Across runs (Ctrl+Shift+C)"), this,
                           [this] { emit compareRequested(false); });
    QAction* steps = compareMenu->addAction(tr("First and newest step"), this,
                                            [this] { emit compareRequested(true); });
    steps->setEnabled(m_entry.steps.size() > 1);
    compareButton->setMenu(compareMenu);
    bar->addWidget(compareButton);
    auto* compareShortcut = new QShortcut(QKeySequence(tr("Ctrl+Shift+C")), this);
    connect(compareShortcut, &QShortcut::activated, this, [this] { emit compareRequested(false); });

    auto* exportButton = new QToolButton(this);
    exportButton->setText(tr("Export…"));
    exportButton->setToolTip(tr("Save the shown rows and columns as CSV"));
    connect(exportButton, &QToolButton::clicked, this, &TableTab::exportDialog);
    bar->addWidget(exportButton);

    m_filterError = new QLabel(this);
    m_filterError->setObjectName(QStringLiteral("filterError"));
    m_filterError->setStyleSheet(QStringLiteral("color: #b02020;"));
    m_filterError->setWordWrap(true);
    m_filterError->hide();
    return bar;
}

void TableTab::showStep(std::int64_t step) {
    if (step == m_step && m_table) return;
    m_step = step;
    if (m_stepBox) m_stepBox->setCurrentIndex(m_stepBox->findData(qlonglong(step)));
    load(m_entry.tableIdAt(step));
    emit stateChanged();
}

void TableTab::load(std::int64_t tableId) {
    const quint64 generation = m_loadGeneration.next();
    m_status->setText(tr("Reading %1…").arg(m_entry.name));
    runInBackground(
        this,
        [path = m_databasePath.toStdString(), tableId] {
            return std::make_shared<LoadedTable>(readTable(path, tableId));
        },
        [this, generation](std::shared_ptr<LoadedTable> loaded) {
            if (!m_loadGeneration.isCurrent(generation)) return;
            onLoaded(loaded->table, loaded->error);
        });
}

void TableTab::onLoaded(std::shared_ptr<const PredictionTable> table, const QString& error) {
    m_error = error;
    m_table = std::move(table);
    m_model->setTable(m_table);
    if (m_table) {
        if (!m_userTruthPrediction) {
            const auto [truth, pred] = guessTruthPrediction(*m_table);
            m_model->setTruthPrediction(truth, pred);
        }
        const bool images = hasColumnOf(*m_table, ColumnType::Image);
        m_thumbSlider->setVisible(images);
        setThumbnailSize(images ? m_thumbSlider->value() : 0);
        if (!m_pendingState.isEmpty()) {
            const QVariantMap state = std::exchange(m_pendingState, {});
            restoreState(state);
        }
        m_wrongOnly->setEnabled(m_model->truthColumn() >= 0 && m_model->predictionColumn() >= 0);
        fillGroupChoices();
        applyRows();
        if (m_view->horizontalHeader()->sectionSize(0) <= 1 || !m_view->isVisible())
            m_view->resizeColumnsToContents();
    } else {
        updateStatus();
    }
    emit loaded();
}

void TableTab::setFilter(const QString& text) {
    if (m_filter->text() != text) m_filter->setText(text);
    m_filterText = text;
    applyRows();
    emit stateChanged();
}

void TableTab::setWrongOnly(bool on) {
    m_wrongOnly->setChecked(on);
}

bool TableTab::wrongOnly() const {
    return m_wrongOnly->isChecked();
}

void TableTab::setTruthPrediction(int truth, int prediction) {
    m_userTruthPrediction = true;
    m_model->setTruthPrediction(truth, prediction);
    m_cell.reset();  // its classes were of the other columns
    m_cellChip->hide();
    m_wrongOnly->setEnabled(truth >= 0 && prediction >= 0);
    applyRows();
    emit stateChanged();
}

void TableTab::applyRows() {
    if (!m_table) return;
    std::vector<std::uint32_t> rows;
    QString error;
    const std::string text = m_filterText.trimmed().toStdString();
    if (text.empty()) {
        rows.resize(m_table->rowCount());
        std::iota(rows.begin(), rows.end(), 0u);
        m_filter->setError(0, 0, {});
    } else {
        const query::PredictionQueryTable queryTable(*m_table, nameColumn(*m_table));
        const auto bound = query::BoundQuery::bind(query::Query::parse(text), queryTable);
        if (bound.ok()) {
            rows = bound.filter();
            m_filter->setError(0, 0, {});
        } else {
            const auto [start, length] = bound.error().utf16Range(text);
            error = QString::fromStdString(bound.error().message);
            m_filter->setError(start, length, error);
        }
    }
    m_filterError->setText(error.isEmpty() ? QString() : tr("Filter error: %1").arg(error));
    m_filterError->setVisible(!error.isEmpty());
    const int truth = m_model->truthColumn(), pred = m_model->predictionColumn();
    // The matrix is of the filtered rows, before Wrong only and the chosen cell narrow them.
    std::shared_ptr<const analysis::Confusion> confusion;
    if (error.isEmpty() && truth >= 0 && pred >= 0 && (confusionShown() || m_cell))
        confusion = std::make_shared<analysis::Confusion>(
            analysis::computeConfusion(*m_table, truth, pred, rows));
    if (confusionShown())
        m_confusionPanel->setConfusion(
            confusion, !error.isEmpty() ? tr("Fix the filter to see the confusion matrix.")
                                        : tr("Choose the truth and prediction columns "
                                             "(Truth / prediction…) to see the confusion matrix."));
    if (m_cell && confusion) {
        const auto& classes = confusion->classes;
        auto indexOf = [&](const QString& name) {
            const auto it = std::find(classes.begin(), classes.end(), name.toStdString());
            return it == classes.end() ? -1 : int(it - classes.begin());
        };
        rows =
            analysis::rowsInCell(*confusion, rows, indexOf(m_cell->first), indexOf(m_cell->second));
    }
    if (error.isEmpty() && wrongOnly() && m_model->truthColumn() >= 0) {
        const auto wrong = wrongRows(*m_table, m_model->truthColumn(), m_model->predictionColumn());
        std::erase_if(rows, [&](std::uint32_t r) { return !wrong[r]; });
    }
    if (error.isEmpty() && m_sortColumn >= 0 && m_sortColumn < int(m_table->columns.size()))
        sortRows(*m_table, m_sortColumn, m_sortOrder == Qt::AscendingOrder, rows);
    const int groupColumn = columnIndex(*m_table, m_groupColumn);
    if (groupColumn < 0) {
        m_model->setRows(std::move(rows));
    } else {
        // Groups in the column's order; rows in each keep the sort.
        auto groups = analysis::groupRows(*m_table, groupColumn, rows);
        m_model->setRows(std::move(rows));
        std::vector<PredictionTableModel::GroupHeader> headers;
        std::vector<std::vector<std::uint32_t>> members;
        for (analysis::RowGroup& g : groups) {
            const QString title = g.key.empty() ? tr("%1 missing").arg(m_groupColumn)
                                                : QStringLiteral("%1 = %2").arg(
                                                      m_groupColumn, QString::fromStdString(g.key));
            headers.push_back({title, std::int64_t(g.rows.size()), std::move(g.means),
                               m_collapsedGroups.contains(title)});
            members.push_back(std::move(g.rows));
        }
        m_model->setGroups(std::move(headers), std::move(members));
        layoutGroupHeaders();
    }
    updateStatus();
}

void TableTab::layoutGroupHeaders() {
    m_view->clearSpans();
    const int height = m_view->fontMetrics().height() + 10;
    int shown = 0;
    for (int r = 0; r < m_model->rowCount() && shown < kMaxGroupHeadersLaidOut; ++r) {
        const int group = m_model->groupAt(r);
        if (group < 0) continue;
        ++shown;
        // The title spans the columns up to the first one with a mean to show.
        const auto& means = m_model->groups()[std::size_t(group)].means;
        int span = 1;
        while (span < m_model->columnCount() &&
               (std::size_t(span) >= means.size() || std::isnan(means[std::size_t(span)])))
            ++span;
        if (span > 1) m_view->setSpan(r, 0, 1, span);
        m_view->verticalHeader()->resizeSection(r, height);  // a header is one line of text
    }
}

void TableTab::fillGroupChoices() {
    const QSignalBlocker block(m_groupBox);
    while (m_groupBox->count() > 1)
        m_groupBox->removeItem(1);
    for (const TableColumn& c : m_table->columns)
        if (c.type != ColumnType::Image && c.type != ColumnType::NumberArray)
            m_groupBox->addItem(tr("Group by %1").arg(QString::fromStdString(c.name)),
                                QString::fromStdString(c.name));
    const int at = m_groupBox->findData(m_groupColumn);
    m_groupBox->setCurrentIndex(at >= 0 ? at : 0);
}

void TableTab::setGroupColumn(const QString& column) {
    if (column == m_groupColumn) return;
    m_groupColumn = column;
    m_collapsedGroups.clear();
    if (const int at = m_groupBox->findData(column); at >= 0) m_groupBox->setCurrentIndex(at);
    applyRows();
    emit stateChanged();
}

void TableTab::toggleGroup(int row) {
    const int group = m_model->groupAt(row);
    if (group < 0) return;
    const QString title = m_model->groups()[std::size_t(group)].title;
    if (!m_collapsedGroups.remove(title)) m_collapsedGroups.insert(title);
    applyRows();
    // Keep the header under the cursor: it is the group-th header in the new rows.
    for (int r = 0; r < m_model->rowCount(); ++r)
        if (m_model->groupAt(r) == group) {
            m_view->setCurrentIndex(m_model->index(r, 0));
            m_view->scrollTo(m_model->index(r, 0));
            break;
        }
    emit stateChanged();
}

void TableTab::setConfusionShown(bool shown) {
    if (m_confusionButton->isChecked() != shown) m_confusionButton->setChecked(shown);
    if (m_confusionPanel->isVisible() == shown) return;
    m_confusionPanel->setVisible(shown);
    // A panel shown for the first time (or squeezed to nothing) gets two fifths of the width.
    const QList<int> sizes = m_split->sizes();
    if (shown && sizes.size() == 2 && sizes[1] < 200) {
        const int total = std::max(sizes[0] + sizes[1], m_split->width());
        m_split->setSizes({total * 3 / 5, total * 2 / 5});
    }
    applyRows();
    emit stateChanged();
}

bool TableTab::confusionShown() const {
    return m_confusionButton && m_confusionButton->isChecked();
}

void TableTab::showConfusionCell(int truth, int prediction) {
    const analysis::Confusion* shown =
        m_confusionPanel ? m_confusionPanel->matrixModel()->confusion() : nullptr;
    if (!shown || truth < 0 || prediction < 0 || std::size_t(truth) >= shown->size() ||
        std::size_t(prediction) >= shown->size())
        return;
    m_cell = std::pair{QString::fromStdString(shown->classes[std::size_t(truth)]),
                       QString::fromStdString(shown->classes[std::size_t(prediction)])};
    m_cellChip->setText(truth == prediction
                            ? tr("✓ %1 right  ✕").arg(m_cell->first)
                            : tr("truth %1 · predicted %2  ✕").arg(m_cell->first, m_cell->second));
    m_cellChip->show();
    applyRows();
}

void TableTab::clearConfusionCell() {
    if (!m_cell) return;
    m_cell.reset();
    m_cellChip->hide();
    applyRows();
}

void TableTab::sortBy(int column, Qt::SortOrder order) {
    m_sortColumn = column;
    m_sortOrder = order;
    m_view->horizontalHeader()->setSortIndicator(column, order);
    applyRows();
    emit stateChanged();
}

QString TableTab::statusText() const {
    return m_status->text();
}

void TableTab::updateStatus() {
    if (!m_table) {
        m_status->setText(m_error.isEmpty() ? tr("Reading…")
                                            : tr("Cannot read this table: %1").arg(m_error));
        return;
    }
    const QLocale locale;
    if (m_filterError->isVisible()) {
        m_status->setText(tr("filter error — %1 rows in the table")
                              .arg(locale.toString(qlonglong(m_table->rowCount()))));
        return;
    }
    QString text = tr("%1 of %2 rows")
                       .arg(locale.toString(qlonglong(m_model->rows().size())),
                            locale.toString(qlonglong(m_table->rowCount())));
    const int truth = m_model->truthColumn(), pred = m_model->predictionColumn();
    if (truth >= 0 && pred >= 0 && !m_model->rows().empty()) {
        const auto wrong = wrongRows(*m_table, truth, pred);
        std::size_t judged = 0, right = 0;
        const TableColumn& t = m_table->columns[std::size_t(truth)];
        const TableColumn& p = m_table->columns[std::size_t(pred)];
        for (std::uint32_t r : m_model->rows()) {
            if (!hasValue(t, r) || !hasValue(p, r)) continue;
            ++judged;
            right += !wrong[r];
        }
        if (judged > 0)
            text += tr(" · accuracy %1 % over the shown rows (%2 = truth, %3 = prediction)")
                        .arg(100.0 * double(right) / double(judged), 0, 'f', 1)
                        .arg(QString::fromStdString(t.name), QString::fromStdString(p.name));
    }
    if (m_model->isGrouped()) {
        const auto groups = qlonglong(m_model->groups().size());
        text += groups == 1 ? tr(" · 1 group") : tr(" · %1 groups").arg(locale.toString(groups));
    }
    if (m_entry.steps.size() > 1) text += tr(" · step %1").arg(locale.toString(qlonglong(m_step)));
    m_status->setText(text);
}

void TableTab::chooseTruthPrediction() {
    if (!m_table) return;
    QMenu menu(this);
    auto addChoices = [&](const QString& title, bool truth) {
        QMenu* sub = menu.addMenu(title);
        const int current = truth ? m_model->truthColumn() : m_model->predictionColumn();
        QAction* none = sub->addAction(tr("(none)"));
        none->setCheckable(true);
        none->setChecked(current < 0);
        connect(none, &QAction::triggered, this, [this, truth] {
            truth ? setTruthPrediction(-1, m_model->predictionColumn())
                  : setTruthPrediction(m_model->truthColumn(), -1);
        });
        for (std::size_t i = 0; i < m_table->columns.size(); ++i) {
            const TableColumn& c = m_table->columns[i];
            if (c.type == ColumnType::Image || c.type == ColumnType::NumberArray) continue;
            QAction* a = sub->addAction(QString::fromStdString(c.name));
            a->setCheckable(true);
            a->setChecked(int(i) == current);
            connect(a, &QAction::triggered, this, [this, truth, i] {
                truth ? setTruthPrediction(int(i), m_model->predictionColumn())
                      : setTruthPrediction(m_model->truthColumn(), int(i));
            });
        }
    };
    addChoices(tr("Truth column"), true);
    addChoices(tr("Prediction column"), false);
    menu.exec(m_truthButton->mapToGlobal(QPoint(0, m_truthButton->height())));
}

void TableTab::setThumbnailSize(int pixels) {
    m_delegate->setThumbnailSize(std::max(pixels, 0));
    const int text = m_view->fontMetrics().height() + 8;
    m_view->verticalHeader()->setDefaultSectionSize(std::max(text, pixels + 4));
    if (m_table) {
        for (std::size_t i = 0; i < m_table->columns.size(); ++i)
            if (m_table->columns[i].type == ColumnType::Image)
                m_view->setColumnWidth(int(i), std::max(60, pixels + 8));
    }
    emit stateChanged();
}

void TableTab::enlarge(const QModelIndex& index) {
    if (!index.isValid() || !m_table) return;
    if (ColumnType(index.data(PredictionTableModel::ColumnTypeRole).toInt()) != ColumnType::Image)
        return;
    auto* viewer = new ImageViewer(m_thumbnails, m_model, index, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->show();
}

bool TableTab::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Space) {
            if (m_model->groupAt(m_view->currentIndex().row()) >= 0)
                toggleGroup(m_view->currentIndex().row());
            else
                enlarge(m_view->currentIndex());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TableTab::copySelection() const {
    const QModelIndexList selected = m_view->selectionModel()->selectedIndexes();
    if (selected.isEmpty() || !m_table) return;
    int top = INT_MAX, bottom = -1, left = INT_MAX, right = -1;
    for (const QModelIndex& i : selected) {
        top = std::min(top, i.row());
        bottom = std::max(bottom, i.row());
        left = std::min(left, i.column());
        right = std::max(right, i.column());
    }
    QStringList lines;
    for (int r = top; r <= bottom; ++r) {
        QStringList cells;
        for (int c = left; c <= right; ++c)
            cells << (!m_view->selectionModel()->isSelected(m_model->index(r, c)) ? QString()
                      : m_model->groupAt(r) >= 0 ? m_model->index(r, c).data().toString()
                                                 : m_model->cellText(m_model->tableRow(r), c));
        lines << cells.join('\t');
    }
    QApplication::clipboard()->setText(lines.join('\n'));
}

QString TableTab::exportCsv(const QString& path) const {
    if (!m_table) return tr("the table is not loaded yet");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) return file.errorString();
    QTextStream out(&file);
    const QHeaderView* header = m_view->horizontalHeader();
    std::vector<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical)) columns.push_back(logical);
    }
    QStringList names;
    for (int c : columns)
        names << csvField(QString::fromStdString(m_table->columns[std::size_t(c)].name));
    out << names.join(',') << '\n';
    for (std::uint32_t r : m_model->rows()) {
        QStringList cells;
        for (int c : columns)
            cells << csvField(m_model->cellText(r, c));
        out << cells.join(',') << '\n';
    }
    out.flush();
    if (!file.commit()) return file.errorString();
    return {};
}

void TableTab::exportDialog() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export rows as CSV"), m_entry.name.section('/', -1) + QStringLiteral(".csv"),
        tr("CSV (*.csv)"));
    if (path.isEmpty()) return;
    const QString error = exportCsv(path);
    m_status->setText(error.isEmpty()
                          ? tr("Saved %1 rows to %2")
                                .arg(QLocale().toString(qlonglong(m_model->rowCount())), path)
                          : tr("Cannot save %1: %2").arg(path, error));
}

void TableTab::showHeaderMenu(const QPoint& pos) {
    if (!m_table) return;
    QHeaderView* header = m_view->horizontalHeader();
    QMenu menu(this);
    for (int c = 0; c < header->count(); ++c) {
        QAction* a = menu.addAction(QString::fromStdString(m_table->columns[std::size_t(c)].name));
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        connect(a, &QAction::toggled, this, [this, header, c](bool on) {
            header->setSectionHidden(c, !on);
            emit stateChanged();
        });
    }
    menu.addSeparator();
    menu.addAction(tr("Show All Columns"), this, [this, header] {
        for (int c = 0; c < header->count(); ++c)
            header->setSectionHidden(c, false);
        emit stateChanged();
    });
    menu.exec(header->mapToGlobal(pos));
}

QVariantMap TableTab::saveState() const {
    QVariantMap state;
    state["filter"] = m_filterText;
    state["wrongOnly"] = wrongOnly();
    state["sortColumn"] = m_sortColumn;
    state["sortOrder"] = int(m_sortOrder);
    state["thumbnail"] = m_thumbSlider->value();
    state["header"] = m_view->horizontalHeader()->saveState();
    state["step"] = qlonglong(m_step);
    state["confusion"] = confusionShown();
    state["rowPercent"] = m_confusionPanel->normalized();
    state["split"] = m_split->saveState();
    state["group"] = m_groupColumn;
    state["collapsed"] = QStringList(m_collapsedGroups.begin(), m_collapsedGroups.end());
    if (m_userTruthPrediction) {
        state["truth"] = m_model->truthColumn();
        state["prediction"] = m_model->predictionColumn();
    }
    return state;
}

void TableTab::restoreState(const QVariantMap& state) {
    if (!m_table) {  // applied once the table is read: column counts must match
        m_pendingState = state;
        const std::int64_t step = state.value("step", qlonglong(m_step)).toLongLong();
        if (step != m_step && m_entry.tableIdAt(step) != m_entry.tableIdAt(m_step)) showStep(step);
        if (state.contains("filter")) m_filter->setText(state["filter"].toString());
        m_filterText = m_filter->text();
        return;
    }
    m_filterText = state.value("filter", m_filterText).toString();
    m_filter->setText(m_filterText);
    m_wrongOnly->blockSignals(true);
    m_wrongOnly->setChecked(state.value("wrongOnly").toBool());
    m_wrongOnly->blockSignals(false);
    m_sortColumn = state.value("sortColumn", -1).toInt();
    m_sortOrder = Qt::SortOrder(state.value("sortOrder").toInt());
    m_groupColumn = state.value("group").toString();
    const QStringList collapsed = state.value("collapsed").toStringList();
    m_collapsedGroups = QSet<QString>(collapsed.begin(), collapsed.end());
    fillGroupChoices();
    if (m_sortColumn >= 0) m_view->horizontalHeader()->setSortIndicator(m_sortColumn, m_sortOrder);
    m_thumbSlider->setValue(state.value("thumbnail", kDefaultThumbnail).toInt());
    if (state.contains("header"))
        m_view->horizontalHeader()->restoreState(state["header"].toByteArray());
    m_confusionPanel->setNormalized(state.value("rowPercent").toBool());
    if (state.contains("split")) m_split->restoreState(state["split"].toByteArray());
    m_confusionButton->blockSignals(true);
    m_confusionButton->setChecked(state.value("confusion").toBool());
    m_confusionButton->blockSignals(false);
    m_confusionPanel->setVisible(confusionShown());
    if (state.contains("truth")) {
        m_userTruthPrediction = true;
        m_model->setTruthPrediction(state["truth"].toInt(), state["prediction"].toInt());
    }
    applyRows();
}

}  // namespace runlens::ui
