// The run detail dialog over a real database: every tab's content, search, keyboard, errors,
// and a screenshot of each tab in the test output folder.
#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>
#include <catch2/catch.hpp>

#include "core/store/run_writer.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"
#include "tests/ui/run_detail/detail_database.h"
#include "ui/dialogs/run_detail/artifacts_tab.h"
#include "ui/dialogs/run_detail/config_tree_model.h"
#include "ui/dialogs/run_detail/console_model.h"
#include "ui/dialogs/run_detail/console_tab.h"
#include "ui/dialogs/run_detail/console_view.h"
#include "ui/dialogs/run_detail/import_log_tab.h"
#include "ui/dialogs/run_detail/metric_chart.h"
#include "ui/dialogs/run_detail/overview_tab.h"
#include "ui/dialogs/run_detail/run_metadata_view.h"
#include "ui/dialogs/run_detail/summary_media_view.h"
#include "ui/dialogs/run_detail/summary_model.h"
#include "ui/dialogs/run_detail/system_metrics_tab.h"
#include "ui/dialogs/run_detail/tables_tab.h"
#include "ui/dialogs/run_detail_dialog.h"
#include "ui/plots/axis_format.h"

using namespace runlens;
using namespace runlens::ui;
using runlens::test::DetailDatabase;
using runlens::test::TempDir;

namespace {

/// Keeps the tests' QSettings (the dialog size) out of the user's configuration.
void isolateSettings(const TempDir& dir) {
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       QString::fromStdString((dir / "settings").string()));
    QSettings().clear();
}

bool waitLoaded(const RunDetailDialog& dialog) {
    return QTest::qWaitFor([&] { return !dialog.isLoading(); }, 15000);
}

QModelIndex childNamed(const QAbstractItemModel* model, const QModelIndex& parent,
                       const QString& name) {
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        if (index.data().toString() == name) return index;
    }
    return {};
}

void saveScreenshot(RunDetailDialog& dialog, QWidget* tab, const QString& name) {
    dialog.tabs()->setCurrentWidget(tab);
    QTest::qWait(50);  // let layouts and charts settle
    const auto path =
        runlens::test::testOutputDir() / ("run_detail_" + name.toStdString() + ".png");
    CHECK(dialog.grab().save(QString::fromStdString(path.string())));
}

}  // namespace

