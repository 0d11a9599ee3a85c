// RunTableModel: contents, sorting, grouping, filtering and looks, checked by
// QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QFont>
#include <catch2/catch.hpp>
#include <cmath>

#include "tests/support/temp_dir.h"
#include "tests/ui/runs/runs_test_data.h"
#include "tests/ui/support/ui_test_data.h"
#include "ui/models/roles.h"
#include "ui/models/run_table_model.h"

using namespace runlens;
using namespace runlens::ui;

namespace {

std::vector<QString> namesInOrder(const RunTableModel& model) {
    std::vector<QString> names;
    for (int row : model.shownRows())
        names.push_back(QString::fromStdString(model.snapshot()->runs[std::size_t(row)].name));
    return names;
}

struct Fixture {
    test::TempDir dir;
    std::shared_ptr<const RunsSnapshot> snapshot;
    RunTableModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    Fixture() {
        const std::string path = (dir / "ui.runlens").string();
        test::writeSampleDatabase(path, 9);
        snapshot = test::readSnapshot(path);
        model.setSnapshot(snapshot);
    }
};

}  // namespace

TEST_CASE("RunTableModel shows every run with built-in, config and summary columns", "[ui][runs]") {
    Fixture f;
    CHECK(f.model.rowCount() == 9);
    CHECK(f.model.totalCount() == 9);
    const int name = f.model.columnIndex("name");
    const int lr = f.model.columnIndex("config:lr");
    const int acc = f.model.columnIndex("summary:val/acc");
    REQUIRE(name == 0);
    REQUIRE(lr > 0);
    REQUIRE(acc > 0);
    CHECK(f.model.data(f.model.index(0, name)).toString() == "run-0");
    CHECK(f.model.data(f.model.index(1, lr)).toString() == "0.05");
    CHECK(f.model.data(f.model.index(3, acc)).toString().isEmpty());  // missing
    CHECK(f.model.data(f.model.index(0, name), Qt::CheckStateRole).toInt() == Qt::Checked);
    CHECK(f.model.data(f.model.index(0, name), Qt::DecorationRole).value<QColor>().isValid());
    // A config value that is the same for every run says nothing: hidden by default.
    const auto& columns = f.model.columns();
    CHECK(columns[std::size_t(f.model.columnIndex("config:dataset"))].hiddenByDefault);
    CHECK_FALSE(columns[std::size_t(lr)].hiddenByDefault);
}

TEST_CASE("Sorting is numeric for numbers and puts missing and NaN last in both orders",
          "[ui][runs]") {
    Fixture f;
    const int acc = f.model.columnIndex("summary:val/acc");
    f.model.sort(acc, Qt::DescendingOrder);
    auto names = namesInOrder(f.model);
    CHECK(names.front() == "run-8");
    CHECK((names[7] == "run-3" || names[7] == "run-4"));
    CHECK((names[8] == "run-3" || names[8] == "run-4"));
    f.model.sort(acc, Qt::AscendingOrder);
    names = namesInOrder(f.model);
    CHECK(names.front() == "run-0");
    CHECK((names[8] == "run-3" || names[8] == "run-4"));

    // Names sort naturally: run-2 before run-10 would need more runs; check run-1 < run-2 < run-8.
    f.model.sort(f.model.columnIndex("name"), Qt::AscendingOrder);
    CHECK(namesInOrder(f.model).front() == "run-0");
    CHECK(namesInOrder(f.model).back() == "run-8");
}

TEST_CASE("Filtering keeps only the given rows; pinned runs stay on top", "[ui][runs]") {
    Fixture f;
    f.model.setFilterRows(std::vector<std::uint32_t>{1, 5, 7});
    CHECK(f.model.rowCount() == 3);
    CHECK(f.model.shownCount() == 3);
    f.model.setRowsPinned({7}, true);
    CHECK(namesInOrder(f.model).front() == "run-7");
    f.model.sort(f.model.columnIndex("config:lr"),
                 Qt::AscendingOrder);  // smallest lr is run-7 anyway
    f.model.sort(f.model.columnIndex("config:lr"), Qt::DescendingOrder);
    CHECK(namesInOrder(f.model).front() == "run-7");  // pinned beats the sort
    f.model.setFilterRows(std::nullopt);
    CHECK(f.model.rowCount() == 9);
}

