// RunsPanel: wires the filter box, grouping, column choices and widths to the runs table model.
#include "ui/widgets/runs_panel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QColorDialog>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "ui/dialogs/column_chooser_dialog.h"
#include "ui/models/roles.h"
#include "ui/models/run_filter.h"
#include "ui/models/run_table_model.h"
#include "ui/widgets/filter_line_edit.h"

namespace runlens::ui {

RunsPanel::RunsPanel(QWidget* parent) : QWidget(parent) {
    m_filter = new FilterLineEdit(this);
    m_filter->setPlaceholderText(tr("Filter runs, e.g.  optimizer == \"adam\" and val/acc > 0.9"));
    m_filter->setToolTip(
        tr("<b>Filter runs</b><br>Compare any column: <code>lr &lt; 0.01</code>, <code>state == "
           "\"failed\"</code>, "
           "<code>val/acc &gt;= 0.9</code><br>Combine with <code>and</code>, <code>or</code>, "
           "<code>not</code>, "
           "parentheses<br><code>optimizer in [\"adam\", \"sgd\"]</code>, <code>tags contains "
           "\"best\"</code>, "
           "<code>name ~ \"^mlp-\"</code>, <code>source.format == \"mlflow\"</code><br>A plain "
           "word searches run names."));
    m_filterError = new QLabel(this);
    m_filterError->setObjectName(QStringLiteral("filterError"));
    m_filterError->setWordWrap(true);
    m_filterError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filterError->setStyleSheet(QStringLiteral("color: #C0392B;"));
    QFont small = m_filterError->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_filterError->setFont(small);
    m_filterError->hide();
    m_groupBy = new QComboBox(this);
    m_groupBy->setToolTip(
        tr("Group runs by a column: each group gets one colour and can be drawn as a mean with a "
           "band"));
    m_groupBy->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_groupBy->setMinimumContentsLength(10);
    m_columnsButton = new QToolButton(this);
    m_columnsButton->setText(tr("Columns…"));
    m_columnsButton->setToolTip(tr("Choose which config and summary columns the table shows"));

    m_model = new RunTableModel(this);
    m_view = new RunsTableView(this);
    m_view->setModel(m_model);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setRootIsDecorated(false);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->header()->setSectionsMovable(true);
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setDefaultSectionSize(96);
    m_view->header()->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setIconSize(QSize(12, 12));
    m_view->syncFrozen();
    applyDefaultSort();

    // Over the table (above the frozen Name column too), not below it where no one looks.
    m_emptyHint = new QLabel(m_view);
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    m_emptyHint->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_emptyHint->setWordWrap(true);
    m_emptyHint->setStyleSheet("color: gray; padding: 24px 12px;");
    m_emptyHint->setAttribute(Qt::WA_TransparentForMouseEvents);
    m_emptyHint->hide();
    m_view->installEventFilter(this);

    m_showDeletedAction = new QAction(tr("Show &Deleted Runs"), this);
    m_showDeletedAction->setCheckable(true);
    m_showDeletedAction->setToolTip(
        tr("List the runs deleted in their source (MLflow), struck through; they are hidden by "
           "default"));
    connect(m_showDeletedAction, &QAction::toggled, m_model, &RunTableModel::setShowDeleted);

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(new QLabel(tr("Group:"), this));
    controls->addWidget(m_groupBy, 1);
    controls->addWidget(m_columnsButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_filterError);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);

