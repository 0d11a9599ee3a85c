// ChartsPanel: panels per key in sections, search, x axis and smoothing reaching the plotted data,
// group bands, hidden runs, saved state, idle, zoom sync, lazy fetching, live refresh, hover.
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QToolButton>
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"
#include "ui/plots/chart_plot.h"
#include "ui/plots/chart_renderer.h"
#include "ui/plots/chart_section.h"
#include "ui/plots/chart_toolbar.h"
#include "ui/plots/charts_panel.h"
#include "ui/plots/hover_tooltip.h"
#include "ui/plots/line_raster.h"
#include "ui/plots/metric_panel.h"

using namespace runlens;
using namespace runlens::ui;

namespace {

constexpr int kRuns = 6;
constexpr int kSteps = 300;
constexpr double kStart = 1.7e9;

double lossAt(int run, int step) {
    return std::exp(-step / 80.0) + 0.05 * run + 0.02 * std::sin(step * 1.7 + run);
}

// Six runs: train/loss and train/lr every step, val/acc and val/loss every 10 steps, epoch every
// 50 steps, a system metric; `extraKeys` more keys named "zz/k00"... (the last section)
void writeDatabase(const std::string& path, int extraKeys = 0, int steps = kSteps,
                   int runs = kRuns) {
    auto writer = RunWriter::open(path);
    REQUIRE(writer.ok());
    RunWriter& w = *writer.value();
    for (int r = 0; r < runs; ++r) {
        RunInfo info;
        info.uid = "uid-" + std::to_string(r);
        info.name = "run-" + std::to_string(r);
        info.startTime = kStart + 1000 * r;
        const RunId id = w.beginRun(info);
        for (int s = 0; s < steps; ++s) {
            const double t = info.startTime + 2.0 * s + 1;
            w.logMetric(id, "train/loss", s, lossAt(r, s), t);
            w.logMetric(id, "train/lr", s, 0.1 / (1 + s), t);
            if (s % 10 == 0) {
                w.logMetric(id, "val/acc", s, 1 - lossAt(r, s) / 2, t);
                w.logMetric(id, "val/loss", s, lossAt(r, s) * 1.1, t);
            }
            if (s % 50 == 0) w.logMetric(id, "epoch", s, s / 50.0, t);
            if (s % 20 == 0) w.logSystemMetric(id, "gpu.0.util", s, 50 + r, t);
            for (int k = 0; k < extraKeys; ++k)
                if (s % 30 == 0)
                    w.logMetric(id, "zz/k" + std::to_string(100 + k).substr(1), s, k + r, t);
        }
        w.finishRun(id, RunState::Finished, 0, info.startTime + 2.0 * steps, 2.0 * steps);
    }
    REQUIRE(w.commit().ok());
}

DrawnRuns drawnRuns(const std::string& path, bool grouped = false, int count = kRuns) {
    auto store = RunStore::open(path);
    REQUIRE(store.ok());
    const auto snapshot = store->readRuns().value();
    DrawnRuns out;
    out.grouped = grouped;
    const QColor colors[] = {QColor("#1f77b4"), QColor("#ff7f0e"), QColor("#2ca02c"),
                             QColor("#d62728"), QColor("#9467bd"), QColor("#8c564b")};
    count = std::min(count, int(snapshot.runs.size()));
    for (int i = 0; i < count; ++i) {
        const RunInfo& run = snapshot.runs[std::size_t(i)];
        DrawnRun d;
        d.id = run.id;
        d.uid = QString::fromStdString(run.uid);
        d.name = QString::fromStdString(run.name);
        d.color = colors[i % 6];
        d.startTime = run.startTime;
        if (grouped) {
            d.group = i % 2 ? QStringLiteral("odd") : QStringLiteral("even");
            d.groupColor = i % 2 ? QColor("#d62728") : QColor("#1f77b4");
        }
        out.runs.push_back(d);
    }
    return out;
}

std::vector<MetricKeyInfo> keysOf(const std::string& path) {
    auto store = RunStore::open(path);
    REQUIRE(store.ok());
    return store->readMetricKeys().value();
}

void waitIdle(const ChartsPanel& charts) {
    for (int i = 0; i < 1500 && !charts.isIdle(); ++i)
        QTest::qWait(10);
    REQUIRE(charts.isIdle());
}

// The plotted graph of a run (or group) with a role, or null.
QCPGraph* graphOf(MetricPanel* panel, qint64 runId, const char* role, int group = -1) {
    QCustomPlot* plot = panel->existingPlot();
    if (!plot) return nullptr;
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot->plottable(i);
        if (p->property(kRoleProperty).toString() == QLatin1String(role) &&
            p->property("runId").toLongLong() == runId && p->property("group").toInt() == group)
            return qobject_cast<QCPGraph*>(p);
    }
    return nullptr;
}