TEST_CASE("Grouping makes collapsible groups with counts, colours and tri-state visibility",
          "[ui][runs]") {
    Fixture f;
    f.model.setGroupBy("config:optimizer");
    REQUIRE(f.model.rowCount() == 3);
    QStringList labels;
    for (int g = 0; g < 3; ++g) {
        const QModelIndex group = f.model.index(g, 0);
        CHECK(group.data(IsGroupRole).toBool());
        CHECK(f.model.rowCount(group) == 3);
        CHECK(group.data(ColorRole).value<QColor>().isValid());
        labels << group.data().toString();
    }
    CHECK(labels == QStringList{"adam  (3)", "momentum  (3)", "sgd  (3)"});
    const QModelIndex adam = f.model.index(0, 0);
    const QModelIndex firstRun = f.model.index(0, 0, adam);
    CHECK(f.model.snapshotRow(firstRun) >= 0);
    CHECK(f.model.parent(firstRun) == adam);

    // Hiding one run makes the group partial; unchecking the group hides all of it.
    REQUIRE(f.model.setData(firstRun, Qt::Unchecked, Qt::CheckStateRole));
    CHECK(adam.data(Qt::CheckStateRole).toInt() == Qt::PartiallyChecked);
    REQUIRE(f.model.setData(adam, Qt::Unchecked, Qt::CheckStateRole));
    CHECK(adam.data(Qt::CheckStateRole).toInt() == Qt::Unchecked);
    for (int i = 0; i < 3; ++i)
        CHECK(f.model.index(i, 0, adam).data(Qt::CheckStateRole).toInt() == Qt::Unchecked);
    CHECK(f.model.groupKeyOf(0) == "adam");

    f.model.setGroupBy(QString());
    CHECK(f.model.rowCount() == 9);
}

TEST_CASE("Run colours are stable across reloads and restore from saved settings", "[ui][runs]") {
    Fixture f;
    QColor before[9];
    for (int i = 0; i < 9; ++i)
        before[i] = f.model.index(i, 0).data(ColorRole).value<QColor>();
    CHECK(before[0] != before[1]);
    f.model.setSnapshot(f.snapshot);  // a reload
    for (int i = 0; i < 9; ++i)
        CHECK(f.model.index(i, 0).data(ColorRole).value<QColor>() == before[i]);

    f.model.setRowColor(2, QColor("#123456"));
    f.model.setRowsHidden({5}, true);
    const QVariantMap saved = f.model.looks().save();
    RunTableModel other;
    other.looks().restore(saved);
    other.setSnapshot(f.snapshot);
    // The restored colours come from the saved order, even if runs are sorted differently now.
    other.sort(other.columnIndex("name"), Qt::DescendingOrder);
    CHECK(other.looks().color("uid-2") == QColor("#123456"));
    CHECK(other.looks().color("uid-0") == before[0]);
    CHECK(other.looks().isHidden("uid-5"));
}

namespace {

struct Issue17 {
    test::TempDir dir;
    std::shared_ptr<const RunsSnapshot> snapshot;
    RunTableModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
    explicit Issue17(int runs = 6) {
        const std::string path = (dir / "i17.runlens").string();
        test::writeIssue17Database(path, runs);
        snapshot = test::readSnapshot(path);
        model.setSnapshot(snapshot);
    }
    const RunColumn& column(const QString& id) const {
        const int c = model.columnIndex(id);
        REQUIRE(c >= 0);
        return model.columns()[std::size_t(c)];
    }
};

}  // namespace

TEST_CASE("Deleted runs are left out of the table and its counts until shown (issue 17)",
          "[ui][runs]") {
    Issue17 f;
    CHECK(f.model.deletedCount() == 2);
    CHECK(f.model.totalCount() == 4);
    CHECK(f.model.shownCount() == 4);
    CHECK(f.model.rowCount() == 4);
    for (int row : f.model.shownRows())
        CHECK_FALSE(f.snapshot->runs[std::size_t(row)].deleted);
    CHECK_FALSE(f.model.indexOfRow(1).isValid());

    f.model.setShowDeleted(true);
    CHECK(f.model.totalCount() == 6);
    CHECK(f.model.rowCount() == 6);
    const QModelIndex deleted = f.model.indexOfRow(1);
    REQUIRE(deleted.isValid());
    CHECK(deleted.data(Qt::FontRole).value<QFont>().strikeOut());
    CHECK(deleted.data(Qt::ForegroundRole).value<QColor>() == QColor(Qt::gray));
    CHECK(deleted.data(Qt::ToolTipRole).toString().contains("deleted"));
    CHECK_FALSE(f.model.indexOfRow(0).data(Qt::FontRole).value<QFont>().strikeOut());

    // A filter's rows are still cut to the runs that are not deleted.
    f.model.setShowDeleted(false);
    f.model.setFilterRows(std::vector<std::uint32_t>{0, 1, 2});
    CHECK(f.model.shownCount() == 2);
}

