// `runlens info`: opens any supported source (importing foreign formats into the cache first)
// and prints counts as text, or as the stable JSON documented in README.md.
#include "app/cli_info.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "app/cli_source.h"
#include "core/importers/source_opener.h"
#include "core/store/run_store.h"

namespace runlens::cli {
namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// JSON has no NaN or infinity: they are written as the strings W&B and Python use.
QJsonValue numberJson(double v) {
    if (std::isnan(v)) return QStringLiteral("NaN");
    if (std::isinf(v)) return v > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    return v;
}

QJsonValue valueJson(const Value& v) {
    switch (v.type()) {
        case ValueType::Null:
            return QJsonValue::Null;
        case ValueType::Number:
            return numberJson(v.toNumber());
        case ValueType::Bool:
            return v.toBool();
        case ValueType::String:
            return qs(v.text());
        case ValueType::Json: {
            QJsonParseError error;
            auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(v.text()), &error);
            if (error.error != QJsonParseError::NoError) return qs(v.text());
            return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        }
    }
    return QJsonValue::Null;
}

// The sources the runs came from: a workspace's list, or the one source opened.
QJsonArray sourcesJson(const RunsSnapshot& snap, const SourcePlan& plan) {
    QJsonArray list;
    if (snap.sources.empty()) {
        list.append(QJsonObject{{"format", qs(plan.format)},
                                {"path", qs(plan.source.string())},
                                {"runs", qint64(snap.runs.size())}});
        return list;
    }
    std::map<std::string, qint64> runs;
    for (const RunInfo& r : snap.runs)
        ++runs[r.sourceRoot];
    for (const WorkspaceSource& s : snap.sources) {
        if (s.removed || s.superseded) continue;
        QJsonObject o{{"format", qs(s.format)}, {"path", qs(s.path)}, {"runs", runs[s.path]}};
        if (s.missing) o["missing"] = true;
        if (s.added) o["added"] = true;
        if (!s.error.empty()) o["error"] = qs(s.error);
        list.append(o);
    }
    return list;
}

struct Options {
    QString path;
    QString stepColumn;
    bool json = false;
    bool runs = false;
};

void printUsage() {
    std::fprintf(
        stderr,
        "usage: runlens info PATH [--json] [--runs] [--step-column NAME]\n"
        "  PATH    a Runlens database, a W&B folder, run folder or .wandb file, an MLflow\n"
        "          store (mlruns/ or mlflow.db), a TensorBoard log folder or CSV logs\n"
        "  --json  machine-readable output (documented in README.md)\n"
        "  --runs  one entry per run: config, summary, and per metric its points and last value\n"
        "  --step-column NAME  for a plain CSV: the column holding steps (#row: row numbers)\n");
}

