// Hover tooltip over several values logged at one step: how many, and their range (#17).
#include <catch2/catch.hpp>

#include "core/store/run_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/ui/charts/charts_test_util.h"
#include "ui/plots/chart_plot.h"
#include "ui/plots/hover_tooltip.h"
#include "ui/plots/metric_panel.h"

using namespace runlens;
using namespace runlens::ui;

namespace {

// One run logging `perStep` values at each of `steps` steps (value step + 0.01 k), and one
// logging a single value per step.
void writeRuns(const std::string& path, int steps, int perStep) {
    auto writer = RunWriter::open(path);
    REQUIRE(writer.ok());
    RunInfo info;
    info.uid = info.name = "eval";
    const RunId eval = writer.value()->beginRun(info);
    info.uid = info.name = "train";
    const RunId train = writer.value()->beginRun(info);
    for (int s = 0; s < steps; ++s) {
        for (int k = 0; k < perStep; ++k)
            writer.value()->logMetric(eval, "val/loss", s, s + 0.01 * k, 1.7e9 + s);
        writer.value()->logMetric(train, "val/loss", s, s + 0.5, 1.7e9 + s);
    }
    REQUIRE(writer.value()->commit().ok());
}

QString hoverText(ChartsPanel& charts, double x) {
    MetricPanel* panel = charts.panel("val/loss");
    REQUIRE(panel);
    emit panel->plot()->hovered(x, QPoint(200, 200));
    auto* tooltip = charts.findChild<HoverTooltip*>();
    REQUIRE(tooltip);
    // A probe answers off the UI thread: wait for the exact values.
    for (int i = 0; i < 500 && tooltip->text().contains(QLatin1String("reading")); ++i)
        QTest::qWait(10);
    return tooltip->text();
}

}  // namespace

TEST_CASE("hover says how many values a run logged at a step, and their range (#17)",
          "[ui][charts]") {
    for (auto [steps, perStep] : {std::pair{300, 44}, std::pair{6, 3}}) {
        // 300 x 44 is reduced for drawing (the probe answers); 6 x 3 is drawn whole (the data
        // answers).
        INFO(steps << " steps of " << perStep << " values");
        test::TempDir dir;
        const std::string path = (dir / "multi.runlens").string();
        writeRuns(path, steps, perStep);
        ChartsPanel charts;
        ChartSettings settings;
        settings.smoothing = series::SmoothingMode::None;
        test::openCharts(charts, path, settings, test::drawnRunsOf(path));
        const int step = steps / 2;
        const QString text = hoverText(charts, step + 0.1);
        CHECK(text.contains(QStringLiteral("%1 values %2 – %3")
                                .arg(perStep)
                                .arg(step)
                                .arg(step + 0.01 * (perStep - 1))));
        CHECK(text.count(QLatin1String("values")) == 1);  // not for the run with one value
    }
}
