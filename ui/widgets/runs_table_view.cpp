// RunsTableView: keeps the frozen Name overlay in step with the view it covers — geometry,
// column 0 width, vertical scrolling, expanded groups, sort indicator — and fixes row height.
#include "ui/widgets/runs_table_view.h"

#include <QApplication>
#include <QHeaderView>
#include <QPainter>
#include <QScrollBar>
#include <QStyledItemDelegate>

namespace runlens::ui {
namespace {

// Every row is one line high whatever its cells hold: a multi-line config value, a tall emoji
// or a fallback font never changes it (with uniform row heights the first row would set the
// height of all of them).
class OneLineDelegate final : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(lineHeight(option));
        return size;
    }

    int lineHeight(const QStyleOptionViewItem& option) const {
        QStyleOptionViewItem probe = option;  // the view's font, icon size and widget
        probe.features = QStyleOptionViewItem::HasDisplay |
                         QStyleOptionViewItem::HasCheckIndicator |
                         QStyleOptionViewItem::HasDecoration;
        probe.text = QStringLiteral("Ag");
        probe.checkState = Qt::Checked;
        const QWidget* widget = option.widget;
        const QStyle* style = widget ? widget->style() : QApplication::style();
        return style->sizeFromContents(QStyle::CT_ItemViewItem, &probe, QSize(), widget).height();
    }
};

// The overlay draws a thin line at its right edge, where the scrolling columns slide under it.
class FrozenView final : public QTreeView {
public:
    using QTreeView::QTreeView;

protected:
    void paintEvent(QPaintEvent* event) override {
        QTreeView::paintEvent(event);
        QPainter p(viewport());
        p.setPen(palette().color(QPalette::Mid));
        const int x = viewport()->width() - 1;
        p.drawLine(x, 0, x, viewport()->height());
    }
};

}  // namespace

RunsTableView::RunsTableView(QWidget* parent) : QTreeView(parent) {
    auto* delegate = new OneLineDelegate(this);
    setItemDelegate(delegate);
    setUniformRowHeights(true);         // fast with 10,000 rows
    setTextElideMode(Qt::ElideMiddle);  // "HPO with hyperopt…-06-11 14:52:47" stays apart
    setHorizontalScrollMode(ScrollPerPixel);

    m_frozen = new FrozenView(this);
    m_frozen->setObjectName(QStringLiteral("frozenNameColumn"));
    m_frozen->setItemDelegate(delegate);
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->setFrameShape(QFrame::NoFrame);
    m_frozen->setUniformRowHeights(true);
    m_frozen->setTextElideMode(Qt::ElideMiddle);
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setContextMenuPolicy(Qt::CustomContextMenu);
    m_frozen->header()->setStretchLastSection(false);
    m_frozen->header()->setSectionsMovable(false);
    m_frozen->header()->setSectionsClickable(true);
    m_frozen->header()->setSortIndicatorShown(true);
    m_frozen->header()->setContextMenuPolicy(Qt::CustomContextMenu);
    viewport()->stackUnder(m_frozen);

    // Scrolling either view scrolls both (a wheel over the overlay, the scroll bar of this one).
    connect(m_frozen->verticalScrollBar(), &QScrollBar::valueChanged, verticalScrollBar(),
            &QScrollBar::setValue);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, m_frozen->verticalScrollBar(),
            &QScrollBar::setValue);
    // Column 0 has one width, resized from either header.
    connect(header(), &QHeaderView::sectionResized, this, [this](int section, int, int size) {
        if (section != 0) return;
        m_frozen->setColumnWidth(0, size);
        updateFrozenGeometry();
    });
    connect(m_frozen->header(), &QHeaderView::sectionResized, this,
            [this](int section, int, int size) {
                if (section == 0) setColumnWidth(0, size);
            });
    // Name stays the first column even when another one is dragged in front of it.
    connect(header(), &QHeaderView::sectionMoved, this, [this] {
        if (header()->visualIndex(0) > 0) header()->moveSection(header()->visualIndex(0), 0);
    });
    // Sorting by Name from the overlay's header sorts this view; the overlay shows the arrow.
    connect(m_frozen->header(), &QHeaderView::sortIndicatorChanged, this,
            [this](int section, Qt::SortOrder order) {
                if (section == 0) header()->setSortIndicator(0, order);
            });
    connect(header(), &QHeaderView::sortIndicatorChanged, this,
            [this](int section, Qt::SortOrder order) {
                m_frozen->header()->setSortIndicator(section == 0 ? 0 : -1, order);
            });
    // Groups open and close together; the arrow a user clicks is the overlay's.
    connect(this, &QTreeView::expanded, m_frozen, &QTreeView::expand);
    connect(this, &QTreeView::collapsed, m_frozen, &QTreeView::collapse);
    connect(m_frozen, &QTreeView::expanded, this, &QTreeView::expand);
    connect(m_frozen, &QTreeView::collapsed, this, &QTreeView::collapse);
    // What happens on the overlay happens on the view, which takes the keyboard focus (Space,
    // Enter and Ctrl+C then act on the run clicked).
    connect(m_frozen, &QTreeView::pressed, this, [this] { setFocus(Qt::MouseFocusReason); });
    connect(m_frozen, &QTreeView::doubleClicked, this, &QTreeView::doubleClicked);
    connect(m_frozen, &QTreeView::activated, this, &QTreeView::activated);
    connect(m_frozen, &QWidget::customContextMenuRequested, this, [this](const QPoint& pos) {
        emit customContextMenuRequested(
            viewport()->mapFromGlobal(m_frozen->viewport()->mapToGlobal(pos)));
    });
}

