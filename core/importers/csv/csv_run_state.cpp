// CsvRunState <-> JSON text, through QJsonDocument.
#include "core/importers/csv/csv_run_state.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace runlens::csv {

std::string CsvRunState::toJson() const {
    QJsonObject o;
    o["v"] = 1;
    o["off"] = double(offset);
    o["rows"] = double(rows);
    o["hdrCrc"] = double(headerCrc);
    o["hdrLen"] = double(headerLength);
    o["tailCrc"] = double(tailCrc);
    o["tailLen"] = double(tailLength);
    // 64-bit values do not fit a JSON number exactly: kept as hex text.
    o["fp"] = QString::number(qulonglong(fingerprint), 16);
    o["delim"] = QString(QChar(delimiter));
    o["rowSteps"] = rowIndexSteps;
    o["step"] = QString::fromStdString(stepColumn);
    QJsonObject yaml;
    for (const auto& [file, sig] : yamlSignatures)
        yaml[QString::fromStdString(file)] = QString::fromStdString(sig);
    o["yaml"] = yaml;
    QJsonArray keys;
    for (const auto& k : yamlKeys)
        keys.append(QString::fromStdString(k));
    o["yamlKeys"] = keys;
    if (replaced) o["replaced"] = true;
    if (partialNotedAt >= 0) o["partial"] = double(partialNotedAt);
    o["sum"] = summaries.toJson();
    if (!std::isnan(firstTime)) o["t0"] = firstTime;
    if (!std::isnan(lastTime)) o["t1"] = lastTime;
    o["state"] = QString::fromStdString(lastState);
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

CsvRunState CsvRunState::fromJson(const std::string& text) {
    CsvRunState s;
    if (text.empty()) return s;
    QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
    if (o["v"].toInt() != 1) return s;
    s.offset = std::int64_t(o["off"].toDouble());
    s.rows = std::int64_t(o["rows"].toDouble());
    s.headerCrc = std::uint32_t(o["hdrCrc"].toDouble());
    s.headerLength = std::int64_t(o["hdrLen"].toDouble());
    s.tailCrc = std::uint32_t(o["tailCrc"].toDouble());
    s.tailLength = std::int64_t(o["tailLen"].toDouble());
    s.fingerprint = o["fp"].toString().toULongLong(nullptr, 16);
    QString delim = o["delim"].toString();
    s.delimiter = delim.isEmpty() ? ',' : char(delim.at(0).unicode());
    s.rowIndexSteps = o["rowSteps"].toBool();
    s.stepColumn = o["step"].toString().toStdString();
    QJsonObject yaml = o["yaml"].toObject();
    for (auto it = yaml.begin(); it != yaml.end(); ++it)
        s.yamlSignatures[it.key().toStdString()] = it.value().toString().toStdString();
    for (const auto& k : o["yamlKeys"].toArray())
        s.yamlKeys.insert(k.toString().toStdString());
    s.replaced = o["replaced"].toBool();
    s.partialNotedAt = std::int64_t(o["partial"].toDouble(-1));
    s.summaries = MetricSummaries::fromJson(o["sum"].toObject());
    s.firstTime = o["t0"].toDouble(kNoTime);
    s.lastTime = o["t1"].toDouble(kNoTime);
    s.lastState = o["state"].toString().toStdString();
    return s;
}

}  // namespace runlens::csv
