// ScopedSink: the uid references a source can make — runs, parents, sweeps, artifact producers
// and consumers — all get the same prefix, so they still meet each other in the cache.
#include "core/importers/scoped_sink.h"

namespace runlens {

RunInfo ScopedSink::scopedInfo(const RunInfo& info) const {
    RunInfo out = info;
    out.uid = scoped(info.uid);
    out.parentUid = scoped(info.parentUid);
    out.sweepUid = scoped(info.sweepUid);
    return out;
}

RunId ScopedSink::beginRun(const RunInfo& info) {
    return m_inner.beginRun(m_scope.empty() ? info : scopedInfo(info));
}

void ScopedSink::updateRun(RunId run, const RunInfo& info) {
    m_inner.updateRun(run, m_scope.empty() ? info : scopedInfo(info));
}

void ScopedSink::addArtifact(const Artifact& artifact) {
    if (m_scope.empty()) return m_inner.addArtifact(artifact);
    Artifact out = artifact;
    out.producerRunUid = scoped(artifact.producerRunUid);
    for (std::string& uid : out.consumerRunUids)
        uid = scoped(uid);
    m_inner.addArtifact(out);
}

void ScopedSink::addSweep(const Sweep& sweep) {
    if (m_scope.empty()) return m_inner.addSweep(sweep);
    Sweep out = sweep;
    out.uid = scoped(sweep.uid);
    m_inner.addSweep(out);
}

}  // namespace runlens
