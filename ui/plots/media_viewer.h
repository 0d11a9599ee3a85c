// MediaViewer: one image of a media panel enlarged, with its run, key, step and caption;
// ←/→ walk that run's images over the steps, Esc closes.
#pragma once

#include <QDialog>
#include <vector>

#include "core/model/step_media.h"
#include "ui/plots/drawn_run.h"

class QLabel;

namespace runlens::ui {

class ThumbnailCache;

class MediaViewer : public QDialog {
    Q_OBJECT
public:
    /// `images`: the run's images under `key`, by step and position; `current` indexes it.
    MediaViewer(ThumbnailCache* cache, const QString& key, const DrawnRun& run,
                std::vector<StepMediaItem> images, std::size_t current, QWidget* parent = nullptr);

    QString caption() const;
    std::size_t current() const { return m_current; }

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void showCurrent();

    ThumbnailCache* m_cache;
    QString m_key;
    DrawnRun m_run;
    std::vector<StepMediaItem> m_items;
    std::size_t m_current;
    QLabel* m_image = nullptr;
    QLabel* m_caption = nullptr;
};

}  // namespace runlens::ui
