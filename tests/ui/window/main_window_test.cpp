// MainWindow end to end, offscreen: open a database, filter, group, hide runs; errors; screenshot.
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <catch2/catch.hpp>

#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"
#include "tests/ui/support/ui_test_data.h"
#include "ui/main_window.h"
#include "ui/models/run_table_model.h"
#include "ui/plots/chart_plot.h"
#include "ui/plots/charts_panel.h"
#include "ui/plots/metric_panel.h"
#include "ui/tables/table_list_model.h"
#include "ui/tables/tables_view.h"
#include "ui/widgets/filter_line_edit.h"
#include "ui/widgets/runs_panel.h"
#include "ui/workspace.h"

using namespace runlens;
using namespace runlens::ui;

namespace {

// Each test gets its own settings so remembered view state from one does not leak into another.
struct IsolatedSettings {
    QTemporaryDir dir;
    IsolatedSettings() {
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    }
};

QString statusText(MainWindow& w) {
    QString text;
    for (QLabel* label : w.statusBar()->findChildren<QLabel*>())
        text += label->text() + "|";
    return text;
}

// Shows the window at a laptop size and opens `path` in it, waiting until it is loaded.
void showAndOpen(MainWindow& window, const std::string& path) {
    window.setQuietErrors(true);
    window.resize(1300, 800);
    window.show();
    QSignalSpy loaded(&window, &MainWindow::sourceLoaded);
    window.openPath(QString::fromStdString(path));
    REQUIRE(loaded.wait(10000));
}

}  // namespace

TEST_CASE(
    "The main window opens a database and the runs table follows filter, grouping and visibility",
    "[ui][window]") {
    IsolatedSettings settings;
    test::TempDir dir;
    const std::string path = (dir / "w.runlens").string();
    test::writeSampleDatabase(path, 12);

    MainWindow window;
    showAndOpen(window, path);

    RunsPanel* runs = window.runsPanel();
    CHECK(runs->totalCount() == 12);
    CHECK(runs->shownCount() == 12);
    CHECK(statusText(window).contains("12 of 12 runs"));

    runs->filterEdit()->setText("optimizer == \"adam\" and lr < 0.05");
    emit runs->filterEdit()->returnPressed();
    CHECK(runs->shownCount() == 3);  // runs 3, 6, 9 (lr = 0.1 / (i + 1))
    CHECK_FALSE(runs->filterEdit()->hasError());
    CHECK(statusText(window).contains("3 of 12 runs"));

    runs->filterEdit()->setText("lr <");
    emit runs->filterEdit()->returnPressed();
    CHECK(runs->filterEdit()->hasError());
    CHECK(runs->shownCount() == 0);  // a broken filter lists nothing, not the last good result
    CHECK(statusText(window).contains("filter error"));
    CHECK_FALSE(statusText(window).contains("3 of 12 runs"));

    runs->filterEdit()->setText(QString());
    emit runs->filterEdit()->returnPressed();
    runs->model()->setGroupBy("group");
    CHECK(runs->model()->rowCount() == 3);
    CHECK(runs->drawnRuns().grouped);
    CHECK(runs->findChild<QComboBox*>()->currentText() == "Group");  // the combo follows the model

    runs->model()->setRowsHidden({0, 1, 2}, true);
    CHECK(runs->drawnRuns().runs.size() == 9);

    // Deleted runs can be listed from the View menu (issue 17).
    bool inViewMenu = false;
    for (QAction* menu : window.menuBar()->actions())
        if (menu->menu() && menu->text() == "&View")
            inViewMenu = menu->menu()->actions().contains(runs->showDeletedAction());
    CHECK(inViewMenu);

    const QString shot =
        QString::fromStdString((test::testOutputDir() / "main_window.png").string());
    CHECK(window.grab().save(shot));
}

TEST_CASE("Opening a bad file shows a clear error and keeps the window usable", "[ui][window]") {
    IsolatedSettings settings;
    test::TempDir dir;
    test::writeFile(dir / "broken.runlens", "not a database at all");
    MainWindow window;
    window.setQuietErrors(true);
    QSignalSpy failed(window.workspace(), &Workspace::failed);
    window.openPath(QString::fromStdString((dir / "broken.runlens").string()));
    REQUIRE(failed.wait(10000));
    CHECK(failed.first().first().toString().contains("not a supported file"));
    CHECK_FALSE(window.workspace()->isOpen());
}

