// MediaPanel: the slider moves over the union of the runs' steps; each run shows its images of
// the last step at or before it (shownStep), so runs logging at different intervals line up.
#include "ui/plots/media_panel.h"

#include <QFontMetrics>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "ui/plots/media_viewer.h"
#include "ui/plots/panel_grid_layout.h"
#include "ui/tables/thumbnail_cache.h"

namespace runlens::ui {
namespace {

constexpr int kCellPadding = 6;
constexpr int kTextLines = 2;  // run name, then caption or step

}  // namespace

MediaCell::MediaCell(ThumbnailCache* images, QWidget* parent) : QWidget(parent), m_images(images) {
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
}

void MediaCell::display(const DrawnRun& run, std::int64_t step, const StepImage& image, int index,
                        int count) {
    m_run = run;
    m_step = step;
    m_image = image;
    m_index = index;
    m_count = count;
    QString tip = QStringLiteral("<b>%1</b><br>").arg(run.name.toHtmlEscaped());
    tip += tr("step %1").arg(step);
    if (count > 1) tip += tr(" · image %1 of %2").arg(index + 1).arg(count);
    if (!image.caption.empty())
        tip += QStringLiteral("<br>") + QString::fromStdString(image.caption).toHtmlEscaped();
    tip +=
        QStringLiteral("<br><i>") + tr("Click or press Space to enlarge") + QStringLiteral("</i>");
    setToolTip(tip);
    update();
}

bool MediaCell::imageReady() const {
    return !m_images->thumbnail(m_image.media, MediaPanel::kThumbnailSize).isNull();
}

QSize MediaCell::cellSize(const QFontMetrics& fm) {
    return {MediaPanel::kThumbnailSize + 2 * kCellPadding,
            MediaPanel::kThumbnailSize + fm.height() * kTextLines + 3 * kCellPadding};
}

QSize MediaCell::sizeHint() const {
    return cellSize(fontMetrics());
}

void MediaCell::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const QRect box(kCellPadding, kCellPadding, MediaPanel::kThumbnailSize,
                    MediaPanel::kThumbnailSize);
    p.fillRect(box, palette().alternateBase());
    const QPixmap thumb = m_images->thumbnail(m_image.media, MediaPanel::kThumbnailSize);
    if (thumb.isNull()) {
        p.setPen(palette().placeholderText().color());
        p.drawText(box, Qt::AlignCenter, tr("Loading…"));
    } else if (thumb.width() == 0) {
        p.setPen(palette().placeholderText().color());
        p.drawText(box, Qt::AlignCenter, tr("Cannot be read"));
    } else {
        const QSize size = thumb.size().scaled(box.size(), Qt::KeepAspectRatio);
        const QRect target(box.center() - QPoint(size.width() / 2, size.height() / 2), size);
        p.drawPixmap(target, thumb);
    }
    if (m_count > 1) {  // its place among the run's images of this step
        const QString place = QStringLiteral("%1/%2").arg(m_index + 1).arg(m_count);
        const QRect badge = p.fontMetrics().boundingRect(place).adjusted(-4, -1, 4, 1);
        const QRect where(box.topRight() - QPoint(badge.width() + 2, -2), badge.size());
        p.fillRect(where, QColor(0, 0, 0, 150));
        p.setPen(Qt::white);
        p.drawText(where, Qt::AlignCenter, place);
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().highlight(), 2));
        p.drawRect(box.adjusted(-2, -2, 2, 2));
    }
    const QFontMetrics fm = fontMetrics();
    int y = box.bottom() + kCellPadding;
    const QRect swatch(box.left(), y + (fm.height() - 10) / 2, 10, 10);
    p.fillRect(swatch, m_run.color);
    p.setPen(palette().text().color());
    const int nameLeft = swatch.right() + 5;
    p.drawText(QRect(nameLeft, y, box.right() - nameLeft, fm.height()), Qt::AlignLeft,
               fm.elidedText(m_run.name, Qt::ElideMiddle, box.right() - nameLeft));
    y += fm.height();
    const QString second = m_image.caption.empty()
                               ? tr("step %1").arg(m_step)
                               : QString::fromStdString(m_image.caption).simplified();
    p.setPen(palette().placeholderText().color());
    p.drawText(QRect(box.left(), y, box.width(), fm.height()), Qt::AlignLeft,
               fm.elidedText(second, Qt::ElideRight, box.width()));
}

