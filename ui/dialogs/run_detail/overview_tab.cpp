// OverviewTab: lays out the metadata above the config tree and summary table; one search box
// filters both.
#include "ui/dialogs/run_detail/overview_tab.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include "ui/dialogs/run_detail/config_tree_model.h"
#include "ui/dialogs/run_detail/key_value_filter_model.h"
#include "ui/dialogs/run_detail/run_metadata_view.h"
#include "ui/dialogs/run_detail/summary_media_view.h"
#include "ui/dialogs/run_detail/summary_model.h"
#include "ui/tasks/background.h"

namespace runlens::ui {
namespace {

constexpr int kExpandAllNodes = 400;  // configs up to this size open fully expanded

enum class CopyWhat { Value, Key, KeyAndValue };

/// Copies the selected rows' keys and/or values at full precision (EditRole), one row a line.
void copyRows(QTreeView* view, CopyWhat what) {
    QModelIndexList rows = view->selectionModel()->selectedRows(0);
    if (rows.isEmpty() && view->currentIndex().isValid())
        rows << view->currentIndex().siblingAtColumn(0);
    std::sort(rows.begin(), rows.end(), [view](const QModelIndex& a, const QModelIndex& b) {
        return view->visualRect(a).top() < view->visualRect(b).top();
    });
    QStringList lines;
    for (const QModelIndex& row : rows) {
        const QVariant value = row.siblingAtColumn(1).data(Qt::EditRole);
        const QString key = row.data(Qt::EditRole).toString();
        if (what == CopyWhat::Key)
            lines << key;
        else if (!value.isValid())
            continue;  // a config group has no value of its own
        else if (what == CopyWhat::Value)
            lines << value.toString();
        else
            lines << key + QLatin1Char('\t') + value.toString();
    }
    if (!lines.isEmpty()) QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

void addCopyActions(QTreeView* view) {
    auto* copyValue = new QAction(QObject::tr("Copy Value"), view);
    copyValue->setShortcut(QKeySequence::Copy);
    copyValue->setShortcutContext(Qt::WidgetShortcut);
    auto* copyKey = new QAction(QObject::tr("Copy Key"), view);
    auto* copyBoth = new QAction(QObject::tr("Copy Key and Value"), view);
    view->addAction(copyValue);
    QObject::connect(copyValue, &QAction::triggered, view,
                     [view] { copyRows(view, CopyWhat::Value); });
    QObject::connect(copyKey, &QAction::triggered, view, [view] { copyRows(view, CopyWhat::Key); });
    QObject::connect(copyBoth, &QAction::triggered, view,
                     [view] { copyRows(view, CopyWhat::KeyAndValue); });
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    QObject::connect(view, &QWidget::customContextMenuRequested, view,
                     [view, copyValue, copyKey, copyBoth](const QPoint& pos) {
                         if (!view->indexAt(pos).isValid()) return;
                         QMenu menu(view);
                         menu.addAction(copyValue);
                         menu.addAction(copyKey);
                         menu.addAction(copyBoth);
                         menu.exec(view->viewport()->mapToGlobal(pos));
                     });
}

QTreeView* makeView(QWidget* parent, QAbstractItemModel* model, bool tree) {
    auto* view = new QTreeView(parent);
    view->setModel(model);
    view->setUniformRowHeights(true);
    view->setAlternatingRowColors(true);
    view->setRootIsDecorated(tree);
    view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setTextElideMode(Qt::ElideMiddle);
    view->header()->setStretchLastSection(true);
    view->header()->setDefaultSectionSize(220);
    addCopyActions(view);
    return view;
}

QLabel* makeTitle(QWidget* parent) {
    auto* title = new QLabel(parent);
    QFont font = title->font();
    font.setBold(true);
    title->setFont(font);
    return title;
}

/// Rows with a value of their own under parent (config groups are not counted).
int countValues(const QAbstractItemModel* model, const QModelIndex& parent) {
    int count = 0;
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.siblingAtColumn(1).data(Qt::EditRole).isValid()) ++count;
        count += countValues(model, index);
    }
    return count;
}

}  // namespace

