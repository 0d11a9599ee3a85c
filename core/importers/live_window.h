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

/// Unix seconds now.
inline double unixNow() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

/// Whether a run without an end marker is still being written: its files were written within
/// `window` seconds of `now`, and so was the last time it logged, when it logs times. A folder
/// copied or unpacked today has fresh files but keeps its old logged times: not live.
inline bool looksLive(double newestWrite, double lastLogged, double now,
                      double window = kLiveWindowSeconds) {
    const auto recent = [&](double t) { return !std::isnan(t) && now - t <= window; };
    return recent(newestWrite) && (std::isnan(lastLogged) || recent(lastLogged));
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
