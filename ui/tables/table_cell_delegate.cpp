// TableCellDelegate: thumbnails come from the cache or are asked for (the view repaints the cell
// when they arrive); arrays are drawn from the model's column without copying.
#include "ui/tables/table_cell_delegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>
#include <algorithm>
#include <cmath>

#include "ui/tables/prediction_table_model.h"
#include "ui/tables/thumbnail_cache.h"

namespace runlens::ui {
namespace {

const PredictionTableModel* tableModel(const QModelIndex& index) {
    return qobject_cast<const PredictionTableModel*>(index.model());
}

ColumnType typeOf(const QModelIndex& index) {
    return ColumnType(index.data(PredictionTableModel::ColumnTypeRole).toInt());
}

}  // namespace

TableCellDelegate::TableCellDelegate(ThumbnailCache* thumbnails, QObject* parent)
    : QStyledItemDelegate(parent), m_thumbnails(thumbnails) {}

void TableCellDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    const ColumnType type = typeOf(index);
    if (type != ColumnType::Image && type != ColumnType::NumberArray)
        return QStyledItemDelegate::paint(painter, option, index);
    // Background and selection as for any cell, then the picture.
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (type == ColumnType::Image) return paintImage(painter, option, index);
    const PredictionTableModel* model = tableModel(index);
    if (const auto* values = model ? model->arrayCell(index.row(), index.column()) : nullptr)
        paintArray(painter, option, *values);
}

void TableCellDelegate::paintImage(QPainter* painter, const QStyleOptionViewItem& option,
                                   const QModelIndex& index) const {
    const qint64 id = index.data(PredictionTableModel::MediaIdRole).toLongLong();
    if (id <= 0) {  // no file for it (a W&B preview copy, a missing image): say so quietly
        painter->save();
        painter->setPen(option.palette.color(QPalette::PlaceholderText));
        const QRect area = option.rect.adjusted(4, 0, -4, 0);
        const QString text = QObject::tr("no image");
        const bool fits = option.fontMetrics.horizontalAdvance(text) <= area.width();
        painter->drawText(area, Qt::AlignCenter, fits ? text : QStringLiteral("—"));
        painter->restore();
        return;
    }
    if (!m_thumbnails) return;
    const QRect area = option.rect.adjusted(2, 2, -2, -2);
    const int size = std::min({m_thumbnailSize, area.width(), area.height()});
    if (size <= 4) return;
    const QPixmap pixmap = m_thumbnails->thumbnail(id, m_thumbnailSize);
    if (pixmap.isNull()) {  // being decoded: a quiet placeholder, never a wait
        painter->fillRect(QRect(area.topLeft(), QSize(size, size)), QColor(0, 0, 0, 18));
        return;
    }
    const QSize fitted = pixmap.size().scaled(size, size, Qt::KeepAspectRatio);
    const QRect target(area.x(), area.y() + (area.height() - fitted.height()) / 2, fitted.width(),
                       fitted.height());
    painter->drawPixmap(target, pixmap);
}

void TableCellDelegate::paintArray(QPainter* painter, const QStyleOptionViewItem& option,
                                   const std::vector<double>& values) const {
    if (values.empty()) return;
    const QRect area = option.rect.adjusted(3, 3, -3, -3);
    double top = 0;
    std::size_t best = 0;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (std::isfinite(values[i]) && values[i] > top) top = values[i];
        if (std::isfinite(values[i]) && values[i] > values[best]) best = i;
    }
    const double scale = top > 1 ? top : 1.0;  // probabilities on 0..1, anything else on its max
    const double step = double(area.width()) / double(values.size());
    const int barHeight = std::min(area.height(), 28);
    const int bottom = area.y() + (area.height() + barHeight) / 2;
    painter->save();
    for (std::size_t i = 0; i < values.size(); ++i) {
        const double v = std::isfinite(values[i]) ? std::max(0.0, values[i]) : 0.0;
        const int h = std::max(1, int(std::round(v / scale * barHeight)));
        const QRectF bar(area.x() + i * step + 0.5, bottom - h, std::max(1.0, step - 1.0), h);
        painter->fillRect(bar, i == best ? QColor(0, 114, 178) : QColor(150, 160, 175));
    }
    painter->restore();
}

QSize TableCellDelegate::sizeHint(const QStyleOptionViewItem& option,
                                  const QModelIndex& index) const {
    const ColumnType type = typeOf(index);
    if (type == ColumnType::Image) return {m_thumbnailSize + 4, m_thumbnailSize + 4};
    if (type == ColumnType::NumberArray) return {120, option.fontMetrics.height() + 6};
    return QStyledItemDelegate::sizeHint(option, index);
}

bool TableCellDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                  const QStyleOptionViewItem& option, const QModelIndex& index) {
    const PredictionTableModel* model = tableModel(index);
    const auto* values = model ? model->arrayCell(index.row(), index.column()) : nullptr;
    if (event->type() != QEvent::ToolTip || !values)
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    QStringList lines;
    std::size_t best = 0;
    for (std::size_t i = 0; i < values->size(); ++i)
        if ((*values)[i] > (*values)[best]) best = i;
    for (std::size_t i = 0; i < values->size(); ++i)
        lines << QStringLiteral("%1%2: %3")
                     .arg(i == best ? QStringLiteral("▶ ") : QStringLiteral("   "))
                     .arg(i)
                     .arg((*values)[i], 0, 'g', 6);
    QToolTip::showText(event->globalPos(), lines.join('\n'), view);
    return true;
}

}  // namespace runlens::ui
