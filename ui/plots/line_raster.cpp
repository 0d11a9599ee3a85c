// LineRaster: data -> device pixels (linear or log axes), segments clipped to the image, then
// one span of rows per pixel column written into premultiplied ARGB pixels (all lines opaque:
// topmost first, each pixel written once; else blended in order); bands of columns on several
// threads; prepared images blitted.
#include "ui/plots/line_raster.h"

#include <QImage>
#include <algorithm>
#include <cmath>
#include <thread>

namespace runlens::ui {
namespace {

// Far enough outside the image to clip exactly, small enough for int arithmetic.
constexpr double kLimit = 1 << 24;
// Columns per thread below which more threads do not pay for starting.
constexpr int kMinBandColumns = 64;

// Maps an axis value to a device pixel coordinate along one image dimension.
struct AxisMap {
    bool log = false;
    double lower = 0;
    double scale = 0;  // pixels per unit (or per log unit)
    bool flip = false;
    double size = 0;

    AxisMap(double from, double to, bool logScale, double pixels, bool flipped)
        : log(logScale), flip(flipped), size(pixels) {
        lower = log ? std::log(from) : from;
        const double upper = log ? std::log(to) : to;
        scale = upper != lower ? pixels / (upper - lower) : 0;
    }
    double operator()(double v) const {
        if (log) v = v > 0 ? std::log(v) : -INFINITY;
        double p = (v - lower) * scale;
        if (flip) p = size - p;
        return std::clamp(p, -kLimit, kLimit);  // also maps +-Inf to the far edges
    }
};

// Liang-Barsky: clips the segment to [0, w) x [0, h); false when nothing is left.
bool clip(double& x0, double& y0, double& x1, double& y1, double w, double h) {
    double t0 = 0, t1 = 1;
    const double dx = x1 - x0, dy = y1 - y0;
    const double p[4] = {-dx, dx, -dy, dy};
    const double q[4] = {x0, w - 1e-9 - x0, y0, h - 1e-9 - y0};
    for (int i = 0; i < 4; ++i) {
        if (p[i] == 0) {
            if (q[i] < 0) return false;
            continue;
        }
        const double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = std::max(t0, t);
        else
            t1 = std::min(t1, t);
        if (t0 > t1) return false;
    }
    const double ox = x0, oy = y0;
    x0 = ox + t0 * dx;
    y0 = oy + t0 * dy;
    x1 = ox + t1 * dx;
    y1 = oy + t1 * dy;
    return true;
}

// Pixels stored column by column (x-major), so that the vertical strokes that dense chart lines
// are made of fill contiguous memory. A polyline is drawn as one span of rows per pixel column
// it crosses; consecutive spans in the same column are merged before filling, so a column's
// first -> min -> max -> last stroke is written (and, for translucent colours, blended) once.
// A canvas owns the columns [bandBegin, bandEnd) of the shared pixels: segments are clipped to
// the whole image as always (so every band computes the same spans), then only its columns are
// written.
class ColumnCanvas {
public:
    ColumnCanvas(QRgb* pixels, int width, int height, int bandBegin, int bandEnd)
        : m_pixels(pixels),
          m_width(width),
          m_height(height),
          m_bandBegin(bandBegin),
          m_bandEnd(bandEnd) {}

    // Lines given topmost first, all opaque: each pixel keeps the first colour written to it,
    // which is what drawing them bottom first would leave, without writing every layer.
    void occludeBelow() {
        m_occluding = true;
        m_fullLo.assign(std::size_t(std::max(0, m_bandEnd - m_bandBegin)), 0);
        m_fullHi.assign(m_fullLo.size(), -1);
    }

    void begin(QRgb color) {
        m_color = qPremultiply(color);
        m_alpha = qAlpha(color);
        m_pending = false;
    }
    void end() { flush(); }

    // A segment in device pixels (clipped here); a zero-length one marks its pixel.
    void segment(double x0, double y0, double x1, double y1) {
        const bool inside = x0 >= 0 && x1 >= 0 && y0 >= 0 && y1 >= 0 && x0 < m_width &&
                            x1 < m_width && y0 < m_height && y1 < m_height;
        if (!inside && !clip(x0, y0, x1, y1, m_width, m_height)) return;
        if (x1 < x0) {
            std::swap(x0, x1);
            std::swap(y0, y1);
        }
        const int c0 = int(x0), c1 = int(x1);
        if (c1 < m_bandBegin || c0 >= m_bandEnd) return;
        if (c0 == c1) {
            span(c0, std::min(y0, y1), std::max(y0, y1));
            return;
        }
        const double slope = (y1 - y0) / (x1 - x0);
        const int first = std::max(c0, m_bandBegin), last = std::min(c1, m_bandEnd - 1);
        for (int c = first; c <= last; ++c) {
            const double xa = std::max(x0, double(c)), xb = std::min(x1, double(c + 1));
            const double ya = y0 + slope * (xa - x0), yb = y0 + slope * (xb - x0);
            span(c, std::min(ya, yb), std::max(ya, yb));
        }
    }

