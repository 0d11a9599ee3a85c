// ChartContext: groups numbered in table order; the request mirrors the settings.
#include "ui/plots/chart_context.h"

#include <QHash>

namespace runlens::ui {

QString ChartContext::runName(std::size_t index) const {
    return runs && index < runs->runs.size() ? runs->runs[index].name : QString();
}

QColor ChartContext::runColor(std::size_t index) const {
    return runs && index < runs->runs.size() ? runs->runs[index].color : QColor(Qt::gray);
}

bool ChartContext::runFaded(std::size_t index) const {
    return runs && index < runs->runs.size() && runs->runs[index].faded;
}

ChartContext makeChartContext(std::shared_ptr<const DrawnRuns> runs, const ChartSettings& settings,
                              std::int64_t xKeyId) {
    ChartContext c;
    c.runs = runs ? std::move(runs) : std::make_shared<const DrawnRuns>();
    c.settings = settings;
    series::ChartRequest& r = c.request;
    r.xAxis = settings.xAxis;
    r.xKeyId = settings.xAxis == series::XAxis::Key ? xKeyId : 0;
    r.smoothing = settings.smoothing;
    r.strength = settings.strength;
    r.yScale = settings.logY ? series::AxisScale::Log : series::AxisScale::Linear;
    r.ignoreOutliers = settings.ignoreOutliers;
    r.band = settings.band;
    QHash<QString, int> groups;
    r.runs.reserve(c.runs->runs.size());
    for (const DrawnRun& run : c.runs->runs) {
        int group = -1;
        if (c.runs->grouped) {
            auto it = groups.find(run.group);
            if (it == groups.end()) {
                it = groups.insert(run.group, int(c.groupNames.size()));
                c.groupNames.push_back(run.group);
                c.groupColors.push_back(run.groupColor.isValid() ? run.groupColor : run.color);
                c.groupSizes.push_back(0);
            }
            group = it.value();
            ++c.groupSizes[std::size_t(group)];
        }
        r.runs.push_back({run.id, group, run.startTime});
    }
    r.groupCount = int(c.groupNames.size());
    return c;
}

bool sameData(const DrawnRuns& a, const DrawnRuns& b) {
    if (a.grouped != b.grouped || a.runs.size() != b.runs.size()) return false;
    for (std::size_t i = 0; i < a.runs.size(); ++i) {
        const DrawnRun& x = a.runs[i];
        const DrawnRun& y = b.runs[i];
        const bool sameStart =
            x.startTime == y.startTime || (std::isnan(x.startTime) && std::isnan(y.startTime));
        if (x.id != y.id || x.group != y.group || !sameStart) return false;
    }
    return true;
}

bool sameLooks(const DrawnRuns& a, const DrawnRuns& b) {
    if (!sameData(a, b)) return false;
    for (std::size_t i = 0; i < a.runs.size(); ++i) {
        const DrawnRun& x = a.runs[i];
        const DrawnRun& y = b.runs[i];
        if (x.color != y.color || x.name != y.name || x.groupColor != y.groupColor ||
            x.faded != y.faded)
            return false;
    }
    return true;
}

}  // namespace runlens::ui