int countRole(MetricPanel* panel, const char* role) {
    int n = 0;
    QCustomPlot* plot = panel->existingPlot();
    for (int i = 0; plot && i < plot->plottableCount(); ++i)
        n += plot->plottable(i)->property(kRoleProperty).toString() == QLatin1String(role);
    return n;
}

struct Fixture {
    test::TempDir dir;
    std::string path = (dir / "charts.runlens").string();
    ChartsPanel charts;
    DrawnRuns runs;

    explicit Fixture(int extraKeys = 0, QSize size = {1200, 900}) {
        writeDatabase(path, extraKeys);
        runs = drawnRuns(path);
        ChartSettings settings;
        settings.smoothing = series::SmoothingMode::None;
        charts.setSettings(settings);
        charts.resize(size);
        charts.show();
        charts.setDatabase(QString::fromStdString(path));
        charts.setDrawnRuns(runs);
        charts.setMetricKeys(keysOf(path));
        charts.refresh();
        waitIdle(charts);
    }
};

}  // namespace

TEST_CASE("one panel per key, in sections by prefix, system metrics apart", "[ui][charts]") {
    Fixture f;
    QStringList names;
    for (ChartSection* s : f.charts.sections())
        names << s->name();
    CHECK(names == QStringList{"", "train", "val", "system"});
    CHECK(f.charts.section("train")->panels().size() == 2);
    CHECK(f.charts.section("val")->panels().size() == 2);
    CHECK(f.charts.section("")->panels().front()->keyName() == "epoch");
    CHECK(f.charts.section("system")->panels().front()->keyName() == "gpu.0.util");
    CHECK(f.charts.section("system")->isCollapsed());  // by default
    CHECK_FALSE(f.charts.isOnScreen(f.charts.panel("gpu.0.util")));
    CHECK(f.charts.panel("gpu.0.util")->data() == nullptr);  // collapsed: never read
    MetricPanel* loss = f.charts.panel("train/loss");
    REQUIRE(loss->data());
    CHECK(countRole(loss, "line") == kRuns);
}

TEST_CASE("the search box filters panels by key", "[ui][charts]") {
    Fixture f;
    f.charts.toolbar()->searchEdit()->setText("loss");
    waitIdle(f.charts);
    QStringList shown;
    for (MetricPanel* p : f.charts.panels())
        if (p->isVisible()) shown << p->keyName();
    CHECK(shown == QStringList{"train/loss", "val/loss"});
    CHECK_FALSE(f.charts.section("")->isVisible());
    f.charts.toolbar()->searchEdit()->setText("val acc");
    waitIdle(f.charts);
    CHECK(f.charts.panel("val/acc")->isVisible());
    CHECK_FALSE(f.charts.panel("val/loss")->isVisible());
    CHECK(f.charts.settings().search == "val acc");
}

