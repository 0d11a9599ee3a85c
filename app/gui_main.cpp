// GUI entry: opens the main window on PATH (or the demo database), or takes an offscreen
// screenshot once the data is drawn (--screenshot FILE.png [--size WxH]).
#include "app/gui_main.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <cstdio>
#include <functional>

#include "app/demo_bootstrap.h"
#include "ui/main_window.h"
#include "ui/plots/charts_panel.h"
#include "ui/tables/compare_tab.h"
#include "ui/tables/table_tab.h"
#include "ui/tables/tables_view.h"
#include "ui/workspace.h"

namespace runlens::app {
namespace {

struct GuiOptions {
    QString path;
    QString screenshot;
    QSize size{1400, 860};
    QString view;    ///< "charts", "tables", "tables:RUN/TABLE" or "compare:TABLE"
    QString filter;  ///< the runs filter (charts) or the table filter (tables)
    QString search;  ///< the charts' search: panels whose key contains every word
    QString group;   ///< tables: the column the rows are grouped by
    bool viewSet = false;
};

bool hasArgument(int argc, char** argv, const char* name) {
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == name) return true;
    }
    return false;
}

// Once the tables are listed: opens the named table (or the first), applies the filter, and
// calls `done` when its rows and the thumbnails on screen are drawn.
void showTable(ui::MainWindow& window, const GuiOptions& options, std::function<void(int)> done) {
    ui::TablesView* tables = window.tablesView();
    ui::Workspace* workspace = window.workspace();
    // The list is final once the first import pass has ended and the data read after it is
    // listed; before that a table may just not be imported yet.
    struct Wait {
        bool importEnded = false;
        bool dataAfterImport = false;
    };
    auto wait = std::make_shared<Wait>();
    wait->importEnded = wait->dataAfterImport = !workspace->isImporting();
    QObject::connect(workspace, &ui::Workspace::importFinished, &window,
                     [wait] { wait->importEnded = true; });
    QObject::connect(workspace, &ui::Workspace::dataChanged, &window, [wait] {
        if (wait->importEnded) wait->dataAfterImport = true;
    });
    auto open = std::make_shared<std::function<void()>>();
    *open = [&window, tables, options, done, open, wait] {
        const QString spec = options.view.section(':', 1);
        const bool compare = options.view.startsWith(QLatin1String("compare"));
        QWidget* tab = compare ? static_cast<QWidget*>(tables->compareRuns(spec))
                               : static_cast<QWidget*>(tables->openTableSpec(spec));
        if (!tab && (!wait->dataAfterImport || tables->isReadingList())) {
            QObject::connect(tables, &ui::TablesView::listLoaded, &window, *open,
                             Qt::SingleShotConnection);
            return;
        }
        if (!tab) {
            std::fprintf(stderr,
                         compare ? "runlens: fewer than two shown runs have the table %s\n"
                                 : "runlens: no prediction table %s among the shown runs\n",
                         qPrintable(spec.isEmpty() ? QStringLiteral("at all") : spec));
            return done(1);
        }
        auto* table = qobject_cast<ui::TableTab*>(tab);
        auto ready = [table, options, done] {
            if (table && !options.filter.isEmpty()) table->setFilter(options.filter);
            if (table && !options.group.isEmpty()) table->setGroupColumn(options.group);
            QTimer::singleShot(400, [done] { done(0); });  // thumbnails decode meanwhile
        };
        if (auto* joined = qobject_cast<ui::CompareTab*>(tab))
            joined->isLoaded() ? ready()
                               : void(QObject::connect(joined, &ui::CompareTab::loaded, joined,
                                                       ready, Qt::SingleShotConnection));
        else if (table->isLoaded())
            ready();
        else
            QObject::connect(table, &ui::TableTab::loaded, table, ready, Qt::SingleShotConnection);
    };
    window.showView(ui::MainWindow::View::Tables);
    if (tables->isListLoaded() && !tables->isReadingList())
        QTimer::singleShot(0, &window, *open);
    else
        QObject::connect(tables, &ui::TablesView::listLoaded, &window, *open,
                         Qt::SingleShotConnection);
}

// Saves the window once the source is loaded and the charts have settled, then quits.
void armScreenshot(ui::MainWindow& window, const GuiOptions& options) {
    auto save = [&window, file = options.screenshot](int exitCode) {
        const bool ok = window.grab().save(file);
        if (!ok) std::fprintf(stderr, "runlens: cannot write %s\n", qPrintable(file));
        QCoreApplication::exit(ok ? exitCode : 1);
    };
    if (options.view.startsWith(QLatin1String("tables")) ||
        options.view.startsWith(QLatin1String("compare"))) {
        QObject::connect(
            &window, &ui::MainWindow::sourceLoaded, &window,
            [&window, options, save] { showTable(window, options, save); },
            Qt::SingleShotConnection);
        QObject::connect(window.workspace(), &ui::Workspace::failed, &window,
                         [save](const QString& message) {
                             std::fprintf(stderr, "runlens: %s\n", qPrintable(message));
                             save(1);
                         });
        return;
    }
    auto whenIdle = [&window, save] {
        auto* charts = window.chartsPanel();
        auto shoot = [save] {
            QTimer::singleShot(300, [save] { save(0); });
        };  // let the last paint land
        if (charts->isIdle())
            shoot();
        else
            QObject::connect(charts, &ui::ChartsPanel::idle, &window, shoot,
                             Qt::SingleShotConnection);
    };
    QObject::connect(&window, &ui::MainWindow::sourceLoaded, &window, whenIdle,
                     Qt::SingleShotConnection);
    QObject::connect(window.workspace(), &ui::Workspace::failed, &window,
                     [save](const QString& message) {
                         std::fprintf(stderr, "runlens: %s\n", qPrintable(message));
                         save(1);
                     });
    QTimer::singleShot(120000, &window, [save] {
        std::fprintf(stderr, "runlens: data not drawn after 120 s; saving the window as it is\n");
        save(1);
    });
}

}  // namespace

