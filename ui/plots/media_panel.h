// MediaPanel: the images one key holds over training (W&B images in history, TensorBoard image
// summaries): a step slider, the drawn runs' images at that step side by side, click to enlarge.
#pragma once

#include <QHash>
#include <QList>
#include <QWidget>
#include <memory>
#include <vector>

#include "core/model/step_media.h"
#include "ui/plots/drawn_run.h"

class QFontMetrics;
class QLabel;
class QSlider;
class QToolButton;

namespace runlens::ui {

class MediaCell;
class PanelGridLayout;
class ThumbnailCache;

class MediaPanel : public QWidget {
    Q_OBJECT
public:
    /// Runs shown side by side at most, and images at most (each run's images of the step, in
    /// order); the others are counted under the images.
    static constexpr int kMaxRuns = 24;
    static constexpr int kMaxImages = 48;
    static constexpr int kThumbnailSize = 200;

    MediaPanel(const MediaKeyInfo& key, ThumbnailCache* images, QWidget* parent = nullptr);

    QString keyName() const { return m_key; }
    const MediaKeyInfo& keyInfo() const { return m_info; }
    /// The key's steps (every run's): the slider moves over them. Keeps the slider at the last
    /// step when it was there, so a live run's newest images follow.
    void setKeyInfo(const MediaKeyInfo& key);
    /// Every image of the key, by run, step and position (RunStore::readStepMedia).
    void setItems(std::vector<StepMediaItem> items);
    void setDrawnRuns(std::shared_ptr<const DrawnRuns> runs);
    bool hasItems() const { return m_loaded; }

    /// The slider's step; a run without images there shows its last one before it.
    std::int64_t step() const;
    void setStep(std::int64_t step);
    /// The images shown: the runs in table order, each with its images of the step it shows.
    QList<MediaCell*> cells() const { return m_cells; }
    /// True when every shown image is decoded.
    bool imagesReady() const;

    /// Opens the enlarged view of a cell's image (also what a click does).
    void enlarge(int cellIndex);

    /// As wide as its images (up to kColumns of them), at least wide enough for its title.
    QSize sizeHint() const override;
    static constexpr int kColumns = 5;

signals:
    void imagesChanged();

private:
    struct RunImages {
        std::vector<std::int64_t> steps;           ///< ascending
        QHash<qint64, std::vector<StepImage>> at;  ///< step -> images
    };
    /// Runs drawn that hold images under this key, in table order (at most kMaxRuns).
    void collectRuns();
    void showStep();
    void updateStepLabel();

    QString m_key;
    MediaKeyInfo m_info;
    ThumbnailCache* m_images;
    std::vector<std::int64_t> m_steps;
    QHash<RunId, RunImages> m_byRun;
    std::shared_ptr<const DrawnRuns> m_drawn;
    std::vector<const DrawnRun*> m_shownRuns;
    int m_runsWithImages = 0;
    bool m_loaded = false;

    QLabel* m_title = nullptr;
    QLabel* m_stepLabel = nullptr;
    QToolButton* m_previous = nullptr;
    QToolButton* m_next = nullptr;
    QSlider* m_slider = nullptr;
    QWidget* m_grid = nullptr;
    PanelGridLayout* m_gridLayout = nullptr;
    QLabel* m_note = nullptr;
    QList<MediaCell*> m_cells;
};

/// One image of a run at the shown step: the thumbnail, the run's name in its colour, the
/// caption (or the step).
class MediaCell : public QWidget {
    Q_OBJECT
public:
    MediaCell(ThumbnailCache* images, QWidget* parent = nullptr);

    /// `index` of `count`: the image's place among the run's images of that step.
    void display(const DrawnRun& run, std::int64_t step, const StepImage& image, int index,
                 int count);
    const DrawnRun& run() const { return m_run; }
    std::int64_t step() const { return m_step; }
    const StepImage& image() const { return m_image; }
    int index() const { return m_index; }
    bool imageReady() const;

    /// The size of every cell: the thumbnail square and two lines of text.
    static QSize cellSize(const QFontMetrics& fm);
    QSize sizeHint() const override;

signals:
    void clicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    ThumbnailCache* m_images;
    DrawnRun m_run;
    std::int64_t m_step = -1;
    StepImage m_image;
    int m_index = 0;
    int m_count = 1;
};

}  // namespace runlens::ui