void MediaCell::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        emit clicked();
}

void MediaCell::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Space || event->key() == Qt::Key_Return) {
        emit clicked();
        return;
    }
    QWidget::keyPressEvent(event);
}

MediaPanel::MediaPanel(const MediaKeyInfo& key, ThumbnailCache* images, QWidget* parent)
    : QWidget(parent), m_key(QString::fromStdString(key.key)), m_images(images) {
    setObjectName(QStringLiteral("mediaPanel"));
    m_title = new QLabel(QStringLiteral("<b>%1</b>").arg(m_key.toHtmlEscaped()), this);
    m_title->setTextFormat(Qt::RichText);
    m_stepLabel = new QLabel(this);
    m_previous = new QToolButton(this);
    m_previous->setArrowType(Qt::LeftArrow);
    m_previous->setToolTip(tr("Previous step"));
    m_previous->setAutoRaise(true);
    m_next = new QToolButton(this);
    m_next->setArrowType(Qt::RightArrow);
    m_next->setToolTip(tr("Next step"));
    m_next->setAutoRaise(true);
    m_slider = new QSlider(Qt::Horizontal, this);
    m_slider->setToolTip(
        tr("Step: each run shows its images of the last step at or before it "
           "(←/→ or PgUp/PgDn when focused)"));
    m_grid = new QWidget(this);
    m_gridLayout = new PanelGridLayout(m_grid);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setCellSize(MediaCell::cellSize(fontMetrics()));
    m_note = new QLabel(this);
    m_note->setStyleSheet(QStringLiteral("color: gray;"));
    m_note->setWordWrap(true);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(m_stepLabel);
    auto* sliderRow = new QHBoxLayout;
    sliderRow->addWidget(m_previous);
    sliderRow->addWidget(m_slider, 1);
    sliderRow->addWidget(m_next);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(header);
    layout->addLayout(sliderRow);
    layout->addWidget(m_grid);
    layout->addWidget(m_note);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    connect(m_slider, &QSlider::valueChanged, this, [this] { showStep(); });
    connect(m_previous, &QToolButton::clicked, this,
            [this] { m_slider->setValue(m_slider->value() - 1); });
    connect(m_next, &QToolButton::clicked, this,
            [this] { m_slider->setValue(m_slider->value() + 1); });
    connect(images, &ThumbnailCache::thumbnailReady, this, [this] {
        for (MediaCell* cell : std::as_const(m_cells))
            cell->update();
        emit imagesChanged();
    });
    setKeyInfo(key);
}

void MediaPanel::setKeyInfo(const MediaKeyInfo& key) {
    const bool atEnd = m_steps.empty() || m_slider->value() == m_slider->maximum();
    const std::int64_t was = step();
    m_info = key;
    m_steps = key.steps;
    const QSignalBlocker block(m_slider);
    m_slider->setRange(0, std::max(0, int(m_steps.size()) - 1));
    m_slider->setPageStep(std::max(1, int(m_steps.size()) / 10));
    if (atEnd) {
        m_slider->setValue(m_slider->maximum());
    } else {
        auto it = std::lower_bound(m_steps.begin(), m_steps.end(), was);
        m_slider->setValue(int(
            std::min<std::ptrdiff_t>(it - m_steps.begin(), std::ptrdiff_t(m_steps.size()) - 1)));
    }
    m_slider->setEnabled(m_steps.size() > 1);
    m_previous->setEnabled(m_steps.size() > 1);
    m_next->setEnabled(m_steps.size() > 1);
    showStep();
}

void MediaPanel::setItems(std::vector<StepMediaItem> items) {
    m_byRun.clear();
    for (StepMediaItem& item : items) {
        RunImages& run = m_byRun[item.run];
        if (run.steps.empty() || run.steps.back() != item.step) run.steps.push_back(item.step);
        run.at[item.step].push_back({item.media, std::move(item.caption)});
    }
    m_loaded = true;
    collectRuns();
}

void MediaPanel::setDrawnRuns(std::shared_ptr<const DrawnRuns> runs) {
    m_drawn = std::move(runs);
    collectRuns();
}

std::int64_t MediaPanel::step() const {
    if (m_steps.empty()) return 0;
    return m_steps[std::size_t(std::clamp(m_slider->value(), 0, int(m_steps.size()) - 1))];
}

