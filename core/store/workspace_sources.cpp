// Source list <-> JSON, and a run's source from its uid's scope.
#include "core/store/workspace_sources.h"

#include "core/util/json_value.h"

namespace runlens {

std::string encodeWorkspaceSources(const std::vector<WorkspaceSource>& sources) {
    JsonValue list = JsonValue::array();
    for (const WorkspaceSource& s : sources) {
        JsonValue o = JsonValue::object();
        o.set("scope", JsonValue::string(s.scope));
        o.set("format", JsonValue::string(s.format));
        o.set("path", JsonValue::string(s.path));
        if (s.added) o.set("added", JsonValue::boolean(true));
        if (s.missing) o.set("missing", JsonValue::boolean(true));
        if (s.removed) o.set("removed", JsonValue::boolean(true));
        if (s.superseded) o.set("superseded", JsonValue::boolean(true));
        if (!s.error.empty()) o.set("error", JsonValue::string(s.error));
        list.append(std::move(o));
    }
    return toJson(list, true);
}

std::vector<WorkspaceSource> decodeWorkspaceSources(std::string_view text) {
    std::vector<WorkspaceSource> sources;
    if (text.empty()) return sources;
    auto json = parseJson(text);
    if (!json.ok() || !json->isArray()) return sources;
    for (const JsonValue& o : json->items()) {
        if (!o.isObject()) continue;
        WorkspaceSource s;
        s.scope = o.stringMember("scope");
        s.format = o.stringMember("format");
        s.path = o.stringMember("path");
        auto flag = [&](std::string_view key) {
            const JsonValue* v = o.find(key);
            return v && v->isBool() && v->toBool();
        };
        s.added = flag("added");
        s.missing = flag("missing");
        s.removed = flag("removed");
        s.superseded = flag("superseded");
        s.error = o.stringMember("error");
        if (!s.path.empty()) sources.push_back(std::move(s));
    }
    return sources;
}

std::string workspaceScope(int n) {
    return n <= 0 ? std::string() : "s" + std::to_string(n + 1) + ":";
}

const WorkspaceSource* sourceOfUid(const std::vector<WorkspaceSource>& sources,
                                   std::string_view uid) {
    const WorkspaceSource* best = nullptr;
    for (const WorkspaceSource& s : sources) {
        if (s.removed || s.superseded || uid.substr(0, s.scope.size()) != s.scope) continue;
        if (!best || s.scope.size() > best->scope.size()) best = &s;
    }
    return best;
}

void applySourceScopes(const std::vector<WorkspaceSource>& sources, std::vector<RunInfo>& runs) {
    if (sources.empty()) return;
    for (RunInfo& r : runs) {
        const WorkspaceSource* s = sourceOfUid(sources, r.uid);
        if (!s) continue;
        r.sourceRunId = r.uid.substr(s->scope.size());
        r.sourceRoot = s->path;
    }
}

}  // namespace runlens