TEST_CASE("View settings are remembered per source across windows", "[ui][window]") {
    IsolatedSettings settings;
    test::TempDir dir;
    const std::string path = (dir / "v.runlens").string();
    test::writeSampleDatabase(path, 6);
    {
        MainWindow window;
        window.setQuietErrors(true);
        QSignalSpy loaded(&window, &MainWindow::sourceLoaded);
        window.openPath(QString::fromStdString(path));
        REQUIRE(loaded.wait(10000));
        window.runsPanel()->filterEdit()->setText("run-1");
        emit window.runsPanel()->filterEdit()->returnPressed();
        window.runsPanel()->model()->setGroupBy("config:optimizer");
        window.runsPanel()->model()->setRowsPinned({4}, true);
        window.close();
    }
    MainWindow again;
    again.setQuietErrors(true);
    QSignalSpy loaded(&again, &MainWindow::sourceLoaded);
    again.openPath(QString::fromStdString(path));
    REQUIRE(loaded.wait(10000));
    CHECK(again.runsPanel()->filterEdit()->text() == "run-1");
    CHECK(again.runsPanel()->model()->groupBy() == "config:optimizer");
    CHECK(again.runsPanel()->shownCount() == 1);
    CHECK(again.runsPanel()->model()->looks().isPinned("uid-4"));  // issue 17
}

TEST_CASE("Opening reads each chart in view once", "[ui][window][charts]") {
    // Every fetch of a panel starts a new generation. Charts asked for before the layout gave a
    // plot its width, or again when the first live poll took the unchanged file for a new one,
    // would each be read twice.
    IsolatedSettings settings;
    test::TempDir dir;
    const std::string path = (dir / "once.runlens").string();
    test::writeSampleDatabase(path, 12, 400);

    MainWindow window;
    showAndOpen(window, path);
    ChartsPanel* charts = window.chartsPanel();
    REQUIRE(QTest::qWaitFor([&] { return charts->isIdle(); }, 20000));
    auto fetches = [&] {
        std::vector<quint64> out;
        for (MetricPanel* p : charts->panels())
            out.push_back(p->generation().current());
        return out;
    };
    const std::vector<quint64> first = fetches();
    int drawn = 0;
    for (MetricPanel* p : charts->panels()) {
        CHECK(p->generation().current() <= 1);
        if (p->data() == nullptr) continue;
        ++drawn;
        CHECK(p->context().request.width == p->plot()->dataWidthPixels());
    }
    CHECK(drawn >= 2);
    QTest::qWait(1600);  // past the first live poll (every second)
    REQUIRE(QTest::qWaitFor([&] { return charts->isIdle(); }, 20000));
    CHECK(fetches() == first);
}

TEST_CASE("A failed open leaves the open workspace as it was (#17)", "[ui][window]") {
    IsolatedSettings settings;
    test::TempDir dir;
    const std::string path = (dir / "kept.runlens").string();
    test::writeSampleDatabase(path, 7);
    std::filesystem::create_directories(dir / "empty");

    MainWindow window;
    showAndOpen(window, path);
    const QString title = window.windowTitle();
    const auto panels = window.chartsPanel()->panels().size();
    REQUIRE(panels > 0);

    QSignalSpy failed(window.workspace(), &Workspace::failed);
    window.openPath(QString::fromStdString((dir / "empty").string()));
    REQUIRE(failed.wait(10000));
    CHECK(failed.first().first().toString().contains("no runs found"));
    CHECK(window.workspace()->isOpen());
    CHECK(window.workspace()->sourcePath() == QString::fromStdString(path));
    CHECK(window.windowTitle() == title);
    CHECK(window.runsPanel()->totalCount() == 7);
    CHECK(window.chartsPanel()->panels().size() == panels);

    window.workspace()->refresh();  // F5 reads the database that is still open
    QSignalSpy changed(window.workspace(), &Workspace::dataChanged);
    REQUIRE(changed.wait(10000));
    CHECK(window.runsPanel()->totalCount() == 7);
    CHECK(statusText(window).contains("7 of 7 runs"));
}

TEST_CASE("A predictions file opens on the Tables view with its table listed (#10)",
          "[ui][window]") {
    IsolatedSettings settings;
    test::TempDir dir;
    qputenv("RUNLENS_CACHE_DIR", QByteArray::fromStdString((dir / "cache").string()));
    test::writeFile(dir / "val_predictions.csv",
                    "id,label,pred,confidence\n0,cat,cat,0.9\n1,dog,cat,0.6\n2,dog,dog,0.8\n");
    MainWindow window;
    showAndOpen(window, (dir / "val_predictions.csv").string());
    CHECK(window.workspace()->format() == "predictions");
    TablesView* tables = window.tablesView();
    CHECK(window.isAncestorOf(tables));
    CHECK(tables->isVisible());  // the Tables view, not the empty charts
    for (int i = 0; i < 1000 && tables->listModel()->rowCount() == 0; ++i)
        QTest::qWait(10);  // the list is read again once the imported data is
    REQUIRE(tables->listModel()->rowCount() == 1);
    CHECK(tables->listModel()->entry(0).name == "val_predictions");
    CHECK(tables->listModel()->entry(0).rows == 3);
    qunsetenv("RUNLENS_CACHE_DIR");
}
