// ScopedSink: a RunSink in front of a workspace cache that keeps one source's runs apart from the
// others': it prefixes every run uid, uid reference and import-state key with the source's scope.
#pragma once

#include <string>

#include "core/model/run_sink.h"

namespace runlens {

class ScopedSink final : public RunSink {
public:
    /// An empty scope passes everything through unchanged.
    ScopedSink(RunSink& inner, std::string scope) : m_inner(inner), m_scope(std::move(scope)) {}

    RunId beginRun(const RunInfo& info) override;
    void updateRun(RunId run, const RunInfo& info) override;
    void setConfig(RunId run, const std::string& key, const Value& value) override {
        m_inner.setConfig(run, key, value);
    }
    void removeConfig(RunId run, const std::string& key) override {
        m_inner.removeConfig(run, key);
    }
    void setSummary(RunId run, const std::string& key, const Value& value) override {
        m_inner.setSummary(run, key, value);
    }
    void removeSummary(RunId run, const std::string& key) override {
        m_inner.removeSummary(run, key);
    }
    void logMetric(RunId run, const std::string& key, std::int64_t step, double value,
                   double time) override {
        m_inner.logMetric(run, key, step, value, time);
    }
    void logSystemMetric(RunId run, const std::string& key, std::int64_t step, double value,
                         double time) override {
        m_inner.logSystemMetric(run, key, step, value, time);
    }
    void logConsole(RunId run, double time, ConsoleStream stream, std::string_view line) override {
        m_inner.logConsole(run, time, stream, line);
    }
    MediaId addMedia(const MediaItem& media) override { return m_inner.addMedia(media); }
    void logTable(RunId run, const PredictionTable& table) override {
        m_inner.logTable(run, table);
    }
    void logMediaAtStep(RunId run, const std::string& key, std::int64_t step,
                        const std::vector<StepImage>& images) override {
        m_inner.logMediaAtStep(run, key, step, images);
    }
    void addArtifact(const Artifact& artifact) override;
    void addSweep(const Sweep& sweep) override;
    void addImportNote(RunId run, NoteLevel level, std::string_view message) override {
        m_inner.addImportNote(run, level, message);
    }
    void finishRun(RunId run, RunState state, std::optional<int> exitCode, double endTime,
                   double runtime) override {
        m_inner.finishRun(run, state, exitCode, endTime, runtime);
    }
    void saveImportState(const std::string& sourceKey, const std::string& state) override {
        m_inner.saveImportState(m_scope + sourceKey, state);
    }
    std::string importState(const std::string& sourceKey) override {
        return m_inner.importState(m_scope + sourceKey);
    }
    Result<void> commit() override { return m_inner.commit(); }

private:
    std::string scoped(const std::string& uid) const { return uid.empty() ? uid : m_scope + uid; }
    RunInfo scopedInfo(const RunInfo& info) const;

    RunSink& m_inner;
    std::string m_scope;
};

}  // namespace runlens
