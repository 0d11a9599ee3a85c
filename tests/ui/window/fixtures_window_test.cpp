// Every real source in ../shared/fixtures opened in the window as a user opens it (issue 17): the
// runs table shows every run at one line's height, and every chart panel with data draws marks a
// user can see — single-point metrics included. Skipped without the fixtures.
#include <QColor>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"
#include "ui/main_window.h"
#include "ui/models/run_table_model.h"
#include "ui/plots/charts_panel.h"
#include "ui/plots/metric_panel.h"
#include "ui/widgets/runs_panel.h"
#include "ui/widgets/runs_table_view.h"
#include "ui/workspace.h"

using namespace runlens;
using namespace runlens::ui;
namespace fs = std::filesystem;

namespace {

// The MANIFEST entries that are sources a user opens (not logs or SQL dumps).
std::vector<fs::path> manifestSources(const fs::path& fixtures) {
    std::vector<fs::path> out;
    for (const test::ManifestEntry& e : test::manifestEntries(fixtures)) {
        const std::string& kind = e.kind;
        const bool source = kind == "wandb" || kind == "mlruns" || kind == "tensorboard" ||
                            kind == "csv" || (kind == "mlflow" && e.localPath.ends_with(".db"));
        if (source) out.push_back(fixtures / e.localPath);
    }
    return out;
}

// Pixels a run's colour could have painted: clearly coloured, unlike text, axes, grid and the
// white background, which are all grey.
int colouredPixels(const QImage& image) {
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = QColor::fromRgb(image.pixel(x, y));
            n += c.hsvSaturation() > 80 && c.value() > 40;
        }
    return n;
}

struct Opened {
    QTemporaryDir settingsDir;
    test::TempDir cache;
    MainWindow window;

    explicit Opened(const fs::path& source) {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
        qputenv("RUNLENS_CACHE_DIR", QByteArray::fromStdString(cache.path().string()));
        window.setQuietErrors(true);
        window.resize(1300, 820);
        window.show();
        REQUIRE(QTest::qWaitForWindowExposed(&window));
        QSignalSpy finished(window.workspace(), &Workspace::importFinished);
        QSignalSpy failed(window.workspace(), &Workspace::failed);
        window.openPath(QString::fromStdString(source.string()));
        REQUIRE(QTest::qWaitFor(
            [&] {
                const Workspace* ws = window.workspace();
                return !failed.isEmpty() || (ws->isOpen() && !finished.isEmpty() &&
                                             !ws->isImporting() && !ws->isReloading());
            },
            60000));
        INFO((failed.isEmpty() ? QString() : failed.first().first().toString()).toStdString());
        REQUIRE(failed.isEmpty());
        REQUIRE(QTest::qWaitFor([&] { return window.chartsPanel()->isIdle(); }, 60000));
        QTest::qWait(50);  // the last chart's queued replot
        qunsetenv("RUNLENS_CACHE_DIR");
    }
};

}  // namespace

TEST_CASE("Every fixture source shows every run on one line and draws every chart (#17)",
          "[ui][window][fixtures]") {
    const fs::path fixtures = test::requireFixture("MANIFEST.tsv").parent_path();
    const auto sources = manifestSources(fixtures);
    REQUIRE(sources.size() >= 40);
    int panelsChecked = 0;
    for (const fs::path& source : sources) {
        const std::string name = fs::relative(source, fixtures).string();
        INFO(name);
        Opened opened(source);
        RunsPanel* runs = opened.window.runsPanel();
        const auto snapshot = opened.window.workspace()->runs();
        const auto live = std::count_if(snapshot->runs.begin(), snapshot->runs.end(),
                                        [](const RunInfo& r) { return !r.deleted; });
        CHECK(runs->totalCount() == live);
        CHECK(runs->shownCount() == runs->totalCount());
        const int line = runs->view()->lineRowHeight();
        for (int row = 0; row < runs->model()->rowCount(); ++row)
            CHECK(runs->view()->visualRect(runs->model()->index(row, 0)).height() == line);

        for (MetricPanel* panel : opened.window.chartsPanel()->panels()) {
            if (!opened.window.chartsPanel()->isInView(panel) || panel->key().pointCount == 0)
                continue;
            INFO(panel->keyName().toStdString());
            CHECK(colouredPixels(panel->grab().toImage()) >= 9);  // a 3×3 marker at least
            ++panelsChecked;
        }
        std::string file = name;
        std::replace(file.begin(), file.end(), '/', '_');
        CHECK(opened.window.grab().save(QString::fromStdString(
            (test::testOutputDir() / ("fixture_" + file + ".png")).string())));
    }
    CHECK(panelsChecked > 100);
}

TEST_CASE("A workspace of a W&B folder, an MLflow store and a TensorBoard folder, by source (#17)",
          "[ui][window][workspace][fixtures]") {
    const fs::path wandb = test::requireFixture("wandb/vikram-kv__cs6910_assignment1/wandb");
    const fs::path mlflow =
        test::requireFixture("mlflow/PatrickCmd__mlops-zoomcamp/02-experiment-tracking/mlflow.db");
    const fs::path tensorboard = test::requireFixture("tensorboard/DatavAId__N-BEATS");
    Opened opened(wandb);
    MainWindow& window = opened.window;
    const int wandbRuns = window.runsPanel()->totalCount();
    REQUIRE(wandbRuns > 0);
    qputenv("RUNLENS_CACHE_DIR", QByteArray::fromStdString(opened.cache.path().string()));
    for (const fs::path& more : {mlflow, tensorboard}) {
        QSignalSpy added(window.workspace(), &Workspace::sourceAdded);
        QSignalSpy failed(window.workspace(), &Workspace::failed);
        window.workspace()->addSource(QString::fromStdString(more.string()));
        REQUIRE(QTest::qWaitFor([&] { return !added.isEmpty() || !failed.isEmpty(); }, 60000));
        REQUIRE(failed.isEmpty());
        REQUIRE(QTest::qWaitFor(
            [&] {
                return !window.workspace()->isImporting() && !window.workspace()->isReloading();
            },
            60000));
    }
    qunsetenv("RUNLENS_CACHE_DIR");
    REQUIRE(
        QTest::qWaitFor([&] { return window.runsPanel()->totalCount() > wandbRuns + 57; }, 20000));
    RunsPanel* runs = window.runsPanel();
    const int all = runs->totalCount();
    CHECK(window.workspace()->format() == "workspace");

    window.setRunsFilter("source.format == \"mlflow\"");
    CHECK(runs->shownCount() == 57);  // 67 in the store, 10 of them deleted and hidden
    window.setRunsFilter("source.format == \"wandb\"");
    CHECK(runs->shownCount() == wandbRuns);
    window.setRunsFilter("source.format != \"wandb\" and source.format != \"mlflow\"");
    CHECK(runs->shownCount() == all - wandbRuns - 57);
    CHECK(runs->shownCount() > 0);
    window.setRunsFilter("");
    CHECK(runs->shownCount() == all);

    runs->model()->setGroupBy("source");
    CHECK(runs->model()->rowCount() == 3);
    REQUIRE(QTest::qWaitFor([&] { return window.chartsPanel()->isIdle(); }, 60000));
    CHECK(window.grab().save(
        QString::fromStdString((test::testOutputDir() / "workspace_by_source.png").string())));
}