    connect(m_filter, &FilterLineEdit::filterChanged, this, &RunsPanel::applyFilter);
    connect(m_groupBy, &QComboBox::activated, this,
            [this] { m_model->setGroupBy(m_groupBy->currentData().toString()); });
    connect(m_columnsButton, &QToolButton::clicked, this, &RunsPanel::chooseColumns);
    connect(m_model, &RunTableModel::modelAboutToBeReset, this, [this] {
        m_arranging = true;  // the header resizes sections while the model resets
        rememberSelection();
    });
    connect(m_model, &RunTableModel::modelReset, this, [this] {
        m_view->setRootIsDecorated(!m_model->groupBy().isEmpty());
        m_view->header()->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        if (const int choice = m_groupBy->findData(m_model->groupBy()); choice >= 0)
            m_groupBy->setCurrentIndex(choice);
        applyDefaultColumnVisibility();
        spanGroupRows();
        if (!m_model->groupBy().isEmpty()) m_view->expandAll();
        m_view->syncFrozen();
        restoreSelection();
        m_arranging = false;
        updateEmptyHint();
        emit countsChanged();
    });
    connect(m_model, &RunTableModel::drawnRunsChanged, this, &RunsPanel::drawnRunsChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        emit countsChanged();
        emit highlightChanged();
    });
    connect(m_view, &QTreeView::doubleClicked, this, [this](const QModelIndex& index) {
        const int row = m_model->snapshotRow(index);
        if (row >= 0) emit runActivated(m_model->snapshot()->runs[std::size_t(row)].id);
    });
    connect(m_view, &QTreeView::customContextMenuRequested, this, &RunsPanel::showContextMenu);
    connect(m_view->header(), &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint& pos) {
                showHeaderMenu(m_view->header()->logicalIndexAt(pos),
                               m_view->header()->mapToGlobal(pos));
            });
    connect(m_view->frozenView()->header(), &QHeaderView::customContextMenuRequested, this,
            [this](const QPoint& pos) {
                showHeaderMenu(0, m_view->frozenView()->header()->mapToGlobal(pos));
            });
    // A width the user gives a column is kept for that column (by id), across reloads.
    connect(m_view->header(), &QHeaderView::sectionResized, this,
            [this](int section, int, int size) {
                if (m_arranging || section < 0 || section >= int(m_model->columns().size())) return;
                if (size > 0) m_columnWidths[m_model->columns()[std::size_t(section)].id] = size;
            });

    auto addShortcut = [this](const QKeySequence& keys, auto slot) {
        auto* action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_view->addAction(action);
    };
    addShortcut(QKeySequence(Qt::Key_Space), [this] {
        // Space toggles: if any selected run is drawn, hide them all; otherwise show them.
        bool anyShown = false;
        for (int r : selectedRows())
            anyShown = anyShown || !m_model->looks().isHidden(QString::fromStdString(
                                       m_model->snapshot()->runs[std::size_t(r)].uid));
        anyShown ? hideSelected() : showSelected();
    });
    addShortcut(QKeySequence(Qt::Key_Return), [this] {
        const int row = m_model->snapshotRow(m_view->currentIndex());
        if (row >= 0) emit runActivated(m_model->snapshot()->runs[std::size_t(row)].id);
    });
    addShortcut(QKeySequence::Copy, [this] { copySelected(); });
}

void RunsPanel::setSnapshot(std::shared_ptr<const RunsSnapshot> snapshot) {
    m_model->setSnapshot(std::move(snapshot));
    applyFilter(m_filter->text());
    updateGroupChoices();
    updateDeletedAction();
    updateEmptyHint();
}

void RunsPanel::applyDefaultSort() {
    // Newest first until the user picks a sort: MLflow lists runs by uuid, W&B by folder name.
    m_model->setSortKey(QStringLiteral("created"), Qt::DescendingOrder);
}

void RunsPanel::applyFilter(const QString& text) {
    if (!m_model->snapshot()) {  // judged again when runs arrive
        m_filter->setError(0, 0, {});
        m_filterError->hide();
        return;
    }
    FilterOutcome outcome = filterRuns(*m_model->snapshot(), text);
    m_filter->setError(outcome.errorStart, outcome.errorLength, outcome.error);
    if (!outcome.error.isEmpty()) {
        // A broken filter lists nothing, so no one reads the old result as the answer to it.
        m_filterError->setText(
            tr("%1 (at character %2)").arg(outcome.error).arg(outcome.errorStart + 1));
        m_filterError->show();
        m_model->setFilterRows(std::vector<std::uint32_t>{});
    } else {
        m_filterError->hide();
        m_filterError->clear();
        m_model->setFilterRows(std::move(outcome.rows));
    }
    updateEmptyHint();
    emit countsChanged();
}

