// Workspace: plan -> (import) -> snapshot, all off the UI thread; a 1 s poll follows changes.
#include "ui/workspace.h"

#include <QFileInfo>
#include <mutex>
#include <set>

namespace runlens::ui {
namespace {

// Loaded off the UI thread, handed over whole.
struct Loaded {
    std::shared_ptr<const RunsSnapshot> runs;
    std::vector<MetricKeyInfo> keys;
    QString error;
};

Loaded loadDatabase(const std::string& path) {
    Loaded out;
    auto store = RunStore::open(path);
    if (!store.ok()) {
        out.error = QString::fromStdString(store.error().toString());
        return out;
    }
    auto runs = store->readRuns();
    if (!runs.ok()) {
        out.error = QString::fromStdString(runs.error().toString());
        return out;
    }
    auto keys = store->readMetricKeys();
    if (!keys.ok()) {
        out.error = QString::fromStdString(keys.error().toString());
        return out;
    }
    out.runs = std::make_shared<const RunsSnapshot>(std::move(runs.value()));
    out.keys = std::move(keys.value());
    return out;
}

QString statsSummary(const ImportStats& s) {
    QString text = QObject::tr("%n run(s), %1 points", nullptr, int(s.runs)).arg(s.points);
    if (s.skipped > 0)
        text += QObject::tr(", %n damaged record(s) skipped", nullptr, int(s.skipped));
    return text;
}

// One import per cache database at a time, even when a window reopens a source whose previous
// import is still finishing. Claimed on the UI thread, released by the worker.
std::mutex g_importsMutex;
std::set<std::string> g_imports;

bool claimImport(const std::string& database) {
    std::lock_guard lock(g_importsMutex);
    return g_imports.insert(database).second;
}

void releaseImport(const std::string& database) {
    std::lock_guard lock(g_importsMutex);
    g_imports.erase(database);
}

constexpr int kPollMs = 1000;
constexpr int kProgressMs = 150;
constexpr int kImportIntervalSeconds = 3;

}  // namespace

Workspace::Workspace(QObject* parent)
    : QObject(parent), m_runs(std::make_shared<const RunsSnapshot>()) {
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &Workspace::poll);
    m_progressTimer.setInterval(kProgressMs);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_importProgress)
            emit importProgress(m_importProgress->done(), m_importProgress->total(),
                                QString::fromStdString(m_importProgress->message()));
    });
}

Workspace::~Workspace() {
    cancelImport();
}

void Workspace::open(const QString& path, const ImportOptions& options) {
    close();
    m_sourcePath = path;
    const quint64 generation = m_openGeneration.next();
    emit opening(path);
    const std::string source = path.toStdString();
    runInBackground(
        this,
        [source, options] {
            return std::make_shared<Result<SourcePlan>>(
                planSource(source, defaultCacheDir(), options));
        },
        [this, generation](std::shared_ptr<Result<SourcePlan>> plan) {
            if (!m_openGeneration.isCurrent(generation)) return;
            if (!plan->ok()) {
                emit failed(QString::fromStdString(plan->error().toString()));
                return;
            }
            m_plan = plan->value();
            m_open = true;
            // What reload() is about to read: the first poll must not take the file as changed
            // (that re-read every chart in view a second after opening).
            m_lastSignature = fileSignature();
            if (m_plan.imported) startImport();
            if (QFileInfo::exists(databasePath())) reload();  // a cache from before shows at once
            if (m_followLive) m_pollTimer.start();
            emit opened();
        });
}

void Workspace::close() {
    cancelImport();
    m_importProgress.reset();  // its result will be ignored (generation), the cache stays valid
    m_progressTimer.stop();
    m_pollTimer.stop();
    m_openGeneration.next();
    m_reloadGeneration.next();
    m_open = false;
    m_plan = {};
    m_runs = std::make_shared<const RunsSnapshot>();
    m_metricKeys.clear();
}

void Workspace::cancelImport() {
    if (m_importProgress) m_importProgress->cancel();
}

void Workspace::setFollowLive(bool follow) {
    m_followLive = follow;
    if (follow && m_open)
        m_pollTimer.start();
    else
        m_pollTimer.stop();
}

void Workspace::refresh() {
    if (!m_open) return;
    if (m_plan.imported && !isImporting()) startImport();
    reload();
}

void Workspace::startImport() {
    if (!claimImport(m_plan.databasePath)) return;  // still running from before: the poll retries
    m_lastImport = QDateTime::currentDateTimeUtc();
    const quint64 generation = m_openGeneration.current();
    const SourcePlan plan = m_plan;
    // The importer updates `progress` from its thread; m_progressTimer shows it from this one.
    auto progress = std::make_shared<Progress>();
    m_importProgress = progress;
    m_progressTimer.start();
    runInBackground(
        this,
        [plan, progress] {
            auto stats = std::make_shared<Result<ImportStats>>(updateCache(plan, progress.get()));
            releaseImport(plan.databasePath);
            return stats;
        },
        [this, generation, progress](std::shared_ptr<Result<ImportStats>> stats) {
            if (m_importProgress == progress) {
                m_importProgress.reset();
                m_progressTimer.stop();
            }
            if (!m_openGeneration.isCurrent(generation)) return;
            m_lastImport = QDateTime::currentDateTimeUtc();
            if (!stats->ok()) {
                emit importFinished({}, false, QString::fromStdString(stats->error().toString()));
                return;
            }
            scheduleReload();
            emit importFinished(statsSummary(stats->value()), stats->value().cancelled, {});
        });
}

QString Workspace::fileSignature() const {
    // A commit changes the WAL (or, after a checkpoint, the database file): size and mtime tell.
    // An empty WAL holds nothing: the first reader creates one, which is no change of data.
    QString signature;
    for (const QString& suffix : {QString(), QStringLiteral("-wal")}) {
        QFileInfo info(databasePath() + suffix);
        if (info.exists() && (suffix.isEmpty() || info.size() > 0))
            signature += QString::number(info.size()) + ":" +
                         QString::number(info.lastModified().toMSecsSinceEpoch()) + ";";
    }
    return signature;
}

void Workspace::poll() {
    if (!m_open) return;
    const QString signature = fileSignature();
    if (signature != m_lastSignature) {
        m_lastSignature = signature;
        if (!signature.isEmpty()) scheduleReload();
    }
    if (m_plan.imported && !isImporting() && m_followLive &&
        m_lastImport.secsTo(QDateTime::currentDateTimeUtc()) >= kImportIntervalSeconds)
        startImport();
}

void Workspace::scheduleReload() {
    if (m_reloadRunning) {
        m_reloadPending = true;  // one more pass when the running one ends
        return;
    }
    reload();
}

void Workspace::reload() {
    if (!m_open) return;
    m_reloadRunning = true;
    m_reloadPending = false;
    const quint64 generation = m_reloadGeneration.next();
    const std::string path = m_plan.databasePath;
    runInBackground(
        this, [path] { return std::make_shared<Loaded>(loadDatabase(path)); },
        [this, generation](std::shared_ptr<Loaded> loaded) {
            m_reloadRunning = false;
            if (!m_reloadGeneration.isCurrent(generation)) return;
            if (!loaded->error.isEmpty()) {
                // A cache still being created is not an error worth showing; a real file is.
                if (!m_plan.imported || !isImporting()) emit failed(loaded->error);
            } else {
                m_runs = loaded->runs;
                m_metricKeys = std::move(loaded->keys);
                emit dataChanged();
            }
            if (m_reloadPending) reload();
        });
}

}  // namespace runlens::ui