TEST_CASE("x axis and smoothing change the plotted data", "[ui][charts]") {
    Fixture f;
    MetricPanel* loss = f.charts.panel("train/loss");
    const qint64 run0 = f.runs.runs[0].id;
    QCPGraph* g = graphOf(loss, run0, "line");
    REQUIRE(g);
    // 300 points on ~1,000 pixels: every point is drawn as logged.
    REQUIRE(g->data()->size() == kSteps);
    CHECK(g->data()->at(10)->key == 10);
    CHECK(g->data()->at(10)->value == Approx(lossAt(0, 10)).epsilon(1e-6));
    CHECK(graphOf(loss, run0, "raw") == nullptr);

    ChartSettings s = f.charts.settings();
    s.xAxis = series::XAxis::RelativeTime;
    f.charts.setSettings(s);
    waitIdle(f.charts);
    g = graphOf(loss, run0, "line");
    REQUIRE(g);
    CHECK(g->data()->at(10)->key == Approx(2.0 * 10 + 1));  // seconds since the run started
    CHECK(g->data()->at(10)->value == Approx(lossAt(0, 10)).epsilon(1e-6));

    s.xAxis = series::XAxis::Key;
    s.xKey = "epoch";
    f.charts.setSettings(s);
    waitIdle(f.charts);
    g = graphOf(loss, run0, "line");
    REQUIRE(g);
    CHECK(g->data()->at(0)->key == 0);
    CHECK(g->data()->at(25)->key == Approx(0.5));  // interpolated between epochs 0 and 1

    s.xAxis = series::XAxis::Step;
    s.smoothing = series::SmoothingMode::Ema;
    s.strength = 0.9;
    f.charts.setSettings(s);
    waitIdle(f.charts);
    g = graphOf(loss, run0, "line");
    QCPGraph* raw = graphOf(loss, run0, "raw");
    REQUIRE(g);
    REQUIRE(raw);
    CHECK(raw->data()->at(100)->value == Approx(lossAt(0, 100)).epsilon(1e-6));
    // TensorBoard's EMA at step 2: ((1-w) v0 w^2 + (1-w) v1 w + (1-w) v2) / (1 - w^3)
    const double w = 0.9;
    const double ema2 =
        ((1 - w) * (lossAt(0, 0) * w * w + lossAt(0, 1) * w + lossAt(0, 2))) / (1 - w * w * w);
    CHECK(g->data()->at(2)->value == Approx(ema2).epsilon(1e-6));
    CHECK(g->data()->at(100)->value != Approx(lossAt(0, 100)).epsilon(1e-6));
    CHECK(raw->pen().color().alpha() < 255);  // the raw line stays faint
}

TEST_CASE("grouped runs draw a mean and a band per group", "[ui][charts]") {
    Fixture f;
    f.charts.setDrawnRuns(drawnRuns(f.path, true));
    waitIdle(f.charts);
    MetricPanel* loss = f.charts.panel("train/loss");
    CHECK(countRole(loss, "line") == 0);
    CHECK(countRole(loss, "mean") == 2);
    CHECK(countRole(loss, "low") == 2);
    CHECK(countRole(loss, "high") == 2);
    QCPGraph* mean = graphOf(loss, -1, "mean", 0);
    QCPGraph* low = graphOf(loss, -1, "low", 0);
    QCPGraph* high = graphOf(loss, -1, "high", 0);
    REQUIRE(mean);
    REQUIRE(low);
    REQUIRE(high);
    CHECK(high->channelFillGraph() == low);
    CHECK(mean->pen().color() == QColor("#1f77b4"));
    // Group "even" holds runs 0, 2, 4: min is run 0, max run 4 (0.05 apart per run).
    const int k = mean->data()->size() / 2;
    CHECK(high->data()->at(k)->value - low->data()->at(k)->value == Approx(0.2).margin(0.045));
    CHECK(mean->data()->at(k)->value > low->data()->at(k)->value);

    ChartSettings s = f.charts.settings();
    s.band = series::BandMode::None;
    f.charts.setSettings(s);
    waitIdle(f.charts);
    CHECK(countRole(loss, "mean") == 2);
    CHECK(countRole(loss, "high") == 0);
}

TEST_CASE("hidden runs are not drawn", "[ui][charts]") {
    Fixture f;
    DrawnRuns some = f.runs;
    some.runs.erase(some.runs.begin() + 1, some.runs.begin() + 4);  // runs 1-3 hidden
    f.charts.setDrawnRuns(some);
    waitIdle(f.charts);
    MetricPanel* loss = f.charts.panel("train/loss");
    CHECK(countRole(loss, "line") == 3);
    CHECK(graphOf(loss, f.runs.runs[0].id, "line"));
    CHECK_FALSE(graphOf(loss, f.runs.runs[2].id, "line"));
    CHECK(graphOf(loss, f.runs.runs[5].id, "line"));
}

