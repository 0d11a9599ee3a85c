// Column list and cell values of the runs table.
#include "ui/models/run_columns.h"

#include <QDir>
#include <QObject>
#include <QStringList>
#include <algorithm>
#include <cmath>

#include "ui/format.h"

namespace runlens::ui {
namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

// Tooltips show a long value in full, but not a whole requirements file.
constexpr int kToolTipLines = 40;
constexpr int kToolTipChars = 4000;

QString oneLine(QString text) {
    if (!text.contains('\n') && !text.contains('\r') && !text.contains('\t')) return text;
    text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    text.replace('\r', '\n');
    text.replace('\t', ' ');
    while (text.endsWith('\n'))
        text.chop(1);
    text.replace('\n', QStringLiteral(" ⏎ "));
    return text;
}

QString clipped(const QString& text) {
    QStringList lines = text.left(kToolTipChars).split('\n');
    const bool cut = text.size() > kToolTipChars || lines.size() > kToolTipLines;
    if (lines.size() > kToolTipLines) lines = lines.mid(0, kToolTipLines);
    return lines.join('\n') + (cut ? QStringLiteral("\n…") : QString());
}

// W&B logs images, tables, plots and histograms into the summary as {"_type": "image-file", ...}
// objects: references to files, not values anyone compares across runs.
bool isMediaObjectColumn(const ValueColumn& c) {
    bool any = false;
    for (std::size_t row = 0; row < c.size(); ++row) {
        if (!c.has(row) || c.type(row) == ValueType::Null) continue;
        if (c.type(row) != ValueType::Json) return false;
        const std::string_view text = c.text(row);
        if (text.empty() || text.front() != '{' || text.find("\"_type\"") == text.npos)
            return false;
        any = true;
    }
    return any;
}

bool isInternalKey(const std::string& key) {
    return !key.empty() && key.front() == '_';
}

CellFormat formatFor(const ValueColumn& c) {
    if (!c.isNumeric()) return CellFormat::Plain;
    if (c.key() == "_timestamp") return CellFormat::Time;
    if (c.key() == "_runtime") return CellFormat::Duration;
    return CellFormat::Plain;
}

// "<metric>.min" / "<metric>.max" beside "<metric>" (the last value, written by the TensorBoard
// and CSV importers): the plain column is the one people look at first.
bool isExtremeOfShownMetric(const RunsSnapshot& snap, const std::string& key) {
    for (std::string_view suffix : {".min", ".max"}) {
        if (key.size() > suffix.size() && key.ends_with(suffix) &&
            snap.findSummary(std::string_view(key).substr(0, key.size() - suffix.size())))
            return true;
    }
    return false;
}

// True when every run comes from one source, so a Source column would repeat itself.
bool oneSource(const RunsSnapshot& snap) {
    for (const RunInfo& r : snap.runs) {
        if (r.sourceFormat != snap.runs.front().sourceFormat ||
            r.sourceRoot != snap.runs.front().sourceRoot)
            return false;
    }
    return true;
}

// The last two parts of a path are what tells sources apart: "…/02-experiment-tracking/mlflow.db".
QString shortPath(const QString& path) {
    const QString native = QDir::toNativeSeparators(path);
    const QChar sep = QDir::separator();
    QStringList parts = native.split(sep, Qt::SkipEmptyParts);
    if (parts.size() <= 2) return native;
    return QStringLiteral("…") + sep + parts.mid(parts.size() - 2).join(sep);
}

QString valueText(const RunColumn& column, std::size_t row) {
    if (!column.values->has(row)) return {};
    const Value v = column.values->value(row);
    switch (column.format) {
        case CellFormat::Time:
            return formatTime(v.toNumber());
        case CellFormat::Duration:
            return formatDuration(v.toNumber());
        case CellFormat::Plain:
            break;
    }
    return formatValue(v);
}

}  // namespace

QString runSourcePath(const RunInfo& run) {
    return qs(run.sourceRoot.empty() ? run.sourcePath : run.sourceRoot);
}

QString runSourceId(const RunInfo& run) {
    return qs(run.sourceRunId.empty() ? run.uid : run.sourceRunId);
}

