// One import pass over a workspace cache: reconciles its source list with what the scan found and
// what the user added or removed, then brings every source's runs up to date.
#pragma once

#include <vector>

#include "core/importers/source_opener.h"
#include "core/store/run_writer.h"

namespace runlens {

/// The body of updateCache once the cache is open (see updateCache).
Result<ImportStats> updateWorkspace(const SourcePlan& plan, RunWriter& writer, Progress* progress,
                                    std::vector<SourceImport>* perSource);

}  // namespace runlens