TEST_CASE("chart settings survive saveState and restoreState", "[ui][charts]") {
    ChartSettings s;
    s.xAxis = series::XAxis::Key;
    s.xKey = "epoch";
    s.smoothing = series::SmoothingMode::Gaussian;
    s.strength = 0.85;
    s.logY = true;
    s.ignoreOutliers = true;
    s.syncX = false;
    s.band = series::BandMode::StdDev;
    s.panelSize = PanelSize::Large;
    s.legend = false;
    s.sectionCollapsed = {{"train", true}, {"system", false}};
    s.search = "loss";
    QVariantMap state;
    {
        ChartsPanel charts;
        charts.setSettings(s);
        state = charts.saveState();
    }
    ChartsPanel restored;
    restored.restoreState(state);
    CHECK(restored.settings() == s);
    CHECK(restored.toolbar()->settings() == s);
    CHECK(restored.toolbar()->searchEdit()->text() == "loss");
    CHECK(restored.toolbar()->xAxisCombo()->currentText() == "epoch");
    CHECK(restored.toolbar()->strengthSlider()->value() == 850);
    // Unknown entries keep defaults.
    ChartsPanel fresh;
    fresh.restoreState({{"smoothing", "bogus"}, {"strength", "x"}});
    CHECK(fresh.settings().smoothing == ChartSettings().smoothing);
}

TEST_CASE("collapsed sections are saved, and a collapsed section does not fetch", "[ui][charts]") {
    Fixture f;
    ChartSection* val = f.charts.section("val");
    REQUIRE(val);
    QTest::mouseClick(val->findChild<QToolButton*>(), Qt::LeftButton);
    CHECK(val->isCollapsed());
    CHECK(f.charts.saveState()["sections"].toMap().value("val").toBool());
    waitIdle(f.charts);
    CHECK_FALSE(f.charts.isOnScreen(f.charts.panel("val/acc")));
}

TEST_CASE("idle() is emitted once every visible panel is drawn", "[ui][charts]") {
    test::TempDir dir;
    const std::string path = (dir / "idle.runlens").string();
    writeDatabase(path);
    ChartsPanel charts;
    charts.resize(1000, 700);
    charts.show();
    QSignalSpy spy(&charts, &ChartsPanel::idle);
    charts.setDatabase(QString::fromStdString(path));
    charts.setDrawnRuns(drawnRuns(path));
    charts.setMetricKeys(keysOf(path));
    charts.refresh();
    CHECK_FALSE(charts.isIdle());
    REQUIRE(spy.wait(15000));
    CHECK(charts.isIdle());
    for (MetricPanel* p : charts.panels())
        if (charts.isOnScreen(p)) CHECK(p->data() != nullptr);
}

TEST_CASE("panels out of view do not fetch until scrolled to", "[ui][charts]") {
    Fixture f(40, {900, 600});
    MetricPanel* last = f.charts.panel("zz/k39");
    REQUIRE(last);
    CHECK_FALSE(f.charts.isOnScreen(last));
    CHECK(last->data() == nullptr);
    int fetched = 0;
    for (MetricPanel* p : f.charts.panels())
        fetched += p->data() != nullptr;
    CHECK(fetched < 20);
    auto* bar = f.charts.findChild<QScrollArea*>()->verticalScrollBar();
    bar->setValue(bar->maximum());
    waitIdle(f.charts);
    CHECK(f.charts.isOnScreen(last));
    CHECK(last->data() != nullptr);
}

TEST_CASE("zooming one panel zooms the others, reads finer data; double-click resets",
          "[ui][charts]") {
    Fixture f;
    MetricPanel* loss = f.charts.panel("train/loss");
    MetricPanel* lr = f.charts.panel("train/lr");
    loss->plot()->xAxis->setRange(100, 150);  // as a wheel or drag does
    waitIdle(f.charts);
    CHECK(loss->data()->x0 == 100);
    CHECK(loss->data()->x1 == 150);
    CHECK(lr->plot()->xAxis->range().lower == 100);
    CHECK(lr->data()->x1 == 150);
    CHECK(lr->data()->y.high < 0.1 / 101 * 1.2);  // fitted to the visible part
    emit loss->plot()->resetRequested();
    waitIdle(f.charts);
    CHECK(loss->data()->x0 == 0);
    CHECK(lr->data()->x1 == kSteps - 1);

    ChartSettings s = f.charts.settings();
    s.syncX = false;
    f.charts.setSettings(s);
    waitIdle(f.charts);
    loss->plot()->xAxis->setRange(10, 20);
    waitIdle(f.charts);
    CHECK(loss->data()->x1 == 20);
    CHECK(lr->data()->x1 == kSteps - 1);
}

