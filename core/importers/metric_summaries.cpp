// MetricSummaries: running last/min/max per metric and its JSON form.
#include "core/importers/metric_summaries.h"

#include <QJsonArray>
#include <algorithm>
#include <cmath>
#include <limits>

namespace runlens {
namespace {

// JSON has no NaN or infinity: they are kept as strings.
QJsonValue number(double v) {
    if (std::isfinite(v)) return v;
    if (std::isnan(v)) return QStringLiteral("nan");
    return v > 0 ? QStringLiteral("inf") : QStringLiteral("-inf");
}

double number(const QJsonValue& v) {
    if (v.isDouble()) return v.toDouble();
    const QString s = v.toString();
    if (s == QLatin1String("inf")) return std::numeric_limits<double>::infinity();
    if (s == QLatin1String("-inf")) return -std::numeric_limits<double>::infinity();
    return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

void MetricSummaries::add(const std::string& key, double value) {
    Entry& e = m_entries[key];
    e.last = value;
    e.dirty = true;
    if (!std::isfinite(value)) return;
    if (!e.hasRange) {
        e.min = e.max = value;
        e.hasRange = true;
    } else {
        e.min = std::min(e.min, value);
        e.max = std::max(e.max, value);
    }
}

void MetricSummaries::flush(RunSink& sink, RunId run) {
    for (auto& [key, e] : m_entries) {
        if (!e.dirty) continue;
        sink.setSummary(run, key, Value::number(e.last));
        if (e.hasRange) {
            sink.setSummary(run, key + ".min", Value::number(e.min));
            sink.setSummary(run, key + ".max", Value::number(e.max));
        }
        e.dirty = false;
    }
}

QJsonObject MetricSummaries::toJson() const {
    QJsonObject o;
    for (const auto& [key, e] : m_entries) {
        QJsonArray a{number(e.last)};
        if (e.hasRange) {
            a.append(e.min);
            a.append(e.max);
        }
        o[QString::fromStdString(key)] = a;
    }
    return o;
}

MetricSummaries MetricSummaries::fromJson(const QJsonObject& o) {
    MetricSummaries s;
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QJsonArray a = it.value().toArray();
        if (a.isEmpty()) continue;
        Entry e;
        e.last = number(a.at(0));
        if (a.size() >= 3) {
            e.min = a.at(1).toDouble();
            e.max = a.at(2).toDouble();
            e.hasRange = true;
        }
        s.m_entries[it.key().toStdString()] = e;
    }
    return s;
}

}  // namespace runlens