bool RunsPanel::hasFilterError() const {
    return m_filter->hasError();
}

void RunsPanel::updateEmptyHint() {
    QString hint;
    if (m_model->snapshot()) {
        if (hasFilterError())
            hint = tr("Filter error — no runs are listed until the filter is fixed.");
        else if (m_model->totalCount() == 0 && m_model->deletedCount() > 0)
            hint =
                tr("Every run here is deleted in its source.\nView › Show Deleted Runs lists "
                   "them.");
        else if (m_model->totalCount() > 0 && m_model->shownCount() == 0)
            hint = tr("No runs match the filter.");
    }
    m_emptyHint->setText(hint);
    m_emptyHint->setVisible(!hint.isEmpty());
    if (!hint.isEmpty()) {
        m_emptyHint->setGeometry(m_view->viewport()->geometry());
        m_emptyHint->raise();
    }
}

bool RunsPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::Resize && m_emptyHint->isVisible())
        m_emptyHint->setGeometry(m_view->viewport()->geometry());
    return QWidget::eventFilter(watched, event);
}

void RunsPanel::updateDeletedAction() {
    const int deleted = m_model->deletedCount();
    m_showDeletedAction->setText(deleted > 0 ? tr("Show &Deleted Runs (%1)").arg(deleted)
                                             : tr("Show &Deleted Runs"));
    m_showDeletedAction->setEnabled(deleted > 0 || m_showDeletedAction->isChecked());
}

QString RunsPanel::countsText() const {
    QString text;
    if (hasFilterError())
        text = totalCount() == 1 ? tr("filter error · 1 run")
                                 : tr("filter error · %1 runs").arg(totalCount());
    else
        text = tr("%1 of %2 runs").arg(shownCount()).arg(totalCount());
    if (const int deleted = m_model->deletedCount(); deleted > 0 && !m_model->showDeleted())
        text += tr(" · %1 deleted hidden").arg(deleted);
    if (const int selected = selectedCount(); selected > 0)
        text += tr(" · %1 selected").arg(selected);
    return text;
}

void RunsPanel::updateGroupChoices() {
    const QString current =
        m_groupBy->count() ? m_groupBy->currentData().toString() : m_pendingGroupBy;
    m_groupBy->clear();
    m_groupBy->addItem(tr("None"), QString());
    for (const RunColumn& c : m_model->columns()) {
        // Times, durations, free text, ids and a tool's bookkeeping make a group per run.
        if (c.kind == ColumnKind::Name || c.kind == ColumnKind::Created ||
            c.kind == ColumnKind::Runtime || c.kind == ColumnKind::Notes ||
            c.kind == ColumnKind::Uid || c.internal)
            continue;
        const QString prefix = c.kind == ColumnKind::Config    ? tr("config: ")
                               : c.kind == ColumnKind::Summary ? tr("summary: ")
                                                               : QString();
        m_groupBy->addItem(prefix + c.title, c.id);
    }
    const int index = m_groupBy->findData(current);
    m_groupBy->setCurrentIndex(std::max(0, index));
    if (index > 0 && m_model->groupBy() != current) m_model->setGroupBy(current);
}

void RunsPanel::applyDefaultColumnVisibility() {
    const auto& columns = m_model->columns();
    const bool arranging = std::exchange(m_arranging, true);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const bool hidden =
            (columns[i].hiddenByDefault || m_hiddenColumns.contains(columns[i].id)) &&
            !m_shownColumns.contains(columns[i].id);
        m_view->header()->setSectionHidden(int(i), hidden);
        if (!hidden) applyColumnWidth(int(i));
    }
    m_arranging = arranging;
}