TEST_CASE("refresh re-reads what is on screen when the database grows", "[ui][charts]") {
    Fixture f;
    MetricPanel* loss = f.charts.panel("train/loss");
    const qint64 run0 = f.runs.runs[0].id;
    REQUIRE(graphOf(loss, run0, "line")->data()->size() == kSteps);
    {
        auto writer = RunWriter::open(f.path);
        REQUIRE(writer.ok());
        RunInfo info;
        info.uid = "uid-0";
        const RunId id = writer.value()->beginRun(info);
        for (int s = kSteps; s < kSteps + 50; ++s)
            writer.value()->logMetric(id, "train/loss", s, lossAt(0, s), kStart + 2.0 * s + 1);
        REQUIRE(writer.value()->commit().ok());
    }
    f.charts.refresh();
    waitIdle(f.charts);
    CHECK(graphOf(loss, run0, "line")->data()->size() == kSteps + 50);
}

TEST_CASE("hover lists each run's value at x, highest first", "[ui][charts]") {
    Fixture f;
    MetricPanel* loss = f.charts.panel("train/loss");
    emit loss->plot()->hovered(100.2, QPoint(300, 300));
    auto* tooltip = f.charts.findChild<HoverTooltip*>();
    REQUIRE(tooltip);
    CHECK(tooltip->isVisible());
    const QString text = tooltip->text();
    CHECK(text.contains("step 100"));
    // lossAt grows with the run index: run-5 first, run-0 last.
    const auto at = [&](const char* name) { return text.indexOf(QLatin1String(name)); };
    CHECK(at("run-5") >= 0);
    CHECK(at("run-5") < at("run-3"));
    CHECK(at("run-3") < at("run-0"));
    tooltip->grab().save(QString::fromStdString((test::testOutputDir() / "hover.png").string()));
    emit loss->plot()->hoverLeft();
    CHECK_FALSE(tooltip->isVisible());
}

TEST_CASE("many runs are rasterized, with a short legend", "[ui][charts][raster]") {
    test::TempDir dir;
    const std::string path = (dir / "many.runlens").string();
    writeDatabase(path, 0, 100, 120);
    ChartsPanel charts;
    ChartSettings settings;
    settings.smoothing = series::SmoothingMode::None;
    charts.setSettings(settings);
    charts.resize(1200, 900);
    charts.show();
    charts.setDatabase(QString::fromStdString(path));
    charts.setDrawnRuns(drawnRuns(path, false, 120));
    charts.setMetricKeys(keysOf(path));
    charts.refresh();
    waitIdle(charts);
    MetricPanel* loss = charts.panel("train/loss");
    REQUIRE(loss->data());
    CHECK(loss->data()->runs.size() == 120);
    CHECK(countRole(loss, "line") == 0);
    CHECK(loss->plot()->lineRaster()->lineCount() == 120);
    const int legend = countRole(loss, "legend");
    CHECK(legend > 0);
    CHECK(legend <= 24);
    CHECK(countRole(loss, "more") == 1);
    QImage image(400, 200, QImage::Format_ARGB32_Premultiplied);
    loss->plot()->lineRaster()->rasterize(image);
    int painted = 0;
    for (int x = 0; x < image.width(); ++x)
        for (int y = 0; y < image.height(); ++y)
            painted += qAlpha(image.pixel(x, y)) != 0;
    CHECK(painted > 400);
    // Hover reads the runs' values off the data all the same.
    emit loss->plot()->hovered(50.1, QPoint(100, 100));
    auto* tooltip = charts.findChild<HoverTooltip*>();
    REQUIRE(tooltip);
    CHECK(tooltip->text().contains("run-119"));
    CHECK(tooltip->text().contains("more"));
}

