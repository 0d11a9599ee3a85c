// Workspace: plan -> (import) -> snapshot, all off the UI thread; a 1 s poll follows changes, a
// slower rescan of an opened folder finds sources that appear in it.
#include "ui/workspace.h"

#include <QFileInfo>
#include <QLocale>
#include <mutex>
#include <set>

namespace runlens::ui {
namespace {

// Loaded off the UI thread, handed over whole.
struct Loaded {
    std::shared_ptr<const RunsSnapshot> runs;
    std::vector<MetricKeyInfo> keys;
    std::vector<MediaKeyInfo> mediaKeys;
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
    auto mediaKeys = store->readMediaKeys();
    if (!mediaKeys.ok()) {
        out.error = QString::fromStdString(mediaKeys.error().toString());
        return out;
    }
    out.runs = std::make_shared<const RunsSnapshot>(std::move(runs.value()));
    out.keys = std::move(keys.value());
    out.mediaKeys = std::move(mediaKeys.value());
    return out;
}

struct ImportOutcome {
    Result<ImportStats> stats = ImportStats{};
    std::vector<SourceImport> perSource;
};

// What a pass read, in words; empty when a later pass found nothing new (not worth a message).
QString importSummary(const ImportStats& s, bool firstPass, std::size_t sources) {
    if (s.runs == 0 && s.points == 0 && s.records == 0 && s.skipped == 0)
        return firstPass ? QObject::tr("Up to date: nothing new since it was last read")
                         : QString();
    const QLocale locale;
    QString text = QObject::tr("Read %n run(s)", nullptr, int(s.runs));
    text += QObject::tr(", %1 points").arg(locale.toString(qlonglong(s.points)));
    if (sources > 1) text += QObject::tr(" from %n source(s)", nullptr, int(sources));
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
constexpr int kRescanIntervalSeconds = 15;

}  // namespace

Workspace::Workspace(QObject* parent)
    : QObject(parent), m_runs(std::make_shared<const RunsSnapshot>()) {
    m_pollTimer.setInterval(kPollMs);
    connect(&m_pollTimer, &QTimer::timeout, this, &Workspace::poll);
    m_progressTimer.setInterval(kProgressMs);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        const Progress* p = m_openProgress ? m_openProgress.get() : m_importProgress.get();
        if (p) emit importProgress(p->done(), p->total(), QString::fromStdString(p->message()));
    });
}

Workspace::~Workspace() {
    if (m_openProgress) m_openProgress->cancel();
    cancelImport();
}

void Workspace::open(const QString& path, const ImportOptions& options) {
    if (m_openProgress) m_openProgress->cancel();  // the newest request wins
    const quint64 generation = m_openGeneration.next();
    auto progress = std::make_shared<Progress>();
    m_openProgress = progress;
    m_progressTimer.start();
    emit opening(path);
    const std::string source = path.toStdString();
    runInBackground(
        this,
        [source, options, progress] {
            return std::make_shared<Result<SourcePlan>>(
                planSource(source, defaultCacheDir(), options, progress.get()));
        },
        [this, generation, progress, path](std::shared_ptr<Result<SourcePlan>> plan) {
            if (m_openProgress != progress) return;  // a newer open replaced this one
            m_openProgress.reset();
            if (!isImporting()) m_progressTimer.stop();
            if (!m_openGeneration.isCurrent(generation)) return;
            if (!plan->ok()) {
                emit failed(QString::fromStdString(plan->error().toString()));
                return;
            }
            adopt(plan->value(), path);
        });
}

void Workspace::adopt(const SourcePlan& plan, const QString& path) {
    close();
    m_plan = plan;
    m_sourcePath = path;
    m_open = true;
    m_lastRescan = QDateTime::currentDateTimeUtc();
    // What reload() is about to read: the first poll must not take the file as changed
    // (that re-read every chart in view a second after opening).
    m_lastSignature = fileSignature();
    if (m_plan.imported) startImport();
    if (QFileInfo::exists(databasePath())) reload();  // a cache from before shows at once
    if (m_followLive) m_pollTimer.start();
    emit opened();
}

void Workspace::close() {
    cancelImport();
    m_importProgress.reset();  // its result will be ignored (generation), the cache stays valid
    if (!m_openProgress) m_progressTimer.stop();
    m_pollTimer.stop();
    m_reloadGeneration.next();
    m_sessionGeneration.next();
    m_open = false;
    m_importPending = false;
    m_importPasses = 0;
    m_plan = {};
    m_runs = std::make_shared<const RunsSnapshot>();
    m_metricKeys.clear();
    m_mediaKeys.clear();
}

void Workspace::cancelImport() {
    if (m_openProgress) m_openProgress->cancel();
    if (m_importProgress) m_importProgress->cancel();
    m_importPending = false;
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
    if (m_plan.imported) requestImport();
    reload();
}

