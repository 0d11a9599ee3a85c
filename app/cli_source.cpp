// Opening a source for `info` and `sweep`.
#include "app/cli_source.h"

#include <cstdio>

namespace runlens::cli {

std::optional<OpenedSource> openSource(const char* command, const QString& path,
                                       const ImportOptions& options) {
    auto fail = [command](const Error& e) {
        std::fprintf(stderr, "runlens %s: %s\n", command, e.toString().c_str());
        return std::nullopt;
    };
    auto plan = planSource(path.toStdString(), defaultCacheDir(), options);
    if (!plan.ok()) return fail(plan.error());
    if (plan->imported) {
        auto stats = updateCache(plan.value(), nullptr);
        if (!stats.ok()) return fail(stats.error());
    }
    auto store = RunStore::open(plan->databasePath);
    if (!store.ok()) return fail(store.error());
    return OpenedSource{std::move(plan.value()), std::move(store.value())};
}

}  // namespace runlens::cli
