// The runs table on real projects as they are on disk (issue 17): W&B folders, MLflow stores,
// a TensorBoard folder, imported through the real importers. Skipped without the fixtures.
#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QScrollBar>
#include <QTest>
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>

#include "core/importers/source_opener.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"
#include "tests/ui/support/ui_test_data.h"
#include "ui/models/run_table_model.h"
#include "ui/widgets/filter_line_edit.h"
#include "ui/widgets/runs_panel.h"

using namespace runlens;
using namespace runlens::ui;

namespace {

std::shared_ptr<const RunsSnapshot> importFixture(const test::TempDir& cache,
                                                  const std::string& relative) {
    const auto source = test::requireFixture(relative);
    auto plan = planSource(source, cache.path());
    INFO(relative << ": " << (plan.ok() ? std::string() : plan.error().toString()));
    REQUIRE(plan.ok());
    if (plan->imported) {
        auto stats = updateCache(*plan, nullptr);
        INFO(relative << ": " << (stats.ok() ? std::string() : stats.error().toString()));
        REQUIRE(stats.ok());
    }
    return test::readSnapshot(plan->databasePath);
}

struct ShownPanel {
    RunsPanel panel;
    explicit ShownPanel(std::shared_ptr<const RunsSnapshot> snapshot, QSize size = {1200, 600}) {
        panel.resize(size);
        panel.setSnapshot(std::move(snapshot));
        panel.show();
        REQUIRE(QTest::qWaitForWindowExposed(&panel));
    }
    void save(const std::string& name) {
        QCoreApplication::processEvents();
        CHECK(panel.grab().save(QString::fromStdString((test::testOutputDir() / name).string())));
    }
    std::vector<QString> visibleColumnIds() const {
        std::vector<QString> ids;
        for (int c = 0; c < panel.model()->columnCount(); ++c)
            if (!panel.view()->header()->isSectionHidden(c))
                ids.push_back(panel.model()->columns()[std::size_t(c)].id);
        return ids;
    }
};

}  // namespace

TEST_CASE("Real W&B folders: every run is a one-line row on screen, internals hidden (issue 17)",
          "[ui][runs][fixtures]") {
    test::TempDir cache;
    for (const char* folder :
         {"wandb/vikram-kv__cs6910_assignment1/wandb", "wandb/TheDingodile__ML_final/wandb",
          "wandb/sps1001__MLOps-Sahilpreet_Singh-B23CS1061/wandb"}) {
        INFO(folder);
        ShownPanel shown(importFixture(cache, folder));
        RunsPanel& panel = shown.panel;
        REQUIRE(panel.totalCount() > 0);
        CHECK(panel.shownCount() == panel.totalCount());
        const int line = panel.view()->lineRowHeight();
        for (int row = 0; row < panel.model()->rowCount(); ++row) {
            const QRect rect = panel.view()->visualRect(panel.model()->index(row, 0));
            CHECK(rect.height() == line);
            CHECK(rect.bottom() < panel.view()->viewport()->height());
        }
        for (const QString& id : shown.visibleColumnIds()) {
            INFO(id.toStdString());
            CHECK_FALSE(id.startsWith("config:_"));
            CHECK_FALSE(id.startsWith("summary:_"));
        }
        // Internals stay reachable, and `_timestamp` reads as a date.
        const int stamp = panel.model()->columnIndex("summary:_timestamp");
        if (stamp >= 0) {
            const QString text = panel.model()->index(0, stamp).data().toString();
            INFO(text.toStdString());
            CHECK(text.contains(QRegularExpression("^20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d$")));
        }
        std::string name = folder;
        std::replace(name.begin(), name.end(), '/', '_');
        shown.save("runs_panel_" + name + ".png");
        // Grouped: the overlay shows the group rows and their arrows too.
        panel.model()->setGroupBy("state");
        CHECK(panel.view()->frozenView()->isExpanded(panel.model()->index(0, 0)));
        shown.save("runs_panel_" + name + "_grouped.png");
    }
}

TEST_CASE("Real MLflow store with deleted runs: hidden and counted apart (issue 17)",
          "[ui][runs][fixtures]") {
    test::TempDir cache;
    auto snapshot =
        importFixture(cache, "mlflow/PatrickCmd__mlops-zoomcamp/02-experiment-tracking/mlflow.db");
    const auto deleted = std::count_if(snapshot->runs.begin(), snapshot->runs.end(),
                                       [](const RunInfo& r) { return r.deleted; });
    CHECK(snapshot->runs.size() == 67);
    CHECK(deleted == 10);  // lifecycle_stage 'deleted' in the store
    ShownPanel shown(snapshot);
    CHECK(shown.panel.countsText() == "57 of 57 runs · 10 deleted hidden");
    CHECK(shown.panel.drawnRuns().runs.size() == 57);
    shown.save("runs_panel_mlflow_PatrickCmd.png");
    shown.panel.showDeletedAction()->trigger();
    CHECK(shown.panel.countsText() == "67 of 67 runs");
    shown.panel.filterEdit()->setText("deleted == true or created > \"2022-05-25\"");
    emit shown.panel.filterEdit()->returnPressed();
    CHECK(shown.panel.shownCount() >= 10);
    shown.save("runs_panel_mlflow_PatrickCmd_deleted_shown.png");
}

TEST_CASE(
    "Real MLflow search of 100 runs: newest first, Name frozen, ends of names visible "
    "(issue 17)",
    "[ui][runs][fixtures]") {
    test::TempDir cache;
    ShownPanel shown(
        importFixture(cache, "mlflow/MadanManav__MLFlow_tutorial_with_hyperopt/mlruns.db"),
        {700, 600});
    RunsPanel& panel = shown.panel;
    REQUIRE(panel.totalCount() == 100);
    const auto rows = panel.model()->shownRows();
    for (std::size_t i = 1; i < rows.size(); ++i)
        CHECK(panel.model()->snapshot()->runs[std::size_t(rows[i - 1])].startTime >=
              panel.model()->snapshot()->runs[std::size_t(rows[i])].startTime);
    CHECK(shown.visibleColumnIds().size() > 20);  // the parameters that vary
    CHECK(panel.view()->textElideMode() == Qt::ElideMiddle);
    shown.save("runs_panel_mlflow_MadanManav.png");
    QScrollBar* across = panel.view()->horizontalScrollBar();
    REQUIRE(across->maximum() > 0);
    across->setValue(across->maximum() / 2);
    CHECK(panel.view()->frozenView()->x() == panel.view()->frameWidth());
    shown.save("runs_panel_mlflow_MadanManav_scrolled.png");
}

TEST_CASE("Real TensorBoard folder opens as one-line rows (issue 17)", "[ui][runs][fixtures]") {
    test::TempDir cache;
    ShownPanel shown(importFixture(cache, "tensorboard/DatavAId__N-BEATS/lightning_logs"));
    REQUIRE(shown.panel.totalCount() > 0);
    for (int row = 0; row < shown.panel.model()->rowCount(); ++row)
        CHECK(shown.panel.view()->visualRect(shown.panel.model()->index(row, 0)).height() ==
              shown.panel.view()->lineRowHeight());
    shown.save("runs_panel_tensorboard_DatavAId.png");
}
