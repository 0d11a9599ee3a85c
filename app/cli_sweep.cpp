// `runlens sweep`: the target is --metric, else the metric of the source's largest sweep; the
// runs are that sweep's (or every run when the metric is given and there is no sweep).
#include "app/cli_sweep.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <cstdio>
#include <map>

#include "app/cli_source.h"
#include "core/analysis/parameter_importance.h"
#include "core/analysis/sweep_axes.h"

namespace runlens::cli {
namespace {

struct Options {
    QString path;
    QString metric;
    QString goal;  ///< "min", "max" or empty (the sweep's own)
    bool json = false;
};

void printUsage() {
    std::fprintf(stderr,
                 "usage: runlens sweep PATH [--metric KEY] [--goal min|max] [--json]\n"
                 "  PATH      a source holding sweep runs (W&B sweep folders, MLflow parents, any\n"
                 "            runs that vary their config)\n"
                 "  --metric  the target summary key (default: the sweep's own metric)\n"
                 "  --goal    whether lower or higher is better (default: the sweep's goal)\n"
                 "  --json    machine-readable output\n");
}

QJsonValue numberJson(double v) {
    return std::isfinite(v) ? QJsonValue(v) : QJsonValue(QJsonValue::Null);
}

// The largest sweep with a metric, and its runs' rows.
const Sweep* largestSweep(const std::vector<Sweep>& sweeps, const RunsSnapshot& snap) {
    std::map<std::string, int> runs;
    for (const RunInfo& r : snap.runs)
        if (!r.deleted && !r.sweepUid.empty()) ++runs[r.sweepUid];
    const Sweep* best = nullptr;
    for (const Sweep& s : sweeps)
        if (!s.metric.empty() && (!best || runs[s.uid] > runs[best->uid])) best = &s;
    return best;
}

}  // namespace

int runSweep(const QStringList& args) {
    Options o;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == "--json")
            o.json = true;
        else if (a == "--metric" && i + 1 < args.size())
            o.metric = args[++i];
        else if (a == "--goal" && i + 1 < args.size())
            o.goal = args[++i];
        else if (a == "-h" || a == "--help") {
            printUsage();
            return 0;
        } else if (a.startsWith("-") || !o.path.isEmpty()) {
            printUsage();
            return 2;
        } else {
            o.path = a;
        }
    }
    if (o.path.isEmpty() || (!o.goal.isEmpty() && o.goal != "min" && o.goal != "max")) {
        printUsage();
        return 2;
    }
    auto opened = openSource("sweep", o.path);
    if (!opened) return 1;
    auto snap = opened->store.readRuns();
    auto sweeps = opened->store.readSweeps();
    if (!snap.ok() || !sweeps.ok()) {
        std::fprintf(stderr, "runlens sweep: %s\n",
                     (!snap.ok() ? snap.error() : sweeps.error()).toString().c_str());
        return 1;
    }
    const Sweep* sweep = largestSweep(sweeps.value(), snap.value());
    std::string metric = o.metric.toStdString();
    if (metric.empty() && sweep) metric = sweep->metric;
    if (metric.empty()) {
        std::fprintf(stderr,
                     "runlens sweep: this source has no sweep with a metric; choose the target "
                     "with --metric KEY\n");
        return 1;
    }
    std::string goal = o.goal.toStdString();
    if (goal.empty() && sweep)
        goal = sweep->goal == MetricGoal::Minimize   ? "min"
               : sweep->goal == MetricGoal::Maximize ? "max"
                                                     : "";
    const ValueColumn* target = snap->findSummary(metric);
    if (!target) {
        std::fprintf(stderr, "runlens sweep: no run has the summary metric '%s'\n", metric.c_str());
        return 1;
    }
    // The sweep's runs when it is the sweep's metric, else every run that is not deleted; of
    // those, the ones with the target.
    const bool sweepRuns = sweep && metric == sweep->metric;
    std::vector<int> rows;
    for (std::size_t r = 0; r < snap->runs.size(); ++r) {
        const RunInfo& run = snap->runs[r];
        if (!run.deleted && (!sweepRuns || run.sweepUid == sweep->uid) && target->has(r))
            rows.push_back(int(r));  // a run without the target says nothing about parameters
    }
    std::vector<double> values;
    for (int r : rows)
        values.push_back(target->has(std::size_t(r)) ? target->number(std::size_t(r))
                                                     : std::nan(""));
    const auto axes = analysis::varyingParameterAxes(
        snap.value(), rows, sweepRuns ? sweep : nullptr, analysis::defaultMinPresent(rows.size()));
    auto result = analysis::parameterImportance(axes, values);

    QJsonObject report{{"metric", QString::fromStdString(metric)},
                       {"goal", QString::fromStdString(goal)},
                       {"sweep", sweepRuns ? QString::fromStdString(sweep->uid) : QString()},
                       {"runs", qint64(rows.size())}};
    QJsonArray params;
    std::vector<analysis::ParameterImportance> ranked;
    if (result.ok()) {
        ranked = result->parameters;
        report["runs_with_metric"] = qint64(result->runs);
    } else {
        report["message"] = QString::fromStdString(result.error().message);
        for (const analysis::SweepAxis& a : axes)  // correlations still say something
            ranked.push_back({a.key,
                              a.kind == analysis::SweepAxis::Kind::Numeric
                                  ? analysis::spearman(a.positions, values)
                                  : std::nan(""),
                              std::nan(""), std::int64_t(a.positions.size()) - a.missing});
    }
    for (const analysis::ParameterImportance& p : ranked)
        params.append(QJsonObject{{"key", QString::fromStdString(p.key)},
                                  {"importance", numberJson(p.importance)},
                                  {"spearman", numberJson(p.spearman)},
                                  {"runs", qint64(p.runs)}});
    report["parameters"] = params;
    if (o.json) {
        std::printf("%s", QJsonDocument(report).toJson(QJsonDocument::Indented).constData());
        return 0;
    }
    std::printf("target: %s%s over %zu runs%s\n", metric.c_str(),
                goal.empty() ? "" : (" (" + goal + ")").c_str(), rows.size(),
                sweepRuns ? (" of sweep " + sweep->uid).c_str() : "");
    if (!result.ok()) std::printf("%s\n", result.error().message.c_str());
    std::printf("%-32s %10s %9s %6s\n", "parameter", "importance", "spearman", "runs");
    for (const analysis::ParameterImportance& p : ranked) {
        const auto cell = [](double v, const char* format) {
            char buffer[32];
            if (!std::isfinite(v)) return std::string("—");
            std::snprintf(buffer, sizeof buffer, format, v);
            return std::string(buffer);
        };
        std::printf("%-32s %10s %9s %6lld\n", p.key.c_str(), cell(p.importance, "%.3f").c_str(),
                    cell(p.spearman, "%+.2f").c_str(), static_cast<long long>(p.runs));
    }
    return 0;
}

}  // namespace runlens::cli