TEST_CASE("Run detail shows everything about a run", "[run_detail][dialog]") {
    TempDir dir;
    isolateSettings(dir);
    const DetailDatabase db = runlens::test::makeDetailDatabase(dir.path());
    RunDetailDialog dialog(QString::fromStdString(db.path), db.fullRun, db.snapshot);
    dialog.resize(1180, 800);
    dialog.show();
    REQUIRE(waitLoaded(dialog));
    CHECK(dialog.windowTitle().startsWith("resnet50-lr0.1"));

    SECTION("overview: header and metadata") {
        const RunMetadataView* meta = dialog.overview()->metadata();
        CHECK(meta->headerText() == "resnet50-lr0.1");
        CHECK(meta->stateText().contains("failed"));
        CHECK(meta->stateText().contains("exit code 1"));
        CHECK(meta->fieldText("project") == "lab / vision");
        CHECK(meta->fieldText("group") == "resnet50");
        CHECK(meta->fieldText("jobType") == "train");
        CHECK(meta->fieldText("tags") == "baseline, augment");
        CHECK(meta->fieldText("notes").contains("Compare with the step schedule."));
        CHECK(meta->fieldText("host") == "gpu-node-07");
        CHECK(meta->fieldText("os").startsWith("Linux-6.1.0"));
        CHECK(meta->fieldText("python") == "3.11.2");
        CHECK(meta->fieldText("gpu") == "2 x NVIDIA A100-SXM4-40GB");
        CHECK(meta->fieldText("gitCommit") == "3f2a9c1e5b7d4a8f9e0c1b2a3d4e5f6a7b8c9d0e");
        CHECK(meta->fieldText("gitRemote") == "git@github.com:lab/vision.git");
        const auto* dirty = meta->findChild<QLabel*>("gitDirty");
        REQUIRE(dirty);
        CHECK(dirty->text() == "dirty");
        CHECK(meta->fieldText("command").startsWith("python train.py --config"));
        CHECK(meta->fieldText("command").endsWith("--output /checkpoints/resnet50-lr0.1"));
        CHECK_FALSE(meta->fieldText("start").isEmpty());
        CHECK_FALSE(meta->fieldText("end").isEmpty());
        CHECK(meta->fieldText("runtime") == "3h 02m");
        CHECK(meta->fieldText("sweep").contains("lr-search"));
        CHECK(meta->fieldText("sweep").contains("maximize val/acc"));
        CHECK(meta->fieldText("parent") == "resnet-sweep-parent (parent-uid)");
        CHECK(meta->fieldText("uid") == "abc123");
        CHECK(meta->fieldText("sourceFormat") == "wandb");
        CHECK(meta->fieldText("sourcePath").endsWith("run-20240501_134530-abc123"));
        // Values are selectable and copyable: read-only line edits, not plain labels.
        auto* host = meta->findChild<QLineEdit*>("meta-host");
        REQUIRE(host);
        CHECK(host->isReadOnly());
    }

    SECTION("overview: config tree, search and summary") {
        OverviewTab* overview = dialog.overview();
        QTreeView* configView = overview->configView();
        const QAbstractItemModel* config = configView->model();
        QAbstractItemModelTester tester(overview->configModel(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        QStringList top;
        for (int row = 0; row < config->rowCount(); ++row)
            top << config->index(row, 0).data().toString();
        CHECK(top == QStringList{"augment", "batch_size", "data", "epochs", "layers", "lr_precise",
                                 "model", "optimizer", "resume", "scheduler", "seed"});
        const QModelIndex optimizer = childNamed(config, {}, "optimizer");
        REQUIRE(optimizer.isValid());
        CHECK(config->rowCount(optimizer) == 4);
        CHECK(configView->isExpanded(optimizer));  // small configs open fully expanded
        const QModelIndex lr = childNamed(config, optimizer, "lr");
        CHECK(lr.siblingAtColumn(1).data().toString() == "0.1");
        const QModelIndex head = childNamed(config, childNamed(config, {}, "model"), "head");
        CHECK(childNamed(config, head, "dropout").siblingAtColumn(1).data().toString() == "0.2");
        const QModelIndex scheduler = childNamed(config, {}, "scheduler");
        CHECK(config->rowCount(scheduler) == 2);  // JSON object expanded
        const QModelIndex precise = childNamed(config, {}, "lr_precise");
        CHECK(precise.siblingAtColumn(1).data().toString() == "0.000123457");
        CHECK(precise.siblingAtColumn(1).data(Qt::ToolTipRole).toString() == "0.000123456789");

        // Search filters keys and values and expands the matches.
        overview->searchBox()->setText("momentum");
        REQUIRE(config->rowCount() == 1);
        const QModelIndex found = config->index(0, 0);
        CHECK(found.data().toString() == "optimizer");
        CHECK(config->rowCount(found) == 1);
        CHECK(config->index(0, 0, found).data().toString() == "momentum");
        CHECK(configView->isExpanded(found));
        overview->searchBox()->setText("cosine");  // a value
        REQUIRE(config->rowCount() == 1);
        CHECK(config->index(0, 0).data().toString() == "scheduler");
        // The same box filters the summary.
        overview->searchBox()->setText("val/");
        CHECK(config->rowCount() == 0);
        CHECK(overview->summaryView()->model()->rowCount() == 3);
        overview->searchBox()->clear();
        CHECK(config->rowCount() == 11);

        // Ctrl+C copies values at full precision; the context menu also copies keys.
        const QModelIndex lrNow = childNamed(config, childNamed(config, {}, "optimizer"), "lr");
        const QModelIndex preciseNow = childNamed(config, {}, "lr_precise");
        configView->setFocus();
        configView->selectionModel()->select(
            preciseNow, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        configView->setCurrentIndex(preciseNow);
        QTest::keyClick(configView, Qt::Key_C, Qt::ControlModifier);
        CHECK(QApplication::clipboard()->text() == "0.000123456789");
        QAction* copyBoth = nullptr;
        for (QAction* action : configView->findChildren<QAction*>())
            if (action->text() == "Copy Key and Value") copyBoth = action;
        REQUIRE(copyBoth);
        configView->selectionModel()->select(
            lrNow, QItemSelectionModel::Select | QItemSelectionModel::Rows);
        copyBoth->trigger();
        CHECK(QApplication::clipboard()->text() == "lr_precise\t0.000123456789\noptimizer.lr\t0.1");

        // Summary: every key, sortable.
        const QAbstractItemModel* summary = overview->summaryView()->model();
        // The logged "loss" had no summary of its own: last, min and max come from its series.
        REQUIRE(summary->rowCount() == 10);
        QStringList keys;
        for (int row = 0; row < summary->rowCount(); ++row)
            keys << summary->index(row, 0).data().toString();
        CHECK(keys == QStringList{"_runtime", "best_model", "epoch", "loss", "loss.max", "loss.min",
                                  "train/loss", "val/acc", "val/loss", "val/top5"});
        CHECK(overview->summaryView()->isSortingEnabled());
        overview->summaryView()->sortByColumn(1, Qt::DescendingOrder);
        CHECK(summary->index(0, 0).data().toString() == "best_model");  // text after numbers
        CHECK(summary->index(2, 0).data().toString() == "_runtime");
        const QModelIndex acc = childNamed(summary, {}, "val/acc");
        CHECK(acc.siblingAtColumn(1).data().toString() == "0.761235");
        CHECK(acc.siblingAtColumn(1).data(Qt::ToolTipRole).toString() == "0.7612345678");
    }

    SECTION("console: interpreted text, stderr colour, search") {
        ConsoleTab* console = dialog.console();
        const ConsoleModel* model = console->model();
        QAbstractItemModelTester tester(console->model(),
                                        QAbstractItemModelTester::FailureReportingMode::Fatal);
        // Three progress updates logged one per line collapse into one.
        REQUIRE(model->rowCount() == int(db.consoleLines.size()) - 2);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString text = model->index(row).data().toString();
            INFO("line " << row << ": " << text.toStdString());
            CHECK_FALSE(text.contains(QChar(0x1b)));
            CHECK_FALSE(text.contains(QLatin1Char('\r')));
            CHECK_FALSE(text.contains(QLatin1Char('[') + QString("0m")));
        }
        CHECK(model->index(1).data().toString() == "INFO loading data from /datasets/imagenet");
        REQUIRE(model->document().spans(1).size() == 1);
        CHECK(model->document().spans(1)[0].style.fg == 2);  // green
        CHECK(model->index(3).data().toString() == "Epoch 1: 100%|##########| 100/100");
        CHECK(model->index(5).data().toString() == " progress 100%");
        CHECK(model->index(6).data().toString() == "colours: orange and true colour");
        CHECK(model->index(8).data().toString() == "tab     separated");

        const QColor stderrColor = ConsoleModel::stderrColor();
        for (int row : {2, 3, 5})
            CHECK(model->index(row).data(Qt::ForegroundRole).value<QBrush>().color() ==
                  stderrColor);
        for (int row : {0, 1, 4, 6})
            CHECK_FALSE(model->index(row).data(Qt::ForegroundRole).isValid());

        int expected = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString text = model->index(row).data().toString();
            for (qsizetype at = text.indexOf("loss"); at >= 0; at = text.indexOf("loss", at + 1))
                ++expected;
        }
        CHECK(expected == 302);  // 300 step lines, "epoch 1 loss", "bold loss"

        QSignalSpy finished(console, &ConsoleTab::searchFinished);
        console->searchBox()->setText("LOSS");
        REQUIRE(finished.wait(10000));
        CHECK(console->matchCount() == expected);
        CHECK(console->currentMatch() == 0);
        CHECK(console->matchLabel() == QString("1 of %1").arg(expected));
        REQUIRE(console->currentMatchPosition());
        CHECK(console->currentMatchPosition()->line == 4);  // "epoch 1 loss=..."
        console->findNext();
        CHECK(console->currentMatchPosition()->line == 7);  // "bold loss normal"
        CHECK(console->view()->currentIndex().row() == 7);
        console->findPrevious();
        console->findPrevious();
        CHECK(console->currentMatch() == expected - 1);  // wraps around

        console->searchBox()->setText("no such text");
        REQUIRE(finished.wait(10000));
        CHECK(console->matchCount() == 0);
        CHECK(console->matchLabel() == "No matches");

        // Copying selected lines gives their plain text.
        console->view()->selectionModel()->select(model->index(1),
                                                  QItemSelectionModel::ClearAndSelect);
        console->view()->selectionModel()->select(model->index(2), QItemSelectionModel::Select);
        CHECK(console->view()->selectedText() ==
              "INFO loading data from /datasets/imagenet\nWARNING: argument --foo is deprecated");
    }

    SECTION("system metrics: one chart per system key, x as time since start, units") {
        const auto& charts = dialog.systemMetrics()->charts();
        QStringList keys;
        for (const MetricChart* chart : charts)
            keys << chart->key();
        CHECK(keys == QStringList{"cpu", "gpu.0.gpu", "gpu.0.temp", "gpu.1.gpu", "memory"});
        REQUIRE(charts.size() == 5);
        CHECK(charts[0]->pointCount() == 120);
        CHECK(charts[2]->pointCount() == 60);
        CHECK(charts[0]->graph(0)->data()->at(119)->key == Approx(3570));  // 119 × 30 s
        CHECK(charts[0]->xAxis->label() == "time since start");
        CHECK(charts[4]->valueTextAt(600.0) == formatDuration(600, 0.01) + ":  32%");  // 30 + 2
        CHECK(charts[4]->unit() == "%");
        CHECK(charts[4]->yAxis->range().lower == 0);  // a percentage on its whole scale
        CHECK(charts[4]->yAxis->range().upper == 100);
        CHECK(charts[4]->isFilled());
        CHECK(charts[2]->unit() == "°C");
        CHECK_FALSE(charts[2]->isFilled());  // 60-66 °C: no fill from the axis minimum
        CHECK(dialog.tabs()->tabText(dialog.tabs()->indexOf(dialog.systemMetrics())) ==
              "System (5)");

        dialog.systemMetrics()->filterBox()->setText("gpu");
        int visible = 0;
        for (const MetricChart* chart : charts)
            visible += chart->isVisibleTo(dialog.systemMetrics()) ? 1 : 0;
        CHECK(visible == 3);
        dialog.systemMetrics()->filterBox()->clear();
    }

    SECTION("tables, artifacts and import notes") {
        const QTreeWidget* tables = dialog.tables()->list();
        REQUIRE(tables->topLevelItemCount() == 2);
        CHECK(tables->topLevelItem(0)->text(0) == "val/predictions");
        CHECK(tables->topLevelItem(0)->text(2) == "5");
        QStringList steps = {tables->topLevelItem(0)->text(1), tables->topLevelItem(1)->text(1)};
        steps.sort();
        CHECK(steps == QStringList{"1000", "2000"});
        CHECK(tables->topLevelItem(0)->text(3) ==
              "id (number), label (class), caption (string), scores (array)");
        CHECK(dialog.tabs()->tabText(dialog.tabs()->indexOf(dialog.tables())) == "Tables (2)");
        // The selected table opens in the Tables view (issue 10).
        QSignalSpy requested(&dialog, &RunDetailDialog::tableRequested);
        REQUIRE(dialog.tables()->openButton()->isEnabled());
        dialog.tables()->openButton()->click();
        REQUIRE(requested.size() == 1);
        CHECK(requested.first().at(1).toString() == "val/predictions");

        const int artifactsIndex = dialog.tabs()->indexOf(dialog.artifacts());
        CHECK(dialog.tabs()->isTabVisible(artifactsIndex));
        const QTreeWidget* artifacts = dialog.artifacts()->list();
        REQUIRE(artifacts->topLevelItemCount() == 2);
        QStringList names = {artifacts->topLevelItem(0)->text(1),
                             artifacts->topLevelItem(1)->text(1)};
        names.sort();
        CHECK(names == QStringList{"imagenet:v1", "model-abc123:v3"});

        const int notesIndex = dialog.tabs()->indexOf(dialog.importLog());
        CHECK(dialog.tabs()->isTabVisible(notesIndex));
        CHECK(dialog.tabs()->tabText(notesIndex) == "Import log (3)");
        CHECK_FALSE(dialog.tabs()->tabIcon(notesIndex).isNull());
        const QTreeWidget* notes = dialog.importLog()->list();
        REQUIRE(notes->topLevelItemCount() == 3);
        CHECK(notes->topLevelItem(0)->text(0) == "Info");
        CHECK(notes->topLevelItem(1)->text(0) == "Warning");
        CHECK(notes->topLevelItem(1)->text(1).contains("disagree on optimizer.lr"));
        CHECK(notes->topLevelItem(2)->text(0) == "Error");
        for (int i = 0; i < 3; ++i)
            CHECK_FALSE(notes->topLevelItem(i)->icon(0).isNull());
    }

    SECTION("keyboard: Ctrl+F focuses the current tab's search box, Esc closes") {
        dialog.activateWindow();
        REQUIRE(QTest::qWaitForWindowActive(&dialog));
        dialog.tabs()->setCurrentWidget(dialog.console());
        QTest::keyClick(&dialog, Qt::Key_F, Qt::ControlModifier);
        CHECK(QApplication::focusWidget() == dialog.console()->searchBox());
        dialog.tabs()->setCurrentWidget(dialog.overview());
        QTest::keyClick(&dialog, Qt::Key_F, Qt::ControlModifier);
        CHECK(QApplication::focusWidget() == dialog.overview()->searchBox());
        dialog.tabs()->setCurrentWidget(dialog.systemMetrics());
        QTest::keyClick(&dialog, Qt::Key_F, Qt::ControlModifier);
        CHECK(QApplication::focusWidget() == dialog.systemMetrics()->filterBox());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
        CHECK_FALSE(dialog.isVisible());
    }

    SECTION("screenshots of every tab") {
        saveScreenshot(dialog, dialog.overview(), "overview");
        saveScreenshot(dialog, dialog.console(), "console");
        dialog.console()->searchBox()->setText("loss");
        QSignalSpy finished(dialog.console(), &ConsoleTab::searchFinished);
        REQUIRE(finished.wait(10000));
        saveScreenshot(dialog, dialog.console(), "console_search");
        {
            // The console stays readable on a dark palette (ANSI colours, stderr, gutter).
            QPalette dark;
            dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
            dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
            dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
            dark.setColor(QPalette::Text, QColor(0xdd, 0xdd, 0xdd));
            dark.setColor(QPalette::WindowText, QColor(0xdd, 0xdd, 0xdd));
            dark.setColor(QPalette::PlaceholderText, QColor(0x88, 0x88, 0x88));
            dark.setColor(QPalette::Button, QColor(0x33, 0x33, 0x33));
            dark.setColor(QPalette::ButtonText, QColor(0xdd, 0xdd, 0xdd));
            const QPalette before = dialog.palette();
            dialog.setPalette(dark);
            saveScreenshot(dialog, dialog.console(), "console_dark");
            dialog.setPalette(before);
        }
        saveScreenshot(dialog, dialog.systemMetrics(), "system");
        saveScreenshot(dialog, dialog.tables(), "tables");
        saveScreenshot(dialog, dialog.artifacts(), "artifacts");
        saveScreenshot(dialog, dialog.importLog(), "import_log");
        dialog.overview()->searchBox()->setText("lr");
        saveScreenshot(dialog, dialog.overview(), "overview_search");
    }
}

TEST_CASE("Run detail of a run with nothing logged hides the optional tabs",
          "[run_detail][dialog]") {
    TempDir dir;
    isolateSettings(dir);
    const DetailDatabase db = runlens::test::makeDetailDatabase(dir.path());
    RunDetailDialog dialog(QString::fromStdString(db.path), db.quietRun, db.snapshot);
    dialog.show();
    REQUIRE(waitLoaded(dialog));
    QTabWidget* tabs = dialog.tabs();
    CHECK_FALSE(tabs->isTabVisible(tabs->indexOf(dialog.importLog())));
    CHECK_FALSE(tabs->isTabVisible(tabs->indexOf(dialog.artifacts())));
    CHECK(dialog.console()->message() == "This run has no console output.");
    CHECK(dialog.systemMetrics()->message() == "This run has no system metrics.");
    CHECK(dialog.tables()->message() == "This run logged no prediction tables.");
    CHECK(dialog.overview()->metadata()->headerText() == "quiet-run");
    CHECK(dialog.overview()->configView()->model()->rowCount() == 0);
    CHECK(dialog.overview()->metadata()->fieldText("host").isEmpty());
    saveScreenshot(dialog, dialog.overview(), "quiet_overview");
}

TEST_CASE("Run detail without a snapshot reads the run from the database", "[run_detail][dialog]") {
    TempDir dir;
    isolateSettings(dir);
    const DetailDatabase db = runlens::test::makeDetailDatabase(dir.path());
    RunDetailDialog dialog(QString::fromStdString(db.path), db.fullRun, nullptr);
    REQUIRE(waitLoaded(dialog));
    CHECK(dialog.overview()->metadata()->headerText() == "resnet50-lr0.1");
    CHECK(dialog.windowTitle().startsWith("resnet50-lr0.1"));
    CHECK(dialog.overview()->summaryModel()->rowCount() == 10);
    CHECK(dialog.artifacts()->list()->topLevelItemCount() == 2);

    RunDetailDialog missing(QString::fromStdString(db.path), 9999, nullptr);
    REQUIRE(waitLoaded(missing));
    CHECK(missing.overview()->message().contains("no longer in the database"));
}

TEST_CASE("Run detail of an unreadable database shows errors in the tabs", "[run_detail][dialog]") {
    TempDir dir;
    isolateSettings(dir);
    const auto path = dir / "not-a-database.runlens";
    runlens::test::writeFile(path, "this is not SQLite\n");
    RunDetailDialog dialog(QString::fromStdString(path.string()), 1, nullptr);
    dialog.show();
    REQUIRE(waitLoaded(dialog));
    CHECK(dialog.overview()->message().startsWith("Cannot read this run."));
    CHECK(dialog.console()->message().startsWith("Cannot read the console output."));
    CHECK(dialog.systemMetrics()->message().startsWith("Cannot read the system metrics."));
    CHECK(dialog.tables()->message().startsWith("Cannot read the prediction tables."));
    // A failed read of the notes is itself worth showing.
    CHECK(dialog.tabs()->isTabVisible(dialog.tabs()->indexOf(dialog.importLog())));
    saveScreenshot(dialog, dialog.console(), "error_console");
}

TEST_CASE("Run detail remembers its size", "[run_detail][dialog]") {
    TempDir dir;
    isolateSettings(dir);
    const DetailDatabase db = runlens::test::makeDetailDatabase(dir.path());
    {
        RunDetailDialog dialog(QString::fromStdString(db.path), db.quietRun, db.snapshot);
        dialog.show();
        dialog.resize(900, 640);
        QTest::qWait(20);
        REQUIRE(waitLoaded(dialog));
        dialog.close();
    }
    RunDetailDialog again(QString::fromStdString(db.path), db.quietRun, db.snapshot);
    CHECK(again.size() == QSize(900, 640));
    REQUIRE(waitLoaded(again));
}

TEST_CASE("Run detail shows summary images as images, not JSON (#17)", "[run_detail][dialog]") {
    TempDir dir;
    isolateSettings(dir);
    const auto images = dir / "run-1" / "files" / "media" / "images";
    std::filesystem::create_directories(images);
    QImage picture(400, 300, QImage::Format_RGB32);
    picture.fill(QColor(30, 120, 200));
    REQUIRE(picture.save(QString::fromStdString((images / "cm_11_ab.png").string())));
    const std::string path = (dir / "media.runlens").string();
    RunId id = 0;
    {
        auto writer = runlens::RunWriter::open(path);
        REQUIRE(writer.ok());
        runlens::RunInfo info;
        info.uid = "media-run";
        info.sourceFormat = "wandb";
        info.sourcePath = (dir / "run-1").string();
        id = writer.value()->beginRun(info);
        writer.value()->setSummary(id, "acc", runlens::Value::number(0.9));
        writer.value()->setSummary(
            id, "Confusion Matrix",
            runlens::Value::json(R"({"_type":"image-file","path":"media/images/cm_11_ab.png",)"
                                 R"("width":400,"height":300,"format":"png"})"));
        writer.value()->setSummary(
            id, "Lost", runlens::Value::json(R"({"_type":"image-file","path":"media/x.png"})"));
        REQUIRE(writer.value()->commit().ok());
    }
    RunDetailDialog dialog(QString::fromStdString(path), id, nullptr);
    dialog.resize(1000, 700);
    dialog.show();
    REQUIRE(waitLoaded(dialog));
    SummaryMediaView* media = dialog.overview()->summaryMedia();
    REQUIRE(media);
    CHECK(media->isVisible());
    REQUIRE(media->count() == 2);
    REQUIRE(QTest::qWaitFor([&] { return media->loadedCount() == 1; }, 5000));
    CHECK_FALSE(media->item(0)->icon().isNull());
    CHECK(media->item(1)->text().contains("missing"));
    // The summary table names it an image instead of printing its JSON.
    const SummaryModel* summary = dialog.overview()->summaryModel();
    QStringList values;
    for (int row = 0; row < summary->rowCount(); ++row)
        values << summary->index(row, SummaryModel::ValueColumn).data().toString();
    CHECK(values.contains("image 400×300"));
    CHECK(values.contains("image"));
    QWidget* large = media->showLarge(0);
    REQUIRE(large);
    CHECK(large->windowTitle() == "Confusion Matrix");
    CHECK(large->findChild<QLabel*>()->pixmap().width() == 400);
    large->close();
    CHECK_FALSE(media->showLarge(1));  // missing: nothing to show
    saveScreenshot(dialog, dialog.overview(), "summary_media");
}