QJsonObject buildReport(const SourcePlan& plan, const RunStore& store, bool withRuns,
                        QString& error) {
    QJsonObject report;
    report["path"] = qs(plan.source.string());
    report["format"] = qs(plan.format);
    report["database"] = qs(plan.databasePath);
    auto snap = store.readRuns();
    auto keys = store.readMetricKeys();
    auto series = store.readSeriesInfos();
    auto tables = store.readTableInfos();
    auto sweeps = store.readSweeps();
    auto artifacts = store.readArtifacts();
    auto media = store.readMediaKeys();
    for (const Error* e :
         {snap.ok() ? nullptr : &snap.error(), keys.ok() ? nullptr : &keys.error(),
          series.ok() ? nullptr : &series.error(), tables.ok() ? nullptr : &tables.error(),
          sweeps.ok() ? nullptr : &sweeps.error(), artifacts.ok() ? nullptr : &artifacts.error(),
          media.ok() ? nullptr : &media.error()}) {
        if (e) {
            error = qs(e->toString());
            return {};
        }
    }
    // Deleted runs (MLflow's lifecycle) are hidden by default, so they are counted apart (#17).
    const auto deleted = qint64(std::count_if(snap->runs.begin(), snap->runs.end(),
                                              [](const RunInfo& r) { return r.deleted; }));
    report["runs"] = qint64(snap->runs.size()) - deleted;
    report["deleted"] = deleted;
    report["sources"] = sourcesJson(snap.value(), plan);
    if (!plan.scanStopped.empty()) report["scan_stopped"] = qs(plan.scanStopped);
    QJsonObject metrics, systemMetrics;
    for (const MetricKeyInfo& k : keys.value())
        (k.kind == MetricKind::System ? systemMetrics : metrics)[qs(k.name)] = qint64(k.pointCount);
    report["metrics"] = metrics;
    report["system_metrics"] = systemMetrics;
    QJsonObject mediaKeys;  // images at steps: key -> {images, steps, runs}
    for (const MediaKeyInfo& k : media.value())
        mediaKeys[qs(k.key)] = QJsonObject{{"images", qint64(k.images)},
                                           {"steps", qint64(k.steps.size())},
                                           {"runs", qint64(k.runs)}};
    report["media"] = mediaKeys;

    std::map<RunId, const RunInfo*> runById;
    for (const RunInfo& r : snap->runs)
        runById[r.id] = &r;
    QJsonArray tableList;
    for (const TableInfo& t : tables.value()) {
        QJsonObject o;
        const RunInfo* run = runById.count(t.runId) ? runById[t.runId] : nullptr;
        o["run"] = run ? qs(run->uid) : QString();
        o["run_name"] = run ? qs(run->name) : QString();
        o["name"] = qs(t.name);
        o["step"] = qint64(t.step);
        o["rows"] = qint64(t.rowCount);
        QJsonArray columns;
        for (const auto& [name, type] : t.columns)
            columns.append(QJsonObject{{"name", qs(name)}, {"type", toString(type)}});
        o["columns"] = columns;
        tableList.append(o);
    }
    report["tables"] = tableList;

    QJsonArray sweepList;
    for (const Sweep& s : sweeps.value()) {
        qint64 count = 0;
        for (const RunInfo& r : snap->runs)
            count += r.sweepUid == s.uid;
        const char* goal = s.goal == MetricGoal::Maximize   ? "maximize"
                           : s.goal == MetricGoal::Minimize ? "minimize"
                                                            : "";
        sweepList.append(QJsonObject{{"uid", qs(s.uid)},
                                     {"name", qs(s.name)},
                                     {"method", qs(s.method)},
                                     {"metric", qs(s.metric)},
                                     {"goal", goal},
                                     {"runs", count}});
    }
    report["sweeps"] = sweepList;

    QJsonArray artifactList;
    for (const Artifact& a : artifacts.value()) {
        QJsonArray consumers, aliases;
        for (const auto& c : a.consumerRunUids)
            consumers.append(qs(c));
        for (const auto& al : a.aliases)
            aliases.append(qs(al));
        artifactList.append(QJsonObject{{"name", qs(a.name)},
                                        {"version", qs(a.version)},
                                        {"type", qs(a.type)},
                                        {"size", qint64(a.size)},
                                        {"files", qint64(a.files.size())},
                                        {"aliases", aliases},
                                        {"producer", qs(a.producerRunUid)},
                                        {"consumers", consumers}});
    }
    report["artifacts"] = artifactList;

    if (withRuns) {
        std::map<RunId, QJsonObject> runMetrics;
        for (const SeriesInfo& s : series.value()) {
            QJsonObject m{{"points", qint64(s.total.count)}, {"last", numberJson(s.total.last)}};
            if (s.kind == MetricKind::System) m["system"] = true;
            runMetrics[s.runId][qs(s.key)] = m;
        }
        QJsonArray runList;
        for (std::size_t row = 0; row < snap->runs.size(); ++row) {
            const RunInfo& r = snap->runs[row];
            QJsonObject config, summary;
            for (const ValueColumn& c : snap->config)
                if (c.has(row)) config[qs(c.key())] = valueJson(c.value(row));
            for (const ValueColumn& c : snap->summary)
                if (c.has(row)) summary[qs(c.key())] = valueJson(c.value(row));
            QJsonArray tags;
            for (const auto& t : r.tags)
                tags.append(qs(t));
            QJsonObject o{{"id", qint64(r.id)},
                          {"uid", qs(r.uid)},
                          {"name", qs(r.name)},
                          {"project", qs(r.project)},
                          {"group", qs(r.group)},
                          {"job_type", qs(r.jobType)},
                          {"state", qs(std::string(toString(r.state)))},
                          {"tags", tags},
                          {"start_time", numberJson(r.startTime)},
                          {"runtime", numberJson(r.runtime)},
                          {"config", config},
                          {"summary", summary},
                          {"metrics", runMetrics[r.id]}};
            if (r.exitCode) o["exit_code"] = *r.exitCode;
            if (!r.sweepUid.empty()) o["sweep"] = qs(r.sweepUid);
            if (!r.parentUid.empty()) o["parent"] = qs(r.parentUid);
            if (r.deleted) o["deleted"] = true;
            if (r.sourceRunId != r.uid) o["source_id"] = qs(r.sourceRunId);
            if (!r.sourceRoot.empty()) o["source"] = qs(r.sourceRoot);
            runList.append(o);
        }
        report["run_list"] = runList;
    }
    return report;
}

// A JSON value as it would appear inside a document: 0.1, "adam", [1,2], true.
QString jsonText(const QJsonValue& v) {
    return QString::fromUtf8(
        QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact).mid(1).chopped(1));
}