TEST_CASE("a screenshot of the charts", "[ui][charts]") {
    Fixture f(0, {1300, 900});
    ChartSettings s = f.charts.settings();
    s.smoothing = series::SmoothingMode::Ema;
    s.strength = 0.8;
    f.charts.setSettings(s);
    waitIdle(f.charts);
    QTest::qWait(50);
    const auto file = test::testOutputDir() / "charts_panel.png";
    REQUIRE(f.charts.grab().save(QString::fromStdString(file.string())));
    f.charts.setDrawnRuns(drawnRuns(f.path, true));
    waitIdle(f.charts);
    QTest::qWait(50);
    const auto grouped = test::testOutputDir() / "charts_panel_grouped.png";
    REQUIRE(f.charts.grab().save(QString::fromStdString(grouped.string())));
}

TEST_CASE("a metric each run logs once is a bar chart of runs, highest first, whatever the zoom",
          "[ui][charts][bars]") {
    test::TempDir dir;
    const std::string path = (dir / "bars.runlens").string();
    writeDatabase(path);
    {
        auto writer = RunWriter::open(path);
        REQUIRE(writer.ok());
        for (int r = 0; r < kRuns; ++r) {
            RunInfo info;
            info.uid = "uid-" + std::to_string(r);
            const RunId id = writer.value()->beginRun(info);
            // run-2 scores highest, run-4 lowest; the values are apart from the steps' range.
            writer.value()->logMetric(id, "final/score", 0,
                                      r == 2   ? 9
                                      : r == 4 ? 1
                                               : 5 + 0.1 * r,
                                      kStart);
        }
        REQUIRE(writer.value()->commit().ok());
    }
    ChartsPanel charts;
    ChartSettings settings;
    settings.smoothing = series::SmoothingMode::None;
    charts.setSettings(settings);
    charts.resize(1200, 900);
    charts.show();
    charts.setDatabase(QString::fromStdString(path));
    const DrawnRuns runs = drawnRuns(path);
    charts.setDrawnRuns(runs);
    charts.setMetricKeys(keysOf(path));
    charts.refresh();
    waitIdle(charts);

    MetricPanel* score = charts.panel("final/score");
    REQUIRE(score);
    CHECK(score->showsBars());
    CHECK_FALSE(charts.panel("train/loss")->showsBars());
    REQUIRE(countRole(score, "bar") >= 1);
    ChartPlot* plot = score->existingPlot();
    // Bar k sits at x = k: the highest value first, run-2, then run-5 (5.5) ... run-4 last.
    std::map<double, double> byX;
    for (int i = 0; i < plot->plottableCount(); ++i)
        if (auto* bars = qobject_cast<QCPBars*>(plot->plottable(i)))
            for (auto it = bars->data()->begin(); it != bars->data()->end(); ++it)
                byX[it->key] = it->value;
    REQUIRE(byX.size() == std::size_t(kRuns));
    CHECK(byX[0] == 9);
    CHECK(byX[1] == Approx(5.5));
    CHECK(byX[double(kRuns - 1)] == 1);
    CHECK(plot->yAxis->range().lower == 0);
    CHECK(plot->legend->visible() == false);

    // Hover names the bar's run.
    emit plot->hovered(0.1, QPoint(300, 300));
    auto* tooltip = charts.findChild<HoverTooltip*>();
    REQUIRE(tooltip);
    CHECK(tooltip->isVisible());
    CHECK(tooltip->text().contains("run-2"));
    emit plot->hoverLeft();

    // Zooming a line chart to steps 100-150 leaves the bars whole.
    charts.panel("train/loss")->plot()->xAxis->setRange(100, 150);
    waitIdle(charts);
    CHECK(score->data()->runs.size() == std::size_t(kRuns));
    CHECK(score->existingPlot()->xAxis->range().upper > kRuns - 1);
    score->grab().save(QString::fromStdString((test::testOutputDir() / "bars.png").string()));
}

