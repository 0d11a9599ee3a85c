// MemorySink: stores what it receives; merge rules follow RunSink's contract.
#include "tests/support/memory_sink.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

namespace runlens::test {

RunId MemorySink::beginRun(const RunInfo& info) {
    for (auto& [id, r] : runs) {
        if (!info.uid.empty() && r.info.uid == info.uid) {
            mergeRunInfo(r.info, info);
            return id;
        }
    }
    RunId id = RunId(runs.size()) + 1;
    MemoryRun& r = runs[id];
    r.info = info;
    r.info.id = id;
    return id;
}

MemoryRun& MemorySink::run(RunId id) {
    auto it = runs.find(id);
    REQUIRE(it != runs.end());
    return it->second;
}

void MemorySink::updateRun(RunId id, const RunInfo& info) {
    mergeRunInfo(run(id).info, info);
    run(id).info.id = id;
}
void MemorySink::setConfig(RunId id, const std::string& key, const Value& value) {
    run(id).config[key] = value;
}
void MemorySink::removeConfig(RunId id, const std::string& key) {
    run(id).config.erase(key);
}
void MemorySink::setSummary(RunId id, const std::string& key, const Value& value) {
    run(id).summary[key] = value;
}
void MemorySink::removeSummary(RunId id, const std::string& key) {
    run(id).summary.erase(key);
}
void MemorySink::logMetric(RunId id, const std::string& key, std::int64_t step, double value,
                           double time) {
    run(id).metrics[key].append(step, time, value);
}
void MemorySink::logSystemMetric(RunId id, const std::string& key, std::int64_t step, double value,
                                 double time) {
    run(id).systemMetrics[key].append(step, time, value);
}
void MemorySink::logConsole(RunId id, double time, ConsoleStream stream, std::string_view line) {
    run(id).console.push_back({time, stream, std::string(line)});
}
MediaId MemorySink::addMedia(const MediaItem& item) {
    for (std::size_t i = 0; i < media.size(); ++i) {
        if (media[i].bytes == item.bytes) return MediaId(i + 1);
    }
    media.push_back(item);
    return MediaId(media.size());
}
void MemorySink::logMediaAtStep(RunId id, const std::string& key, std::int64_t step,
                                const std::vector<StepImage>& images) {
    for (const StepImage& image : images)
        REQUIRE((image.media >= 1 && std::size_t(image.media) <= media.size()));
    auto& steps = run(id).stepMedia[key];
    if (images.empty())
        steps.erase(step);
    else
        steps[step] = images;
}

void MemorySink::logTable(RunId id, const PredictionTable& table) {
    REQUIRE(table.validate().empty());
    auto& tables = run(id).tables;
    for (auto& t : tables) {
        if (t.name == table.name && t.step == table.step) {
            t = table;
            return;
        }
    }
    tables.push_back(table);
}
void MemorySink::addArtifact(const Artifact& artifact) {
    for (auto& a : artifacts) {
        if (a.name == artifact.name && a.version == artifact.version) {
            auto consumers = a.consumerRunUids;
            a = artifact;
            for (auto& c : consumers) {
                if (std::find(a.consumerRunUids.begin(), a.consumerRunUids.end(), c) ==
                    a.consumerRunUids.end())
                    a.consumerRunUids.push_back(c);
            }
            return;
        }
    }
    artifacts.push_back(artifact);
}
void MemorySink::addSweep(const Sweep& sweep) {
    for (auto& s : sweeps) {
        if (s.uid == sweep.uid) {
            s = sweep;
            return;
        }
    }
    sweeps.push_back(sweep);
}
void MemorySink::addImportNote(RunId id, NoteLevel level, std::string_view message) {
    run(id).notes.push_back({level, std::string(message)});
}
void MemorySink::finishRun(RunId id, RunState state, std::optional<int> exitCode, double endTime,
                           double runtime) {
    MemoryRun& r = run(id);
    r.finished = true;
    r.info.state = state;
    if (exitCode) r.info.exitCode = exitCode;
    if (!std::isnan(endTime)) r.info.endTime = endTime;
    if (!std::isnan(runtime)) r.info.runtime = runtime;
}
void MemorySink::saveImportState(const std::string& sourceKey, const std::string& state) {
    importStates[sourceKey] = state;
}
std::string MemorySink::importState(const std::string& sourceKey) {
    auto it = importStates.find(sourceKey);
    return it == importStates.end() ? std::string() : it->second;
}
Result<void> MemorySink::commit() {
    ++commits;
    return {};
}

MemoryRun& MemorySink::byUid(const std::string& uid) {
    for (auto& [id, r] : runs) {
        if (r.info.uid == uid) return r;
    }
    FAIL("no run with uid " << uid);
    return runs.begin()->second;  // not reached
}

bool MemorySink::hasUid(const std::string& uid) const {
    for (const auto& [id, r] : runs) {
        if (r.info.uid == uid) return true;
    }
    return false;
}

bool hasNote(const MemoryRun& run, const std::string& part) {
    for (const auto& n : run.notes)
        if (n.message.find(part) != std::string::npos) return true;
    return false;
}

std::size_t metricPoints(const MemorySink& sink) {
    std::size_t n = 0;
    for (const auto& [id, run] : sink.runs)
        for (const auto& [key, s] : run.metrics)
            n += s.size();
    return n;
}

}  // namespace runlens::test
