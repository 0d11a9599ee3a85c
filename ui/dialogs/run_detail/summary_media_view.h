// SummaryMediaView: the images among a run's summary values (W&B "image-file" entries such as a
// confusion matrix logged once), as thumbnails with their keys; double-click or Enter shows one
// large.
#pragma once

#include <QListWidget>
#include <vector>

#include "core/model/summary_media.h"

namespace runlens::ui {

class SummaryMediaView : public QListWidget {
    Q_OBJECT
public:
    explicit SummaryMediaView(QWidget* parent = nullptr);

    /// Shows these images (thumbnails are read off the UI thread); hidden when there are none.
    void setImages(std::vector<SummaryImage> images);
    const std::vector<SummaryImage>& images() const { return m_images; }
    /// Items whose thumbnail has been read (for tests).
    int loadedCount() const { return m_loaded; }

    /// Opens the image of `row` in a window of its own (non-modal); returns it.
    QWidget* showLarge(int row);

private:
    std::vector<SummaryImage> m_images;
    int m_loaded = 0;
    quint64 m_generation = 0;
};

}  // namespace runlens::ui