QtMessageHandler g_previousHandler = nullptr;

// The offscreen platform reports that it cannot size windows like a desktop; it is not news.
void quietOffscreenNotes(QtMsgType type, const QMessageLogContext& context,
                         const QString& message) {
    if (message.contains(QLatin1String("propagateSizeHints"))) return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

int runGui(int argc, char** argv) {
    // A screenshot needs no screen: default to the offscreen platform for it.
    if (hasArgument(argc, argv, "--screenshot") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qgetenv("QT_QPA_PLATFORM") == "offscreen")
        g_previousHandler = qInstallMessageHandler(quietOffscreenNotes);
    QApplication app(argc, argv);
    QApplication::setApplicationName("runlens");
    QApplication::setOrganizationName("runlens");
    QApplication::setApplicationVersion(RUNLENS_VERSION_STRING);

    QCommandLineParser parser;
    parser.setApplicationDescription("Explore machine-learning runs offline.");
    parser.addHelpOption();
    parser.addPositionalArgument(
        "path",
        "A Runlens database, W&B folder or .wandb log, MLflow store, TensorBoard or CSV logs.");
    QCommandLineOption screenshot(
        "screenshot", "Open offscreen, wait until the data is drawn, save FILE.png and exit.",
        "file");
    QCommandLineOption size("size", "Window size for --screenshot (default 1400x860).", "WxH");
    QCommandLineOption view("view",
                            "The view to open: charts, tables, or tables:RUN/TABLE (a run name "
                            "or id and a table name; the first table when none is named), or "
                            "compare:TABLE (that table of every shown run, joined), or sweep.",
                            "view");
    QCommandLineOption filter(
        "filter", "A filter expression: for the runs (charts) or the rows of the table (tables).",
        "expr");
    QCommandLineOption search(
        "search", "Shows only the chart and media panels whose key contains every word.", "words");
    QCommandLineOption group("group", "With --view tables: group the rows by COLUMN.", "column");
    parser.addOption(screenshot);
    parser.addOption(search);
    parser.addOption(group);
    parser.addOption(size);
    parser.addOption(view);
    parser.addOption(filter);
    parser.process(app);

    GuiOptions options;
    options.path = parser.positionalArguments().value(0);
    options.screenshot = parser.value(screenshot);
    options.view = parser.value(view);
    options.filter = parser.value(filter);
    options.search = parser.value(search);
    options.group = parser.value(group);
    if (!options.view.isEmpty() && options.view != "charts" && options.view != "tables" &&
        options.view != "sweep" && !options.view.startsWith(QLatin1String("tables:")) &&
        !options.view.startsWith(QLatin1String("compare:"))) {
        std::fprintf(stderr,
                     "runlens: --view takes charts, tables, tables:RUN/TABLE, compare:TABLE or "
                     "sweep\n");
        return 2;
    }
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split('x');
        if (parts.size() == 2 && parts[0].toInt() > 0 && parts[1].toInt() > 0)
            options.size = QSize(parts[0].toInt(), parts[1].toInt());
        else {
            std::fprintf(stderr, "runlens: --size takes WxH, e.g. 1600x1000\n");
            return 2;
        }
    }
    // Screenshots show defaults, not the settings of whoever runs them.
    QTemporaryDir settingsDir;
    if (!options.screenshot.isEmpty())
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());

    ui::MainWindow window;
    if (options.path.isEmpty()) {
        options.path = ui::MainWindow::demoDatabasePath();
        if (!QFileInfo::exists(options.path) && !ensureDemoDatabase(options.path, &window))
            return 1;
    }
    const bool tablesView = options.view.startsWith(QLatin1String("tables")) ||
                            options.view.startsWith(QLatin1String("compare"));
    if (!options.filter.isEmpty() && !tablesView)  // before the screenshot waits for the charts
        QObject::connect(
            &window, &ui::MainWindow::sourceLoaded, &window,
            [&window, options] { window.setRunsFilter(options.filter); }, Qt::SingleShotConnection);
    if (options.view == "sweep")
        QObject::connect(
            &window, &ui::MainWindow::sourceLoaded, &window,
            [&window] { window.showView(ui::MainWindow::View::Sweep); }, Qt::SingleShotConnection);
    if (!options.search.isEmpty())
        QObject::connect(
            &window, &ui::MainWindow::sourceLoaded, &window,
            [&window, options] {
                ui::ChartSettings settings = window.chartsPanel()->settings();
                settings.search = options.search;
                window.chartsPanel()->setSettings(settings);
            },
            Qt::SingleShotConnection);
    if (!options.screenshot.isEmpty()) {
        window.setQuietErrors(true);
        window.resize(options.size);
        armScreenshot(window, options);
    }
    if (tablesView && options.screenshot.isEmpty())
        QObject::connect(
            &window, &ui::MainWindow::sourceLoaded, &window,
            [&window, options] { showTable(window, options, [](int) {}); },
            Qt::SingleShotConnection);
    window.show();
    window.openPath(options.path);
    return app.exec();
}

}  // namespace runlens::app