void Workspace::addSource(const QString& path) {
    if (!canEditSources()) {
        emit failed(
            tr("Sources can be added to a folder opened in Runlens, not to a Runlens "
               "database opened as it is (Runlens never writes into it). Open a folder "
               "holding both instead."));
        return;
    }
    const quint64 session = m_sessionGeneration.current();
    const std::string source = path.toStdString();
    const ImportOptions options = m_plan.options;
    runInBackground(
        this,
        [source, options] {
            return std::make_shared<Result<SourcePlan>>(
                planSource(source, defaultCacheDir(), options));
        },
        [this, session](std::shared_ptr<Result<SourcePlan>> found) {
            if (!m_sessionGeneration.isCurrent(session)) return;
            if (!found->ok()) {
                emit failed(QString::fromStdString(found->error().toString()));
                return;
            }
            std::vector<FoundSource> sources = found->value().sources;
            if (!found->value().imported)  // a Runlens database: copied in as a source
                sources = {{"runlens", found->value().source}};
            for (const FoundSource& s : sources) {
                std::erase(m_plan.removeSources, s.path.string());
                if (std::find(m_plan.addSources.begin(), m_plan.addSources.end(), s) ==
                    m_plan.addSources.end())
                    m_plan.addSources.push_back(s);
            }
            emit sourceAdded(int(sources.size()));
            requestImport();
        });
}

QString Workspace::format() const {
    std::string format;
    if (m_plan.imported && m_runs) {
        for (const WorkspaceSource& s : m_runs->sources) {
            if (s.removed || s.superseded) continue;
            if (format.empty())
                format = s.format;
            else if (s.format != format)
                return QStringLiteral("workspace");
        }
    }
    return QString::fromStdString(format.empty() ? m_plan.format : format);
}

void Workspace::removeSource(const QString& sourcePath) {
    if (!canEditSources()) return;
    const std::string path = sourcePath.toStdString();
    std::erase_if(m_plan.addSources, [&](const FoundSource& s) { return s.path == path; });
    if (std::find(m_plan.removeSources.begin(), m_plan.removeSources.end(), path) ==
        m_plan.removeSources.end())
        m_plan.removeSources.push_back(path);
    requestImport();
}

void Workspace::requestImport() {
    if (!m_open || !m_plan.imported) return;
    if (isImporting())
        m_importPending = true;  // one more pass when the running one ends
    else
        startImport();
}

void Workspace::startImport() {
    if (!claimImport(m_plan.databasePath)) {  // still running from before: try again soon
        m_importPending = true;
        return;
    }
    m_importPending = false;
    m_lastImport = QDateTime::currentDateTimeUtc();
    const quint64 session = m_sessionGeneration.current();
    const SourcePlan plan = m_plan;
    // The importer updates `progress` from its thread; m_progressTimer shows it from this one.
    auto progress = std::make_shared<Progress>();
    m_importProgress = progress;
    m_progressTimer.start();
    runInBackground(
        this,
        [plan, progress] {
            auto outcome = std::make_shared<ImportOutcome>();
            outcome->stats = updateCache(plan, progress.get(), &outcome->perSource);
            releaseImport(plan.databasePath);
            return outcome;
        },
        [this, session, progress](std::shared_ptr<ImportOutcome> outcome) {
            if (m_importProgress == progress) {
                m_importProgress.reset();
                if (!m_openProgress) m_progressTimer.stop();
            }
            if (!m_sessionGeneration.isCurrent(session)) return;
            m_lastImport = QDateTime::currentDateTimeUtc();
            const bool firstPass = m_importPasses++ == 0;
            if (!outcome->stats.ok()) {
                emit importFinished({}, false,
                                    QString::fromStdString(outcome->stats.error().toString()));
            } else {
                scheduleReload();
                const ImportStats& stats = outcome->stats.value();
                emit importFinished(importSummary(stats, firstPass, outcome->perSource.size()),
                                    stats.cancelled, {});
            }
            if (m_importPending) startImport();
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
    if (!m_plan.imported || !m_followLive || isImporting()) return;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_lastRescan.secsTo(now) >= kRescanIntervalSeconds) rescan();
    if (m_lastImport.secsTo(now) >= kImportIntervalSeconds) startImport();
}

void Workspace::rescan() {
    m_lastRescan = QDateTime::currentDateTimeUtc();
    if (m_rescanRunning || !QFileInfo(m_sourcePath).isDir()) return;
    m_rescanRunning = true;
    const quint64 session = m_sessionGeneration.current();
    const std::string source = m_plan.source.string();
    const ImportOptions options = m_plan.options;
    runInBackground(
        this,
        [source, options] {
            return std::make_shared<Result<SourcePlan>>(
                planSource(source, defaultCacheDir(), options));
        },
        [this, session](std::shared_ptr<Result<SourcePlan>> found) {
            m_rescanRunning = false;
            if (!m_sessionGeneration.isCurrent(session) || !found->ok()) return;
            if (found->value().sources == m_plan.sources) return;
            m_plan.sources = found->value().sources;  // appeared, or vanished: the pass decides
            m_plan.scanStopped = found->value().scanStopped;
            requestImport();
        });
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
                m_mediaKeys = std::move(loaded->mediaKeys);
                emit dataChanged();
            }
            if (m_reloadPending) reload();
        });
}

}  // namespace runlens::ui