TEST_CASE(
    "W&B internals and media summaries are hidden by default, .min/.max beside their metric "
    "(issue 17)",
    "[ui][runs]") {
    Issue17 f;
    CHECK(f.column("config:_wandb.requirements").internal);
    CHECK(f.column("config:_wandb.requirements").hiddenByDefault);
    CHECK(f.column("config:_wandb.cli_version").hiddenByDefault);  // varies, but internal
    CHECK(f.column("summary:_runtime").internal);
    CHECK(f.column("summary:_timestamp").internal);
    CHECK(f.column("summary:Confusion Matrix").internal);
    CHECK(f.column("summary:Confusion Matrix").hiddenByDefault);
    CHECK_FALSE(f.column("config:lr").hiddenByDefault);
    CHECK_FALSE(f.column("summary:loss").hiddenByDefault);
    CHECK(f.column("summary:loss.min").hiddenByDefault);
    CHECK(f.column("summary:loss.max").hiddenByDefault);
    CHECK_FALSE(f.column("summary:loss.min").internal);
    CHECK_FALSE(f.column("summary:acc.max").hiddenByDefault);  // no plain "acc" to show instead

    // _timestamp reads as a date and _runtime as a duration, not 1.74e+09 and 3725.5.
    const QModelIndex stamp = f.model.index(0, f.model.columnIndex("summary:_timestamp"));
    CHECK(stamp.data().toString() ==
          QDateTime::fromSecsSinceEpoch(qint64(1.74e9 + 30)).toString("yyyy-MM-dd HH:mm"));
    CHECK(stamp.data(Qt::ToolTipRole).toString().contains("1740000030"));
    CHECK(f.model.index(0, f.model.columnIndex("summary:_runtime")).data().toString() == "1h 02m");
}

TEST_CASE("A multi-line value is shown on one line, in full in its tooltip (issue 17)",
          "[ui][runs]") {
    Issue17 f;
    const QModelIndex cell = f.model.index(0, f.model.columnIndex("config:_wandb.requirements"));
    const QString text = cell.data().toString();
    CHECK_FALSE(text.contains('\n'));
    CHECK(text == "numpy==1.26.4 ⏎ torch==2.2.1 ⏎ wandb==0.17.0");
    CHECK(cell.data(Qt::ToolTipRole).toString() == "numpy==1.26.4\ntorch==2.2.1\nwandb==0.17.0\n");
}

TEST_CASE("Run id shows the run's own id; a Source column appears with several sources (issue 17)",
          "[ui][runs]") {
    Issue17 f;
    // One source: the Source column would repeat itself.
    CHECK(f.column("source").hiddenByDefault);
    CHECK(f.model.index(0, f.model.columnIndex("source")).data().toString() ==
          "mlflow · /data/mlflow.db");

    f.model.setSnapshot(test::asTwoSources(*f.snapshot));
    CHECK_FALSE(f.column("source").hiddenByDefault);
    const QModelIndex first = f.model.indexOfRow(0);
    const QModelIndex source = first.siblingAtColumn(f.model.columnIndex("source"));
    CHECK(source.data().toString() == "mlflow · …/a/mlruns");
    CHECK(source.data(Qt::ToolTipRole).toString().contains("/data/a/mlruns"));
    CHECK(first.siblingAtColumn(f.model.columnIndex("uid")).data().toString() == "run0");
    CHECK(first.data(Qt::ToolTipRole).toString().contains("id run0"));

    f.model.setGroupBy("source");
    REQUIRE(f.model.rowCount() == 2);
    CHECK(f.model.index(0, 0).data().toString() == "mlflow · …/a/mlruns  (3)");  // 0, 2, 4
    CHECK(f.model.index(1, 0).data().toString() == "wandb · …/b/wandb  (1)");    // 5 (1, 3 deleted)

    // Looks stay keyed by the workspace uid.
    f.model.setRowsHidden({0}, true);
    CHECK(f.model.looks().isHidden("a:run0"));
}

TEST_CASE("Header cells explain their column", "[ui][runs]") {
    Issue17 f;
    const auto tip = [&](const QString& id) {
        return f.model.headerData(f.model.columnIndex(id), Qt::Horizontal, Qt::ToolTipRole)
            .toString();
    };
    CHECK(tip("config:lr") == "config: lr");
    CHECK(tip("summary:Confusion Matrix").startsWith("summary: Confusion Matrix\n"));
    CHECK(tip("summary:loss.min").endsWith("hidden by default"));
    CHECK(tip("name").startsWith("Name"));
}