void MediaPanel::setStep(std::int64_t step) {
    auto it = std::upper_bound(m_steps.begin(), m_steps.end(), step);
    m_slider->setValue(it == m_steps.begin() ? 0 : int(it - m_steps.begin()) - 1);
}

void MediaPanel::collectRuns() {
    m_shownRuns.clear();
    m_runsWithImages = 0;
    if (m_drawn) {
        for (const DrawnRun& run : m_drawn->runs) {
            if (!m_byRun.contains(run.id)) continue;
            ++m_runsWithImages;
            if (int(m_shownRuns.size()) < kMaxRuns) m_shownRuns.push_back(&run);
        }
    }
    showStep();
}

void MediaPanel::showStep() {
    struct Shown {
        const DrawnRun* run;
        std::int64_t step;
        StepImage image;
        int index, count;
    };
    const std::int64_t at = step();
    std::vector<Shown> shown;
    int hidden = 0;
    for (const DrawnRun* run : m_shownRuns) {
        const RunImages& images = m_byRun[run->id];
        const std::int64_t s = shownStep(images.steps, at);
        const std::vector<StepImage> list = images.at.value(qint64(s));
        for (int i = 0; i < int(list.size()); ++i) {
            if (int(shown.size()) < kMaxImages)
                shown.push_back({run, s, list[std::size_t(i)], i, int(list.size())});
            else
                ++hidden;
        }
    }
    while (m_cells.size() > int(shown.size()))
        delete m_cells.takeLast();
    while (m_cells.size() < int(shown.size())) {
        auto* cell = new MediaCell(m_images, m_grid);
        const int index = int(m_cells.size());
        connect(cell, &MediaCell::clicked, this, [this, index] { enlarge(index); });
        m_gridLayout->addWidget(cell);
        cell->setVisible(true);
        m_cells.append(cell);
    }
    for (int i = 0; i < m_cells.size(); ++i) {
        const Shown& s = shown[std::size_t(i)];
        m_cells[i]->display(*s.run, s.step, s.image, s.index, s.count);
    }
    updateGeometry();  // the section's flow places panels by their width

    QStringList notes;
    if (!m_loaded)
        notes << tr("Reading images…");
    else if (m_runsWithImages == 0)
        notes << tr("None of the runs shown logged images under this key.");
    if (m_runsWithImages > kMaxRuns)
        notes << tr("Showing the first %1 of %2 runs with images (in table order): filter or "
                    "hide runs to choose others.")
                     .arg(kMaxRuns)
                     .arg(m_runsWithImages);
    if (hidden > 0)
        notes << (hidden == 1 ? tr("1 more image at this step is not shown.")
                              : tr("%1 more images at this step are not shown.").arg(hidden));
    m_note->setText(notes.join(QLatin1Char(' ')));
    m_note->setVisible(!notes.isEmpty());
    updateStepLabel();
    emit imagesChanged();
}

void MediaPanel::updateStepLabel() {
    if (m_steps.empty()) {
        m_stepLabel->clear();
        return;
    }
    m_stepLabel->setText(
        tr("step %1  (%2 of %3)").arg(step()).arg(m_slider->value() + 1).arg(m_steps.size()));
}

QSize MediaPanel::sizeHint() const {
    const QMargins m = layout()->contentsMargins();
    const QSize cell = MediaCell::cellSize(fontMetrics());
    const int columns = std::clamp(int(m_cells.size()), 2, kColumns);
    const int width = columns * cell.width() + (columns - 1) * m_gridLayout->spacing();
    return {m.left() + m.right() + width, QWidget::sizeHint().height()};
}

bool MediaPanel::imagesReady() const {
    return std::all_of(m_cells.begin(), m_cells.end(),
                       [](const MediaCell* c) { return c->imageReady(); });
}

void MediaPanel::enlarge(int cellIndex) {
    if (cellIndex < 0 || cellIndex >= m_cells.size()) return;
    const MediaCell* cell = m_cells[cellIndex];
    const RunImages& images = m_byRun[cell->run().id];
    std::vector<StepMediaItem> all;
    std::size_t current = 0;
    for (std::int64_t s : images.steps) {
        if (s == cell->step()) current = all.size() + std::size_t(cell->index());
        int position = 0;
        for (const StepImage& image : images.at.value(qint64(s)))
            all.push_back({cell->run().id, s, position++, image.media, image.caption});
    }
    auto* viewer = new MediaViewer(m_images, m_key, cell->run(), std::move(all), current, this);
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->open();
}

}  // namespace runlens::ui
