// Truth and prediction columns by name: class labels first, then any scalar column.
#include "core/analysis/prediction_columns.h"

#include <algorithm>
#include <cctype>

namespace runlens::analysis {
namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool inList(const std::vector<std::string>& names, std::string_view name) {
    return std::find(names.begin(), names.end(), lower(name)) != names.end();
}

int findByNames(const PredictionTable& table, const std::vector<std::string>& names) {
    for (int pass = 0; pass < 2; ++pass)
        for (const std::string& name : names)
            for (std::size_t i = 0; i < table.columns.size(); ++i) {
                const TableColumn& c = table.columns[i];
                if (pass == 0 && c.type != ColumnType::ClassLabel) continue;
                if (c.type == ColumnType::Image || c.type == ColumnType::NumberArray) continue;
                if (lower(c.name) == name) return int(i);
            }
    return -1;
}

}  // namespace

const std::vector<std::string>& truthColumnNames() {
    static const std::vector<std::string> kNames = {
        "label", "truth", "target", "y_true", "gt", "ground_truth", "true", "actual", "class"};
    return kNames;
}

const std::vector<std::string>& predictionColumnNames() {
    static const std::vector<std::string> kNames = {
        "pred",   "prediction", "predicted",       "y_pred",
        "output", "guess",      "predicted_label", "pred_label"};
    return kNames;
}

bool isTruthName(std::string_view name) {
    return inList(truthColumnNames(), name);
}

bool isPredictionName(std::string_view name) {
    return inList(predictionColumnNames(), name);
}

std::pair<int, int> guessTruthPrediction(const PredictionTable& table) {
    const int truth = findByNames(table, truthColumnNames());
    int pred = findByNames(table, predictionColumnNames());
    if (pred == truth) pred = -1;
    return {truth, pred};
}

}  // namespace runlens::analysis
