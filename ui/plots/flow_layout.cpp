// FlowLayout: one pass computes both the height for a width and the geometry.
#include "ui/plots/flow_layout.h"

#include <QWidget>
#include <algorithm>

namespace runlens::ui {

FlowLayout::FlowLayout(QWidget* parent) : QLayout(parent) {
    setSpacing(8);
}

FlowLayout::~FlowLayout() {
    while (QLayoutItem* item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem* item) {
    m_items.append(item);
    invalidate();
}

QLayoutItem* FlowLayout::itemAt(int index) const {
    return index >= 0 && index < m_items.size() ? m_items[index] : nullptr;
}

QLayoutItem* FlowLayout::takeAt(int index) {
    if (index < 0 || index >= m_items.size()) return nullptr;
    invalidate();
    return m_items.takeAt(index);
}

int FlowLayout::heightForWidth(int width) const {
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const {
    QSize size;
    for (const QLayoutItem* item : m_items)
        if (!item->isEmpty()) size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const {
    return minimumSize();
}

void FlowLayout::setGeometry(const QRect& rect) {
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect& rect, bool apply) const {
    const QRect r = rect.marginsRemoved(contentsMargins());
    const int s = spacing();
    int x = r.x(), y = r.y(), rowHeight = 0;
    for (QLayoutItem* item : m_items) {
        if (item->isEmpty()) continue;
        const int width = std::clamp(item->sizeHint().width(), 1, std::max(1, r.width()));
        if (x > r.x() && x + width > r.x() + r.width()) {  // wrap
            x = r.x();
            y += rowHeight + s;
            rowHeight = 0;
        }
        const int height =
            item->hasHeightForWidth() ? item->heightForWidth(width) : item->sizeHint().height();
        if (apply) item->setGeometry(QRect(x, y, width, height));
        x += width + s;
        rowHeight = std::max(rowHeight, height);
    }
    const QMargins m = contentsMargins();
    return y + rowHeight - rect.y() + m.bottom();
}

}  // namespace runlens::ui
