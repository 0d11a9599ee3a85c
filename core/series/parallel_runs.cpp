// forEachRun: an atomic index shared by the calling thread and a few std::threads.
#include "core/series/parallel_runs.h"

#include <algorithm>
#include <atomic>
#include <limits>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace runlens::series {
namespace {

void addStats(ChartReadStats& to, const ChartReadStats& from) {
    to.seriesRead += from.seriesRead;
    to.chunksTotal += from.chunksTotal;
    to.chunksDecoded += from.chunksDecoded;
    to.blockReads += from.blockReads;
    to.summariesUsed += from.summariesUsed;
    to.pointsDecoded += from.pointsDecoded;
    to.cacheHits += from.cacheHits;
}

}  // namespace

Result<void> forEachRun(ChartReader& opened, std::size_t count, int threads,
                        const Progress* progress,
                        const std::function<Result<void>(ChartReader&, std::size_t)>& work) {
    if (threads <= 1 || count < 2) {
        for (std::size_t i = 0; i < count; ++i) {
            if (isCancelled(progress)) return makeError("cancelled");
            if (auto r = work(opened, i); !r.ok()) return r;
        }
        return {};
    }

    std::atomic<std::size_t> next{0};
    std::atomic<bool> stop{false};
    std::mutex mutex;  // guards failedAt and failure
    std::size_t failedAt = std::numeric_limits<std::size_t>::max();
    std::optional<Error> failure;
    auto fail = [&](std::size_t i, Error error) {
        std::lock_guard lock(mutex);
        if (i < failedAt) {
            failedAt = i;
            failure = std::move(error);
        }
        stop.store(true, std::memory_order_relaxed);
    };
    auto loop = [&](ChartReader& reader) {
        while (!stop.load(std::memory_order_relaxed)) {
            const std::size_t i = next.fetch_add(1, std::memory_order_relaxed);
            if (i >= count) return;
            if (isCancelled(progress)) return fail(i, makeError("cancelled"));
            if (auto r = work(reader, i); !r.ok()) return fail(i, r.error());
        }
    };

    const int helpers = int(std::min<std::size_t>(std::size_t(threads), count)) - 1;
    // Each helper counts into its own stats; they are added to opened.stats() after the joins,
    // since the calling thread counts into that one meanwhile.
    std::vector<ChartReadStats> helperStats(static_cast<std::size_t>(helpers));
    std::vector<std::thread> pool;
    pool.reserve(std::size_t(helpers));
    for (int t = 0; t < helpers; ++t) {
        pool.emplace_back([&, t] {
            auto store = opened.store().openAnother();
            if (!store.ok()) return;  // the other threads do its share
            ChartReader reader(opened, store.value(), helperStats[std::size_t(t)]);
            loop(reader);
        });
    }
    loop(opened);
    for (std::thread& t : pool)
        t.join();
    for (const ChartReadStats& stats : helperStats)
        addStats(opened.stats(), stats);
    if (failure) return *failure;
    return {};
}

}  // namespace runlens::series
