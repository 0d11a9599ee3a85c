// MainWindow: wiring between Workspace, RunsPanel and ChartsPanel, plus menus and settings.
#include "ui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCryptographicHash>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>

#include "core/importers/csv/csv_layout.h"
#include "core/series/step_metrics.h"
#include "ui/dialogs/run_detail_dialog.h"
#include "ui/plots/charts_panel.h"
#include "ui/sweep/parallel_coordinates.h"
#include "ui/sweep/sweep_view.h"
#include "ui/tables/tables_view.h"
#include "ui/widgets/filter_line_edit.h"
#include "ui/widgets/runs_panel.h"
#include "ui/widgets/screen_size.h"
#include "ui/widgets/sources_menu.h"
#include "ui/widgets/welcome_page.h"
#include "ui/workspace.h"

namespace runlens::ui {
namespace {

constexpr int kMaxRecent = 10;

bool isCsvFile(const QString& path) {
    const QFileInfo info(path);
    const QString suffix = info.suffix().toLower();
    return info.isFile() && (suffix == "csv" || suffix == "tsv");
}

QString viewKeyFor(const QString& path) {
    const QByteArray hash = QCryptographicHash::hash(QFileInfo(path).absoluteFilePath().toUtf8(),
                                                     QCryptographicHash::Sha1);
    return QStringLiteral("views/") + QString::fromLatin1(hash.toHex().left(16));
}

}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
    setWindowTitle(QStringLiteral("Runlens"));
    setAcceptDrops(true);

