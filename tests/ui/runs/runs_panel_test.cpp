// RunsPanel: what it hands to the charts, and its saved view state.
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <catch2/catch.hpp>

#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"
#include "tests/ui/runs/runs_test_data.h"
#include "tests/ui/support/ui_test_data.h"
#include "ui/models/run_table_model.h"
#include "ui/widgets/filter_line_edit.h"
#include "ui/widgets/runs_panel.h"

using namespace runlens;
using namespace runlens::ui;

TEST_CASE("RunsPanel draws only runs that pass the filter and are not hidden", "[ui][runs]") {
    test::TempDir dir;
    const std::string path = (dir / "p.runlens").string();
    test::writeSampleDatabase(path, 6);
    RunsPanel panel;
    panel.setSnapshot(test::readSnapshot(path));
    CHECK(panel.drawnRuns().runs.size() == 6);

    // Newest first until the user sorts (run-5 was created last).
    panel.model()->setRowsHidden({4, 5}, true);
    auto drawn = panel.drawnRuns();
    REQUIRE(drawn.runs.size() == 4);
    CHECK(drawn.runs.front().name == "run-3");
    CHECK(drawn.runs.back().name == "run-0");
    CHECK(drawn.runs.front().color.isValid());
    CHECK_FALSE(drawn.grouped);

    panel.filterEdit()->setText("run-3");
    emit panel.filterEdit()->returnPressed();
    drawn = panel.drawnRuns();
    REQUIRE(drawn.runs.size() == 1);
    CHECK(drawn.runs.front().name == "run-3");
    CHECK(panel.shownCount() == 1);
    CHECK(panel.totalCount() == 6);
}

TEST_CASE("RunsPanel saves and restores its view state", "[ui][runs]") {
    test::TempDir dir;
    const std::string path = (dir / "s.runlens").string();
    test::writeSampleDatabase(path, 6);
    auto snapshot = test::readSnapshot(path);
    QVariantMap state;
    {
        RunsPanel panel;
        panel.setSnapshot(snapshot);
        panel.model()->setGroupBy("group");
        panel.model()->sort(panel.model()->columnIndex("config:lr"), Qt::DescendingOrder);
        panel.model()->setRowsHidden({3}, true);
        panel.filterEdit()->setText("run");
        state = panel.saveState();
    }
    RunsPanel restored;
    restored.restoreState(state);
    restored.setSnapshot(snapshot);
    CHECK(restored.model()->groupBy() == "group");
    CHECK(restored.model()->sortColumn() == restored.model()->columnIndex("config:lr"));
    CHECK(restored.model()->sortOrder() == Qt::DescendingOrder);
    CHECK(restored.filterEdit()->text() == "run");
    const auto drawn = restored.drawnRuns();
    CHECK(drawn.grouped);
    CHECK(drawn.runs.size() == 5);
}

namespace {

void applyFilterNow(RunsPanel& panel, const QString& text) {
    panel.filterEdit()->setText(text);
    emit panel.filterEdit()->returnPressed();
}

QString nameAt(const RunsPanel& panel, int row) {
    const auto rows = panel.model()->shownRows();
    return QString::fromStdString(
        panel.model()->snapshot()->runs[std::size_t(rows.at(std::size_t(row)))].name);
}

}  // namespace

TEST_CASE("Rows are one line high whatever their cells hold (issue 17)", "[ui][runs]") {
    test::TempDir dir;
    const std::string plainPath = (dir / "plain.runlens").string();
    const std::string realPath = (dir / "real.runlens").string();
    test::writeSampleDatabase(plainPath, 4);
    test::writeIssue17Database(realPath, 6);

    RunsPanel plain;
    plain.resize(900, 500);
    plain.setSnapshot(test::readSnapshot(plainPath));
    plain.show();
    REQUIRE(QTest::qWaitForWindowExposed(&plain));
    const int oneLine = plain.view()->visualRect(plain.model()->index(0, 0)).height();
    CHECK(oneLine == plain.view()->lineRowHeight());
    CHECK(oneLine < 2 * plain.view()->fontMetrics().height());

    // The first row holds a three-line value, in a column shown on purpose.
    RunsPanel real;
    real.resize(900, 500);
    real.restoreState({{"shownColumns", QStringList{"config:_wandb.requirements"}}});
    real.setSnapshot(test::readSnapshot(realPath));
    real.show();
    REQUIRE(QTest::qWaitForWindowExposed(&real));
    const int requirements = real.model()->columnIndex("config:_wandb.requirements");
    REQUIRE_FALSE(real.view()->header()->isSectionHidden(requirements));
    REQUIRE(real.model()->rowCount() == 4);
    for (int row = 0; row < real.model()->rowCount(); ++row) {
        const QModelIndex index = real.model()->index(row, requirements);
        CHECK(real.view()->visualRect(index).height() == oneLine);
        CHECK(real.view()->frozenView()->visualRect(index.siblingAtColumn(0)).height() == oneLine);
    }
    // Every row is on screen: none is pushed away by a screen-high first row.
    const int last = real.model()->rowCount() - 1;
    CHECK(real.view()->visualRect(real.model()->index(last, 0)).bottom() <
          real.view()->viewport()->height());
}