std::vector<RunColumn> buildRunColumns(const RunsSnapshot& snap) {
    const bool sources = !snap.runs.empty() && !oneSource(snap);
    // A built-in column no run has a value for (no groups, no tags) is an empty stripe.
    auto none = [&](auto has) { return std::none_of(snap.runs.begin(), snap.runs.end(), has); };
    const bool noGroups = none([](const RunInfo& r) { return !r.group.empty(); });
    const bool noTags = none([](const RunInfo& r) { return !r.tags.empty(); });
    const bool noTimes = none([](const RunInfo& r) { return !std::isnan(r.startTime); });
    const bool noRuntimes = none([](const RunInfo& r) { return !std::isnan(r.runtime); });
    std::vector<RunColumn> columns = {
        {ColumnKind::Name, "name", QObject::tr("Name"), nullptr, false, false},
        {ColumnKind::State, "state", QObject::tr("State"), nullptr, false, false},
        {ColumnKind::Group, "group", QObject::tr("Group"), nullptr, false, noGroups},
        {ColumnKind::Tags, "tags", QObject::tr("Tags"), nullptr, false, noTags},
        {ColumnKind::Created, "created", QObject::tr("Created"), nullptr, true, noTimes},
        {ColumnKind::Runtime, "runtime", QObject::tr("Runtime"), nullptr, true, noRuntimes},
        {ColumnKind::Source, "source", QObject::tr("Source"), nullptr, false, !sources},
        {ColumnKind::Project, "project", QObject::tr("Project"), nullptr, false, true},
        {ColumnKind::JobType, "job_type", QObject::tr("Job type"), nullptr, false, true},
        {ColumnKind::Host, "host", QObject::tr("Host"), nullptr, false, true},
        {ColumnKind::Sweep, "sweep", QObject::tr("Sweep"), nullptr, false, true},
        {ColumnKind::Notes, "notes", QObject::tr("Notes"), nullptr, false, true},
        {ColumnKind::Commit, "commit", QObject::tr("Git commit"), nullptr, false, true},
        {ColumnKind::Uid, "uid", QObject::tr("Run id"), nullptr, false, true},
    };
    // Columns that hold the same thing for every run say nothing: hidden until asked for.
    const bool several = snap.runs.size() > 1;
    auto add = [&](ColumnKind kind, const QString& prefix, const ValueColumn& c, bool hidden) {
        RunColumn column{kind, prefix + qs(c.key()), qs(c.key()),
                         &c,   c.isNumeric(),        several && c.isConstant()};
        column.internal = isInternalKey(c.key()) || isMediaObjectColumn(c);
        column.hiddenByDefault = column.hiddenByDefault || column.internal || hidden;
        column.format = formatFor(c);
        columns.push_back(std::move(column));
    };
    for (const ValueColumn& c : snap.config)
        add(ColumnKind::Config, "config:", c, false);
    for (const ValueColumn& c : snap.summary)
        add(ColumnKind::Summary, "summary:", c, isExtremeOfShownMetric(snap, c.key()));
    return columns;
}

Value runCellValue(const RunsSnapshot& snap, const RunColumn& column, int row) {
    const RunInfo& r = snap.runs[std::size_t(row)];
    switch (column.kind) {
        case ColumnKind::Name:
            return Value::string(displayName(r));
        case ColumnKind::State:
            return Value::string(std::string(toString(r.state)));
        case ColumnKind::Group:
            return r.group.empty() ? Value() : Value::string(r.group);
        case ColumnKind::Tags: {
            std::string joined;
            for (const auto& t : r.tags)
                joined += (joined.empty() ? "" : ", ") + t;
            return joined.empty() ? Value() : Value::string(joined);
        }
        case ColumnKind::Created:
            return std::isnan(r.startTime) ? Value() : Value::number(r.startTime);
        case ColumnKind::Runtime:
            return std::isnan(r.runtime) ? Value() : Value::number(r.runtime);
        case ColumnKind::Project:
            return r.project.empty() ? Value() : Value::string(r.project);
        case ColumnKind::JobType:
            return r.jobType.empty() ? Value() : Value::string(r.jobType);
        case ColumnKind::Host:
            return r.host.empty() ? Value() : Value::string(r.host);
        case ColumnKind::Sweep:
            return r.sweepUid.empty() ? Value() : Value::string(r.sweepUid);
        case ColumnKind::Notes:
            return r.notes.empty() ? Value() : Value::string(r.notes);
        case ColumnKind::Commit:
            return r.gitCommit.empty() ? Value() : Value::string(r.gitCommit);
        case ColumnKind::Uid:
            return Value::string(r.sourceRunId.empty() ? r.uid : r.sourceRunId);
        case ColumnKind::Source: {
            const std::string& path = r.sourceRoot.empty() ? r.sourcePath : r.sourceRoot;
            return r.sourceFormat.empty() && path.empty()
                       ? Value()
                       : Value::string(r.sourceFormat + " " + path);
        }
        case ColumnKind::Config:
        case ColumnKind::Summary:
            return column.values->value(std::size_t(row));
    }
    return Value();
}

