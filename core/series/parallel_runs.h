// forEachRun: a chart's per-run work spread over threads, each with its own store connection.
#pragma once

#include <cstddef>
#include <functional>

#include "core/series/chart_reader.h"
#include "core/util/progress.h"
#include "core/util/result.h"

namespace runlens::series {

/// Runs `work(reader, i)` for every i in [0, count), on up to `threads` threads (the calling one
/// included; 1 or less: all on the calling thread, in order). Every other thread opens its own
/// read-only RunStore on `opened`'s file and works with a reader that shares what `opened` has
/// read (call open() and, if needed, readKeySummaries() first); their read statistics are added
/// to opened.stats(). Indices are handed out in order as threads become free, so `work` must only
/// write to what belongs to its index. Checks progress->cancelled() before each index. Stops at
/// the first failure and returns the error of the lowest index that failed ("cancelled" when the
/// job was cancelled); a thread that cannot open the store leaves its share to the others.
Result<void> forEachRun(ChartReader& opened, std::size_t count, int threads,
                        const Progress* progress,
                        const std::function<Result<void>(ChartReader&, std::size_t)>& work);

}  // namespace runlens::series
