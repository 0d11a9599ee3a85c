// sweep_view_bench: the parallel coordinates at 10,000 runs x 20 parameters (+ the target),
// offscreen: first draw, one brush drag step, a hover lookup. Prints "scenario metric value
// unit" lines. Not a test. sweep_view_bench [RUNS [BRUSHED.png]].
#include <QApplication>
#include <QElapsedTimer>
#include <cmath>
#include <cstdio>
#include <random>

#include "ui/sweep/parallel_coordinates.h"

using namespace runlens;

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const std::size_t runs = argc > 1 ? std::size_t(std::max(1L, std::atol(argv[1]))) : 10000;
    constexpr int kParameters = 20;
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<analysis::SweepAxis> axes(kParameters + 1);
    for (int p = 0; p <= kParameters; ++p) {
        analysis::SweepAxis& a = axes[std::size_t(p)];
        a.key = p == kParameters ? "val/acc" : "p" + std::to_string(p);
        a.isMetric = p == kParameters;
        a.min = 0;
        a.max = 1;
        a.positions.resize(runs);
        for (double& v : a.positions)
            v = unit(rng);
    }
    std::vector<RunId> ids(runs);
    for (std::size_t i = 0; i < runs; ++i)
        ids[i] = RunId(i + 1);
    ui::ParallelCoordinates view;
    view.resize(1400, 700);
    view.show();
    app.processEvents();
    auto ms = [](const QElapsedTimer& t) { return double(t.nsecsElapsed()) / 1e6; };
    QElapsedTimer t;
    t.start();
    view.setData(axes, ids, false);
    std::printf("sweep-lines-rendered wall_ms %.1f ms\n", ms(t));
    view.repaint();
    std::printf("sweep-first-draw wall_ms %.1f ms\n", ms(t));
    // A drag step: the brush on one axis changes and everything is drawn again.
    std::vector<double> steps;
    for (int k = 0; k < 5; ++k) {
        t.restart();
        view.brushAxis(0, 0.2 + 0.01 * k, 0.6);
        view.repaint();
        steps.push_back(ms(t));
        view.clearBrush();
    }
    std::sort(steps.begin(), steps.end());
    std::printf("sweep-brush-step wall_ms %.1f ms\n", steps[2]);
    if (argc > 2) {  // a picture of a brushed view, to look at
        view.brushAxis(0, 0.2, 0.6);
        view.grab().save(argv[2]);
        view.clearBrush();
    }
    t.restart();
    for (int k = 0; k < 20; ++k)
        (void)view.runAt(QPointF(300 + k, 350));
    std::printf("sweep-hover wall_ms %.3f ms\n", ms(t) / 20);
    std::printf("sweep-runs runs %zu runs\n", runs);
    return 0;
}
