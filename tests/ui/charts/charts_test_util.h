// Helpers for chart tests over a small database: the runs to draw and a ChartsPanel opened on it.
#pragma once

#include <QTest>
#include <catch2/catch.hpp>
#include <string>

#include "core/store/run_store.h"
#include "ui/plots/charts_panel.h"

namespace runlens::test {

using ui::ChartSettings;
using ui::ChartsPanel;
using ui::DrawnRun;
using ui::DrawnRuns;

/// Every run of the database, in its order, all drawn in one colour unless `colors` says.
inline DrawnRuns drawnRunsOf(const std::string& path, const std::vector<QColor>& colors = {}) {
    auto store = RunStore::open(path);
    REQUIRE(store.ok());
    DrawnRuns out;
    for (const RunInfo& run : store->readRuns().value().runs) {
        DrawnRun d;
        d.id = run.id;
        d.uid = QString::fromStdString(run.uid);
        d.name = QString::fromStdString(run.name);
        d.color = colors.empty() ? QColor(31, 119, 180) : colors[out.runs.size() % colors.size()];
        d.startTime = run.startTime;
        out.runs.push_back(d);
    }
    return out;
}

inline void waitIdle(const ChartsPanel& charts) {
    for (int i = 0; i < 1500 && !charts.isIdle(); ++i)
        QTest::qWait(10);
    REQUIRE(charts.isIdle());
}

/// Shows `charts` on the database with these settings and waits until it has drawn.
inline void openCharts(ChartsPanel& charts, const std::string& path, const ChartSettings& settings,
                       const DrawnRuns& runs, QSize size = {900, 600}) {
    charts.setSettings(settings);
    charts.resize(size);
    charts.show();
    charts.setDatabase(QString::fromStdString(path));
    charts.setDrawnRuns(runs);
    auto store = RunStore::open(path);
    REQUIRE(store.ok());
    charts.setMetricKeys(store->readMetricKeys().value());
    charts.refresh();
    waitIdle(charts);
}

}  // namespace runlens::test
