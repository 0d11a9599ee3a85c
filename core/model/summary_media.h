// Summary values that are media files: W&B stores an image logged once (a confusion matrix, a
// plot) in the summary as {"_type": "image-file", "path": "media/images/...png", ...}, the file
// itself beside the run. Run detail shows these as images, not as their JSON.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model/run_info.h"
#include "core/model/value.h"

namespace runlens {

struct SummaryImage {
    std::string key;
    std::string path;  ///< absolute path of the image file
    int width = 0;     ///< as the summary says (0 when it does not)
    int height = 0;
    bool exists = false;  ///< the file is on disk
};

/// The image the summary value describes, if it is one: `{"_type": "image-file", "path": ...}`,
/// the path relative to the run's files folder (W&B: <run folder>/files).
std::optional<SummaryImage> summaryImage(const RunInfo& run, const std::string& key,
                                         const Value& value);

/// Every image among a run's summary values, in summary order.
std::vector<SummaryImage> summaryImages(const RunInfo& run, const KeyValues& summary);

/// "image 1000×800" for a summary value that is an image-file, else empty.
std::string describeSummaryMedia(const Value& value);

}  // namespace runlens
