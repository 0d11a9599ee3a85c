// Summary media: the image-file JSON read with QJsonDocument; paths resolved against the run's
// source folder and never allowed to leave it.
#include "core/model/summary_media.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <filesystem>

namespace runlens {
namespace {

std::optional<QJsonObject> imageFileObject(const Value& value) {
    if (!value.isJson() || value.text().find("image-file") == std::string::npos)
        return std::nullopt;  // cheap test first: most summary values are numbers
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(value.text()));
    if (!doc.isObject()) return std::nullopt;
    QJsonObject object = doc.object();
    if (object.value(QStringLiteral("_type")).toString() != QStringLiteral("image-file") ||
        object.value(QStringLiteral("path")).toString().isEmpty())
        return std::nullopt;
    return object;
}

}  // namespace

std::optional<SummaryImage> summaryImage(const RunInfo& run, const std::string& key,
                                         const Value& value) {
    const auto object = imageFileObject(value);
    if (!object) return std::nullopt;
    SummaryImage image;
    image.key = key;
    image.width = object->value(QStringLiteral("width")).toInt();
    image.height = object->value(QStringLiteral("height")).toInt();
    const std::filesystem::path relative(
        object->value(QStringLiteral("path")).toString().toStdString());
    if (run.sourcePath.empty() || relative.is_absolute()) return image;
    const std::filesystem::path files = std::filesystem::path(run.sourcePath) / "files";
    const std::filesystem::path full = (files / relative).lexically_normal();
    // "../../etc/passwd" in a summary must not read outside the run.
    const auto rel = full.lexically_relative(files);
    if (rel.empty() || *rel.begin() == "..") return image;
    image.path = full.string();
    std::error_code ec;
    image.exists = std::filesystem::is_regular_file(full, ec);
    return image;
}

std::vector<SummaryImage> summaryImages(const RunInfo& run, const KeyValues& summary) {
    std::vector<SummaryImage> out;
    for (const auto& [key, value] : summary)
        if (auto image = summaryImage(run, key, value)) out.push_back(std::move(*image));
    return out;
}

std::string describeSummaryMedia(const Value& value) {
    const auto object = imageFileObject(value);
    if (!object) return {};
    const int w = object->value(QStringLiteral("width")).toInt();
    const int h = object->value(QStringLiteral("height")).toInt();
    std::string text = "image";
    if (w > 0 && h > 0) text += " " + std::to_string(w) + "×" + std::to_string(h);
    return text;
}

}  // namespace runlens
