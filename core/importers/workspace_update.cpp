// updateWorkspace: the source list is reconciled first (so a source removed or superseded loses
// its runs before anything is imported), then each source imports through a ScopedSink.
#include "core/importers/workspace_update.h"

#include <algorithm>

#include "core/importers/scoped_sink.h"
#include "core/store/run_store.h"

namespace runlens {
namespace {

namespace fs = std::filesystem;

using SourceList = std::vector<WorkspaceSource>;

WorkspaceSource* findSource(SourceList& list, const std::string& path) {
    for (WorkspaceSource& s : list)
        if (s.path == path) return &s;
    return nullptr;
}

WorkspaceSource& appendSource(SourceList& list, const FoundSource& found) {
    WorkspaceSource s;
    s.scope = workspaceScope(int(list.size()));
    s.format = found.format;
    s.path = found.path.string();
    list.push_back(std::move(s));
    return list.back();
}

// Deletes a source's runs and import state. Runs are told apart by their uid's scope, the
// unscoped first source by matching no other scope.
Result<void> dropSourceRuns(RunWriter& writer, const SourceList& list,
                            const WorkspaceSource& gone) {
    if (auto r = writer.commit(); !r.ok()) return r;
    auto store = RunStore::open(writer.path());
    if (!store.ok()) return store.error();
    auto snapshot = store->readRuns();
    if (!snapshot.ok()) return snapshot.error();
    std::vector<RunId> runs;
    for (const RunInfo& r : snapshot->runs) {
        const WorkspaceSource* owner = sourceOfUid(list, r.uid);
        if (owner && owner->path == gone.path) runs.push_back(r.id);
    }
    if (auto r = writer.deleteRuns(runs); !r.ok()) return r;
    for (const std::string& key : writer.importStateKeys()) {
        if (key.rfind("runlens.", 0) == 0) continue;  // the cache's own bookkeeping
        const WorkspaceSource* owner = sourceOfUid(list, key);
        if (owner && owner->path == gone.path) writer.removeImportState(key);
    }
    return writer.commit();
}

// Brings the stored list in line with the plan. Sources the scan no longer finds are missing when
// gone from disk (runs kept), and superseded when still there (e.g. a log folder now found as
// part of a larger one): those are dropped, as the scan that replaces them reads them again.
Result<void> reconcile(const SourcePlan& plan, RunWriter& writer, SourceList& list) {
    for (const FoundSource& f : plan.sources) {
        WorkspaceSource* s = findSource(list, f.path.string());
        if (!s) s = &appendSource(list, f);
        s->missing = s->superseded = false;
    }
    for (const FoundSource& f : plan.addSources) {
        WorkspaceSource* s = findSource(list, f.path.string());
        if (!s) s = &appendSource(list, f);
        s->added = true;
        s->removed = s->missing = s->superseded = false;
    }
    for (const std::string& path : plan.removeSources) {
        WorkspaceSource* s = findSource(list, path);
        if (!s || s->removed) continue;
        if (auto r = dropSourceRuns(writer, list, *s); !r.ok()) return r;
        s->removed = true;
        s->added = s->superseded = false;
        s->error.clear();
    }
    for (WorkspaceSource& s : list) {
        if (s.removed || s.superseded) continue;
        std::error_code ec;
        if (s.added) {
            s.missing = !fs::exists(s.path, ec);
            continue;
        }
        const bool found = std::any_of(plan.sources.begin(), plan.sources.end(),
                                       [&](const FoundSource& f) { return f.path == s.path; });
        if (found) continue;
        if (!fs::exists(s.path, ec)) {
            s.missing = true;
        } else if (plan.scanStopped.empty()) {
            if (auto r = dropSourceRuns(writer, list, s); !r.ok()) return r;
            s.superseded = true;
        }
    }
    return {};
}

void addStats(ImportStats& total, const ImportStats& s) {
    total.runs += s.runs;
    total.records += s.records;
    total.points += s.points;
    total.bytesRead += s.bytesRead;
    total.skipped += s.skipped;
    total.cancelled = total.cancelled || s.cancelled;
}

}  // namespace

Result<ImportStats> updateWorkspace(const SourcePlan& plan, RunWriter& writer, Progress* progress,
                                    std::vector<SourceImport>* perSource) {
    SourceList list = decodeWorkspaceSources(writer.importState(kWorkspaceSourcesKey));
    if (auto r = reconcile(plan, writer, list); !r.ok()) return r.error();

    const auto active = std::count_if(list.begin(), list.end(), [](const WorkspaceSource& s) {
        return !s.removed && !s.superseded && !s.missing;
    });
    ImportStats total;
    std::optional<Error> onlyError;
    for (WorkspaceSource& source : list) {
        if (source.removed || source.superseded || source.missing) continue;
        if (isCancelled(progress)) {
            total.cancelled = true;
            break;
        }
        auto importer = findImporter(source.path);
        if (!importer || importer->format() != source.format) {
            source.error = "no longer a " + source.format + " source";
            continue;
        }
        ScopedSink sink(writer, source.scope);
        importer->configure(plan.options);
        auto stats = importer->import(source.path, sink, progress);
        if (!stats.ok()) {
            source.error = stats.error().toString();
            if (active == 1) onlyError = stats.error();
            continue;
        }
        source.error.clear();
        addStats(total, stats.value());
        if (perSource) perSource->push_back({source, stats.value()});
    }
    writer.saveImportState(kWorkspaceSourcesKey, encodeWorkspaceSources(list));
    if (auto r = writer.commit(); !r.ok()) return r.error();
    if (onlyError) return *onlyError;
    return total;
}

}  // namespace runlens
