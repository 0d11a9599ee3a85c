// Sweep brush: one pass per brushed axis, clearing the runs it rejects.
#include "core/analysis/sweep_brush.h"

#include <algorithm>
#include <cmath>

namespace runlens::analysis {

std::size_t SweepBrush::add(int axis, BrushRange range) {
    if (range.low > range.high) std::swap(range.low, range.high);
    auto& list = m_ranges[axis];
    list.push_back(range);
    return list.size() - 1;
}

void SweepBrush::move(int axis, std::size_t index, double delta) {
    auto it = m_ranges.find(axis);
    if (it == m_ranges.end() || index >= it->second.size()) return;
    it->second[index].low += delta;
    it->second[index].high += delta;
}

void SweepBrush::clear(int axis) {
    m_ranges.erase(axis);
}

const std::vector<BrushRange>* SweepBrush::ranges(int axis) const {
    auto it = m_ranges.find(axis);
    return it == m_ranges.end() ? nullptr : &it->second;
}

std::vector<std::uint8_t> SweepBrush::selected(const std::vector<SweepAxis>& axes) const {
    std::size_t runs = 0;
    for (const SweepAxis& a : axes)
        runs = std::max(runs, a.positions.size());
    std::vector<std::uint8_t> out(runs, 1);
    for (const auto& [axis, ranges] : m_ranges) {
        if (axis < 0 || std::size_t(axis) >= axes.size() || ranges.empty()) continue;
        const std::vector<double>& positions = axes[std::size_t(axis)].positions;
        for (std::size_t r = 0; r < runs; ++r) {
            if (!out[r]) continue;
            const double p = r < positions.size() ? positions[r] : std::nan("");
            out[r] = std::any_of(ranges.begin(), ranges.end(), [&](const BrushRange& b) {
                return p >= b.low && p <= b.high;  // NaN (missing) never passes
            });
        }
    }
    return out;
}

}  // namespace runlens::analysis