// A column gets the width the user gave it, else one that fits its title and typical cells
// (measured once per column, so a live reload does not make columns jump).
void RunsPanel::applyColumnWidth(int column) {
    const QString& id = m_model->columns()[std::size_t(column)].id;
    int width = m_columnWidths.value(id, 0);
    if (width <= 0) {
        auto it = m_autoWidths.find(id);
        if (it == m_autoWidths.end()) it = m_autoWidths.insert(id, contentWidth(column));
        width = *it;
        // Grouped, run names sit two indentation steps in: the groups' arrows, then their own.
        if (column == 0 && !m_model->groupBy().isEmpty()) width += 2 * m_view->indentation();
    }
    if (m_view->header()->sectionSize(column) != width) {
        const bool arranging = std::exchange(m_arranging, true);
        m_view->header()->resizeSection(column, width);
        m_arranging = arranging;
    }
}

int RunsPanel::contentWidth(int column) const {
    // Enough for a date ("2025-03-17 14:05"), a number, a typical name; long text is elided
    // (in the middle, so the end that tells runs apart stays) up to a sensible maximum.
    constexpr int kSampleRows = 100;  // enough for a typical width, cheap for 200 columns
    constexpr int kMinWidth = 56, kMaxWidth = 300, kMaxNameWidth = 320, kMaxTitleWidth = 220;
    const RunColumn& c = m_model->columns()[std::size_t(column)];
    const auto snapshot = m_model->snapshot();
    const QFontMetrics cells(m_view->font());
    const QFontMetrics titles(m_view->header()->font());
    const int margin = 2 * (m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin) + 1) + 8;
    const int sortArrow = 18;
    const int title =
        std::min(titles.horizontalAdvance(c.title), kMaxTitleWidth) + margin + sortArrow;
    std::vector<int> widths;
    if (snapshot) {
        const int runs = int(snapshot->runs.size());
        const int step = std::max(1, runs / kSampleRows);
        for (int r = 0; r < runs; r += step) {
            const QString text = runCellText(*snapshot, c, r);
            if (!text.isEmpty()) widths.push_back(cells.horizontalAdvance(text));
        }
    }
    // The widest of nearly all cells: one outlier does not widen a column for everyone.
    int content = 0;
    if (!widths.empty()) {
        std::sort(widths.begin(), widths.end());
        content = widths[std::min(widths.size() - 1, widths.size() * 95 / 100)];
    }
    content += margin;
    if (c.kind == ColumnKind::Name) {
        const int check = m_view->style()->pixelMetric(QStyle::PM_IndicatorWidth);
        content += check + m_view->iconSize().width() + 12;
        // In a narrow panel Name leaves room for the columns that scroll beside it.
        const int viewWidth = m_view->viewport()->width();
        const int maxWidth =
            viewWidth > 300 ? std::clamp(viewWidth * 6 / 10, 160, kMaxNameWidth) : kMaxNameWidth;
        return std::clamp(std::max(title, content), 140, maxWidth);
    }
    return std::clamp(std::max(title, content), kMinWidth, kMaxWidth);
}

void RunsPanel::showHeaderMenu(int section, const QPoint& globalPos) {
    QMenu menu(this);
    if (section > 0 && section < int(m_model->columns().size())) {
        const RunColumn& c = m_model->columns()[std::size_t(section)];
        const QString id = c.id;
        menu.addAction(tr("Hide column “%1”").arg(c.title), this, [this, id, section] {
            m_shownColumns.removeAll(id);
            if (!m_hiddenColumns.contains(id)) m_hiddenColumns << id;
            m_view->header()->setSectionHidden(section, true);
        });
        if (m_groupBy->findData(id) > 0) {
            menu.addAction(tr("Group by “%1”").arg(c.title), this, [this, id] {
                m_model->setGroupBy(id);
                m_groupBy->setCurrentIndex(std::max(0, m_groupBy->findData(id)));
            });
        }
        menu.addAction(tr("Fit width to contents"), this,
                       [this, section] { m_view->resizeColumnToContents(section); });
    }
    menu.addAction(tr("Newest first"), this, [this] { applyDefaultSort(); });
    menu.addAction(tr("Choose columns…"), this, &RunsPanel::chooseColumns);
    menu.exec(globalPos);
}

