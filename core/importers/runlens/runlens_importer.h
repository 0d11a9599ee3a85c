// RunlensImporter: copies the runs of a Runlens database into a workspace cache, so a .runlens
// file can sit in one workspace beside W&B, MLflow, TensorBoard and CSV sources. Read-only.
#pragma once

#include "core/importers/importer.h"

namespace runlens {

class RunlensImporter : public Importer {
public:
    std::string_view format() const override { return "runlens"; }
    /// A file with the SQLite header and the Runlens application id.
    bool canOpen(const std::filesystem::path& path) const override;
    /// Copies runs, config, summary, metric and system series, console, import notes, prediction
    /// tables with their media, artifacts and sweeps. A second pass over an unchanged file does
    /// nothing; one over a grown file adds only the new points, lines, notes and tables.
    Result<ImportStats> import(const std::filesystem::path& path, RunSink& sink,
                               Progress* progress) override;
};

}  // namespace runlens
