// Workspace: what the window shows — a Runlens database as it is, or a cache database holding every
// source found under an opened folder. Opens off the UI thread (searching the folder, importing
// foreign formats into the cache), keeps the latest runs snapshot, and follows the sources while
// they grow: new points, new runs, and new sources appearing under the folder.
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <vector>

#include "core/importers/source_opener.h"
#include "core/store/run_store.h"
#include "core/store/runs_snapshot.h"
#include "ui/tasks/background.h"

namespace runlens::ui {

class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(QObject* parent = nullptr);
    ~Workspace() override;

    /// Starts opening path and returns at once: opened() or failed() follows. What is open stays
    /// open, untouched, until the new path is known to hold runs; a failed or cancelled open
    /// leaves it as it was. Options tell the importers how to read the source (e.g. a CSV's step
    /// column).
    void open(const QString& path, const ImportOptions& options = {});
    void close();

    bool isOpen() const { return m_open; }
    /// True while open() is searching a path for sources.
    bool isOpening() const { return m_openProgress != nullptr; }
    QString sourcePath() const { return m_sourcePath; }
    /// The Runlens database to read (the source itself, or its cache).
    QString databasePath() const { return QString::fromStdString(m_plan.databasePath); }
    /// "runlens", an importer's format, or "workspace" for sources of several formats.
    /// Follows the sources kept in the cache (an added source of another kind makes a workspace).
    QString format() const;
    bool isImported() const { return m_plan.imported; }

    /// The sources of an imported workspace, as the cache last recorded them (with missing ones
    /// and import errors); empty for a database opened as is.
    const std::vector<WorkspaceSource>& sources() const { return m_runs->sources; }
    /// Sources can be added and removed in an imported workspace (a Runlens database opened as
    /// is is read, never written).
    bool canEditSources() const { return m_open && m_plan.imported; }
    /// Searches path for sources and adds them to the workspace (kept in its cache): sourceAdded()
    /// or failed() follows.
    void addSource(const QString& path);
    /// Removes a source and its runs from the workspace (never touching the files on disk).
    void removeSource(const QString& sourcePath);

    /// The newest runs snapshot (never null once opened(); empty before).
    std::shared_ptr<const RunsSnapshot> runs() const { return m_runs; }
    const std::vector<MetricKeyInfo>& metricKeys() const { return m_metricKeys; }
    /// Keys with images at steps (media panels).
    const std::vector<MediaKeyInfo>& mediaKeys() const { return m_mediaKeys; }

    bool isImporting() const { return m_importProgress != nullptr; }
    /// True while the runs snapshot is being re-read (after an import pass or a change on disk).
    bool isReloading() const { return m_reloadRunning || m_reloadPending; }
    /// Stops what is running: an open's search (the current workspace stays) or an import pass
    /// (what was read is kept).
    void cancelImport();
    /// Re-reads the source now (an import pass for foreign formats, then a reload).
    void refresh();
    /// Follow the source as it changes (on by default).
    void setFollowLive(bool follow);
    bool followLive() const { return m_followLive; }

signals:
    void opening(const QString& path);
    /// A new path is open (the previous workspace, if any, was closed just before).
    void opened();
    /// Opening or adding failed; what was open is unchanged.
    void failed(const QString& message);
    /// Sources were added to the workspace (`count` new ones).
    void sourceAdded(int count);
    /// A new snapshot and metric key list are available (the data changed).
    void dataChanged();
    /// Progress of the search for sources (while opening) or of an import pass.
    void importProgress(qint64 done, qint64 total, const QString& message);
    /// An import pass ended. `summary` says what was read ("nothing new" included); empty when
    /// there is nothing worth telling.
    void importFinished(const QString& summary, bool cancelled, const QString& error);

private:
    void adopt(const SourcePlan& plan, const QString& path);
    /// An import pass now, or right after the running one.
    void requestImport();
    void startImport();
    void scheduleReload();
    void reload();
    void poll();
    void rescan();
    QString fileSignature() const;

    SourcePlan m_plan;
    QString m_sourcePath;
    bool m_open = false;
    bool m_followLive = true;
    std::shared_ptr<const RunsSnapshot> m_runs;
    std::vector<MetricKeyInfo> m_metricKeys;
    std::vector<MediaKeyInfo> m_mediaKeys;

    Generation m_openGeneration;     ///< open() requests: only the newest one's plan is used
    Generation m_sessionGeneration;  ///< the workspace open now: work for a closed one is dropped
    Generation m_reloadGeneration;
    bool m_reloadRunning = false;
    bool m_reloadPending = false;
    std::shared_ptr<Progress> m_openProgress;
    std::shared_ptr<Progress> m_importProgress;
    bool m_importPending = false;  ///< another pass was asked for while one ran
    int m_importPasses = 0;        ///< passes finished since the workspace was opened
    QDateTime m_lastImport;
    QDateTime m_lastRescan;
    bool m_rescanRunning = false;

    QTimer m_pollTimer;
    QTimer m_progressTimer;
    QString m_lastSignature;
};

}  // namespace runlens::ui
