// X axes: time axes only offered when the shown runs logged times, and wall-time ticks that show
// the date once the range leaves a day (#17).
#include <QComboBox>
#include <QStandardItemModel>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/ui/charts/charts_test_util.h"
#include "ui/plots/axis_format.h"
#include "ui/plots/chart_toolbar.h"
#include "ui/plots/charts_panel.h"
#include "ui/plots/metric_panel.h"

using namespace runlens;
using namespace runlens::ui;

namespace {

// Two runs of 50 steps of "loss"; times (`secondsPerStep` apart from `start`) or none (NaN).
void writeRuns(const std::string& path, bool times, double start = 1.7e9,
               double secondsPerStep = 10) {
    auto writer = RunWriter::open(path);
    REQUIRE(writer.ok());
    for (int r = 0; r < 2; ++r) {
        RunInfo info;
        info.uid = "u" + std::to_string(r);
        info.name = "run_" + std::to_string(r);
        const RunId id = writer.value()->beginRun(info);
        for (int s = 0; s < 50; ++s)
            writer.value()->logMetric(id, "loss", s, 1.0 / (1 + s + r),
                                      times ? start + secondsPerStep * s : NAN);
    }
    REQUIRE(writer.value()->commit().ok());
}

void open(ChartsPanel& charts, const std::string& path, series::XAxis axis) {
    ChartSettings settings;
    settings.smoothing = series::SmoothingMode::None;
    settings.xAxis = axis;
    test::openCharts(charts, path, settings, test::drawnRunsOf(path));
}

bool offered(const ChartsPanel& charts, series::XAxis axis) {
    QComboBox* combo = charts.toolbar()->xAxisCombo();
    const int i = combo->findData(QString::number(int(axis)));
    REQUIRE(i >= 0);
    auto* model = qobject_cast<QStandardItemModel*>(combo->model());
    REQUIRE(model);
    return model->item(i)->isEnabled();
}

class ProbeTicker : public WallTimeTicker {
public:
    QString labelFor(const QCPRange& range) {
        getTickStep(range);
        return getTickLabel(range.lower, QLocale(), 'g', 6);
    }
};

}  // namespace

TEST_CASE("time axes are not offered when the shown runs logged no times (#17)", "[ui][charts]") {
    test::TempDir dir;
    const std::string path = (dir / "notimes.runlens").string();
    writeRuns(path, false);
    ChartsPanel charts;
    open(charts, path, series::XAxis::WallTime);  // e.g. saved for the database before
    CHECK_FALSE(offered(charts, series::XAxis::WallTime));
    CHECK_FALSE(offered(charts, series::XAxis::RelativeTime));
    CHECK(offered(charts, series::XAxis::Step));
    // The saved time axis would draw nothing: the charts fall back to steps.
    CHECK(charts.settings().xAxis == series::XAxis::Step);
    MetricPanel* loss = charts.panel("loss");
    REQUIRE(loss->data());
    CHECK(loss->data()->runs.size() == 2);
    CHECK(std::isfinite(loss->data()->dataX0));
}

TEST_CASE("time axes are offered when the shown runs logged times (#17)", "[ui][charts]") {
    test::TempDir dir;
    const std::string path = (dir / "times.runlens").string();
    writeRuns(path, true);
    ChartsPanel charts;
    open(charts, path, series::XAxis::WallTime);
    CHECK(offered(charts, series::XAxis::WallTime));
    CHECK(offered(charts, series::XAxis::RelativeTime));
    CHECK(charts.settings().xAxis == series::XAxis::WallTime);
    REQUIRE(charts.panel("loss")->data());
    CHECK(std::isfinite(charts.panel("loss")->data()->dataX0));
}

TEST_CASE("wall-time ticks show the date once the range leaves one day (#17)", "[ui][charts]") {
    ProbeTicker ticker;
    const double noon = double(QDateTime(QDate(2025, 3, 12), QTime(12, 0)).toSecsSinceEpoch());
    const QString within = ticker.labelFor(QCPRange(noon, noon + 3600));
    CHECK(within == QLatin1String("12:00"));
    const QString days = ticker.labelFor(QCPRange(noon, noon + 2 * 86400));
    CHECK(days.contains(QLatin1String("12")));
    CHECK(days.contains(QLatin1String("Mar")));
    CHECK(days.contains(QLatin1String("12:00")));
    // Across midnight within a few hours: the date too.
    const QString midnight = ticker.labelFor(QCPRange(noon + 10 * 3600, noon + 14 * 3600));
    CHECK(midnight.contains(QLatin1String("Mar")));
    CHECK(ticker.labelFor(QCPRange(noon, noon + 30 * 86400)).contains(QLatin1String("Mar 12")));
}