void printText(const QJsonObject& report, bool withRuns) {
    auto line = [](const QString& s) { std::printf("%s\n", s.toUtf8().constData()); };
    line(QStringLiteral("%1 (%2)").arg(report["path"].toString(), report["format"].toString()));
    const qint64 deleted = report["deleted"].toInteger();
    line(QStringLiteral("runs: %1").arg(report["runs"].toInteger()) +
         (deleted > 0 ? QStringLiteral(" (+%1 deleted)").arg(deleted) : QString()));
    const QJsonArray sources = report["sources"].toArray();
    if (sources.size() > 1) {
        line(QStringLiteral("sources: %1").arg(sources.size()));
        for (const auto& value : sources) {
            const QJsonObject s = value.toObject();
            QString state = QStringLiteral("%1 runs").arg(s["runs"].toInteger());
            if (s["missing"].toBool()) state += QStringLiteral(", missing from disk");
            if (s.contains("error")) state += QStringLiteral(", failed: ") + s["error"].toString();
            line(QStringLiteral("  %1  %2  (%3)")
                     .arg(s["format"].toString(), s["path"].toString(), state));
        }
    }
    const QJsonObject metrics = report["metrics"].toObject();
    line(QStringLiteral("metrics: %1 keys").arg(metrics.size()));
    for (auto it = metrics.begin(); it != metrics.end(); ++it)
        line(QStringLiteral("  %1  %2 points").arg(it.key()).arg(it.value().toInteger()));
    const QJsonObject system = report["system_metrics"].toObject();
    if (!system.isEmpty()) line(QStringLiteral("system metrics: %1 keys").arg(system.size()));
    const QJsonObject media = report["media"].toObject();
    if (!media.isEmpty()) line(QStringLiteral("media: %1 keys").arg(media.size()));
    for (auto it = media.begin(); it != media.end(); ++it) {
        const QJsonObject m = it.value().toObject();
        const qint64 steps = m["steps"].toInteger();
        line(QStringLiteral("  %1  %2 images at %3 %4")
                 .arg(it.key())
                 .arg(m["images"].toInteger())
                 .arg(steps)
                 .arg(steps == 1 ? QStringLiteral("step") : QStringLiteral("steps")));
    }
    const QJsonArray tables = report["tables"].toArray();
    line(QStringLiteral("tables: %1").arg(tables.size()));
    for (const auto& value : tables) {
        const QJsonObject t = value.toObject();
        line(QStringLiteral("  %1 / %2 @ step %3: %4 rows")
                 .arg(t["run_name"].toString().isEmpty() ? t["run"].toString()
                                                         : t["run_name"].toString(),
                      t["name"].toString())
                 .arg(t["step"].toInteger())
                 .arg(t["rows"].toInteger()));
    }
    for (const auto& value : report["sweeps"].toArray()) {
        const QJsonObject s = value.toObject();
        line(QStringLiteral("sweep %1 (%2, %3 %4): %5 runs")
                 .arg(s["uid"].toString(), s["method"].toString(), s["goal"].toString(),
                      s["metric"].toString())
                 .arg(s["runs"].toInteger()));
    }
    line(QStringLiteral("artifacts: %1").arg(report["artifacts"].toArray().size()));
    if (!withRuns) return;
    for (const auto& v : report["run_list"].toArray()) {
        const QJsonObject r = v.toObject();
        line(QStringLiteral("\nrun %1  %2  [%3]  group=%4")
                 .arg(r["uid"].toString(), r["name"].toString(), r["state"].toString(),
                      r["group"].toString()));
        const QJsonObject config = r["config"].toObject();
        for (auto it = config.begin(); it != config.end(); ++it)
            line(QStringLiteral("  config  %1 = %2").arg(it.key(), jsonText(it.value())));
        const QJsonObject summary = r["summary"].toObject();
        for (auto it = summary.begin(); it != summary.end(); ++it)
            line(QStringLiteral("  summary %1 = %2").arg(it.key(), jsonText(it.value())));
        const QJsonObject m = r["metrics"].toObject();
        for (auto it = m.begin(); it != m.end(); ++it)
            line(QStringLiteral("  metric  %1: %2 points, last %3")
                     .arg(it.key())
                     .arg(it.value().toObject()["points"].toInteger())
                     .arg(jsonText(it.value().toObject()["last"])));
    }
}

}  // namespace

int runInfo(const QStringList& args) {
    Options o;
    for (int i = 0; i < args.size(); ++i) {
        const QString& a = args[i];
        if (a == "--json")
            o.json = true;
        else if (a == "--step-column" && i + 1 < args.size())
            o.stepColumn = args[++i];
        else if (a == "--runs")
            o.runs = true;
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
    if (o.path.isEmpty()) {
        printUsage();
        return 2;
    }
    ImportOptions options;
    if (!o.stepColumn.isEmpty()) options["csv.step_column"] = o.stepColumn.toStdString();
    auto opened = openSource("info", o.path, options);
    if (!opened) return 1;
    QString error;
    QJsonObject report = buildReport(opened->plan, opened->store, o.runs, error);
    if (!error.isEmpty()) {
        std::fprintf(stderr, "runlens info: %s\n", error.toUtf8().constData());
        return 1;
    }
    if (o.json)
        std::printf("%s", QJsonDocument(report).toJson(QJsonDocument::Indented).constData());
    else
        printText(report, o.runs);
    return 0;
}

}  // namespace runlens::cli
