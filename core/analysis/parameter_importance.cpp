// Parameter importance: the trees are small (depth 4, 200 rounds at eta 0.05, histogram splits
// of 64 bins: 10,000 runs x 20 parameters in about a second on 2 cores; subsampling off
// for reproducible scores), seeded, on two threads; SHAP contributions come from the booster's
// own pred_contribs.
#include "core/analysis/parameter_importance.h"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>

namespace runlens::analysis {
namespace {

constexpr int kRounds = 200;

std::vector<double> ranks(const std::vector<double>& v) {
    std::vector<std::size_t> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return v[a] < v[b]; });
    std::vector<double> r(v.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j + 1 < order.size() && v[order[j + 1]] == v[order[i]])
            ++j;
        const double mean = (double(i) + double(j)) / 2 + 1;
        for (std::size_t k = i; k <= j; ++k)
            r[order[k]] = mean;
        i = j + 1;
    }
    return r;
}

Error xgbError(const char* what) {
    return makeError(std::string("the tree model failed (") + what + "): " + XGBGetLastError());
}

// Frees XGBoost handles on every path.
struct Handles {
    DMatrixHandle matrix = nullptr;
    BoosterHandle booster = nullptr;
    ~Handles() {
        if (booster) XGBoosterFree(booster);
        if (matrix) XGDMatrixFree(matrix);
    }
};

}  // namespace

double spearman(std::span<const double> x, std::span<const double> y) {
    std::vector<double> a, b;
    for (std::size_t i = 0; i < x.size() && i < y.size(); ++i)
        if (std::isfinite(x[i]) && std::isfinite(y[i])) {
            a.push_back(x[i]);
            b.push_back(y[i]);
        }
    if (a.size() < 3) return std::nan("");
    const std::vector<double> ra = ranks(a), rb = ranks(b);
    const double n = double(a.size()), mean = (n + 1) / 2;
    double sab = 0, saa = 0, sbb = 0;
    for (std::size_t i = 0; i < ra.size(); ++i) {
        sab += (ra[i] - mean) * (rb[i] - mean);
        saa += (ra[i] - mean) * (ra[i] - mean);
        sbb += (rb[i] - mean) * (rb[i] - mean);
    }
    if (saa == 0 || sbb == 0) return std::nan("");
    return sab / std::sqrt(saa * sbb);
}

Result<ImportanceResult> parameterImportance(const std::vector<SweepAxis>& parameters,
                                             std::span<const double> target, Progress* progress) {
    ImportanceResult out;
    std::vector<std::size_t> runs;
    for (std::size_t i = 0; i < target.size(); ++i)
        if (std::isfinite(target[i])) runs.push_back(i);
    out.runs = std::int64_t(runs.size());
    for (const SweepAxis& axis : parameters) {
        ParameterImportance p;
        p.key = axis.key;
        std::int64_t both = 0;
        for (std::size_t r : runs)
            both += r < axis.positions.size() && !std::isnan(axis.positions[r]);
        p.runs = both;
        p.spearman =
            axis.kind == SweepAxis::Kind::Numeric ? spearman(axis.positions, target) : std::nan("");
        out.parameters.push_back(p);
    }
    if (out.runs < kMinImportanceRuns)
        return makeError("importance needs at least " + std::to_string(kMinImportanceRuns) +
                         " runs with the target metric; these runs have " +
                         std::to_string(out.runs));
    if (parameters.empty()) return out;

    // Features: one column per numeric parameter, one per category of a categorical one.
    std::vector<float> matrix;
    const float missing = std::numeric_limits<float>::quiet_NaN();
    std::vector<std::pair<std::size_t, int>> features;  // (parameter, category or -1)
    for (std::size_t p = 0; p < parameters.size(); ++p) {
        const SweepAxis& a = parameters[p];
        if (a.kind == SweepAxis::Kind::Numeric)
            features.emplace_back(p, -1);
        else
            for (std::size_t c = 0; c < a.categories.size(); ++c)
                features.emplace_back(p, int(c));
    }
    matrix.reserve(runs.size() * features.size());
    for (std::size_t r : runs)
        for (const auto& [p, category] : features) {
            const SweepAxis& a = parameters[p];
            const double v = r < a.positions.size() ? a.positions[r] : std::nan("");
            if (std::isnan(v))
                matrix.push_back(missing);
            else if (category >= 0)
                matrix.push_back(v == double(category) ? 1.0f : 0.0f);
            else
                matrix.push_back(float(a.log && v > 0 ? std::log10(v) : v));
        }
    std::vector<float> labels;
    for (std::size_t r : runs)
        labels.push_back(float(target[r]));

    Handles h;
    if (XGDMatrixCreateFromMat(matrix.data(), runs.size(), features.size(), missing, &h.matrix))
        return xgbError("data");
    if (XGDMatrixSetFloatInfo(h.matrix, "label", labels.data(), labels.size()))
        return xgbError("labels");
    if (XGBoosterCreate(&h.matrix, 1, &h.booster)) return xgbError("booster");
    for (const auto& [name, value] : {std::pair{"objective", "reg:squarederror"},
                                      {"max_depth", "4"},
                                      {"eta", "0.05"},
                                      {"min_child_weight", "1"},
                                      {"tree_method", "hist"},
                                      {"max_bin", "64"},
                                      {"nthread", "2"},
                                      {"seed", "0"},
                                      {"verbosity", "0"}})
        if (XGBoosterSetParam(h.booster, name, value)) return xgbError(name);
    for (int round = 0; round < kRounds; ++round) {
        if (isCancelled(progress)) return makeError("cancelled");
        if (XGBoosterUpdateOneIter(h.booster, round, h.matrix)) return xgbError("training");
        reportProgress(progress, round + 1, kRounds, "fitting the tree model");
    }
    bst_ulong length = 0;
    const float* contributions = nullptr;
    if (XGBoosterPredict(h.booster, h.matrix, 4, 0, 0, &length, &contributions))
        return xgbError("contributions");
    const std::size_t width = features.size() + 1;  // the last column is the bias
    if (length != runs.size() * width) return makeError("the tree model gave no contributions");
    std::vector<double> meanAbs(parameters.size(), 0);
    for (std::size_t r = 0; r < runs.size(); ++r)
        for (std::size_t f = 0; f < features.size(); ++f)
            meanAbs[features[f].first] += std::fabs(contributions[r * width + f]);
    const double total = std::accumulate(meanAbs.begin(), meanAbs.end(), 0.0);
    for (std::size_t p = 0; p < parameters.size(); ++p)
        out.parameters[p].importance = total > 0 ? meanAbs[p] / total : 0;
    std::stable_sort(out.parameters.begin(), out.parameters.end(),
                     [](const ParameterImportance& a, const ParameterImportance& b) {
                         return a.importance > b.importance;
                     });
    return out;
}

}  // namespace runlens::analysis