OverviewTab::OverviewTab(const QString& databasePath, RunId runId,
                         std::shared_ptr<const RunsSnapshot> snapshot, QWidget* parent)
    : DetailTab(parent) {
    m_metadata = new RunMetadataView(this);
    auto* metadataScroll = new QScrollArea(this);
    metadataScroll->setWidget(m_metadata);
    metadataScroll->setWidgetResizable(true);
    metadataScroll->setFrameShape(QFrame::NoFrame);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("overviewSearch"));
    m_search->setPlaceholderText(tr("Search config and summary keys and values (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);

    m_config = new ConfigTreeModel(this);
    m_configFilter = new KeyValueFilterModel(this);
    m_configFilter->setSourceModel(m_config);
    m_configView = makeView(this, m_configFilter, true);
    m_configView->setObjectName(QStringLiteral("configView"));
    m_configTitle = makeTitle(this);

    m_summary = new SummaryModel(this);
    m_summaryFilter = new KeyValueFilterModel(this);
    m_summaryFilter->setSourceModel(m_summary);
    m_summaryView = makeView(this, m_summaryFilter, false);
    m_summaryView->setObjectName(QStringLiteral("summaryView"));
    m_summaryView->setSortingEnabled(true);
    m_summaryView->sortByColumn(SummaryModel::KeyColumn, Qt::AscendingOrder);
    m_summaryTitle = makeTitle(this);

    auto* configPane = new QWidget(this);
    auto* configLayout = new QVBoxLayout(configPane);
    configLayout->setContentsMargins(0, 0, 0, 0);
    configLayout->setSpacing(2);
    configLayout->addWidget(m_configTitle);
    configLayout->addWidget(m_configView, 1);
    auto* summaryPane = new QWidget(this);
    auto* summaryLayout = new QVBoxLayout(summaryPane);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    summaryLayout->setSpacing(2);
    summaryLayout->addWidget(m_summaryTitle);
    summaryLayout->addWidget(m_summaryView, 1);
    m_media = new SummaryMediaView(this);
    summaryLayout->addWidget(m_media);
    // A summary row that is an image opens it.
    connect(m_summaryView, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const QString key = index.siblingAtColumn(SummaryModel::KeyColumn).data().toString();
        const auto& images = m_media->images();
        for (std::size_t i = 0; i < images.size(); ++i)
            if (QString::fromStdString(images[i].key) == key) m_media->showLarge(int(i));
    });

    auto* values = new QSplitter(Qt::Horizontal, this);
    values->addWidget(configPane);
    values->addWidget(summaryPane);
    values->setChildrenCollapsible(false);
    values->setStretchFactor(0, 1);
    values->setStretchFactor(1, 1);

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->setSpacing(6);
    lowerLayout->addWidget(m_search);
    lowerLayout->addWidget(values, 1);

    m_split = new QSplitter(Qt::Vertical, this);
    m_split->addWidget(metadataScroll);
    m_split->addWidget(lower);
    m_split->setChildrenCollapsible(false);
    m_split->setStretchFactor(0, 0);
    m_split->setStretchFactor(1, 1);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_split);
    setContent(content);

    connect(m_search, &QLineEdit::textChanged, this, &OverviewTab::applySearch);

    runInBackground(
        this,
        [path = databasePath.toStdString(), runId, snapshot = std::move(snapshot)] {
            return std::make_shared<Result<RunDetails>>(loadRunDetails(path, runId, snapshot));
        },
        [this](std::shared_ptr<Result<RunDetails>> details) {
            if (!details->ok()) {
                showMessage(tr("Cannot read this run.\n%1")
                                .arg(QString::fromStdString(details->error().toString())),
                            true);
                return;
            }
            showDetails(details->value());
        });
}

void OverviewTab::showDetails(const RunDetails& details) {
    m_metadata->setDetails(details);
    m_config->setValues(details.config);
    m_summary->setValues(details.summary);
    m_media->setImages(summaryImages(details.info, details.summary));
    m_configKeys = countValues(m_config, {});  // JSON objects count by their values
    m_summaryKeys = int(details.summary.size());
    m_configView->header()->resizeSection(0, 260);
    m_summaryView->header()->resizeSection(0, 220);
    restoreExpansion();
    applySearch(m_search->text());
    showContent();
    m_fitPending = true;
    if (isVisible()) QTimer::singleShot(0, this, &OverviewTab::fitMetadata);
    emit runLoaded(QString::fromStdString(displayName(details.info)));
}

void OverviewTab::showEvent(QShowEvent* event) {
    DetailTab::showEvent(event);
    if (m_fitPending) QTimer::singleShot(0, this, &OverviewTab::fitMetadata);
}

void OverviewTab::fitMetadata() {
    // Once per run: the metadata gets the height it needs (up to 60%), the key/value views the
    // rest; after that the splitter is the user's.
    const int total = m_split->height();
    if (!m_fitPending || total <= 0) return;
    m_fitPending = false;
    const int wanted = m_metadata->sizeHint().height() + 2;
    const int top = std::min(wanted, total * 3 / 5);
    m_split->setSizes({top, std::max(1, total - top - m_split->handleWidth())});
}

void OverviewTab::focusSearch() {
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void OverviewTab::applySearch(const QString& text) {
    const bool wasFiltered = !m_configFilter->searchText().isEmpty();
    m_configFilter->setSearchText(text);
    m_summaryFilter->setSearchText(text);
    if (!m_configFilter->searchText().isEmpty())
        m_configView->expandAll();  // show where each match sits
    else if (wasFiltered)
        restoreExpansion();
    updateTitles();
}

void OverviewTab::updateTitles() {
    const bool searching = !m_configFilter->searchText().isEmpty();
    auto title = [searching](const QString& what, int total, int shown) {
        if (total == 0) return tr("%1: none").arg(what);
        if (searching) return tr("%1 (%L2 of %L3 match)").arg(what).arg(shown).arg(total);
        return total == 1 ? tr("%1 (1 key)").arg(what) : tr("%1 (%L2 keys)").arg(what).arg(total);
    };
    m_configTitle->setText(title(tr("Config"), m_configKeys, countValues(m_configFilter, {})));
    m_summaryTitle->setText(title(tr("Summary"), m_summaryKeys, m_summaryFilter->rowCount()));
}

void OverviewTab::restoreExpansion() {
    if (m_config->nodeCount() <= kExpandAllNodes)
        m_configView->expandAll();
    else
        m_configView->expandToDepth(0);
}

}  // namespace runlens::ui