    m_workspace = new Workspace(this);
    m_welcome = new WelcomePage(this);
    m_runs = new RunsPanel(this);
    m_charts = new ChartsPanel(this);
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_tables = new TablesView(this);
    m_sweep = new SweepView(this);
    m_views = new QTabWidget(this);
    m_views->setObjectName(QStringLiteral("views"));
    m_views->setDocumentMode(true);
    m_views->addTab(m_charts, tr("Charts"));
    m_views->addTab(m_tables, tr("Tables"));
    m_views->addTab(m_sweep, tr("Sweep"));
    m_views->setTabToolTip(0, tr("Metric charts of the shown runs (Ctrl+1)"));
    m_views->setTabToolTip(1, tr("Prediction tables of the shown runs (Ctrl+2)"));
    m_views->setTabToolTip(2, tr("Parallel coordinates and parameter importance of the shown "
                                 "runs (Ctrl+3)"));
    m_splitter->addWidget(m_runs);
    m_splitter->addWidget(m_views);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 5);
    m_splitter->setChildrenCollapsible(false);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_welcome);
    m_stack->addWidget(m_splitter);
    setCentralWidget(m_stack);

    buildMenus();
    buildStatusBar();

    connect(m_welcome, &WelcomePage::openFileRequested, this, &MainWindow::openFileDialog);
    connect(m_welcome, &WelcomePage::openFolderRequested, this, &MainWindow::openFolderDialog);
    connect(m_welcome, &WelcomePage::openDemoRequested, this,
            [this] { openPath(demoDatabasePath()); });
    connect(m_welcome, &WelcomePage::openPathRequested, this, &MainWindow::openPath);

    connect(m_workspace, &Workspace::opening, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)));
    });
    connect(m_workspace, &Workspace::opened, this, [this] {
        // The previous workspace's view was on screen until now: keep it for its next visit.
        saveViewState();
        statusBar()->clearMessage();  // "Opening …"
        m_firstData = true;
        m_viewKey = viewKeyFor(m_workspace->sourcePath());
        m_runs->setSnapshot(nullptr);
        m_stack->setCurrentWidget(m_splitter);
        m_charts->setDatabase(m_workspace->databasePath());
        m_tables->setDatabase(m_workspace->databasePath());
        m_sweep->setDatabase(m_workspace->databasePath());
        setWindowTitle(tr("%1 — Runlens").arg(QFileInfo(m_workspace->sourcePath()).fileName()));
        updateSourceLabel();
        addRecent(m_workspace->sourcePath());
        m_csvStepAction->setEnabled(isCsvFile(m_workspace->sourcePath()));
        m_addSourceAction->setEnabled(m_workspace->canEditSources());
    });
    connect(m_workspace, &Workspace::failed, this, [this](const QString& message) {
        if (!m_workspace->isImporting() && !m_workspace->isOpening()) {
            m_progress->setVisible(false);
            m_cancelImport->setVisible(false);
        }
        showError(tr("Cannot open"), message);
        if (!m_workspace->isOpen())
            m_sourceLabel->setText(message);
        else
            updateSourceLabel();  // what is open stays open
    });
    connect(m_workspace, &Workspace::sourceAdded, this, [this](int count) {
        statusBar()->showMessage(tr("Adding %n source(s)…", nullptr, count), 5000);
    });
    connect(m_workspace, &Workspace::dataChanged, this, &MainWindow::onDataChanged);
    connect(m_workspace, &Workspace::importProgress, this,
            [this](qint64 done, qint64 total, const QString& message) {
                m_progress->setVisible(true);
                m_cancelImport->setVisible(true);
                m_progress->setRange(0, total > 0 ? 1000 : 0);
                if (total > 0) m_progress->setValue(int(1000.0 * double(done) / double(total)));
                m_progress->setFormat(message.isEmpty() ? tr("Importing %p%") : message);
                m_progress->setToolTip(message);
            });
    connect(m_workspace, &Workspace::importFinished, this,
            [this](const QString& summary, bool cancelled, const QString& error) {
                m_progress->setVisible(false);
                m_cancelImport->setVisible(false);
                if (!error.isEmpty())
                    showError(tr("Import failed"), error);
                else if (cancelled)
                    statusBar()->showMessage(tr("Import cancelled; what was read so far is kept."),
                                             8000);
                else if (!summary.isEmpty())
                    statusBar()->showMessage(summary, 6000);
                updateSourceLabel();
            });

    connect(m_runs, &RunsPanel::drawnRunsChanged, this, [this] {
        const DrawnRuns drawn = m_runs->drawnRuns();
        m_charts->setDrawnRuns(drawn);
        m_tables->setRuns(drawn);
        m_sweep->setRuns(drawn);
    });
    // Brushing the sweep view selects the brushed runs (and so highlights them in the charts).
    connect(m_sweep, &SweepView::brushedRunsChanged, this, [this](const std::vector<RunId>& runs) {
        if (!m_sweep->coordinates()->brush().empty())
            m_runs->selectRuns(runs);
        else if (m_views->currentWidget() == m_sweep)
            m_runs->selectRuns({});
    });
    connect(m_runs, &RunsPanel::highlightChanged, this, [this] {
        const DrawnRuns drawn = m_runs->drawnRuns();
        m_charts->setDrawnRuns(drawn);
        m_sweep->setRuns(drawn);  // selected runs stand out in the sweep lines too
    });
    connect(m_sweep, &SweepView::runClicked, this,
            [this](RunId run) { m_runs->selectRuns({run}); });
    connect(m_sweep, &SweepView::runActivated, this, &MainWindow::showRunDetail);
    connect(m_runs, &RunsPanel::countsChanged, this, &MainWindow::updateStatus);
    connect(m_runs, &RunsPanel::runActivated, this, &MainWindow::showRunDetail);

    QSettings settings;
    if (!restoreGeometry(settings.value("window/geometry").toByteArray())) sizeToScreen();
    restoreState(settings.value("window/state").toByteArray());
    if (!m_splitter->restoreState(settings.value("window/splitter").toByteArray()))
        m_splitter->setSizes({440, 960});
    updateRecentMenu();
}

MainWindow::~MainWindow() = default;

