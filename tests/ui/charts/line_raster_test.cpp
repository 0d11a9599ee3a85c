// LineRaster: pixel-exact strokes (a one-point spike reaches its pixel row), gaps, blending, and
// charts with many runs drawn through it.
#include <QImage>
#include <catch2/catch.hpp>
#include <cmath>

#include "ui/plots/chart_plot.h"
#include "ui/plots/chart_renderer.h"
#include "ui/plots/line_raster.h"

using namespace runlens::ui;

namespace {

int paintedRows(const QImage& image, int column) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        n += qAlpha(image.pixel(column, y)) != 0;
    return n;
}

}  // namespace

TEST_CASE("a one-point spike fills its pixel column up to the spike", "[ui][charts][raster]") {
    ChartPlot plot;
    plot.xAxis->setRange(0, 100);
    plot.yAxis->setRange(0, 100);
    std::vector<double> x, y;
    for (int i = 0; i < 100; ++i) {
        x.push_back(i + 0.5);
        y.push_back(i == 50 ? 95.5 : 10.5);
    }
    auto owner = std::make_shared<int>(0);
    plot.lineRaster()->setLines({{&x, &y, QColor(200, 0, 0)}}, owner);
    QImage image(100, 100, QImage::Format_ARGB32_Premultiplied);
    plot.lineRaster()->rasterize(image);
    // Rows grow downwards: value 10.5 is row 89, value 95.5 is row 4.
    CHECK(paintedRows(image, 10) == 1);
    CHECK(qRed(image.pixel(10, 89)) == 200);
    // The way up and down crosses the spike's neighbours too: together, every row between.
    CHECK(paintedRows(image, 49) + paintedRows(image, 50) + paintedRows(image, 51) >= 86);
    CHECK(qAlpha(image.pixel(50, 4)) == 255);
    CHECK(qAlpha(image.pixel(50, 3)) == 0);
    CHECK(qAlpha(image.pixel(30, 50)) == 0);  // nothing else
}

TEST_CASE("a point no segment draws gets a 3x3 marker; a line's end point does not",
          "[ui][charts][raster]") {
    ChartPlot plot;
    plot.xAxis->setRange(0, 20);
    plot.yAxis->setRange(0, 20);
    // A metric logged once (x 3.5), then a point between gaps (x 10.5), then a two-point line.
    std::vector<double> x{3.5, 7.5, 10.5, 12.5, 15.5, 16.5};
    std::vector<double> y{10.5, NAN, 5.5, NAN, 15.5, 15.5};
    auto owner = std::make_shared<int>(0);
    plot.lineRaster()->setLines({{&x, &y, QColor(200, 0, 0)}}, owner);
    QImage image(20, 20, QImage::Format_ARGB32_Premultiplied);
    plot.lineRaster()->rasterize(image);
    for (int column : {2, 3, 4})
        CHECK(paintedRows(image, column) == 3);
    for (int column : {9, 10, 11})
        CHECK(paintedRows(image, column) == 3);
    CHECK(qAlpha(image.pixel(3, 9)) == 255);  // value 10.5 is row 9
    CHECK(paintedRows(image, 14) == 0);
    CHECK(paintedRows(image, 15) == 1);  // the line's own pixels, no marker
    CHECK(paintedRows(image, 16) == 1);
}

TEST_CASE("a run with one point is drawn as a disc in its colour", "[ui][charts]") {
    ChartPlot plot;
    plot.resize(300, 200);
    auto runs = std::make_shared<DrawnRuns>();
    for (auto [id, color] : {std::pair{1, QColor(200, 0, 0)}, std::pair{2, QColor(0, 0, 200)}}) {
        DrawnRun run;
        run.id = id;
        run.name = run.uid = QString::number(id);
        run.color = color;
        runs->runs.push_back(run);
    }
    ChartContext context = makeChartContext(runs, ChartSettings{}, 0);
    auto data = std::make_shared<runlens::series::ChartData>();
    data->runs.resize(2);
    data->runs[0].index = 0;
    data->runs[0].runId = 1;
    data->runs[0].line = {{0}, {6.75}};
    data->runs[1].index = 1;
    data->runs[1].runId = 2;
    data->runs[1].line = {{0, 1, 2}, {1, 2, 3}};
    data->x0 = 0;
    data->x1 = 2;
    data->y = {0, 10};
    renderChart(plot, data, context, chartXRange(*data));
    int points = 0;
    for (int i = 0; i < plot.plottableCount(); ++i) {
        auto* graph = qobject_cast<QCPGraph*>(plot.plottable(i));
        if (!graph || graph->property(kRoleProperty).toString() != "point") continue;
        ++points;
        CHECK(graph->property("runId").toLongLong() == 1);
        CHECK(graph->dataCount() == 1);
        CHECK(graph->scatterStyle().shape() == QCPScatterStyle::ssDisc);
        CHECK(graph->scatterStyle().pen().color() == QColor(200, 0, 0));
    }
    CHECK(points == 1);
}

