// TbRunState <-> JSON text, through QJsonDocument.
#include "core/importers/tensorboard/tb_run_state.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace runlens::tb {
namespace {

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

QJsonArray toArray(const std::set<std::string>& items) {
    QJsonArray a;
    for (const auto& s : items)
        a.append(q(s));
    return a;
}

std::set<std::string> fromArray(const QJsonValue& v) {
    std::set<std::string> out;
    for (const auto& item : v.toArray())
        out.insert(item.toString().toStdString());
    return out;
}

}  // namespace

TbFileState& TbRunState::file(const std::string& name) {
    for (auto& f : files) {
        if (f.name == name) return f;
    }
    files.push_back(TbFileState{name});
    return files.back();
}

std::string TbRunState::toJson() const {
    QJsonObject o;
    o["v"] = 1;
    QJsonArray fileArray;
    for (const auto& f : files) {
        QJsonObject fo;
        fo["name"] = q(f.name);
        fo["off"] = double(f.offset);
        fo["head"] = double(f.headCrc);
        fo["headLen"] = double(f.headLength);
        if (f.damageNoted >= 0) fo["dmg"] = double(f.damageNoted);
        if (f.replaced) fo["replaced"] = true;
        fileArray.append(fo);
    }
    o["files"] = fileArray;
    QJsonObject plugins;
    for (const auto& [tag, plugin] : tagPlugins)
        plugins[q(tag)] = q(plugin);
    o["plugins"] = plugins;
    o["metrics"] = toArray(metricTags);
    o["hpkeys"] = toArray(hparamKeys);
    o["yamlkeys"] = toArray(yamlKeys);
    o["yaml"] = q(yamlSignature);
    o["start"] = startTimeSet;
    o["sum"] = summaries.toJson();
    if (!std::isnan(firstWallTime)) o["t0"] = firstWallTime;
    if (!std::isnan(lastWallTime)) o["t1"] = lastWallTime;
    if (ended) o["ended"] = true;
    o["state"] = q(lastState);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

TbRunState TbRunState::fromJson(const std::string& text) {
    TbRunState s;
    if (text.empty()) return s;
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
    if (o["v"].toInt() != 1) return s;
    for (const auto& item : o["files"].toArray()) {
        QJsonObject fo = item.toObject();
        TbFileState f;
        f.name = fo["name"].toString().toStdString();
        f.offset = std::int64_t(fo["off"].toDouble());
        f.headCrc = std::uint32_t(fo["head"].toDouble());
        f.headLength = std::int64_t(fo["headLen"].toDouble());
        f.damageNoted = std::int64_t(fo["dmg"].toDouble(-1));
        f.replaced = fo["replaced"].toBool();
        s.files.push_back(std::move(f));
    }
    QJsonObject plugins = o["plugins"].toObject();
    for (auto it = plugins.begin(); it != plugins.end(); ++it)
        s.tagPlugins[it.key().toStdString()] = it.value().toString().toStdString();
    s.metricTags = fromArray(o["metrics"]);
    s.hparamKeys = fromArray(o["hpkeys"]);
    s.yamlKeys = fromArray(o["yamlkeys"]);
    s.yamlSignature = o["yaml"].toString().toStdString();
    s.startTimeSet = o["start"].toBool();
    s.summaries = MetricSummaries::fromJson(o["sum"].toObject());
    s.firstWallTime = o["t0"].toDouble(kNoTime);
    s.lastWallTime = o["t1"].toDouble(kNoTime);
    s.ended = o["ended"].toBool();
    s.lastState = o["state"].toString().toStdString();
    return s;
}

}  // namespace runlens::tb