TEST_CASE("where a group's shorter runs end, the hover says how many runs the mean is of",
          "[ui][charts]") {
    Fixture f;
    {  // run-0 (group "even", with run-2 and run-4) goes on 100 steps longer than the others
        auto writer = RunWriter::open(f.path);
        REQUIRE(writer.ok());
        RunInfo info;
        info.uid = "uid-0";
        const RunId id = writer.value()->beginRun(info);
        for (int s = kSteps; s < kSteps + 100; ++s)
            writer.value()->logMetric(id, "train/loss", s, lossAt(0, s), kStart + 2.0 * s + 1);
        REQUIRE(writer.value()->commit().ok());
    }
    f.charts.setMetricKeys(keysOf(f.path));
    f.charts.setDrawnRuns(drawnRuns(f.path, true));
    f.charts.refresh();
    waitIdle(f.charts);
    MetricPanel* loss = f.charts.panel("train/loss");
    QCPGraph* changes = graphOf(loss, -1, "count", 0);
    REQUIRE(changes);  // a circle where "even" drops from 3 runs to 1
    CHECK(changes->data()->size() == 1);
    CHECK(changes->data()->at(0)->key == Approx(kSteps).margin(2));
    CHECK_FALSE(graphOf(loss, -1, "count", 1));  // "odd" ends where it began: all 3 throughout

    auto* tooltip = f.charts.findChild<HoverTooltip*>();
    emit loss->existingPlot()->hovered(kSteps + 50, QPoint(300, 300));
    REQUIRE(tooltip);
    CHECK(tooltip->text().contains("even (1 of 3 runs here)"));
    emit loss->existingPlot()->hovered(100, QPoint(300, 300));
    CHECK(tooltip->text().contains("even (3)"));
    CHECK(tooltip->text().contains("odd (3)"));
}

TEST_CASE("a metric with a defined step metric is drawn against it and zooms on its own",
          "[ui][charts][step_metric]") {
    Fixture f;
    // val/loss is defined against train/lr (any logged key does): its x is lr, not the step.
    f.charts.setStepMetrics({{"val/loss", "train/lr"}, {"val/acc", "no/such/key"}});
    waitIdle(f.charts);
    MetricPanel* val = f.charts.panel("val/loss");
    MetricPanel* acc = f.charts.panel("val/acc");
    CHECK(f.charts.stepMetricOf(val) == "train/lr");
    CHECK(f.charts.stepMetricOf(acc).isEmpty());  // unknown key: plotted against the step
    CHECK(val->context().settings.xAxis == series::XAxis::Key);
    CHECK(val->existingPlot()->xAxis->label() == "train/lr");
    CHECK(val->data()->dataX1 <= 0.1 + 1e-12);  // lr values, all <= 0.1
    CHECK(acc->data()->dataX1 == kSteps - 10);

    // Zooming a step chart leaves it whole; zooming it leaves the step charts.
    f.charts.panel("train/loss")->plot()->xAxis->setRange(100, 150);
    waitIdle(f.charts);
    CHECK(acc->data()->x1 == 150);
    CHECK(val->data()->x1 == Approx(val->data()->dataX1));
    val->plot()->xAxis->setRange(0.001, 0.01);
    waitIdle(f.charts);
    CHECK(val->data()->x1 == Approx(0.01));
    CHECK(acc->data()->x1 == 150);

    // Another x axis chosen by the user applies to every panel.
    ChartSettings s = f.charts.settings();
    s.xAxis = series::XAxis::RelativeTime;
    f.charts.setSettings(s);
    waitIdle(f.charts);
    CHECK(f.charts.stepMetricOf(val).isEmpty());
    CHECK(val->context().settings.xAxis == series::XAxis::RelativeTime);
}

TEST_CASE("a selected run's line lies above the faded ones (#17)", "[ui][charts]") {
    Fixture f;
    MetricPanel* loss = f.charts.panel("train/loss");
    auto lineIndex = [&](qint64 runId) {
        QCustomPlot* plot = loss->existingPlot();
        for (int i = 0; plot && i < plot->plottableCount(); ++i)
            if (plot->plottable(i)->property(kRoleProperty).toString() == "line" &&
                plot->plottable(i)->property("runId").toLongLong() == runId)
                return i;
        return -1;
    };
    const qint64 first = f.runs.runs.front().id, last = f.runs.runs.back().id;
    CHECK(lineIndex(first) > lineIndex(last));  // the table's first run on top
    DrawnRuns selected = f.runs;                // select the last run: the others fade
    for (std::size_t i = 0; i + 1 < selected.runs.size(); ++i)
        selected.runs[i].faded = true;
    f.charts.setDrawnRuns(selected);
    waitIdle(f.charts);
    CHECK(lineIndex(last) > lineIndex(first));
}
