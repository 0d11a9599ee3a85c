// The sweep view offscreen: axes of the varying parameters with the sweep's metric as target,
// importance filled off the UI thread, brushing by mouse and by call, and the brush selecting
// runs in the main window's runs table.
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/store/run_writer.h"
#include "tests/support/temp_dir.h"
#include "tests/ui/support/ui_test_data.h"
#include "ui/main_window.h"
#include "ui/sweep/parallel_coordinates.h"
#include "ui/sweep/sweep_scatter.h"
#include "ui/sweep/sweep_view.h"
#include "ui/widgets/runs_panel.h"

using namespace runlens;
using namespace runlens::ui;

namespace {

constexpr int kRuns = 40;

double lrOf(int i) {
    return std::pow(10.0, -5 + 4.0 * ((i * 7) % kRuns) / kRuns);
}

// A sweep of 40 runs: val/loss follows lr; width and an optimizer do little.
std::string writeSweep(const test::TempDir& dir) {
    const std::string path = (dir / "sweep.runlens").string();
    auto w = RunWriter::open(path).value();
    Sweep s;
    s.uid = "sw";
    s.name = "lr search";
    s.metric = "val/loss";
    s.goal = MetricGoal::Minimize;
    w->addSweep(s);
    for (int i = 0; i < kRuns; ++i) {
        RunInfo info;
        info.uid = info.name = "r" + std::to_string(i);
        info.sweepUid = "sw";
        const RunId r = w->beginRun(info);
        w->setConfig(r, "lr", Value::number(lrOf(i)));
        w->setConfig(r, "width", Value::number((i * 13) % 5));
        w->setConfig(r, "optimizer", Value::string(i % 2 ? "adam" : "sgd"));
        w->setSummary(r, "val/loss", Value::number(-std::log10(lrOf(i)) + 0.01 * (i % 3)));
    }
    REQUIRE(w->commit().ok());
    return path;
}

DrawnRuns drawnAll(const RunsSnapshot& snap) {
    DrawnRuns out;
    for (const RunInfo& r : snap.runs)
        out.runs.push_back({r.id,
                            QString::fromStdString(r.uid),
                            QString::fromStdString(r.name),
                            Qt::blue,
                            {},
                            {},
                            NAN});
    return out;
}

// Shows `view` on the database's runs and sweeps and waits until the importance is fitted.
void openSweep(SweepView& view, const std::string& path,
               const std::shared_ptr<const RunsSnapshot>& snap) {
    view.resize(1000, 700);
    view.show();
    QSignalSpy ready(&view, &SweepView::importanceReady);
    view.setRuns(drawnAll(*snap));
    view.setSnapshot(snap);
    view.setDatabase(QString::fromStdString(path));
    for (int i = 0; i < 500 && (view.isFitting() || ready.isEmpty()); ++i)
        QTest::qWait(10);
}

int axisIndex(const ParallelCoordinates* pc, const std::string& key) {
    for (std::size_t i = 0; i < pc->axes().size(); ++i)
        if (pc->axes()[i].key == key) return int(i);
    return -1;
}

}  // namespace

TEST_CASE("the sweep view: axes, target, importance and brushing (#11)", "[ui][sweep]") {
    test::TempDir dir;
    const std::string path = writeSweep(dir);
    auto snap = test::readSnapshot(path);
    SweepView view;
    openSweep(view, path, snap);  // the sweep's metric becomes the target
    CHECK(view.targetMetric() == "val/loss");
    ParallelCoordinates* pc = view.coordinates();
    REQUIRE(pc->axes().size() == 4);  // lr, optimizer, width, then the target
    CHECK(pc->axes().back().key == "val/loss");
    const int lr = axisIndex(pc, "lr");
    REQUIRE(lr >= 0);
    CHECK(pc->axes()[std::size_t(lr)].log);
    REQUIRE(view.importanceList()->topLevelItemCount() == 3);
    CHECK(view.importanceList()->topLevelItem(0)->text(0) == "lr");

    // Brush lr to [1e-3, 1e-1] by call: exactly the runs with lr in it.
    QSignalSpy brushed(&view, &SweepView::brushedRunsChanged);
    pc->brushAxis(lr, 1e-3, 1e-1);
    int expected = 0;
    for (int i = 0; i < kRuns; ++i)
        expected += lrOf(i) >= 1e-3 && lrOf(i) <= 1e-1;
    CHECK(int(pc->brushedRuns().size()) == expected);
    REQUIRE_FALSE(brushed.isEmpty());
    CHECK(int(brushed.last().first().value<std::vector<RunId>>().size()) == expected);

    // A click on the axis clears it; a drag along it brushes again.
    const int x = int(pc->axisX(lr));
    QTest::mouseClick(pc, Qt::LeftButton, {}, QPoint(x, int(pc->positionY(lr, 1e-2))));
    CHECK(pc->brush().empty());
    CHECK(int(pc->brushedRuns().size()) == kRuns);
    QTest::mousePress(pc, Qt::LeftButton, {}, QPoint(x, int(pc->positionY(lr, 1e-5))));
    QTest::mouseMove(pc, QPoint(x, int(pc->positionY(lr, 3e-5))));
    QTest::mouseMove(pc, QPoint(x, int(pc->positionY(lr, 1e-4))));
    QTest::mouseRelease(pc, Qt::LeftButton, {}, QPoint(x, int(pc->positionY(lr, 1e-4))));
    REQUIRE(pc->brush().ranges(lr));
    CHECK(pc->brush().ranges(lr)->size() == 1);
    const auto few = pc->brushedRuns();
    CHECK(few.size() > 0);
    CHECK(few.size() < std::size_t(kRuns / 2));
}

