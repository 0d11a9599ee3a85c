// Images logged under a key at a step, over a run's training (W&B images in history,
// TensorBoard image summaries): what the charts' media panels show with a step slider.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/model/prediction_table.h"
#include "core/model/run_info.h"

namespace runlens {

/// One image shown under a key at a step.
struct StepImage {
    MediaId media = 0;  ///< an id from RunSink::addMedia
    std::string caption;
};

/// One stored image of a run under a key, as read back.
struct StepMediaItem {
    RunId run = 0;
    std::int64_t step = 0;
    int position = 0;  ///< order among the images of that step
    MediaId media = 0;
    std::string caption;
};

/// A key with images at steps, over the runs of a database.
struct MediaKeyInfo {
    std::string key;
    std::int64_t runs = 0;            ///< runs with images under this key
    std::int64_t images = 0;          ///< images under this key, all runs and steps
    std::vector<std::int64_t> steps;  ///< every step with an image, ascending

    bool operator==(const MediaKeyInfo&) const = default;
};

/// The step of `steps` (ascending) shown for a slider at `step`: the last one at or before it,
/// else the first; -1 when `steps` is empty. A run that logged images every 5 steps still shows
/// its latest image when the slider sits between two of them.
std::int64_t shownStep(const std::vector<std::int64_t>& steps, std::int64_t step);

}  // namespace runlens