QString runCellText(const RunsSnapshot& snap, const RunColumn& column, int row) {
    const RunInfo& r = snap.runs[std::size_t(row)];
    switch (column.kind) {
        case ColumnKind::Created:
            return formatTime(r.startTime);
        case ColumnKind::Runtime:
            return formatDuration(r.runtime);
        case ColumnKind::Commit:
            return qs(r.gitCommit.substr(0, 8)) + (r.gitDirty.value_or(false) ? "*" : "");
        case ColumnKind::Notes:
            return oneLine(qs(r.notes).trimmed().section('\n', 0, 0));
        case ColumnKind::Source: {
            const QString path = runSourcePath(r);
            const QString format = qs(r.sourceFormat);
            if (path.isEmpty()) return format;
            return format.isEmpty() ? shortPath(path)
                                    : QStringLiteral("%1 · %2").arg(format, shortPath(path));
        }
        case ColumnKind::Config:
        case ColumnKind::Summary:
            return oneLine(valueText(column, std::size_t(row)));
        default: {
            Value v = runCellValue(snap, column, row);
            return v.isNull() ? QString() : oneLine(formatValue(v));
        }
    }
}

QString runCellToolTip(const RunsSnapshot& snap, const RunColumn& column, int row) {
    const RunInfo& r = snap.runs[std::size_t(row)];
    switch (column.kind) {
        case ColumnKind::Name: {
            QString tip =
                QObject::tr("%1\nid %2 · %3")
                    .arg(qs(displayName(r)), runSourceId(r), stateText(r.state));
            if (r.deleted) tip += QObject::tr(" · deleted in its source");
            return tip;
        }
        case ColumnKind::Source: {
            const QString path = QDir::toNativeSeparators(runSourcePath(r));
            if (r.sourceRoot.empty() || r.sourcePath == r.sourceRoot)
                return QObject::tr("%1\n%2").arg(qs(r.sourceFormat), path);
            return QObject::tr("%1\n%2\nread from %3")
                .arg(qs(r.sourceFormat), path, QDir::toNativeSeparators(qs(r.sourcePath)));
        }
        case ColumnKind::Notes:
            return clipped(qs(r.notes));
        case ColumnKind::Commit:
            return r.gitCommit.empty()
                       ? QString()
                       : qs(r.gitCommit) + (r.gitDirty.value_or(false)
                                                ? QObject::tr("\nuncommitted changes")
                                                : QString());
        case ColumnKind::Config:
        case ColumnKind::Summary: {
            if (!column.values->has(std::size_t(row))) return {};
            const Value v = column.values->value(std::size_t(row));
            if (v.isNumber()) {
                const QString exact = qs(runlens::formatNumber(v.toNumber()));
                return column.format == CellFormat::Plain
                           ? exact
                           : QStringLiteral("%1 (%2)").arg(valueText(column, std::size_t(row)),
                                                           exact);
            }
            return clipped(formatValue(v));
        }
        default: {
            const Value v = runCellValue(snap, column, row);
            if (v.isNumber() && column.kind != ColumnKind::Created &&
                column.kind != ColumnKind::Runtime)
                return qs(runlens::formatNumber(v.toNumber()));
            return clipped(runCellText(snap, column, row));
        }
    }
}

}  // namespace runlens::ui
