// Rubber-band zoom: it sets the panel's y range too (kept through finer data, dropped by reset),
// while the x range follows on every panel (#17).
#include <catch2/catch.hpp>
#include <cmath>

#include "core/store/run_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/ui/charts/charts_test_util.h"
#include "ui/plots/chart_plot.h"
#include "ui/plots/line_raster.h"
#include "ui/plots/metric_panel.h"

using namespace runlens;
using namespace runlens::ui;

namespace {

// `runs` runs of 200 steps of "a/loss" (falling from 1 + run/10) and "a/acc" (rising).
void writeRuns(const std::string& path, int runs) {
    auto writer = RunWriter::open(path);
    REQUIRE(writer.ok());
    for (int r = 0; r < runs; ++r) {
        RunInfo info;
        info.uid = info.name = "run" + std::to_string(r);
        const RunId id = writer.value()->beginRun(info);
        for (int s = 0; s < 200; ++s) {
            writer.value()->logMetric(id, "a/loss", s, std::exp(-s / 50.0) + r / 10.0, NAN);
            writer.value()->logMetric(id, "a/acc", s, 1 - std::exp(-s / 50.0), NAN);
        }
    }
    REQUIRE(writer.value()->commit().ok());
}

// A rubber band over the data area, from fractions (of its width and height, y from the top).
void rubberBand(ChartPlot* plot, double left, double right, double top, double bottom) {
    const QRect area = plot->axisRect()->rect();
    const QRect band(
        QPoint(area.left() + int(area.width() * left), area.top() + int(area.height() * top)),
        QPoint(area.left() + int(area.width() * right), area.top() + int(area.height() * bottom)));
    emit plot->selectionRect()->accepted(band, nullptr);
}

}  // namespace

TEST_CASE("a rubber band zooms y too, until reset; x stays synced (#17)", "[ui][charts]") {
    for (int runs : {3, 60}) {  // QCPGraphs, and the LineRaster
        INFO(runs << " runs");
        test::TempDir dir;
        const std::string path = (dir / "zoom.runlens").string();
        writeRuns(path, runs);
        ChartsPanel charts;
        ChartSettings settings;
        settings.smoothing = series::SmoothingMode::None;
        test::openCharts(charts, path, settings, test::drawnRunsOf(path), {1000, 500});
        MetricPanel* loss = charts.panel("a/loss");
        MetricPanel* acc = charts.panel("a/acc");
        REQUIRE(loss->data());
        REQUIRE(acc->data());
        const QCPRange accY = acc->plot()->yAxis->range();
        const QCPRange before = loss->plot()->yAxis->range();

        rubberBand(loss->plot(), 0.2, 0.5, 0.6, 0.9);
        test::waitIdle(charts);
        REQUIRE(loss->ownYRange());
        const QCPRange y = loss->plot()->yAxis->range();
        CHECK(y.lower == Approx(loss->ownYRange()->first));
        CHECK(y.upper == Approx(loss->ownYRange()->second));
        CHECK(y.size() < before.size() * 0.4);
        CHECK(y.lower > before.lower);
        // Finer data for the new x range arrived and kept the chosen y range.
        CHECK(loss->data()->x0 == Approx(loss->plot()->xAxis->range().lower));
        // The other panel follows on x only.
        CHECK(acc->plot()->xAxis->range().lower == Approx(loss->plot()->xAxis->range().lower));
        CHECK(acc->plot()->xAxis->range().upper == Approx(loss->plot()->xAxis->range().upper));
        CHECK_FALSE(acc->ownYRange());
        CHECK(acc->plot()->yAxis->range().upper == Approx(acc->data()->y.high));
        CHECK(acc->plot()->yAxis->range().upper <= accY.upper);
        if (runs > 40) {
            // The lines' image is made for the chosen y range.
            const auto image = loss->plot()->lineRaster()->image();
            REQUIRE(image);
            CHECK(image->view.y0 == Approx(y.lower));
            CHECK(image->view.y1 == Approx(y.upper));
        }

        emit loss->plot()->resetRequested();  // what a double-click does
        test::waitIdle(charts);
        CHECK_FALSE(loss->ownYRange());
        CHECK(loss->plot()->yAxis->range().lower == Approx(loss->data()->y.low));
        CHECK(loss->plot()->yAxis->range().upper == Approx(loss->data()->y.high));
        CHECK(loss->data()->x0 == 0);
    }
}

TEST_CASE("a flat rubber band zooms x only", "[ui][charts]") {
    test::TempDir dir;
    const std::string path = (dir / "zoom.runlens").string();
    writeRuns(path, 2);
    ChartsPanel charts;
    ChartSettings settings;
    settings.smoothing = series::SmoothingMode::None;
    test::openCharts(charts, path, settings, test::drawnRunsOf(path), {1000, 500});
    MetricPanel* loss = charts.panel("a/loss");
    const QRect area = loss->plot()->axisRect()->rect();
    emit loss->plot()->selectionRect()->accepted(
        QRect(area.left() + 100, area.center().y(), 200, 2), nullptr);
    test::waitIdle(charts);
    CHECK_FALSE(loss->ownYRange());
    CHECK(loss->plot()->yAxis->range().upper == Approx(loss->data()->y.high));
    CHECK(loss->data()->x0 > 0);
}