TEST_CASE("An invalid filter lists nothing and says why beside the box (issue 17)", "[ui][runs]") {
    test::TempDir dir;
    const std::string path = (dir / "f.runlens").string();
    test::writeSampleDatabase(path, 6);
    RunsPanel panel;
    panel.resize(700, 500);
    panel.setSnapshot(test::readSnapshot(path));
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));

    applyFilterNow(panel, "lr < 0.05");
    REQUIRE(panel.shownCount() == 4);
    CHECK_FALSE(panel.filterErrorLabel()->isVisible());

    applyFilterNow(panel, "lr <");
    CHECK(panel.hasFilterError());
    CHECK(panel.filterErrorLabel()->isVisible());
    CHECK(panel.filterErrorLabel()->text().contains("expected a value"));
    CHECK(panel.filterErrorLabel()->text().contains("at character"));
    CHECK(panel.model()->rowCount() == 0);  // not the last good result
    CHECK(panel.shownCount() == 0);
    CHECK(panel.drawnRuns().runs.empty());
    CHECK(panel.emptyHint()->isVisible());
    CHECK(panel.emptyHint()->text().contains("Filter error"));
    CHECK(panel.countsText().startsWith("filter error"));
    CHECK(panel.grab().save(
        QString::fromStdString((test::testOutputDir() / "runs_panel_filter_error.png").string())));

    applyFilterNow(panel, "lr < 0.05");
    CHECK_FALSE(panel.hasFilterError());
    CHECK_FALSE(panel.filterErrorLabel()->isVisible());
    CHECK_FALSE(panel.emptyHint()->isVisible());
    CHECK(panel.shownCount() == 4);
    CHECK(panel.countsText() == "4 of 6 runs");

    applyFilterNow(panel, "lr > 5");
    CHECK(panel.emptyHint()->isVisible());
    CHECK(panel.emptyHint()->text() == "No runs match the filter.");
}

TEST_CASE("Deleted runs are hidden, counted apart, shown on request and remembered (issue 17)",
          "[ui][runs]") {
    test::TempDir dir;
    const std::string path = (dir / "d.runlens").string();
    test::writeIssue17Database(path, 6);
    auto snapshot = test::readSnapshot(path);
    QVariantMap state;
    {
        RunsPanel panel;
        panel.setSnapshot(snapshot);
        CHECK(panel.countsText() == "4 of 4 runs · 2 deleted hidden");
        CHECK(panel.drawnRuns().runs.size() == 4);
        REQUIRE(panel.showDeletedAction()->isEnabled());
        CHECK(panel.showDeletedAction()->text().contains("(2)"));
        applyFilterNow(panel, "deleted == true");
        CHECK(panel.shownCount() == 0);
        panel.showDeletedAction()->trigger();
        CHECK(panel.shownCount() == 2);
        applyFilterNow(panel, "");
        CHECK(panel.countsText() == "6 of 6 runs");
        CHECK(panel.drawnRuns().runs.size() == 6);
        state = panel.saveState();
    }
    RunsPanel restored;
    restored.restoreState(state);
    restored.setSnapshot(snapshot);
    CHECK(restored.showDeletedAction()->isChecked());
    CHECK(restored.model()->rowCount() == 6);
    restored.restoreState({});  // another source, nothing saved for it
    CHECK_FALSE(restored.showDeletedAction()->isChecked());
    CHECK(restored.model()->rowCount() == 4);
}

