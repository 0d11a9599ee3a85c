// `runlens info PATH --json --runs` accepts every supported source form (real fixtures), imports
// it into a cache database, and leaves the source untouched; a second call reuses the cache.
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <catch2/catch.hpp>
#include <map>

#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

namespace {

struct Source {
    const char* path;  // relative to the fixtures folder
    const char* format;
    int runs;
    const char* metric;  // a metric key the source has ("" for none)
};

const Source kSources[] = {
    {"wandb/vikram-kv__cs6910_assignment1/wandb", "wandb", 4, "validation_acc"},
    {"wandb/TheDingodile__ML_final/wandb/run-20240529_173616-yjhdn62e", "wandb", 1, ""},
    {"wandb/AuroraEchos__TinyLM/wandb/run-20260211_121423-kj3gdsjx/run-kj3gdsjx.wandb", "wandb", 1,
     "train/loss"},
    {"mlflow/RajeshRamadas__yolov8-ofa/runs/mlflow", "mlflow", 6, "train/box_loss"},
    {"mlflow/MadanManav__MLFlow_tutorial_with_hyperopt/mlruns.db", "mlflow", 100, ""},
    {"tensorboard/DatavAId__N-BEATS/lightning_logs/version_0", "tensorboard", 1, ""},
    {"csv/0Xero7__slm_training/lightning_logs", "csv", 1, ""},
};

std::map<QString, QString> digests(const QString& root) {
    std::map<QString, QString> out;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        out[file] = QString::fromStdString(runlens::test::fileDigest(file.toStdString()));
    }
    return out;
}

QJsonObject info(const QString& path, const QString& cacheDir) {
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("RUNLENS_CACHE_DIR", cacheDir);
    process.setProcessEnvironment(env);
    process.start(RUNLENS_EXECUTABLE, {"info", path, "--json", "--runs"});
    REQUIRE(process.waitForFinished(120000));
    INFO(process.readAllStandardError().toStdString());
    REQUIRE(process.exitCode() == 0);
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

}  // namespace

TEST_CASE("runlens info reads every source form through its importer and never writes to it",
          "[cli][fixtures]") {
    runlens::test::requireFixture("wandb");
    runlens::test::TempDir cache;
    for (const Source& source : kSources) {
        const QString path =
            QString::fromStdString(runlens::test::requireFixture(source.path).string());
        INFO(source.path);
        const QString root = QFileInfo(path).isDir() ? path : QFileInfo(path).absolutePath();
        const auto before = digests(root);
        const QJsonObject first = info(path, QString::fromStdString(cache.path().string()));
        CHECK(first["format"].toString() == source.format);
        CHECK(first["runs"].toInt() == source.runs);
        CHECK(first["run_list"].toArray().size() == source.runs);
        CHECK(
            first["database"].toString().startsWith(QString::fromStdString(cache.path().string())));
        if (*source.metric) CHECK(first["metrics"].toObject().contains(source.metric));
        const QJsonObject second = info(path, QString::fromStdString(cache.path().string()));
        CHECK(second["metrics"] == first["metrics"]);  // nothing imported twice
        CHECK(second["run_list"] == first["run_list"]);
        CHECK(digests(root) == before);
    }
}

TEST_CASE("runlens info counts PatrickCmd's 10 deleted MLflow runs apart (#17)",
          "[cli][fixtures]") {
    const QString path = QString::fromStdString(
        runlens::test::requireFixture(
            "mlflow/PatrickCmd__mlops-zoomcamp/02-experiment-tracking/mlflow.db")
            .string());
    runlens::test::TempDir cache;
    const QJsonObject o = info(path, QString::fromStdString(cache.path().string()));
    CHECK(o["runs"].toInt() == 57);
    CHECK(o["deleted"].toInt() == 10);
    CHECK(o["run_list"].toArray().size() == 67);  // the list keeps them, marked "deleted"
}
