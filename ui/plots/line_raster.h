// LineRaster: draws many chart lines straight into one image, one pixel wide and without
// antialiasing — for charts with so many runs that QPainter's per-segment cost dominates. The
// image can be made off the UI thread (rasterize()), so that painting only blits it.
#pragma once

#include <qcustomplot.h>
#include <QColor>
#include <QImage>
#include <memory>
#include <vector>

#include "core/series/chart_data.h"

namespace runlens::ui {

/// Which data rectangle an image shows: x from its left to its right edge, y from its bottom to
/// its top edge (on a log scale when logY).
struct RasterView {
    double x0 = 0;
    double x1 = 1;
    double y0 = 0;
    double y1 = 1;
    bool logY = false;

    bool operator==(const RasterView&) const = default;
};

/// Same view within rounding (axes may hand back a range that went through a sanitizing copy).
bool sameView(const RasterView& a, const RasterView& b);

class LineRaster : public QCPLayerable {
    Q_OBJECT
public:
    /// One polyline; NaN in y (or x) breaks it. Colours with alpha blend over what is below.
    struct Line {
        const std::vector<double>* x = nullptr;
        const std::vector<double>* y = nullptr;
        QColor color;
        bool ascending = false;  ///< x never decreases (lets a band of columns skip the rest)
    };
    /// Lines rasterized for a view, at the image's size (device pixels).
    struct Image {
        QImage image;
        RasterView view;
    };

    explicit LineRaster(QCustomPlot* plot);

    /// Lines in drawing order (later ones on top); `owner` keeps the vectors alive. `prepared`,
    /// if given, is their image (made with rasterize() off the UI thread): drawn as it is while
    /// the axes show its view at its size, and stretched as a preview while they show another
    /// view (a zoom step before its finer data arrives).
    void setLines(std::vector<Line> lines, std::shared_ptr<const void> owner,
                  std::shared_ptr<const Image> prepared = {});
    void clear();
    /// A fitting image is being made elsewhere: until setLines() brings it, draw the one at hand
    /// stretched, even at another size, rather than rasterize here.
    void setAwaitingImage(bool awaiting) { m_awaiting = awaiting; }
    std::size_t lineCount() const { return m_lines.size(); }
    const std::vector<Line>& lines() const { return m_lines; }
    /// The image drawn last (prepared, or made when the view or size changed); null if none.
    std::shared_ptr<const Image> image() const { return m_image; }

    /// The view of the plot's current axes.
    RasterView currentView() const;

    /// Rasterizes into `image` (whose size is the data area in device pixels) for the current
    /// axis ranges; public for tests.
    void rasterize(QImage& image) const;
    /// Rasterizes `lines` into `image` (premultiplied ARGB; cleared first) for `view`, splitting
    /// the columns over up to `threads` threads. Any thread: it touches no widget.
    static void rasterize(const std::vector<Line>& lines, const RasterView& view, QImage& image,
                          int threads = 1);

protected:
    void applyDefaultAntialiasingHint(QCPPainter* painter) const override;
    QRect clipRect() const override;
    void draw(QCPPainter* painter) override;

private:
    std::vector<Line> m_lines;
    std::shared_ptr<const void> m_owner;
    std::shared_ptr<const Image> m_image;  // m_lines as they look in m_image->view
    bool m_awaiting = false;
};

}  // namespace runlens::ui
