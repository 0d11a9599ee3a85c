// SummaryMediaView: an icon-mode list; thumbnails decoded with QImageReader at their shown size on
// the thread pool; the large view is a scroll area fitted to the screen.
#include "ui/dialogs/run_detail/summary_media_view.h"

#include <QDialog>
#include <QGuiApplication>
#include <QImageReader>
#include <QLabel>
#include <QScreen>
#include <QScrollArea>
#include <QVBoxLayout>

#include "ui/tasks/background.h"

namespace runlens::ui {
namespace {

constexpr int kThumbnail = 160;

// The image scaled to fit `box` (never enlarged); a null image when it cannot be read.
QImage readScaled(const QString& path, QSize box) {
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid() && (size.width() > box.width() || size.height() > box.height()))
        reader.setScaledSize(size.scaled(box, Qt::KeepAspectRatio));
    return reader.read();
}

}  // namespace

SummaryMediaView::SummaryMediaView(QWidget* parent) : QListWidget(parent) {
    setObjectName(QStringLiteral("summaryMedia"));
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setMovement(QListView::Static);
    setIconSize(QSize(kThumbnail, kThumbnail));
    setUniformItemSizes(true);
    setSpacing(6);
    setFixedHeight(kThumbnail + 2 * fontMetrics().height() + 28);
    setToolTip(tr("Images logged in the run's summary: double-click to enlarge"));
    hide();
    connect(this, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { showLarge(row(item)); });
}

void SummaryMediaView::setImages(std::vector<SummaryImage> images) {
    clear();
    m_images = std::move(images);
    m_loaded = 0;
    const quint64 generation = ++m_generation;
    setVisible(!m_images.empty());
    for (std::size_t i = 0; i < m_images.size(); ++i) {
        const SummaryImage& image = m_images[i];
        auto* entry = new QListWidgetItem(QString::fromStdString(image.key), this);
        entry->setToolTip(
            image.exists
                ? QString::fromStdString(image.path)
                : tr("%1\nThe file is not on disk: %2")
                      .arg(QString::fromStdString(image.key),
                           QString::fromStdString(image.path.empty() ? "(no path)" : image.path)));
        entry->setSizeHint(QSize(kThumbnail + 24, kThumbnail + 2 * fontMetrics().height() + 8));
        if (!image.exists) {
            entry->setText(tr("%1\n(missing)").arg(entry->text()));
            continue;
        }
        const QString path = QString::fromStdString(image.path);
        runInBackground(
            this, [path] { return readScaled(path, QSize(kThumbnail, kThumbnail)); },
            [this, generation, i](const QImage& thumbnail) {
                if (generation != m_generation || int(i) >= count()) return;
                ++m_loaded;
                QListWidgetItem* shown = item(int(i));
                if (thumbnail.isNull())
                    shown->setText(tr("%1\n(unreadable)").arg(shown->text()));
                else
                    shown->setIcon(QIcon(QPixmap::fromImage(thumbnail)));
            });
    }
}

QWidget* SummaryMediaView::showLarge(int row) {
    if (row < 0 || row >= int(m_images.size()) || !m_images[std::size_t(row)].exists)
        return nullptr;
    const SummaryImage& image = m_images[std::size_t(row)];
    auto* dialog = new QDialog(window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(QString::fromStdString(image.key));
    const QRect screen = QGuiApplication::primaryScreen()
                             ? QGuiApplication::primaryScreen()->availableGeometry()
                             : QRect(0, 0, 1280, 800);
    const QSize box(screen.width() * 8 / 10, screen.height() * 8 / 10);
    auto* label = new QLabel(dialog);
    label->setAlignment(Qt::AlignCenter);
    const QImage large = readScaled(QString::fromStdString(image.path), box);
    if (large.isNull())
        label->setText(tr("Cannot read %1").arg(QString::fromStdString(image.path)));
    else
        label->setPixmap(QPixmap::fromImage(large));
    auto* scroll = new QScrollArea(dialog);
    scroll->setWidget(label);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* layout = new QVBoxLayout(dialog);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    dialog->resize(large.isNull() ? QSize(480, 200) : large.size() + QSize(24, 24));
    dialog->show();
    return dialog;
}

}  // namespace runlens::ui