QString MainWindow::demoDatabasePath() {
    // ~/.local/share/runlens/demo.runlens (AppLocalDataLocation would repeat the name).
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) +
           QStringLiteral("/runlens/demo.runlens");
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open File…"), QKeySequence::Open, this, &MainWindow::openFileDialog);
    file->addAction(tr("Open &Folder…"), QKeySequence(tr("Ctrl+Shift+O")), this,
                    &MainWindow::openFolderDialog);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(tr("Open the &Demo"), this, [this] { openPath(demoDatabasePath()); });
    file->addSeparator();
    m_addSourceAction = file->addAction(tr("&Add Source…"), QKeySequence(tr("Ctrl+Alt+O")), this,
                                        &MainWindow::addSourceDialog);
    m_addSourceAction->setToolTip(
        tr("Add another folder or file of runs to this workspace (W&B, MLflow, TensorBoard, CSV, "
           "Runlens): their runs join the same table and charts"));
    m_addSourceAction->setEnabled(false);
    m_sourcesMenu = new SourcesMenu(m_workspace, this);
    file->addMenu(m_sourcesMenu);
    file->addSeparator();
    file->addAction(tr("&Reload"), QKeySequence::Refresh, m_workspace, &Workspace::refresh);
    m_csvStepAction = file->addAction(tr("CSV &Step Column…"), this, [this] {
        QString choice;
        const QString path = m_workspace->sourcePath();
        if (!chooseCsvStepColumn(path, true, choice)) return;
        ImportOptions options;
        if (!choice.isEmpty()) options["csv.step_column"] = choice.toStdString();
        m_workspace->open(path, options);
    });
    m_csvStepAction->setToolTip(tr("Choose which column of this CSV file is the x axis (steps)"));
    m_csvStepAction->setEnabled(false);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("&Filter Runs"), QKeySequence::Find, this, [this] {
        m_runs->filterEdit()->setFocus();
        m_runs->filterEdit()->selectAll();
    });
    view->addAction(tr("Find &Metric"), QKeySequence(tr("Ctrl+Shift+F")), this,
                    [this] { m_charts->focusSearch(); });
    view->addAction(tr("Choose &Columns…"), QKeySequence(tr("Ctrl+Shift+C")), m_runs,
                    &RunsPanel::chooseColumns);
    view->addAction(m_runs->showDeletedAction());
    view->addSeparator();
    view->addAction(tr("C&harts"), QKeySequence(tr("Ctrl+1")), this,
                    [this] { showView(View::Charts); });
    view->addAction(tr("&Tables"), QKeySequence(tr("Ctrl+2")), this,
                    [this] { showView(View::Tables); });
    view->addAction(tr("S&weep"), QKeySequence(tr("Ctrl+3")), this,
                    [this] { showView(View::Sweep); });
    view->addSeparator();
    m_followAction = view->addAction(tr("Follow &Live Changes"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setToolTip(tr("Keep reading the source while training writes to it"));
    connect(m_followAction, &QAction::toggled, m_workspace, &Workspace::setFollowLive);

    QMenu* runs = menuBar()->addMenu(tr("&Runs"));
    runs->addAction(tr("Run &Details"), QKeySequence(tr("Ctrl+I")), this, [this] {
        const auto rows = m_runs->selectedRows();
        if (!rows.empty()) showRunDetail(m_workspace->runs()->runs[std::size_t(rows.front())].id);
    });
    runs->addSeparator();
    runs->addAction(tr("&Show Selected"), QKeySequence(tr("Ctrl+Shift+S")), m_runs,
                    &RunsPanel::showSelected);
    runs->addAction(tr("&Hide Selected"), QKeySequence(tr("Ctrl+Shift+H")), m_runs,
                    &RunsPanel::hideSelected);
    runs->addAction(tr("Show &Only Selected"), QKeySequence(tr("Ctrl+Shift+J")), m_runs,
                    &RunsPanel::showOnlySelected);
    runs->addAction(tr("Show &All"), QKeySequence(tr("Ctrl+Shift+A")), m_runs, &RunsPanel::showAll);
    runs->addSeparator();
    runs->addAction(tr("&Pin to Top"), QKeySequence(tr("Ctrl+P")), this,
                    [this] { m_runs->pinSelected(true); });
    runs->addAction(tr("&Unpin"), QKeySequence(tr("Ctrl+Shift+P")), this,
                    [this] { m_runs->pinSelected(false); });
    runs->addAction(tr("Set &Colour…"), m_runs, &RunsPanel::chooseColorForSelected);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Filter Syntax"), this, [this] {
        QMessageBox::information(this, tr("Filter syntax"), m_runs->filterEdit()->toolTip());
    });
    help->addAction(tr("&About Runlens"), this, [this] {
        QMessageBox::about(this, tr("About Runlens"),
                           tr("<b>Runlens %1</b><br>Explore machine-learning runs offline.")
                               .arg(RUNLENS_VERSION_STRING));
    });
}

void MainWindow::buildStatusBar() {
    m_countsLabel = new QLabel(this);
    m_sourceLabel = new QLabel(this);
    m_sourceLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(260);
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_cancelImport = new QToolButton(this);
    m_cancelImport->setText(tr("Cancel"));
    m_cancelImport->setToolTip(tr("Stop importing; runs read so far stay"));
    m_cancelImport->hide();
    connect(m_cancelImport, &QToolButton::clicked, m_workspace, &Workspace::cancelImport);
    statusBar()->addWidget(m_countsLabel);
    statusBar()->addWidget(m_sourceLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelImport);
}

