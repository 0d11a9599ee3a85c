// Brushing against brute force on random data; parameter importance on synthetic sweeps where
// the answer is known (a dominant parameter first, an irrelevant one last, a non-monotonic
// effect found although its correlation is near zero); too few runs said clearly.
#include <catch2/catch.hpp>
#include <cmath>
#include <random>

#include "core/analysis/parameter_importance.h"
#include "core/analysis/sweep_brush.h"

using namespace runlens;
using namespace runlens::analysis;

namespace {

SweepAxis numeric(const std::string& key, std::vector<double> values) {
    SweepAxis a;
    a.key = key;
    a.kind = SweepAxis::Kind::Numeric;
    a.positions = std::move(values);
    return a;
}

}  // namespace

TEST_CASE("brushes AND across axes, OR within one, move, clear — as brute force", "[sweep]") {
    std::mt19937 rng(5);
    std::uniform_real_distribution<double> unit(0, 1);
    for (int trial = 0; trial < 200; ++trial) {
        const std::size_t runs = 1 + rng() % 60;
        std::vector<SweepAxis> axes;
        for (int a = 0; a < 4; ++a) {
            std::vector<double> p(runs);
            for (double& v : p)
                v = unit(rng) < 0.1 ? std::nan("") : unit(rng);
            axes.push_back(numeric("p" + std::to_string(a), p));
        }
        SweepBrush brush;
        std::vector<std::vector<BrushRange>> expected(4);
        for (int k = 0; k < 1 + int(rng() % 5); ++k) {
            const int axis = int(rng() % 4);
            BrushRange r{unit(rng), unit(rng)};
            const std::size_t index = brush.add(axis, r);
            if (r.low > r.high) std::swap(r.low, r.high);
            if (rng() % 3 == 0) {  // drag it
                const double delta = unit(rng) - 0.5;
                brush.move(axis, index, delta);
                r.low += delta;
                r.high += delta;
            }
            expected[std::size_t(axis)].push_back(r);
        }
        if (rng() % 4 == 0) {
            brush.clear(1);
            expected[1].clear();
        }
        const auto selected = brush.selected(axes);
        REQUIRE(selected.size() == runs);
        for (std::size_t r = 0; r < runs; ++r) {
            bool pass = true;
            for (int a = 0; a < 4; ++a) {
                if (expected[std::size_t(a)].empty()) continue;
                const double p = axes[std::size_t(a)].positions[r];
                bool any = false;
                for (const BrushRange& b : expected[std::size_t(a)])
                    any = any || (p >= b.low && p <= b.high);
                pass = pass && any;
            }
            CHECK(bool(selected[r]) == pass);
        }
    }
    SweepBrush none;
    CHECK(none.empty());
    CHECK(none.selected({numeric("x", {1, 2})}) == std::vector<std::uint8_t>{1, 1});
}

TEST_CASE("Spearman: monotone is ±1, ties share ranks, NaN skipped", "[sweep]") {
    CHECK(spearman(std::vector<double>{1, 2, 3, 4}, std::vector<double>{10, 20, 30, 1000}) ==
          Approx(1));
    CHECK(spearman(std::vector<double>{1, 2, 3, 4}, std::vector<double>{4, 3, 2, 1}) == Approx(-1));
    CHECK(spearman(std::vector<double>{1, NAN, 3, 4, 5}, std::vector<double>{2, 9, 6, 8, 10}) ==
          Approx(1));
    CHECK(std::isnan(spearman(std::vector<double>{1, 1, 1}, std::vector<double>{1, 2, 3})));
    CHECK(std::isnan(spearman(std::vector<double>{1, 2}, std::vector<double>{1, 2})));
}

TEST_CASE("importance: the dominant parameter first, the irrelevant last, non-monotonic found",
          "[sweep]") {
    std::mt19937 rng(9);
    std::uniform_real_distribution<double> unit(0, 1);
    const std::size_t runs = 300;
    std::vector<double> lr(runs), noise(runs), width(runs), target(runs);
    SweepAxis optimizer;
    optimizer.key = "optimizer";
    optimizer.kind = SweepAxis::Kind::Categorical;
    optimizer.categories = {"adam", "sgd"};
    optimizer.positions.resize(runs);
    for (std::size_t i = 0; i < runs; ++i) {
        lr[i] = std::pow(10.0, -5 + 4 * unit(rng));
        noise[i] = unit(rng);
        width[i] = unit(rng);
        optimizer.positions[i] = double(rng() % 2);
        // Loss: falls with log lr (dominant), a bowl in width (non-monotonic), sgd a bit worse.
        target[i] = -2.0 * std::log10(lr[i]) + 4.0 * (width[i] - 0.5) * (width[i] - 0.5) * 4 +
                    0.5 * optimizer.positions[i] + 0.01 * unit(rng);
        if (i % 50 == 7) target[i] = std::nan("");  // runs without the metric are left out
    }
    SweepAxis lrAxis = numeric("lr", lr);
    lrAxis.log = true;
    const std::vector<SweepAxis> axes = {lrAxis, numeric("noise", noise), numeric("width", width),
                                         optimizer};
    auto result = parameterImportance(axes, target);
    REQUIRE(result.ok());
    CHECK(result->runs == std::int64_t(runs - 6));
    REQUIRE(result->parameters.size() == 4);
    CHECK(result->parameters.front().key == "lr");
    CHECK(result->parameters.back().key == "noise");
    double total = 0;
    for (const ParameterImportance& p : result->parameters) {
        total += p.importance;
        if (p.key == "lr") CHECK(p.spearman < -0.8);  // the bowl in width blurs it a little
        if (p.key == "width") {
            CHECK(std::fabs(p.spearman) < 0.2);  // the bowl: no rank correlation...
            CHECK(p.importance > 0.05);          // ...but it matters
        }
        if (p.key == "optimizer") CHECK(std::isnan(p.spearman));
    }
    CHECK(total == Approx(1));
}

TEST_CASE("importance with too few runs says how many are needed", "[sweep]") {
    const std::vector<SweepAxis> axes = {numeric("lr", {1, 2, 3})};
    auto result = parameterImportance(axes, std::vector<double>{0.1, 0.2, 0.3});
    REQUIRE_FALSE(result.ok());
    CHECK(result.error().message.find("at least 8 runs") != std::string::npos);
    CHECK(result.error().message.find("have 3") != std::string::npos);
    Progress cancelled;
    cancelled.cancel();
    std::vector<double> many(20), target(20);
    for (int i = 0; i < 20; ++i)
        many[std::size_t(i)] = target[std::size_t(i)] = i;
    CHECK_FALSE(parameterImportance({numeric("x", many)}, target, &cancelled).ok());
}
