// sweep_bench: the headless part of the sweep view at 10,000 runs x 20 parameters — axes,
// brushing and the importance fit. Prints "scenario metric value unit" lines. Not a test.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "core/analysis/parameter_importance.h"
#include "core/analysis/sweep_brush.h"

using namespace runlens;
using namespace runlens::analysis;

namespace {

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t runs = argc > 1 ? std::size_t(std::max(1L, std::atol(argv[1]))) : 10000;
    constexpr int kParameters = 20;
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> unit(0, 1);
    std::vector<SweepAxis> axes(kParameters);
    std::vector<double> target(runs, 0);
    for (int p = 0; p < kParameters; ++p) {
        SweepAxis& a = axes[std::size_t(p)];
        a.key = "p" + std::to_string(p);
        const bool categorical = p % 5 == 4;
        a.kind = categorical ? SweepAxis::Kind::Categorical : SweepAxis::Kind::Numeric;
        if (categorical) a.categories = {"a", "b", "c", "d"};
        a.positions.resize(runs);
        for (std::size_t r = 0; r < runs; ++r) {
            const double v = categorical ? double(rng() % 4) : unit(rng);
            a.positions[r] = unit(rng) < 0.02 ? std::nan("") : v;
            if (!std::isnan(a.positions[r])) target[r] += std::sin(3 * v) / (1 + p);
        }
    }
    auto start = std::chrono::steady_clock::now();
    SweepBrush brush;
    brush.add(0, {0.2, 0.6});
    brush.add(0, {0.8, 0.9});
    brush.add(3, {0.1, 0.5});
    std::size_t kept = 0;
    for (std::uint8_t s : brush.selected(axes))
        kept += s;
    std::printf("brush-3-ranges wall_ms %.3f ms\n", msSince(start));
    std::printf("brush-3-ranges runs %zu runs\n", kept);
    start = std::chrono::steady_clock::now();
    auto result = parameterImportance(axes, target);
    std::printf("importance wall_ms %.1f ms\n", msSince(start));
    if (!result.ok()) {
        std::fprintf(stderr, "%s\n", result.error().message.c_str());
        return 1;
    }
    std::printf("importance runs %lld runs\n", static_cast<long long>(result->runs));
    std::printf("importance top %s\n", result->parameters.front().key.c_str());
    return 0;
}