TEST_CASE("brushing in the main window selects the brushed runs in the runs table (#11)",
          "[ui][sweep]") {
    test::TempDir dir;
    QTemporaryDir settings;  // this test's own remembered view state
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settings.path());
    const std::string path = writeSweep(dir);
    MainWindow window;
    window.setQuietErrors(true);
    window.resize(1300, 800);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::sourceLoaded);
    window.openPath(QString::fromStdString(path));
    REQUIRE(loaded.wait(10000));
    window.showView(MainWindow::View::Sweep);
    ParallelCoordinates* pc = window.sweepView()->coordinates();
    const int lr = axisIndex(pc, "lr");
    REQUIRE(lr >= 0);
    pc->brushAxis(lr, 1e-3, 1e-1);
    CHECK(window.runsPanel()->selectedCount() == int(pc->brushedRuns().size()));
    pc->clearBrush();
    CHECK(window.runsPanel()->selectedCount() == 0);
}

TEST_CASE("runs selected in the table stand out; hovering a line names it (#11)", "[ui][sweep]") {
    test::TempDir dir;
    const std::string path = writeSweep(dir);
    auto snap = test::readSnapshot(path);
    SweepView view;
    view.resize(1000, 700);
    view.show();
    DrawnRuns runs = drawnAll(*snap);
    view.setSnapshot(snap);
    view.setRuns(runs);
    for (int i = 0; i < 500 && view.isFitting(); ++i)
        QTest::qWait(10);
    ParallelCoordinates* pc = view.coordinates();
    // The line of run 0 between the first two axes, at their middle.
    const double x = (pc->axisX(0) + pc->axisX(1)) / 2;
    const double y = (pc->positionY(0, pc->axes()[0].positions[0]) +
                      pc->positionY(1, pc->axes()[1].positions[0])) /
                     2;
    const RunId hit = pc->runAt(QPointF(x, y));
    CHECK(hit != 0);
    QSignalSpy clicked(pc, &ParallelCoordinates::runClicked);
    QTest::mouseClick(pc, Qt::LeftButton, {}, QPoint(int(x), int(y)));
    CHECK(clicked.count() == 1);
    // A selection in the table: no refit, the lines restyled only.
    QSignalSpy refit(&view, &SweepView::importanceReady);
    for (std::size_t i = 1; i < runs.runs.size(); ++i)
        runs.runs[i].faded = true;
    view.setRuns(runs);
    QTest::qWait(50);
    CHECK(refit.isEmpty());
    CHECK_FALSE(view.isFitting());
}

TEST_CASE("the scatter shows the most important parameter, another on click, brushed pale (#11)",
          "[ui][sweep]") {
    test::TempDir dir;
    const std::string path = writeSweep(dir);
    auto snap = test::readSnapshot(path);
    SweepView view;
    openSweep(view, path, snap);  // the sweep's metric becomes the target
    SweepScatter* scatter = view.scatter();
    CHECK(scatter->parameterKey() == "lr");  // the top of the importance list
    // Lower lr, higher loss: the point of the smallest lr is left and high.
    int low = 0, high = 0;
    for (int i = 0; i < kRuns; ++i) {
        if (lrOf(i) < lrOf(low)) low = i;
        if (lrOf(i) > lrOf(high)) high = i;
    }
    const auto a = scatter->pointOf(std::size_t(low)), b = scatter->pointOf(std::size_t(high));
    REQUIRE(a);
    REQUIRE(b);
    CHECK(a->x() < b->x());
    CHECK(a->y() < b->y());  // screen y grows downwards: the higher loss is drawn higher
    QTreeWidgetItem* optimizer = nullptr;
    for (int i = 0; i < view.importanceList()->topLevelItemCount(); ++i)
        if (view.importanceList()->topLevelItem(i)->text(0) == "optimizer")
            optimizer = view.importanceList()->topLevelItem(i);
    REQUIRE(optimizer);
    emit view.importanceList()->itemClicked(optimizer, 0);
    CHECK(scatter->parameterKey() == "optimizer");
}