    // A segment going right (x1 >= x0), as the lines of a chart with ascending x are made of.
    // Wholly inside the image it needs no clipping, and one in a single column (most of an
    // envelope's) only widens the pending span; anything else takes segment().
    void segmentRightward(double x0, double y0, double x1, double y1) {
        const bool inside =
            x0 >= 0 && x1 < m_width && y0 >= 0 && y1 >= 0 && y0 < m_height && y1 < m_height;
        if (!inside) {
            segment(x0, y0, x1, y1);
            return;
        }
        const int c0 = int(x0);
        if (c0 == int(x1)) {
            if (c0 >= m_bandBegin && c0 < m_bandEnd)
                addRows(c0, int(std::min(y0, y1)), int(std::max(y0, y1)));
            return;
        }
        segment(x0, y0, x1, y1);
    }

    /// Writes the band's columns into image rows starting at `bits`, `stride` bytes apart.
    void copyTo(uchar* bits, qsizetype stride) const {
        for (int y = 0; y < m_height; ++y) {
            auto* row = reinterpret_cast<QRgb*>(bits + y * stride);
            const QRgb* column = m_pixels + y;
            for (int x = m_bandBegin; x < m_bandEnd; ++x)
                row[x] = column[std::size_t(x) * std::size_t(m_height)];
        }
    }

private:
    void span(int column, double lo, double hi) {
        addRows(column, std::clamp(int(lo), 0, m_height - 1), std::clamp(int(hi), 0, m_height - 1));
    }

    // Rows [a, b] of a column (inside the image): merged into the pending span of the same
    // column, else that span is filled and this one becomes pending.
    void addRows(int column, int a, int b) {
        if (m_pending && column == m_column) {
            m_lo = std::min(m_lo, a);
            m_hi = std::max(m_hi, b);
            return;
        }
        flush();
        m_pending = true;
        m_column = column;
        m_lo = a;
        m_hi = b;
    }

    void flush() {
        if (!m_pending) return;
        m_pending = false;
        QRgb* p = m_pixels + std::size_t(m_column) * std::size_t(m_height);
        if (m_occluding) {
            fillUncovered(p, m_column - m_bandBegin);
            return;
        }
        if (m_alpha == 255) {
            std::fill(p + m_lo, p + m_hi + 1, m_color);
            return;
        }
        const quint32 inverse = 255 - quint32(m_alpha);
        for (int y = m_lo; y <= m_hi; ++y)
            p[y] = m_color + byteMul(p[y], inverse);  // premultiplied "source over"
    }

    // Occluding: rows [m_lo, m_hi] of the column get the colour where nothing is written yet.
    // Each column keeps one run of rows known to be all written (the dense middle of a chart of
    // many runs), so most spans are skipped whole and the rest only look at their fringe. An
    // opaque colour has alpha 255, so an unwritten pixel is the only 0.
    void fillUncovered(QRgb* p, int local) {
        int& lo = m_fullLo[std::size_t(local)];
        int& hi = m_fullHi[std::size_t(local)];
        const int a = m_lo, b = m_hi;
        if (lo <= hi && a >= lo && b <= hi) return;
        auto fill = [&](int from, int to) {
            for (int y = from; y <= to; ++y)
                if (p[y] == 0) p[y] = m_color;
        };
        if (lo > hi) {
            fill(a, b);
            lo = a;
            hi = b;
            return;
        }
        fill(a, std::min(b, lo - 1));
        fill(std::max(a, hi + 1), b);
        if (a <= hi + 1 && b >= lo - 1) {
            lo = std::min(lo, a);
            hi = std::max(hi, b);
        } else if (b - a > hi - lo) {
            lo = a;
            hi = b;
        }
    }

    // Each channel of x times a / 255, two channels at a time (as Qt's raster engine does).
    static QRgb byteMul(QRgb x, quint32 a) {
        quint32 t = (x & 0xff00ff) * a;
        t = ((t + ((t >> 8) & 0xff00ff) + 0x800080) >> 8) & 0xff00ff;
        quint32 u = ((x >> 8) & 0xff00ff) * a;
        u = (u + ((u >> 8) & 0xff00ff) + 0x800080) & 0xff00ff00;
        return u | t;
    }

