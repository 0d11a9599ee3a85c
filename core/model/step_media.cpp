// The step a run's media panel shows for a slider position.
#include "core/model/step_media.h"

#include <algorithm>

namespace runlens {

std::int64_t shownStep(const std::vector<std::int64_t>& steps, std::int64_t step) {
    if (steps.empty()) return -1;
    auto it = std::upper_bound(steps.begin(), steps.end(), step);
    return it == steps.begin() ? steps.front() : *std::prev(it);
}

}  // namespace runlens
