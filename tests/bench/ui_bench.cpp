// ui_bench: times the window and the charts on the synthetic database (1,000 runs x 10 metrics x
// 10,000 steps, plus one run with a 10^7-point series), offscreen. Prints "scenario metric value
// unit" lines; wall times come with the process CPU time, since the machine may be shared.
#include <sys/resource.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include "core/series/chart_data.h"
#include "core/series/series_cache.h"
#include "core/store/run_store.h"
#include "ui/main_window.h"
#include "ui/plots/chart_context.h"
#include "ui/plots/chart_plot.h"
#include "ui/plots/chart_renderer.h"
#include "ui/plots/chart_settings.h"
#include "ui/plots/charts_panel.h"
#include "ui/plots/metric_panel.h"
#include "ui/widgets/runs_panel.h"

using namespace runlens;
using namespace runlens::ui;

namespace {

// A wide panel (1,200 data columns); the panels of the window at 1600x1000 are measured too.
constexpr int kPanelWidth = 1200;
constexpr int kPanelHeight = 420;

double cpuMs() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 +
           (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

void print(const std::string& scenario, const char* metric, double value, const char* unit) {
    std::printf("%s %s %.6g %s\n", scenario.c_str(), metric, value, unit);
    std::fflush(stdout);
}

// Wall and CPU time of `work`.
struct Timing {
    double wallMs = 0;
    double cpuMs = 0;
};
Timing timed(const std::function<void()>& work) {
    const double c0 = cpuMs();
    const auto t0 = std::chrono::steady_clock::now();
    work();
    const auto t1 = std::chrono::steady_clock::now();
    return {std::chrono::duration<double, std::milli>(t1 - t0).count(), cpuMs() - c0};
}

void printTiming(const std::string& scenario, const Timing& t) {
    print(scenario, "wall_ms", t.wallMs, "ms");
    print(scenario, "cpu_ms", t.cpuMs, "ms");
}

// Runs the event loop until `done` or the timeout.
bool waitFor(const std::function<bool()>& done, int timeoutMs) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs) return false;
        QEventLoop loop;
        QTimer::singleShot(2, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

bool generate(const QString& path) {
    const QString generator = QCoreApplication::applicationDirPath() + "/runlens_bench";
    std::fprintf(stderr, "generating %s with %s (takes a while)...\n", qPrintable(path),
                 qPrintable(generator));
    QProcess p;
    p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    p.start(generator, {"--runs", "1000", "--steps", "10000", "--big-points", "10000000",
                        "--output", path, "--keep"});
    if (!p.waitForFinished(-1) || p.exitCode() != 0) {
        std::fprintf(stderr, "ui_bench: generating the database failed\n");
        return false;
    }
    return true;
}

// The stages of one panel measurement, each a Timing.
struct PanelTimings {
    Timing raster, build, paint, compute, draw, total, preview, zoomExact;
    std::int64_t pointsDecoded = 0, chunksDecoded = 0, chunksTotal = 0;
    std::int64_t zoomChunksDecoded = 0, zoomCacheHits = 0;
};

// Times computing (core) and drawing (QCustomPlot) one chart, then a zoom step on it. A fresh
// series cache each time, as a window opening the chart for the first time has.
PanelTimings measurePanel(const RunStore& store, ChartContext context, std::int64_t keyId,
                          QSize plotSize) {
    PanelTimings t;
    series::SeriesCache cache;  // as the window's fetcher keeps one
    context.request.keyId = keyId;
    ChartPlot plot;
    plot.resize(plotSize);
    plot.show();
    context.request.width = plot.dataWidthPixels();
    context.request.threads = QThread::idealThreadCount();  // as the window's fetcher does
    std::shared_ptr<const series::ChartData> shared;
    t.compute = timed([&] {
        auto r = series::computeChart(store, context.request, nullptr, &cache);
        if (!r.ok()) std::fprintf(stderr, "%s\n", r.error().toString().c_str());
        shared = std::make_shared<const series::ChartData>(std::move(r.value()));
    });
    const series::ChartData& data = *shared;
    // As the window's fetcher: charts of many runs are rasterized on the worker, on every core;
    // the UI thread then only lays out the plot and blits the image.
    // (Laid out with its legend first, as a panel already showing a chart is.)
    renderChart(plot, shared, context, QCPRange(data.x0, data.x1));
    plot.layoutNow();
    std::shared_ptr<const LineRaster::Image> image;
    t.raster = timed([&] {
        image = prerenderRaster(data, context, plot.dataAreaPixels(), context.request.threads);
    });
    t.build = timed([&] { renderChart(plot, shared, context, QCPRange(data.x0, data.x1), image); });
    t.paint = timed([&] { plot.replot(QCustomPlot::rpImmediateRefresh); });
    t.draw = {t.build.wallMs + t.paint.wallMs, t.build.cpuMs + t.paint.cpuMs};
    t.total = {t.compute.wallMs + t.raster.wallMs + t.draw.wallMs,
               t.compute.cpuMs + t.raster.cpuMs + t.draw.cpuMs};
    t.pointsDecoded = data.stats.pointsDecoded;
    t.chunksDecoded = data.stats.chunksDecoded;
    t.chunksTotal = data.stats.chunksTotal;

    // A wheel step zooming in by 20% around the middle: at once with the data at hand, then
    // with the finer data for the new range.
    const double span = data.x1 - data.x0;
    const double x0 = data.x0 + 0.1 * span, x1 = data.x1 - 0.1 * span;
    t.preview = timed([&] {
        plot.setXRange(QCPRange(x0, x1));
        plot.replot(QCustomPlot::rpImmediateRefresh);
    });
    context.request.x0 = x0;
    context.request.x1 = x1;
    std::shared_ptr<const series::ChartData> zoomedData;
    t.zoomExact = timed([&] {
        zoomedData = std::make_shared<const series::ChartData>(
            std::move(series::computeChart(store, context.request, nullptr, &cache).value()));
        const auto zoomedImage =
            prerenderRaster(*zoomedData, context, plot.dataAreaPixels(), context.request.threads);
        renderChart(plot, zoomedData, context, QCPRange(x0, x1), zoomedImage);
        plot.replot(QCustomPlot::rpImmediateRefresh);
    });
    t.zoomChunksDecoded = zoomedData->stats.chunksDecoded;
    t.zoomCacheHits = zoomedData->stats.cacheHits;
    return t;
}

// The median of each stage over the repetitions (the machine may be shared; one slow run says
// little), with the fastest and slowest total.
void benchPanel(const std::string& name, const RunStore& store, const ChartContext& context,
                std::int64_t keyId, int repeat, QSize plotSize) {
    std::vector<PanelTimings> runs;
    for (int k = 0; k < repeat; ++k)
        runs.push_back(measurePanel(store, context, keyId, plotSize));
    auto median = [&](Timing PanelTimings::*stage) {
        std::vector<double> wall, cpu;
        for (const PanelTimings& t : runs) {
            wall.push_back((t.*stage).wallMs);
            cpu.push_back((t.*stage).cpuMs);
        }
        std::sort(wall.begin(), wall.end());
        std::sort(cpu.begin(), cpu.end());
        return Timing{wall[wall.size() / 2], cpu[cpu.size() / 2]};
    };
    printTiming(name + "-raster", median(&PanelTimings::raster));
    printTiming(name + "-draw-build", median(&PanelTimings::build));
    printTiming(name + "-draw-paint", median(&PanelTimings::paint));
    printTiming(name + "-compute", median(&PanelTimings::compute));
    printTiming(name + "-draw", median(&PanelTimings::draw));
    printTiming(name + "-total", median(&PanelTimings::total));
    double fastest = runs.front().total.wallMs, slowest = fastest;
    for (const PanelTimings& t : runs) {
        fastest = std::min(fastest, t.total.wallMs);
        slowest = std::max(slowest, t.total.wallMs);
    }
    print(name + "-total", "fastest_wall_ms", fastest, "ms");
    print(name + "-total", "slowest_wall_ms", slowest, "ms");
    const PanelTimings& last = runs.back();
    print(name, "points_decoded", double(last.pointsDecoded), "points");
    print(name, "chunks_decoded", double(last.chunksDecoded), "chunks");
    print(name, "chunks_total", double(last.chunksTotal), "chunks");
    printTiming(name + "-zoom-preview", median(&PanelTimings::preview));
    printTiming(name + "-zoom-exact", median(&PanelTimings::zoomExact));
    print(name + "-zoom-exact", "chunks_decoded", double(last.zoomChunksDecoded), "chunks");
    print(name + "-zoom-exact", "cache_hits", double(last.zoomCacheHits), "series");
}

}  // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName("runlens-ui-bench");
    QTemporaryDir settingsDir;  // the window's remembered state must not leak in
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());

    QString database = "/tmp/runlens-ui-bench.runlens";
    bool window = true;
    int repeat = 3;
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "--database" && i + 1 < argc) {
            database = QString::fromLocal8Bit(argv[++i]);
        } else if (QByteArray(argv[i]) == "--panels-only") {
            window = false;
        } else if (QByteArray(argv[i]) == "--repeat" && i + 1 < argc) {
            repeat = std::max(1, std::atoi(argv[++i]));
        } else {
            std::printf(
                "usage: ui_bench [--database PATH] [--panels-only] [--repeat N]\n"
                "PATH is generated with runlens_bench when it does not exist. Each panel is\n"
                "measured N times (default 3) and the median of each stage printed.\n");
            return 2;
        }
    }
    if (!QFileInfo::exists(database) && !generate(database)) return 1;

    // The plot of a panel as the window lays it out (measured below when the window is opened;
    // else a Medium panel's size).
    QSize windowPlot = panelSizeOf(PanelSize::Medium);
    // Open the window: runs table, then the first charts.
    if (window) {
        MainWindow window;
        window.setQuietErrors(true);
        window.resize(1600, 1000);
        window.show();
        bool loaded = false;
        QObject::connect(&window, &MainWindow::sourceLoaded, [&] { loaded = true; });
        const double c0 = cpuMs();
        QElapsedTimer clock;
        clock.start();
        window.openPath(database);
        if (!waitFor([&] { return loaded; }, 120000)) {
            std::fprintf(stderr, "ui_bench: the database did not open\n");
            return 1;
        }
        print("open-window-runs-table", "wall_ms", double(clock.elapsed()), "ms");
        print("open-window-runs-table", "cpu_ms", cpuMs() - c0, "ms");
        print("open-window-runs-table", "runs", window.runsPanel()->totalCount(), "runs");
        // The first panel in view drawn: what the user sees first (the others follow).
        const auto firstDrawn = [&] {
            const auto panels = window.chartsPanel()->panels();
            return !panels.isEmpty() && panels.front()->data() != nullptr;
        };
        if (waitFor(firstDrawn, 600000)) {
            print("open-window-first-panel", "wall_ms", double(clock.elapsed()), "ms");
            print("open-window-first-panel", "cpu_ms", cpuMs() - c0, "ms");
        }
        // Every panel in view drawn: what "the first charts" are (panels just below the view
        // are read ahead of scrolling, and counted in the next figure).
        const auto inViewDrawn = [&] {
            int inView = 0;
            for (MetricPanel* p : window.chartsPanel()->panels()) {
                if (!window.chartsPanel()->isInView(p)) continue;
                ++inView;
                if (p->data() == nullptr) return false;
            }
            return inView > 0;
        };
        if (waitFor(inViewDrawn, 600000)) {
            print("open-window-charts-in-view", "wall_ms", double(clock.elapsed()), "ms");
            print("open-window-charts-in-view", "cpu_ms", cpuMs() - c0, "ms");
            int inView = 0;
            for (MetricPanel* p : window.chartsPanel()->panels())
                inView += window.chartsPanel()->isInView(p);
            print("open-window-charts-in-view", "panels", inView, "panels");
        }
        if (!waitFor([&] { return window.chartsPanel()->isIdle(); }, 600000)) {
            std::fprintf(stderr, "ui_bench: the charts did not settle\n");
            return 1;
        }
        print("open-window-first-charts", "wall_ms", double(clock.elapsed()), "ms");
        print("open-window-first-charts", "cpu_ms", cpuMs() - c0, "ms");
        int drawn = 0;
        for (auto* p : window.chartsPanel()->panels())
            drawn += window.chartsPanel()->isOnScreen(p);
        print("open-window-first-charts", "panels_on_screen", drawn, "panels");
        for (MetricPanel* p : window.chartsPanel()->panels())
            if (p->hasPlot() && p->data()) windowPlot = p->plot()->size();  // with those ahead
    }

    auto store = RunStore::open(database.toStdString());
    if (!store.ok()) {
        std::fprintf(stderr, "%s\n", store.error().toString().c_str());
        return 1;
    }
    const auto snapshot = store->readRuns().value();
    std::int64_t metricKey = 0, bigKey = 0;
    const auto keys = store->readMetricKeys().value();
    for (const MetricKeyInfo& k : keys) {
        if (k.name == "train/metric_0") metricKey = k.id;
        if (k.name == "big/loss") bigKey = k.id;
    }
    auto all = std::make_shared<DrawnRuns>();
    auto big = std::make_shared<DrawnRuns>();
    for (const RunInfo& run : snapshot.runs) {
        DrawnRun d;
        d.id = run.id;
        d.name = QString::fromStdString(run.name);
        d.color = QColor::fromHsv(int(run.id * 37 % 360), 200, 200);
        d.startTime = run.startTime;
        (run.uid == "bench-big" ? big : all)->runs.push_back(d);
    }
    ChartPlot probe;
    const QSize widePlot(kPanelWidth + probe.axisMargins().left() + probe.axisMargins().right(),
                         kPanelHeight);
    for (bool smoothing : {false, true}) {
        ChartSettings settings;
        settings.smoothing = smoothing ? series::SmoothingMode::Ema : series::SmoothingMode::None;
        const std::string suffix = smoothing ? "-ema" : "-raw";
        if (metricKey) {
            benchPanel("panel-1000-runs" + suffix, store.value(),
                       makeChartContext(all, settings, 0), metricKey, repeat, widePlot);
            benchPanel("panel-1000-runs-window-size" + suffix, store.value(),
                       makeChartContext(all, settings, 0), metricKey, repeat, windowPlot);
        }
        if (bigKey)
            benchPanel("panel-10m-points" + suffix, store.value(),
                       makeChartContext(big, settings, 0), bigKey, repeat, widePlot);
    }

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    print("process", "peak_rss", usage.ru_maxrss / 1024.0, "MiB");
    return 0;
}
