// TableCellDelegate: draws image cells as thumbnails and number arrays (class probabilities) as
// small bar charts with the argmax marked; other cells as usual.
#pragma once

#include <QStyledItemDelegate>

namespace runlens::ui {

class ThumbnailCache;

class TableCellDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    TableCellDelegate(ThumbnailCache* thumbnails, QObject* parent = nullptr);

    /// Longest side of the thumbnails drawn (the row height follows it).
    void setThumbnailSize(int pixels) { m_thumbnailSize = pixels; }
    int thumbnailSize() const { return m_thumbnailSize; }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

private:
    void paintImage(QPainter* painter, const QStyleOptionViewItem& option,
                    const QModelIndex& index) const;
    void paintArray(QPainter* painter, const QStyleOptionViewItem& option,
                    const std::vector<double>& values) const;

    ThumbnailCache* m_thumbnails;
    int m_thumbnailSize = 48;
};

}  // namespace runlens::ui
