// Opening a source for a headless command: plan it, bring its cache up to date (foreign formats),
// open the database read-only. Errors are printed with the command's name.
#pragma once

#include <QString>
#include <optional>

#include "core/importers/source_opener.h"
#include "core/store/run_store.h"

namespace runlens::cli {

struct OpenedSource {
    SourcePlan plan;
    RunStore store;
};

/// The source at `path`, imported and opened; nullopt after printing "runlens COMMAND: why".
std::optional<OpenedSource> openSource(const char* command, const QString& path,
                                       const ImportOptions& options = {});

}  // namespace runlens::cli