TEST_CASE("NaN breaks a rasterized line; translucent colours blend once per column",
          "[ui][charts][raster]") {
    ChartPlot plot;
    plot.xAxis->setRange(0, 10);
    plot.yAxis->setRange(0, 10);
    std::vector<double> x{0.5, 1.5, 2.5, 3.5, 4.5, 4.6, 4.7};
    std::vector<double> y{5.5, 5.5, NAN, 5.5, 5.5, 1.5, 5.5};
    auto owner = std::make_shared<int>(0);
    plot.lineRaster()->setLines({{&x, &y, QColor(0, 0, 255, 128)}}, owner);
    QImage image(10, 10, QImage::Format_ARGB32_Premultiplied);
    plot.lineRaster()->rasterize(image);
    CHECK(qAlpha(image.pixel(1, 4)) == 128);
    CHECK(qAlpha(image.pixel(2, 4)) == 0);  // the gap
    // Column 4 is crossed three times (down and up again): blended once, not three times.
    CHECK(qAlpha(image.pixel(4, 4)) == 128);
    CHECK(qAlpha(image.pixel(4, 8)) == 128);
}

TEST_CASE("rasterizing on several threads paints the same image", "[ui][charts][raster]") {
    // 60 noisy lines crossing one another, some with gaps, over 301 columns (not a multiple of
    // the thread count, so the column bands are uneven).
    std::vector<std::vector<double>> xs(60), ys(60);
    std::vector<LineRaster::Line> lines;
    for (int l = 0; l < 60; ++l) {
        for (int i = 0; i < 5000; ++i) {
            xs[l].push_back(i * 0.02);
            const double v = std::sin(i * 0.001 * (l + 1)) * 40 + 50 + ((i * 7919 + l) % 13);
            ys[l].push_back(i % 997 == l ? NAN : v);
        }
        lines.push_back({&xs[l], &ys[l], QColor::fromHsv(l * 6, 200, 200, 160), l % 2 == 0});
    }
    const RasterView view{0, 100, 0, 100, false};
    QImage one(301, 200, QImage::Format_ARGB32_Premultiplied);
    QImage three(301, 200, QImage::Format_ARGB32_Premultiplied);
    LineRaster::rasterize(lines, view, one, 1);
    LineRaster::rasterize(lines, view, three, 3);
    CHECK(one == three);
    // Something was drawn, and only inside the data (no line reaches y 0 to 5).
    CHECK(paintedRows(one, 150) > 0);
    CHECK(qAlpha(one.pixel(150, 199)) == 0);
}

namespace {

// Noisy lines crossing one another and leaving the view at the top, bottom and both ends, with
// gaps and infinities.
struct CrossingLines {
    std::vector<std::vector<double>> xs, ys;

    explicit CrossingLines(int count) : xs(std::size_t(count)), ys(std::size_t(count)) {
        for (int l = 0; l < count; ++l) {
            for (int i = 0; i < 3000; ++i) {
                xs[l].push_back(-10 + i * 0.04);
                double v = std::sin(i * 0.002 * (l + 1)) * 70 + 50 + ((i * 7919 + l) % 17);
                if (i % 811 == l) v = NAN;
                if (i % 1303 == l) v = (l % 2) ? INFINITY : -INFINITY;
                ys[l].push_back(v);
            }
        }
    }
    std::vector<LineRaster::Line> lines(bool ascending, int alpha) const {
        std::vector<LineRaster::Line> out;
        for (std::size_t l = 0; l < xs.size(); ++l)
            out.push_back(
                {&xs[l], &ys[l], QColor::fromHsv(int(l) * 9 % 360, 200, 200, alpha), ascending});
        return out;
    }
};

}  // namespace

TEST_CASE("opaque lines: each pixel shows the last line drawn over it", "[ui][charts][raster]") {
    // Opaque lines are drawn topmost first, writing only pixels not yet written; the image must
    // be what painting them in order leaves. The reference: each line alone, composited in order.
    const CrossingLines data(40);
    const auto lines = data.lines(true, 255);
    const RasterView view{0, 100, 0, 100, false};
    QImage all(257, 180, QImage::Format_ARGB32_Premultiplied);
    LineRaster::rasterize(lines, view, all, 2);
    QImage reference(all.size(), QImage::Format_ARGB32_Premultiplied);
    reference.fill(0);
    for (const LineRaster::Line& line : lines) {
        QImage alone(all.size(), QImage::Format_ARGB32_Premultiplied);
        LineRaster::rasterize({line}, view, alone, 1);
        for (int y = 0; y < alone.height(); ++y)
            for (int x = 0; x < alone.width(); ++x)
                if (alone.pixel(x, y) != 0) reference.setPixel(x, y, alone.pixel(x, y));
    }
    CHECK(all == reference);
    int painted = 0;
    for (int x = 0; x < all.width(); ++x)
        painted += paintedRows(all, x);
    CHECK(painted > all.width() * 20);  // the test drew something substantial
}

TEST_CASE("lines known to ascend are drawn as any other line", "[ui][charts][raster]") {
    // The rightward fast path (no clipping inside the image) must leave the pixels the general
    // path leaves, also where lines leave the view, break, or reach infinity.
    const CrossingLines data(12);
    for (int alpha : {255, 150}) {
        for (const RasterView& view :
             {RasterView{0, 100, 0, 100, false}, RasterView{20, 40, 30, 60, false},
              RasterView{0, 100, 1, 200, true}}) {
            QImage fast(211, 150, QImage::Format_ARGB32_Premultiplied);
            QImage general(211, 150, QImage::Format_ARGB32_Premultiplied);
            LineRaster::rasterize(data.lines(true, alpha), view, fast, 1);
            LineRaster::rasterize(data.lines(false, alpha), view, general, 1);
            CHECK(fast == general);
        }
    }
}