void MainWindow::openPath(const QString& path) {
    if (path.isEmpty()) return;
    ImportOptions options;
    if (isCsvFile(path)) {
        QString stepColumn;
        if (!chooseCsvStepColumn(path, false, stepColumn)) return;
        if (!stepColumn.isEmpty()) options["csv.step_column"] = stepColumn.toStdString();
    }
    m_workspace->open(path, options);  // what is open stays until the new path is known good
}

bool MainWindow::chooseCsvStepColumn(const QString& path, bool always, QString& choice) {
    const QString key = viewKeyFor(path) + "/csvStepColumn";
    QSettings settings;
    choice = settings.value(key).toString();
    if (!choice.isEmpty() && !always) return true;
    auto layout = csv::inspectCsv(path.toStdString());
    if (!layout.ok()) return true;  // the import reports what is wrong with the file
    if (layout->stepColumn >= 0 && !always) return true;  // a step column was found
    if (m_quietErrors) return true;                       // no questions offscreen: row numbers
    const QString rowNumber = tr("Row number (1, 2, 3, …)");
    QStringList items{rowNumber};
    for (const std::string& c : layout->columns)
        items << QString::fromStdString(c);
    int current = 0;
    if (!choice.isEmpty() && choice != "#row")
        current = std::max(0, int(items.indexOf(choice)));
    else if (!layout->stepCandidates.empty())
        current =
            std::max(0, int(items.indexOf(QString::fromStdString(layout->stepCandidates.front()))));
    bool ok = false;
    const QString picked = QInputDialog::getItem(
        this, tr("Step column"),
        tr("%1 has no single column named like a step (step, global_step, iteration, epoch).\n"
           "Which column counts the steps?")
            .arg(QFileInfo(path).fileName()),
        items, current, false, &ok);
    if (!ok) return false;
    choice = picked == rowNumber ? QStringLiteral("#row") : picked;
    settings.setValue(key, choice);
    return true;
}

void MainWindow::onDataChanged() {
    if (m_firstData) restoreViewState();  // before the first snapshot, so settings apply to it
    m_runs->setSnapshot(m_workspace->runs());
    m_sweep->setSnapshot(m_workspace->runs());
    QHash<QString, QString> stepMetrics;
    for (const auto& [metric, step] : series::definedStepMetrics(*m_workspace->runs()))
        stepMetrics.insert(QString::fromStdString(metric), QString::fromStdString(step));
    m_charts->setStepMetrics(stepMetrics);
    m_charts->setMetricKeys(m_workspace->metricKeys());
    m_charts->setMediaKeys(m_workspace->mediaKeys());
    m_charts->refresh();
    m_tables->refresh();
    updateStatus();
    updateSourceLabel();
    if (m_firstData) {
        m_firstData = false;
        emit sourceLoaded();
    }
}

void MainWindow::openFileDialog() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open a run database or log"), QSettings().value("lastDir").toString(),
        tr("Runs and predictions (*.runlens *.db *.sqlite *.wandb *.csv *.tsv *.jsonl *.ndjson "
           "events.out.tfevents.*);;All files (*)"));
    if (path.isEmpty()) return;
    QSettings().setValue("lastDir", QFileInfo(path).absolutePath());
    openPath(path);
}

void MainWindow::showView(View view) {
    m_views->setCurrentWidget(view == View::Tables  ? static_cast<QWidget*>(m_tables)
                              : view == View::Sweep ? static_cast<QWidget*>(m_sweep)
                                                    : m_charts);
}

void MainWindow::setRunsFilter(const QString& text) {
    m_runs->filterEdit()->setText(text);
    emit m_runs->filterEdit()->returnPressed();
}

void MainWindow::openTable(qint64 run, const QString& name) {
    showView(View::Tables);
    m_tables->openTable(run, name);
}

void MainWindow::sizeToScreen() {
    // A first start: most of the screen, whatever its size; later starts restore what was left.
    resize(screenShare(this, 0.85, 0.85, QSize(1000, 640)));
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        move(screen->availableGeometry().center() - rect().center());
}

