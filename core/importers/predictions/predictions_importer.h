// PredictionsImporter: a predictions file opened directly (runlens preds.csv, File › Open, drag
// and drop) becomes one run holding one prediction table, for the Tables view. Detected by
// content: a CSV/TSV whose header, or a JSON Lines file whose first object, names a truth and a
// prediction column and no step column (metrics CSVs go to the CSV importer).
#pragma once

#include <filesystem>

#include "core/importers/importer.h"

namespace runlens::predictions {

class PredictionsImporter : public Importer {
public:
    std::string_view format() const override { return "predictions"; }
    bool canOpen(const std::filesystem::path& path) const override;
    /// The run's uid is the file name; the table is named after the file's stem. Image paths
    /// are resolved against the file's folder (missing files counted in the run's import log).
    /// The file is read again only when its size or time changed, replacing the table.
    Result<ImportStats> import(const std::filesystem::path& path, RunSink& sink,
                               Progress* progress) override;
};

}  // namespace runlens::predictions
