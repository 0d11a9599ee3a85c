// RunDetailDialog: composes the tabs, titles them with their counts, hides empty optional ones.
#include "ui/dialogs/run_detail_dialog.h"

#include <QSettings>

#include <QShortcut>
#include <QTabWidget>
#include <QVBoxLayout>
#include <limits>
#include "ui/widgets/screen_size.h"

#include "ui/dialogs/run_detail/artifacts_tab.h"
#include "ui/dialogs/run_detail/console_tab.h"
#include "ui/dialogs/run_detail/import_log_tab.h"
#include "ui/dialogs/run_detail/overview_tab.h"
#include "ui/dialogs/run_detail/system_metrics_tab.h"
#include "ui/dialogs/run_detail/tables_tab.h"

namespace runlens::ui {
namespace {

const char* const kGeometryKey = "runDetail/geometry";

}  // namespace

RunDetailDialog::RunDetailDialog(const QString& databasePath, qint64 runId,
                                 std::shared_ptr<const RunsSnapshot> snapshot, QWidget* parent)
    : QDialog(parent) {
    setWindowFlag(Qt::WindowMaximizeButtonHint);
    setWindowFlag(Qt::WindowMinimizeButtonHint);
    setSizeGripEnabled(true);

    double runStart = std::numeric_limits<double>::quiet_NaN();
    QString name;
    if (snapshot && snapshot->rowOf(runId) >= 0) {
        const RunInfo& info = snapshot->runs[std::size_t(snapshot->rowOf(runId))];
        runStart = info.startTime;
        name = QString::fromStdString(displayName(info));
    }
    setWindowTitle(name.isEmpty() ? tr("Run details") : tr("%1 — Run details").arg(name));

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    // Each tab starts its read at construction: the console, possibly the longest, goes last so
    // that the small reads are not queued behind it on the thread pool.
    m_overview = new OverviewTab(databasePath, runId, snapshot, m_tabs);
    m_system = new SystemMetricsTab(databasePath, runId, runStart, m_tabs);
    m_tables = new TablesTab(databasePath, runId, m_tabs);
    m_artifacts = new ArtifactsTab(databasePath, runId, snapshot, m_tabs);
    m_importLog = new ImportLogTab(databasePath, runId, m_tabs);
    m_console = new ConsoleTab(databasePath, runId, m_tabs);
    addTab(m_overview, tr("Overview"));
    addTab(m_console, tr("Console"));
    addTab(m_system, tr("System"));
    addTab(m_tables, tr("Tables"));
    addTab(m_artifacts, tr("Artifacts"));
    addTab(m_importLog, tr("Import log"));
    // Optional tabs appear once they turn out to have something to show.
    m_tabs->setTabVisible(m_tabs->indexOf(m_artifacts), false);
    m_tabs->setTabVisible(m_tabs->indexOf(m_importLog), false);

    connect(m_overview, &OverviewTab::runLoaded, this, [this](const QString& runName) {
        setWindowTitle(tr("%1 — Run details").arg(runName));
    });
    connect(m_system, &SystemMetricsTab::chartCountChanged, this, [this](int count) {
        setTabTitle(m_system, count > 0 ? tr("System (%1)").arg(count) : tr("System"));
    });
    connect(m_tables, &TablesTab::openRequested, this,
            [this](qint64 run, const QString& table) { emit tableRequested(run, table); });
    connect(m_tables, &TablesTab::tableCountChanged, this, [this](int count) {
        setTabTitle(m_tables, count > 0 ? tr("Tables (%1)").arg(count) : tr("Tables"));
    });
    connect(m_artifacts, &ArtifactsTab::artifactCountChanged, this, [this](int count) {
        if (count > 0) setTabTitle(m_artifacts, tr("Artifacts (%1)").arg(count));
        m_tabs->setTabVisible(m_tabs->indexOf(m_artifacts), count != 0);
    });
    connect(m_importLog, &ImportLogTab::notesLoaded, this, [this](int count, NoteLevel worst) {
        const int index = m_tabs->indexOf(m_importLog);
        setTabTitle(m_importLog, tr("Import log (%1)").arg(count));
        if (worst != NoteLevel::Info) m_tabs->setTabIcon(index, ImportLogTab::levelIcon(worst));
        m_tabs->setTabVisible(index, count > 0);
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_tabs);

    auto* find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, &RunDetailDialog::focusSearch);

    if (!restoreGeometry(QSettings().value(kGeometryKey).toByteArray()))
        resize(screenShare(parentWidget(), 0.7, 0.8, QSize(900, 640)));
}

RunDetailDialog::~RunDetailDialog() = default;

void RunDetailDialog::addTab(DetailTab* tab, const QString& title) {
    m_tabs->addTab(tab, title);
    ++m_pendingTabs;
    connect(tab, &DetailTab::loaded, this, [this] {
        if (--m_pendingTabs == 0) emit loaded();
    });
}

void RunDetailDialog::setTabTitle(DetailTab* tab, const QString& title) {
    m_tabs->setTabText(m_tabs->indexOf(tab), title);
}

void RunDetailDialog::focusSearch() {
    if (auto* tab = qobject_cast<DetailTab*>(m_tabs->currentWidget())) tab->focusSearch();
}

void RunDetailDialog::hideEvent(QHideEvent* event) {
    QSettings().setValue(kGeometryKey, saveGeometry());
    QDialog::hideEvent(event);
}

}  // namespace runlens::ui