void RunsTableView::setModel(QAbstractItemModel* model) {
    m_frozen->setModel(model);
    QTreeView::setModel(model);  // hands its new selection model to the overlay too
    if (model) {
        // After the views' own handling of a reset, so the overlay's columns exist again.
        connect(model, &QAbstractItemModel::modelReset, this, &RunsTableView::syncFrozen);
        connect(model, &QAbstractItemModel::columnsInserted, this, &RunsTableView::syncFrozen);
    }
    syncFrozen();
}

void RunsTableView::setSelectionModel(QItemSelectionModel* selectionModel) {
    QTreeView::setSelectionModel(selectionModel);
    if (m_frozen && selectionModel && m_frozen->model() == selectionModel->model())
        m_frozen->setSelectionModel(selectionModel);
}

void RunsTableView::syncFrozen() {
    QAbstractItemModel* m = model();
    if (!m) return;
    m_frozen->setRootIsDecorated(rootIsDecorated());
    m_frozen->setIndentation(indentation());
    m_frozen->setAlternatingRowColors(alternatingRowColors());
    m_frozen->setIconSize(iconSize());
    m_frozen->setSelectionMode(selectionMode());
    m_frozen->setSelectionBehavior(selectionBehavior());
    for (int c = 1; c < m->columnCount(); ++c)
        m_frozen->setColumnHidden(c, true);
    m_frozen->setColumnWidth(0, columnWidth(0));
    for (int row = 0; row < m->rowCount(); ++row) {
        const QModelIndex index = m->index(row, 0);
        if (!m->hasChildren(index)) continue;
        m_frozen->setExpanded(index, isExpanded(index));
        m_frozen->setFirstColumnSpanned(row, QModelIndex(), isFirstColumnSpanned(row, {}));
    }
    m_frozen->header()->setSortIndicator(header()->sortIndicatorSection() == 0 ? 0 : -1,
                                         header()->sortIndicatorOrder());
    m_frozen->verticalScrollBar()->setValue(verticalScrollBar()->value());
    updateFrozenGeometry();
}

int RunsTableView::lineRowHeight() const {
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    return static_cast<const OneLineDelegate*>(itemDelegate())->lineHeight(option);
}

void RunsTableView::scrollTo(const QModelIndex& index, ScrollHint hint) {
    // Column 0 is always in sight on the overlay: scroll only vertically for it; any other
    // cell must come out from under the overlay.
    const int x = horizontalScrollBar()->value();
    QTreeView::scrollTo(index, hint);
    if (!index.isValid() || index.column() == 0) {
        horizontalScrollBar()->setValue(x);
        return;
    }
    const QRect rect = visualRect(index);
    const int covered = columnWidth(0) - rect.left();
    if (covered > 0) horizontalScrollBar()->setValue(horizontalScrollBar()->value() - covered);
}

void RunsTableView::resizeEvent(QResizeEvent* event) {
    QTreeView::resizeEvent(event);
    updateFrozenGeometry();
}

void RunsTableView::updateGeometries() {
    QTreeView::updateGeometries();
    updateFrozenGeometry();
}

void RunsTableView::updateFrozenGeometry() {
    if (!m_frozen) return;
    const int width = std::min(columnWidth(0), viewport()->width());
    if (!header()->isHidden()) m_frozen->header()->setFixedHeight(header()->height());
    m_frozen->setGeometry(frameWidth(), frameWidth(), width,
                          viewport()->height() + (header()->isHidden() ? 0 : header()->height()));
}

}  // namespace runlens::ui