void RunsPanel::spanGroupRows() {
    if (m_model->groupBy().isEmpty()) return;
    for (int g = 0; g < m_model->rowCount(); ++g)
        m_view->setFirstColumnSpanned(g, QModelIndex(), true);
}

void RunsPanel::rememberSelection() {
    m_selectedUids.clear();
    if (!m_model->snapshot()) return;
    for (int r : selectedRows())
        m_selectedUids << QString::fromStdString(m_model->snapshot()->runs[std::size_t(r)].uid);
}

void RunsPanel::restoreSelection() {
    if (m_selectedUids.isEmpty() || !m_model->snapshot()) return;
    QItemSelection selection;
    const auto& runs = m_model->snapshot()->runs;
    for (std::size_t r = 0; r < runs.size(); ++r) {
        if (!m_selectedUids.contains(QString::fromStdString(runs[r].uid))) continue;
        const QModelIndex index = m_model->indexOfRow(int(r));
        if (index.isValid())
            selection.select(index, index.siblingAtColumn(m_model->columnCount() - 1));
    }
    m_view->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

namespace {

// A run's colour, most of the way to white: still telling which run it is, but behind.
QColor fadedColor(const QColor& c) {
    constexpr double kKeep = 0.25;
    return QColor::fromRgbF(1 - kKeep * (1 - c.redF()), 1 - kKeep * (1 - c.greenF()),
                            1 - kKeep * (1 - c.blueF()));
}

}  // namespace

DrawnRuns RunsPanel::drawnRuns() const {
    DrawnRuns out;
    auto snapshot = m_model->snapshot();
    if (!snapshot) return out;
    out.grouped = !m_model->groupBy().isEmpty();
    // Selected runs stand out in the charts: the others fade towards the background (colours
    // only, so the charts restyle without reading their data again).
    const std::vector<int> selected = selectedRows();
    for (int row : m_model->shownRows()) {
        const RunInfo& run = snapshot->runs[std::size_t(row)];
        const QString uid = QString::fromStdString(run.uid);
        if (m_model->looks().isHidden(uid)) continue;
        DrawnRun d;
        d.id = run.id;
        d.uid = uid;
        d.name = QString::fromStdString(displayName(run));
        d.color = m_model->looks().color(uid);
        if (!selected.empty() && !std::binary_search(selected.begin(), selected.end(), row)) {
            d.color = fadedColor(d.color);
            d.faded = true;
        }
        d.startTime = run.startTime;
        if (out.grouped) {
            d.group = m_model->groupKeyOf(row);
            d.groupColor = m_model->looks().groupColor(d.group);
        }
        out.runs.push_back(std::move(d));
    }
    return out;
}

int RunsPanel::shownCount() const {
    return m_model->shownCount();
}
int RunsPanel::totalCount() const {
    return m_model->totalCount();
}
int RunsPanel::selectedCount() const {
    return int(selectedRows().size());
}

std::vector<int> RunsPanel::selectedRows() const {
    std::vector<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows()) {
        if (index.data(IsGroupRole).toBool()) {
            for (int i = 0; i < m_model->rowCount(index); ++i)
                rows.push_back(m_model->snapshotRow(m_model->index(i, 0, index)));
        } else if (int r = m_model->snapshotRow(index); r >= 0) {
            rows.push_back(r);
        }
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    return rows;
}

void RunsPanel::selectRuns(const std::vector<RunId>& runs) {
    auto snapshot = m_model->snapshot();
    QItemSelection selection;
    if (snapshot)
        for (RunId id : runs)
            if (const int row = snapshot->rowOf(id); row >= 0)
                if (const QModelIndex index = m_model->indexOfRow(row); index.isValid())
                    selection.select(index, index);
    m_view->selectionModel()->select(
        selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void RunsPanel::showSelected() {
    m_model->setRowsHidden(selectedRows(), false);
}
void RunsPanel::hideSelected() {
    m_model->setRowsHidden(selectedRows(), true);
}
void RunsPanel::showOnlySelected() {
    if (!selectedRows().empty()) m_model->showOnly(selectedRows());
}
void RunsPanel::showAll() {
    if (!m_model->snapshot()) return;
    std::vector<int> all(m_model->snapshot()->runs.size());
    for (std::size_t i = 0; i < all.size(); ++i)
        all[i] = int(i);
    m_model->setRowsHidden(all, false);
}
void RunsPanel::pinSelected(bool pinned) {
    m_model->setRowsPinned(selectedRows(), pinned);
}

void RunsPanel::chooseColorForSelected() {
    const auto rows = selectedRows();
    if (rows.empty()) return;
    const QString uid =
        QString::fromStdString(m_model->snapshot()->runs[std::size_t(rows.front())].uid);
    const QColor color =
        QColorDialog::getColor(m_model->looks().color(uid), this, tr("Run colour"));
    if (!color.isValid()) return;
    for (int r : rows)
        m_model->looks().setColor(
            QString::fromStdString(m_model->snapshot()->runs[std::size_t(r)].uid), color);
    m_model->looksChanged();
}

void RunsPanel::chooseColumns() {
    ColumnChooserDialog dialog(m_model->columns(), this);
    std::vector<bool> visible;
    for (std::size_t i = 0; i < m_model->columns().size(); ++i)
        visible.push_back(!m_view->header()->isSectionHidden(int(i)));
    dialog.setVisibleColumns(visible);
    if (dialog.exec() != QDialog::Accepted) return;
    const std::vector<bool> chosen = dialog.visibleColumns();
    for (std::size_t i = 0; i < chosen.size(); ++i) {
        const RunColumn& c = m_model->columns()[i];
        m_hiddenColumns.removeAll(c.id);
        m_shownColumns.removeAll(c.id);
        if (chosen[i] && c.hiddenByDefault) m_shownColumns << c.id;
        if (!chosen[i] && !c.hiddenByDefault) m_hiddenColumns << c.id;
        m_view->header()->setSectionHidden(int(i), !chosen[i]);
        if (chosen[i]) applyColumnWidth(int(i));
    }
}

void RunsPanel::copySelected() {
    const auto rows = selectedRows();
    if (rows.empty() || !m_model->snapshot()) return;
    // Visible columns in the order shown; cells as shown, one line each.
    std::vector<int> columns;
    const QHeaderView* header = m_view->header();
    for (int v = 0; v < header->count(); ++v) {
        const int logical = header->logicalIndex(v);
        if (!header->isSectionHidden(logical)) columns.push_back(logical);
    }
    auto tsv = [](QString text) { return text.replace('\t', ' '); };
    QStringList lines;
    QStringList titles;
    for (int c : columns)
        titles << tsv(m_model->columns()[std::size_t(c)].title);
    lines << titles.join('\t');
    const auto& snapshot = *m_model->snapshot();
    for (int row : m_model->shownRows()) {
        if (!std::binary_search(rows.begin(), rows.end(), row)) continue;
        QStringList cells;
        for (int c : columns)
            cells << tsv(runCellText(snapshot, m_model->columns()[std::size_t(c)], row));
        lines << cells.join('\t');
    }
    QApplication::clipboard()->setText(lines.join('\n') + '\n');
}

void RunsPanel::showContextMenu(const QPoint& pos) {
    const auto rows = selectedRows();
    QMenu menu(this);
    const bool any = !rows.empty();
    menu.addAction(tr("Open details"), this,
                   [this] {
                       const int row = m_model->snapshotRow(m_view->currentIndex());
                       if (row >= 0)
                           emit runActivated(m_model->snapshot()->runs[std::size_t(row)].id);
                   })
        ->setEnabled(any);
    menu.addSeparator();
    menu.addAction(tr("Show selected"), this, &RunsPanel::showSelected)->setEnabled(any);
    menu.addAction(tr("Hide selected"), this, &RunsPanel::hideSelected)->setEnabled(any);
    menu.addAction(tr("Show only selected"), this, &RunsPanel::showOnlySelected)->setEnabled(any);
    menu.addAction(tr("Show all runs"), this, &RunsPanel::showAll);
    menu.addSeparator();
    menu.addAction(tr("Pin to top"), this, [this] { pinSelected(true); })->setEnabled(any);
    menu.addAction(tr("Unpin"), this, [this] { pinSelected(false); })->setEnabled(any);
    menu.addAction(tr("Set colour…"), this, &RunsPanel::chooseColorForSelected)->setEnabled(any);
    menu.addSeparator();
    menu.addAction(tr("Copy rows"), QKeySequence::Copy, this, &RunsPanel::copySelected)
        ->setEnabled(any);
    menu.addAction(tr("Copy run ids"), this,
                   [this, rows] {
                       QStringList ids;
                       for (int r : rows)
                           ids << runSourceId(m_model->snapshot()->runs[std::size_t(r)]);
                       QApplication::clipboard()->setText(ids.join('\n'));
                   })
        ->setEnabled(any);
    menu.addSeparator();
    menu.addAction(m_showDeletedAction);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

QVariantMap RunsPanel::saveState() const {
    QVariantMap state;
    state["filter"] = m_filter->text();
    state["groupBy"] = m_model->groupBy();
    state["sortColumn"] = m_model->sortKey();
    state["sortOrder"] = int(m_model->sortOrder());
    state["hiddenColumns"] = m_hiddenColumns;
    state["shownColumns"] = m_shownColumns;
    state["showDeleted"] = m_showDeletedAction->isChecked();
    QVariantMap widths;
    for (auto it = m_columnWidths.begin(); it != m_columnWidths.end(); ++it)
        widths[it.key()] = it.value();
    state["columnWidths"] = widths;
    state["looks"] = m_model->looks().save();  // colours, hidden and pinned runs, by uid
    return state;
}

void RunsPanel::restoreState(const QVariantMap& state) {
    m_hiddenColumns = state.value("hiddenColumns").toStringList();
    m_shownColumns = state.value("shownColumns").toStringList();
    m_columnWidths.clear();
    m_autoWidths.clear();  // another source: its cells, not those of the last one
    const QVariantMap widths = state.value("columnWidths").toMap();
    for (auto it = widths.begin(); it != widths.end(); ++it)
        if (const int w = it.value().toInt(); w > 0) m_columnWidths.insert(it.key(), w);
    m_model->looks().restore(state.value("looks").toMap());
    m_pendingGroupBy = state.value("groupBy").toString();
    m_groupBy->clear();
    m_model->setGroupBy(m_pendingGroupBy);
    m_showDeletedAction->setChecked(state.value("showDeleted", false).toBool());
    if (const QString sortKey = state.value("sortColumn").toString(); sortKey.isEmpty())
        applyDefaultSort();  // nothing chosen (or saved before there was a default)
    else
        m_model->setSortKey(sortKey, Qt::SortOrder(state.value("sortOrder").toInt()));
    m_filter->setText(state.value("filter").toString());
    applyFilter(m_filter->text());
    m_model->looksChanged();
}

}  // namespace runlens::ui
