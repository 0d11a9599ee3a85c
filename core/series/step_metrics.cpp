// Step metrics from the _wandb.metric.<name> config columns (JSON written by the W&B importer).
#include "core/series/step_metrics.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace runlens::series {

std::unordered_map<std::string, std::string> definedStepMetrics(const RunsSnapshot& snapshot) {
    static const std::string kPrefix = "_wandb.metric.";
    std::unordered_map<std::string, std::string> out;
    for (const ValueColumn& column : snapshot.config) {
        if (!column.key().starts_with(kPrefix)) continue;
        const std::string metric = column.key().substr(kPrefix.size());
        for (std::size_t row = 0; row < column.size(); ++row) {
            if (!column.has(row) || column.type(row) != ValueType::Json) continue;
            const std::string_view text = column.text(row);
            if (text.find("step_metric") == std::string_view::npos) continue;
            const QJsonDocument doc =
                QJsonDocument::fromJson(QByteArray(text.data(), qsizetype(text.size())));
            const QString step = doc.object().value(QStringLiteral("step_metric")).toString();
            if (step.isEmpty() || step.toStdString() == metric) continue;
            out.emplace(metric, step.toStdString());
            break;
        }
    }
    return out;
}

}  // namespace runlens::series
