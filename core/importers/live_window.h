// Whether a source without an end marker is still being written: the age of its files.
#pragma once

#include <chrono>
#include <cmath>
#include <filesystem>

#include "core/importers/importer.h"
#include "core/model/run_info.h"
#include "core/model/run_sink.h"

namespace runlens {

/// Unix seconds of a file's last write, or kNoTime.
inline double fileWriteTime(const std::filesystem::path& p) {
    std::error_code ec;
    const auto t = std::filesystem::last_write_time(p, ec);
    if (ec) return kNoTime;
    return std::chrono::duration<double>(std::chrono::file_clock::to_sys(t).time_since_epoch())
        .count();
}

/// True when `newest` (Unix seconds of the latest write) lies within kLiveWindowSeconds of now.
inline bool writtenRecently(double newest) {
    const double now =
        std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
    return !std::isnan(newest) && now - newest <= kLiveWindowSeconds;
}

/// Tells the sink what a format without an exit status can say: still running (files written
/// within the window), or finished at `end` after `runtime` seconds.
inline void reportLiveness(RunSink& sink, RunId run, bool live, double end, double runtime) {
    if (live) {
        RunInfo info;
        info.state = RunState::Running;
        info.runtime = runtime;
        sink.updateRun(run, info);
    } else {
        sink.finishRun(run, RunState::Finished, std::nullopt, end, runtime);
    }
}

}  // namespace runlens