TEST_CASE("Pinned runs are remembered with the view state (issue 17)", "[ui][runs]") {
    test::TempDir dir;
    const std::string path = (dir / "pin.runlens").string();
    test::writeSampleDatabase(path, 6);
    auto snapshot = test::readSnapshot(path);
    QVariantMap state;
    {
        RunsPanel panel;
        panel.setSnapshot(snapshot);
        CHECK(nameAt(panel, 0) == "run-5");  // newest first
        panel.model()->setRowsPinned({2}, true);
        CHECK(nameAt(panel, 0) == "run-2");
        state = panel.saveState();
    }
    RunsPanel restored;
    restored.restoreState(state);
    restored.setSnapshot(snapshot);
    CHECK(restored.model()->looks().isPinned("uid-2"));
    CHECK(nameAt(restored, 0) == "run-2");
    CHECK(nameAt(restored, 1) == "run-5");
    CHECK(restored.model()->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
}

TEST_CASE("Runs are listed newest first until the user sorts (issue 17)", "[ui][runs]") {
    test::TempDir dir;
    const std::string path = (dir / "n.runlens").string();
    test::writeSampleDatabase(path, 5);
    auto snapshot = test::readSnapshot(path);
    RunsPanel panel;
    panel.setSnapshot(snapshot);
    CHECK(panel.model()->sortKey() == "created");
    CHECK(panel.model()->sortOrder() == Qt::DescendingOrder);
    CHECK(panel.view()->header()->sortIndicatorSection() == panel.model()->columnIndex("created"));
    CHECK(nameAt(panel, 0) == "run-4");
    CHECK(nameAt(panel, 4) == "run-0");

    // A sort the user picks is kept; a state saved without one gets the default.
    panel.model()->sort(panel.model()->columnIndex("name"), Qt::AscendingOrder);
    RunsPanel other;
    other.restoreState(panel.saveState());
    other.setSnapshot(snapshot);
    CHECK(nameAt(other, 0) == "run-0");
    other.restoreState({{"sortColumn", QString()}});
    CHECK(nameAt(other, 0) == "run-4");
}

TEST_CASE("The Name column stays at the left while the other columns scroll (issue 17)",
          "[ui][runs]") {
    test::TempDir dir;
    const std::string path = (dir / "wide.runlens").string();
    test::writeIssue17Database(path, 6);
    RunsPanel panel;
    panel.resize(420, 400);
    // Every column shown, as with the ~50 parameters of an MLflow hyperparameter search.
    QStringList all;
    {
        RunsPanel probe;
        probe.setSnapshot(test::readSnapshot(path));
        for (const RunColumn& c : probe.model()->columns())
            all << c.id;
    }
    panel.restoreState({{"shownColumns", all}});
    panel.setSnapshot(test::readSnapshot(path));
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));

    RunsTableView* view = panel.view();
    QTreeView* frozen = view->frozenView();
    REQUIRE(frozen->isVisible());
    CHECK(frozen->model() == view->model());
    CHECK(frozen->selectionModel() == view->selectionModel());
    for (int c = 1; c < panel.model()->columnCount(); ++c)
        CHECK(frozen->isColumnHidden(c));
    CHECK(frozen->columnWidth(0) == view->columnWidth(0));
    CHECK(frozen->width() == view->columnWidth(0));

    QScrollBar* across = view->horizontalScrollBar();
    REQUIRE(across->maximum() > 0);
    across->setValue(across->maximum());
    CHECK(frozen->x() == view->frameWidth());  // did not move
    CHECK(frozen->indexAt(QPoint(10, frozen->visualRect(panel.model()->index(0, 0)).center().y()))
              .column() == 0);

    // Selecting from either view selects in both; so does the vertical scroll position.
    view->selectionModel()->select(panel.model()->index(1, 0),
                                   QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    CHECK(panel.selectedCount() == 1);
    CHECK(frozen->selectionModel()->isRowSelected(1, {}));

    // Widening Name from the overlay's header widens the column underneath.
    frozen->header()->resizeSection(0, 200);
    CHECK(view->columnWidth(0) == 200);
    CHECK(frozen->width() == 200);

    // Clicking Name in the overlay's header sorts by name; a click on a run there focuses the
    // table, so its keys act on that run.
    QTest::mouseClick(frozen->header()->viewport(), Qt::LeftButton, {},
                      QPoint(20, frozen->header()->height() / 2));
    CHECK(panel.model()->sortKey() == "name");
    CHECK(frozen->header()->sortIndicatorSection() == 0);
    CHECK(view->header()->sortIndicatorSection() == 0);
    QTest::mouseClick(frozen->viewport(), Qt::LeftButton, {},
                      frozen->visualRect(panel.model()->index(2, 0)).center() + QPoint(20, 0));
    CHECK(panel.selectedCount() == 1);
    CHECK(view->selectionModel()->isRowSelected(2, {}));
    CHECK(view->hasFocus());

    // Name cannot be dragged away from the left.
    view->header()->moveSection(0, 3);
    CHECK(view->header()->visualIndex(0) == 0);
}

