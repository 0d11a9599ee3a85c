// TbRunState: what an incremental TensorBoard import remembers about one run folder.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/importers/metric_summaries.h"
#include "core/model/run_info.h"

namespace runlens::tb {

struct TbFileState {
    std::string name;           ///< file name inside the run folder
    std::int64_t offset = 0;    ///< bytes read and applied
    std::uint32_t headCrc = 0;  ///< CRC-32C of the first headLength bytes, to spot a replaced file
    std::int64_t headLength = 0;
    std::int64_t damageNoted = -1;  ///< offset of unresolved damage already reported
    bool replaced = false;          ///< shrank or changed under us: not read again
};

struct TbRunState {
    std::vector<TbFileState> files;
    std::map<std::string, std::string> tagPlugins;  ///< non-"scalars" plugins of tags
    std::set<std::string> metricTags;  ///< hparams metrics: their last value -> summary
    std::set<std::string> hparamKeys;  ///< config keys the hparams plugin set
    std::set<std::string> yamlKeys;    ///< config keys hparams.yaml set
    std::string yamlSignature;
    bool startTimeSet = false;
    MetricSummaries summaries;       ///< last/min/max of every scalar tag
    double firstWallTime = kNoTime;  ///< of the first event with a time
    double lastWallTime = kNoTime;   ///< of the last one
    bool ended = false;              ///< an hparams session end record ended the run
    std::string lastState;           ///< state last sent ("running", "finished"), if any

    bool empty() const { return files.empty() && yamlSignature.empty(); }
    TbFileState& file(const std::string& name);

    std::string toJson() const;
    /// Empty state for empty or unreadable text (the run is then read from the start).
    static TbRunState fromJson(const std::string& text);
};

}  // namespace runlens::tb
