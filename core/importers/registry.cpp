// The list of importers, in detection order.
#include "core/importers/importer.h"

#include "core/importers/csv/csv_importer.h"
#include "core/importers/mlflow/mlflow_file_store_importer.h"
#include "core/importers/mlflow/mlflow_sql_store_importer.h"
#include "core/importers/predictions/predictions_importer.h"
#include "core/importers/runlens/runlens_importer.h"
#include "core/importers/tensorboard/tensorboard_importer.h"
#include "core/importers/wandb/wandb_importer.h"

namespace runlens {

std::vector<std::unique_ptr<Importer>> allImporters() {
    std::vector<std::unique_ptr<Importer>> importers;
    // Each format adds one line here.
    importers.push_back(std::make_unique<RunlensImporter>());
    importers.push_back(std::make_unique<MlflowSqlStoreImporter>());
    importers.push_back(std::make_unique<WandbImporter>());
    importers.push_back(std::make_unique<MlflowFileStoreImporter>());
    importers.push_back(std::make_unique<tb::TensorBoardImporter>());
    importers.push_back(std::make_unique<predictions::PredictionsImporter>());  // before CSV logs
    importers.push_back(std::make_unique<csv::CsvImporter>());
    return importers;
}

std::unique_ptr<Importer> findImporter(const std::filesystem::path& path) {
    for (auto& importer : allImporters()) {
        if (importer->canOpen(path)) return std::move(importer);
    }
    return nullptr;
}

}  // namespace runlens
