// ImageViewer: one table image enlarged, with its row's truth, prediction and score written on
// it; ←/→ walk the shown rows, Esc or Space closes.
#pragma once

#include <QDialog>
#include <QPersistentModelIndex>

class QLabel;

namespace runlens::ui {

class PredictionTableModel;
class ThumbnailCache;

class ImageViewer : public QDialog {
    Q_OBJECT
public:
    ImageViewer(ThumbnailCache* images, PredictionTableModel* model, const QModelIndex& index,
                QWidget* parent = nullptr);

    /// The caption drawn under the image ("truth 3 · prediction 5 · confidence 0.91").
    QString caption() const;
    int row() const { return m_row; }

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void showRow(int row);
    /// The next row in `direction` (+1 or -1) that is not a group header.
    int nextImageRow(int direction) const;

    ThumbnailCache* m_images;
    PredictionTableModel* m_model;
    int m_column;
    int m_row = -1;
    QLabel* m_image = nullptr;
    QLabel* m_caption = nullptr;
};

}  // namespace runlens::ui