    QRgb* m_pixels;
    int m_width;
    int m_height;
    int m_bandBegin;
    int m_bandEnd;
    QRgb m_color = 0;
    int m_alpha = 255;
    bool m_pending = false;
    int m_column = 0;
    int m_lo = 0;
    int m_hi = 0;
    bool m_occluding = false;
    std::vector<int> m_fullLo;  // per column of the band: rows all written (empty: lo > hi)
    std::vector<int> m_fullHi;
};

// A point with no drawable neighbour after it (the one before has already broken the line):
// a metric logged once, or between gaps. It gets a marker, as a single pixel is lost.
bool isLonePoint(const std::vector<double>& xs, const std::vector<double>& ys, std::size_t i,
                 std::size_t n) {
    return i + 1 >= n || std::isnan(xs[i + 1]) || std::isnan(ys[i + 1]);
}

// A 3×3 square centred on the point.
void drawMarker(ColumnCanvas& canvas, double cx, double cy) {
    for (int dx = -1; dx <= 1; ++dx)
        canvas.segment(cx + dx, cy - 1, cx + dx, cy + 1);
}

// Draws every line into the canvas's band of columns; with `topFirst`, from the last line to the
// first (see ColumnCanvas::occludeBelow).
void drawBand(const std::vector<LineRaster::Line>& lines, const AxisMap& mx, const AxisMap& my,
              ColumnCanvas& canvas, int bandBegin, int bandEnd, int width, bool topFirst) {
    const bool wholeWidth = bandBegin == 0 && bandEnd == width;
    for (std::size_t index = 0; index < lines.size(); ++index) {
        const LineRaster::Line& line = lines[topFirst ? lines.size() - 1 - index : index];
        canvas.begin(line.color.rgba());
        const std::vector<double>& xs = *line.x;
        const std::vector<double>& ys = *line.y;
        const std::size_t n = std::min(xs.size(), ys.size());
        std::size_t from = 0, to = n;
        if (line.ascending && !wholeWidth && n > 0) {
            // Points left of the band (but the last of them, whose segment enters it) and right
            // of it (but the first) draw nothing here.
            auto firstAtOrRightOf = [&](double column) {
                return std::size_t(std::partition_point(xs.begin(), xs.begin() + std::ptrdiff_t(n),
                                                        [&](double v) { return mx(v) < column; }) -
                                   xs.begin());
            };
            const std::size_t in = firstAtOrRightOf(bandBegin);
            from = in > 0 ? in - 1 : 0;
            to = std::min(n, firstAtOrRightOf(bandEnd) + 1);
        }
        bool open = false;
        double px = 0, py = 0;
        for (std::size_t i = from; i < to; ++i) {
            const double x = xs[i], y = ys[i];
            if (std::isnan(x) || std::isnan(y)) {
                open = false;
                continue;
            }
            const double cx = mx(x), cy = my(y);
            if (std::isnan(cx) || std::isnan(cy)) {  // a degenerate axis meeting an infinity
                open = false;
                continue;
            }
            if (!open) {
                if (isLonePoint(xs, ys, i, n))
                    drawMarker(canvas, cx, cy);
                else
                    canvas.segment(cx, cy, cx, cy);
            } else if (line.ascending)
                canvas.segmentRightward(px, py, cx, cy);
            else
                canvas.segment(px, py, cx, cy);
            px = cx;
            py = cy;
            open = true;
        }
        canvas.end();
    }
}

// The source rectangle of `from` (an image of view `from`) that shows `to` at the same size.
QRectF sourceRect(const RasterView& from, const RasterView& to, const QSizeF& size) {
    const AxisMap mx(from.x0, from.x1, false, size.width(), false);
    const AxisMap my(from.y0, from.y1, from.logY, size.height(), true);
    const double left = mx(to.x0), right = mx(to.x1);
    const double bottom = my(to.y0), top = my(to.y1);
    return QRectF(QPointF(left, top), QPointF(right, bottom));
}

bool nearlySame(double a, double b, double span) {
    return std::abs(a - b) <= 1e-9 * std::abs(span);
}

}  // namespace

bool sameView(const RasterView& a, const RasterView& b) {
    return a.logY == b.logY && nearlySame(a.x0, b.x0, a.x1 - a.x0) &&
           nearlySame(a.x1, b.x1, a.x1 - a.x0) && nearlySame(a.y0, b.y0, a.y1 - a.y0) &&
           nearlySame(a.y1, b.y1, a.y1 - a.y0);
}

LineRaster::LineRaster(QCustomPlot* plot) : QCPLayerable(plot, QStringLiteral("main")) {}

void LineRaster::setLines(std::vector<Line> lines, std::shared_ptr<const void> owner,
                          std::shared_ptr<const Image> prepared) {
    m_lines = std::move(lines);
    m_owner = std::move(owner);
    m_image = std::move(prepared);
    m_awaiting = false;
}

void LineRaster::clear() {
    m_lines.clear();
    m_owner.reset();
    m_image.reset();
    m_awaiting = false;
}

void LineRaster::applyDefaultAntialiasingHint(QCPPainter* painter) const {
    painter->setAntialiasing(false);
}

QRect LineRaster::clipRect() const {
    return mParentPlot->axisRect()->rect();
}

RasterView LineRaster::currentView() const {
    const QCPAxisRect* rect = mParentPlot->axisRect();
    const QCPAxis* x = rect->axis(QCPAxis::atBottom);
    const QCPAxis* y = rect->axis(QCPAxis::atLeft);
    return RasterView{x->range().lower, x->range().upper, y->range().lower, y->range().upper,
                      y->scaleType() == QCPAxis::stLogarithmic};
}

void LineRaster::rasterize(QImage& image) const {
    rasterize(m_lines, currentView(), image, 1);
}

void LineRaster::rasterize(const std::vector<Line>& lines, const RasterView& view, QImage& image,
                           int threads) {
    const int w = image.width(), h = image.height();
    if (w <= 0 || h <= 0) return;
    const AxisMap mx(view.x0, view.x1, false, w, false);
    const AxisMap my(view.y0, view.y1, view.logY, h, true);
    std::vector<QRgb> pixels(std::size_t(w) * std::size_t(h), 0);
    // Detached once here: QImage::bits() and scanLine() must not be called from several threads.
    uchar* const bits = image.bits();
    const qsizetype stride = image.bytesPerLine();
    const int bands = std::clamp(std::min(threads, w / kMinBandColumns), 1, 64);
    const bool opaque = std::all_of(lines.begin(), lines.end(),
                                    [](const Line& l) { return l.color.alpha() == 255; });
    auto band = [&](int k) {
        const int begin = int(std::int64_t(w) * k / bands);
        const int end = int(std::int64_t(w) * (k + 1) / bands);
        ColumnCanvas canvas(pixels.data(), w, h, begin, end);
        if (opaque) canvas.occludeBelow();
        drawBand(lines, mx, my, canvas, begin, end, w, opaque);
        canvas.copyTo(bits, stride);
    };
    std::vector<std::thread> pool;
    for (int k = 1; k < bands; ++k)
        pool.emplace_back(band, k);
    band(0);
    for (std::thread& t : pool)
        t.join();
}

void LineRaster::draw(QCPPainter* painter) {
    if (m_lines.empty()) return;
    const QRect area = mParentPlot->axisRect()->rect();
    const qreal ratio = mParentPlot->bufferDevicePixelRatio();
    const QSize pixels(int(area.width() * ratio), int(area.height() * ratio));
    if (pixels.isEmpty()) return;
    const RasterView view = currentView();
    if (m_image && (m_image->image.size() == pixels || m_awaiting)) {
        QImage shown = m_image->image;
        if (m_image->image.size() == pixels && sameView(m_image->view, view)) {
            shown.setDevicePixelRatio(ratio);
            painter->drawImage(area.topLeft(), shown);
            return;
        }
        // Another view (a zoom or pan step) or size (a resize): the image stretched, until the
        // fitting one arrives.
        const QSizeF size(m_image->image.size());
        const QRectF source = sourceRect(m_image->view, view, size);
        const QRectF covered = source.intersected(QRectF(QPointF(0, 0), size));
        if (covered.isEmpty() || source.width() <= 0 || source.height() <= 0) return;
        // Only the part of the view the image covers (a zoom out leaves the rest empty).
        const double sx = area.width() / source.width(), sy = area.height() / source.height();
        const QRectF target(area.left() + (covered.left() - source.left()) * sx,
                            area.top() + (covered.top() - source.top()) * sy, covered.width() * sx,
                            covered.height() * sy);
        painter->drawImage(target, shown, covered);
        return;
    }
    auto made = std::make_shared<Image>();
    made->image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
    if (made->image.isNull()) return;
    made->view = view;
    rasterize(m_lines, view, made->image, 1);
    m_image = made;
    QImage shown = made->image;
    shown.setDevicePixelRatio(ratio);
    painter->drawImage(area.topLeft(), shown);
}

}  // namespace runlens::ui