void MainWindow::updateSourceLabel() {
    if (!m_workspace->isOpen()) return;
    const QString path = QDir::toNativeSeparators(m_workspace->sourcePath());
    if (!m_workspace->isImported()) {
        m_sourceLabel->setText(path);
        m_sourceLabel->setToolTip(path);
        return;
    }
    m_sourceLabel->setText(path + "  (" + SourcesMenu::summary(*m_workspace) + ")");
    m_sourceLabel->setToolTip(tr("Read from %1\nCached in %2\n\n%3")
                                  .arg(path, QDir::toNativeSeparators(m_workspace->databasePath()),
                                       SourcesMenu::details(*m_workspace)));
}

void MainWindow::addSourceDialog() {
    if (!m_workspace->canEditSources()) {
        showError(tr("Cannot add a source"),
                  tr("Sources can be added to a folder or log opened in Runlens, not to a Runlens "
                     "database opened as it is (Runlens never writes into it). Open a folder "
                     "holding both instead."));
        return;
    }
    const QString path =
        QFileDialog::getExistingDirectory(this, tr("Add a folder of runs to this workspace"),
                                          QSettings().value("lastDir").toString());
    if (path.isEmpty()) return;
    QSettings().setValue("lastDir", path);
    m_workspace->addSource(path);
}

void MainWindow::openFolderDialog() {
    const QString path =
        QFileDialog::getExistingDirectory(this, tr("Open a folder of runs (wandb/, mlruns/, logs)"),
                                          QSettings().value("lastDir").toString());
    if (path.isEmpty()) return;
    QSettings().setValue("lastDir", path);
    openPath(path);
}

void MainWindow::addRecent(const QString& path) {
    QSettings settings;
    QStringList recent = settings.value("recentFiles").toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    settings.setValue("recentFiles", recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu() {
    const QStringList recent = QSettings().value("recentFiles").toStringList();
    m_recentMenu->clear();
    for (const QString& path : recent)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this,
                                [this, path] { openPath(path); });
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear Menu"), this, [this] {
            QSettings().remove("recentFiles");
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
    m_welcome->setRecentFiles(recent);
}

void MainWindow::updateStatus() {
    if (!m_workspace->isOpen()) {
        m_countsLabel->clear();
        return;
    }
    m_countsLabel->setText(m_runs->countsText() + QStringLiteral("   "));
}

void MainWindow::showError(const QString& title, const QString& message) {
    statusBar()->showMessage(message, 15000);
    if (!m_quietErrors) QMessageBox::warning(this, title, message);
}

void MainWindow::showRunDetail(qint64 runId) {
    if (!m_workspace->isOpen()) return;
    auto* dialog =
        new RunDetailDialog(m_workspace->databasePath(), runId, m_workspace->runs(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RunDetailDialog::tableRequested, this, [this](qint64 run, const QString& t) {
        openTable(run, t);
        raise();
        activateWindow();
    });
    dialog->show();
}

void MainWindow::saveViewState() {
    if (m_viewKey.isEmpty() || m_firstData) return;  // nothing was shown: keep what was saved
    QSettings settings;
    settings.setValue(m_viewKey + "/runs", m_runs->saveState());
    settings.setValue(m_viewKey + "/charts", m_charts->saveState());
    settings.setValue(m_viewKey + "/tables", m_tables->saveState());
    settings.setValue(m_viewKey + "/view", m_views->currentIndex());
    settings.setValue(m_viewKey + "/source", m_workspace->sourcePath());
}

void MainWindow::restoreViewState() {
    QSettings settings;
    m_runs->restoreState(settings.value(m_viewKey + "/runs").toMap());
    m_charts->restoreState(settings.value(m_viewKey + "/charts").toMap());
    m_tables->restoreState(settings.value(m_viewKey + "/tables").toMap());
    // A predictions file holds a table and no metrics: it opens on the Tables view.
    const int tables = m_views->indexOf(m_tables);
    const int fallback = m_workspace->format() == QLatin1String("predictions") ? tables : 0;
    m_views->setCurrentIndex(settings.value(m_viewKey + "/view", fallback).toInt());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveViewState();
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("window/state", saveState());
    settings.setValue("window/splitter", m_splitter->saveState());
    m_workspace->cancelImport();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile()) openPath(urls.first().toLocalFile());
}

}  // namespace runlens::ui