TEST_CASE(
    "Columns are sized to show dates and typical values; a width the user sets is kept "
    "(issue 17)",
    "[ui][runs]") {
    test::TempDir dir;
    const std::string path = (dir / "w.runlens").string();
    test::writeSampleDatabase(path, 6);
    auto snapshot = test::readSnapshot(path);
    QVariantMap state;
    {
        RunsPanel panel;
        panel.setSnapshot(snapshot);
        const int created = panel.model()->columnIndex("created");
        const QString date = panel.model()->index(0, created).data().toString();
        REQUIRE(date.size() == 16);  // "2023-11-14 22:13"
        CHECK(panel.view()->columnWidth(created) >
              panel.view()->fontMetrics().horizontalAdvance(date));
        CHECK(panel.view()->columnWidth(created) <= 300);
        const int lr = panel.model()->columnIndex("config:lr");
        panel.view()->header()->resizeSection(lr, 177);
        panel.setSnapshot(snapshot);  // a reload
        CHECK(panel.view()->columnWidth(lr) == 177);
        state = panel.saveState();
    }
    RunsPanel restored;
    restored.restoreState(state);
    restored.setSnapshot(snapshot);
    CHECK(restored.view()->columnWidth(restored.model()->columnIndex("config:lr")) == 177);
}

TEST_CASE("Ctrl+C copies the selected runs' visible cells as tab-separated text", "[ui][runs]") {
    test::TempDir dir;
    const std::string path = (dir / "c.runlens").string();
    test::writeSampleDatabase(path, 4);
    RunsPanel panel;
    panel.resize(700, 400);
    panel.setSnapshot(test::readSnapshot(path));
    panel.show();
    REQUIRE(QTest::qWaitForWindowExposed(&panel));
    auto* model = panel.model();
    panel.view()->selectionModel()->select(
        model->indexOfRow(1), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    panel.view()->selectionModel()->select(model->indexOfRow(2),
                                           QItemSelectionModel::Select | QItemSelectionModel::Rows);
    panel.view()->setFocus();
    QApplication::clipboard()->clear();
    QTest::keyClick(panel.view(), Qt::Key_C, Qt::ControlModifier);
    const QStringList lines = QApplication::clipboard()->text().split('\n', Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0].startsWith("Name\tState\t"));
    CHECK(lines[1].startsWith("run-2\tfailed\t"));  // table order: newest first
    CHECK(lines[2].startsWith("run-1\tfinished\t"));
}

TEST_CASE("Selected runs stand out in the charts: the others fade (issue 17)", "[ui][runs]") {
    test::TempDir dir;
    const std::string path = (dir / "p.runlens").string();
    test::writeSampleDatabase(path, 4);
    RunsPanel panel;
    panel.resize(600, 400);
    panel.show();
    panel.setSnapshot(test::readSnapshot(path));
    const DrawnRuns before = panel.drawnRuns();
    REQUIRE(before.runs.size() == 4);
    QSignalSpy highlight(&panel, &RunsPanel::highlightChanged);
    // The first row is run-3 (newest first).
    const QModelIndex first = panel.model()->index(0, 0);
    panel.view()->selectionModel()->select(
        first, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    CHECK(highlight.count() >= 1);
    const DrawnRuns selected = panel.drawnRuns();
    REQUIRE(selected.runs.size() == 4);
    CHECK(selected.runs[0].color == before.runs[0].color);  // the selected run as it was
    CHECK_FALSE(selected.runs[0].faded);
    CHECK(selected.runs[1].faded);  // drawn under the selected one
    for (std::size_t i = 1; i < 4; ++i) {
        CHECK(selected.runs[i].color != before.runs[i].color);
        CHECK(selected.runs[i].color.lightness() > before.runs[i].color.lightness());
        CHECK(selected.runs[i].id == before.runs[i].id);  // same runs, same order: no re-read
    }
    panel.view()->selectionModel()->clearSelection();
    const DrawnRuns cleared = panel.drawnRuns();
    for (std::size_t i = 0; i < 4; ++i)
        CHECK(cleared.runs[i].color == before.runs[i].color);
}
