// ImageViewer: small images (28 px digits, 64 px crops) are scaled up without smoothing so their
// pixels stay visible; the score is a confidence/score/probability column or the top of an array.
#include "ui/tables/image_viewer.h"

#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>
#include <cmath>

#include "ui/tables/prediction_table_model.h"
#include "ui/tables/thumbnail_cache.h"
#include "ui/widgets/enlarged_image.h"
#include "ui/widgets/screen_size.h"

namespace runlens::ui {
namespace {

int findScoreColumn(const PredictionTable& table) {
    for (const char* name : {"confidence", "score", "prob", "probability", "conf"})
        for (std::size_t i = 0; i < table.columns.size(); ++i)
            if (table.columns[i].type == ColumnType::Number && table.columns[i].name == name)
                return int(i);
    return -1;
}

}  // namespace

ImageViewer::ImageViewer(ThumbnailCache* images, PredictionTableModel* model,
                         const QModelIndex& index, QWidget* parent)
    : QDialog(parent), m_images(images), m_model(model), m_column(index.column()) {
    m_image = makeImageLabel(this);
    m_caption = makeCaptionLabel(this, QStringLiteral("imageCaption"));
    QFont big = m_caption->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_caption->setFont(big);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_image, 1);
    layout->addWidget(m_caption);
    resize(screenShare(parent, 0.35, 0.5, QSize(420, 460)));
    showRow(index.row());
}

int ImageViewer::nextImageRow(int direction) const {
    int row = m_row + direction;
    while (row >= 0 && row < m_model->rowCount() && m_model->groupAt(row) >= 0)
        row += direction;  // group headers hold no image
    return row;
}

QString ImageViewer::caption() const {
    return m_caption->text();
}

void ImageViewer::showRow(int row) {
    if (row < 0 || row >= m_model->rowCount() || m_model->groupAt(row) >= 0) return;
    m_row = row;
    const PredictionTable& table = *m_model->table();
    const std::uint32_t r = m_model->tableRow(row);
    const qint64 id =
        m_model->index(row, m_column).data(PredictionTableModel::MediaIdRole).toLongLong();
    const QImage image = m_images->fullImage(id);
    showFitted(m_image, image);
    QStringList parts;
    if (m_model->truthColumn() >= 0)
        parts
            << tr("truth %1").arg(labelText(table.columns[std::size_t(m_model->truthColumn())], r));
    if (m_model->predictionColumn() >= 0)
        parts << tr("prediction %1")
                     .arg(labelText(table.columns[std::size_t(m_model->predictionColumn())], r));
    if (const int score = findScoreColumn(table); score >= 0)
        parts << tr("%1 %2")
                     .arg(QString::fromStdString(table.columns[std::size_t(score)].name))
                     .arg(table.columns[std::size_t(score)].numbers[r], 0, 'g', 4);
    QString text = parts.join(QStringLiteral("  ·  "));
    if (m_model->isWrong(r)) text = QStringLiteral("<span style='color:#b02020'>✗</span>  ") + text;
    m_caption->setText(text);
    setWindowTitle(tr("Row %1 — %2")
                       .arg(r)
                       .arg(QString::fromStdString(table.columns[std::size_t(m_column)].name)));
}

void ImageViewer::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Right:
        case Qt::Key_Down:
            return showRow(nextImageRow(+1));
        case Qt::Key_Left:
        case Qt::Key_Up:
            return showRow(nextImageRow(-1));
        case Qt::Key_Space:
            close();
            return;
        default:
            QDialog::keyPressEvent(event);
    }
}

}  // namespace runlens::ui
