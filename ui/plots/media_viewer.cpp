// MediaViewer: small images (28 px digits) are scaled up without smoothing so their pixels stay
// visible; the full image is decoded on demand, one at a time.
#include "ui/plots/media_viewer.h"

#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

#include "ui/tables/thumbnail_cache.h"
#include "ui/widgets/enlarged_image.h"
#include "ui/widgets/screen_size.h"

namespace runlens::ui {

MediaViewer::MediaViewer(ThumbnailCache* cache, const QString& key, const DrawnRun& run,
                         std::vector<StepMediaItem> images, std::size_t current, QWidget* parent)
    : QDialog(parent),
      m_cache(cache),
      m_key(key),
      m_run(run),
      m_items(std::move(images)),
      m_current(current) {
    setWindowTitle(tr("%1 — %2").arg(key, run.name));
    m_image = makeImageLabel(this);
    m_caption = makeCaptionLabel(this, QStringLiteral("mediaCaption"));
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_image, 1);
    layout->addWidget(m_caption);
    resize(screenShare(parent, 0.5, 0.65, QSize(640, 560)));
    showCurrent();
}

QString MediaViewer::caption() const {
    return m_caption->text();
}

void MediaViewer::showCurrent() {
    if (m_items.empty()) return;
    const StepMediaItem& item = m_items[m_current];
    const QImage image = m_cache->fullImage(item.media);
    showFitted(m_image, image);
    QString text = QStringLiteral("<span style='color:%1'>■</span> <b>%2</b>  ·  %3  ·  ")
                       .arg(m_run.color.name(), m_run.name.toHtmlEscaped(), m_key.toHtmlEscaped());
    text += tr("step %1").arg(item.step);
    if (!image.isNull())
        text += QStringLiteral("  ·  %1×%2").arg(image.width()).arg(image.height());
    text += tr("  ·  image %1 of %2").arg(m_current + 1).arg(m_items.size());
    if (!item.caption.empty())
        text += QStringLiteral("<br>") + QString::fromStdString(item.caption).toHtmlEscaped();
    m_caption->setText(text);
}

void MediaViewer::keyPressEvent(QKeyEvent* event) {
    switch (event->key()) {
        case Qt::Key_Left:
            if (m_current > 0) --m_current;
            showCurrent();
            return;
        case Qt::Key_Right:
            if (m_current + 1 < m_items.size()) ++m_current;
            showCurrent();
            return;
        case Qt::Key_Space:
            accept();
            return;
        default:
            QDialog::keyPressEvent(event);
    }
}

void MediaViewer::resizeEvent(QResizeEvent* event) {
    QDialog::resizeEvent(event);
    showCurrent();
}

}  // namespace runlens::ui
