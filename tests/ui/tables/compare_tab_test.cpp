// Comparing a table across runs and steps offscreen: the join on the id column, the filters'
// row counts against the test data's rule, the selection-driven button, and the model tester.
#include <QAbstractItemModelTester>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTreeView>
#include <catch2/catch.hpp>

#include "tests/support/temp_dir.h"
#include "tests/ui/tables/table_test_data.h"
#include "ui/tables/compare_model.h"
#include "ui/tables/compare_tab.h"
#include "ui/tables/table_list_model.h"
#include "ui/tables/tables_view.h"

using namespace runlens;
using namespace runlens::ui;
using analysis::JoinFilter;

namespace {

constexpr int kRows = 40;

void waitLoaded(CompareTab* tab) {
    if (tab->isLoaded()) return;
    QSignalSpy loaded(tab, &CompareTab::loaded);
    REQUIRE(loaded.wait(10000));
}

// Rows r (of kRows) where `pass` holds.
int countRows(const std::function<bool(int)>& pass) {
    int n = 0;
    for (int r = 0; r < kRows; ++r)
        n += pass(r);
    return n;
}

struct Fixture {
    test::TempDir dir;
    TablesView view;
    Fixture(int runs) {
        const std::string path = (dir / "t.runlens").string();
        test::writeTableDatabase(path, runs, kRows);
        view.setRuns(test::drawnTableRuns(runs));
        view.setDatabase(QString::fromStdString(path));
        QSignalSpy listed(&view, &TablesView::listLoaded);
        REQUIRE(listed.wait(10000));
    }
};

}  // namespace

TEST_CASE("A table compared across runs: joined on id, filters count the right rows (#10)",
          "[ui][tables][compare]") {
    Fixture f(3);
    CompareTab* tab = f.view.compareRuns("val/predictions");
    REQUIRE(tab);
    waitLoaded(tab);
    QAbstractItemModelTester tester(tab->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    CHECK(tab->keyColumn() == "id");
    CompareModel* model = tab->model();
    REQUIRE(model->rowCount() == kRows);
    REQUIRE(model->columnCount() == CompareModel::FirstTableColumn + 3);
    CHECK(model->headerData(CompareModel::FirstTableColumn + 1, Qt::Horizontal, Qt::DisplayRole)
              .toString() == "run-1");
    // At the newest step (2), run k is wrong on row r when (r + k + 2) % 4 == 0.
    auto wrong = [](int k, int r) { return (r + k + 2) % 4 == 0; };
    const QModelIndex cell = model->index(2, CompareModel::FirstTableColumn);  // run-0, row 2
    CHECK(model->data(cell, Qt::ToolTipRole).toString().contains("wrong"));
    CHECK(model->data(cell, Qt::BackgroundRole).isValid());

    tab->setFilter(JoinFilter::Fixed, 0, 1);
    CHECK(model->rowCount() == countRows([&](int r) { return wrong(0, r) && !wrong(1, r); }));
    tab->setFilter(JoinFilter::Broken, 0, 1);
    CHECK(model->rowCount() == countRows([&](int r) { return !wrong(0, r) && wrong(1, r); }));
    tab->setFilter(JoinFilter::Disagree);
    CHECK(model->rowCount() ==
          countRows([&](int r) { return wrong(0, r) || wrong(1, r) || wrong(2, r); }));
    tab->setFilter(JoinFilter::AllWrong);
    CHECK(model->rowCount() == 0);
    CHECK(tab->statusText().contains("joined on id"));

    // By row index the same tables join the same way here (rows are in id order).
    tab->setKeyColumn(QString());
    waitLoaded(tab);
    CHECK(tab->keyColumn().isEmpty());
    CHECK(tab->statusText().contains("row index"));
}

TEST_CASE("A table compared across its steps; the list's Compare button follows the selection",
          "[ui][tables][compare]") {
    Fixture f(2);
    QPushButton* compare = f.view.findChild<QPushButton*>("compareSelected");
    REQUIRE(compare);
    CHECK_FALSE(compare->isEnabled());
    QTreeView* list = f.view.listView();
    list->selectionModel()->select(list->model()->index(0, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    CHECK(compare->isEnabled());  // one table at two steps
    list->selectionModel()->select(list->model()->index(1, 0),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    CHECK(compare->isEnabled());  // the same table in two runs
    compare->click();
    auto* across = qobject_cast<CompareTab*>(f.view.tabs()->currentWidget());
    REQUIRE(across);
    waitLoaded(across);
    CHECK(across->model()->columnCount() == CompareModel::FirstTableColumn + 2);

    CompareTab* steps = f.view.compareSteps(RunId(1), "val/predictions");
    REQUIRE(steps);
    waitLoaded(steps);
    CHECK(steps->model()
              ->headerData(CompareModel::FirstTableColumn, Qt::Horizontal, Qt::DisplayRole)
              .toString() == "step 1");
    // run-0 is wrong at step s on row r when (r + s) % 4 == 0: step 2 fixed r % 4 == 3.
    steps->setFilter(JoinFilter::Fixed, 0, 1);
    CHECK(steps->model()->rowCount() == countRows([](int r) { return r % 4 == 3; }));
    CHECK(f.view.compareRuns("no such table") == nullptr);
}
