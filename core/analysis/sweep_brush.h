// Brushing the axes of a sweep view: ranges on an axis select the runs whose position falls in
// any of them (OR within an axis); runs must pass every brushed axis (AND across axes). Runs
// without a value on a brushed axis never pass it.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "core/analysis/sweep_axes.h"

namespace runlens::analysis {

struct BrushRange {
    double low = 0;  ///< inclusive, in the axis's positions (a value, or a category index)
    double high = 0;
};

class SweepBrush {
public:
    bool empty() const { return m_ranges.empty(); }
    /// Adds a range on axis `axis` (its ends in any order); returns its index on that axis.
    std::size_t add(int axis, BrushRange range);
    /// Moves range `index` of `axis` by `delta`, keeping its width.
    void move(int axis, std::size_t index, double delta);
    void clear(int axis);
    void clearAll() { m_ranges.clear(); }
    const std::vector<BrushRange>* ranges(int axis) const;

    /// 1 for each run (axes' positions order) that passes every brushed axis.
    std::vector<std::uint8_t> selected(const std::vector<SweepAxis>& axes) const;

private:
    std::map<int, std::vector<BrushRange>> m_ranges;
};

}  // namespace runlens::analysis
