// SourcesMenu: counts runs per source from the snapshot, so the menu says what removing costs.
#include "ui/widgets/sources_menu.h"

#include <QDir>
#include <QMessageBox>
#include <map>
#include <set>

#include "ui/workspace.h"

namespace runlens::ui {
namespace {

QString native(const std::string& path) {
    return QDir::toNativeSeparators(QString::fromStdString(path));
}

bool listed(const WorkspaceSource& s) {
    return !s.removed && !s.superseded;
}

std::map<std::string, int> runsPerSource(const Workspace& workspace) {
    std::map<std::string, int> counts;
    for (const RunInfo& r : workspace.runs()->runs)
        ++counts[r.sourceRoot];
    return counts;
}

QString stateText(const WorkspaceSource& s, int runs) {
    if (s.missing) return QObject::tr("missing from disk; %n run(s) kept", nullptr, runs);
    if (!s.error.empty())
        return QObject::tr("import failed: %1").arg(QString::fromStdString(s.error));
    return QObject::tr("%n run(s)", nullptr, runs);
}

}  // namespace

SourcesMenu::SourcesMenu(Workspace* workspace, QWidget* parent)
    : QMenu(tr("&Sources"), parent), m_workspace(workspace) {
    setToolTipsVisible(true);
    connect(this, &QMenu::aboutToShow, this, &SourcesMenu::rebuild);
    rebuild();
}

QString SourcesMenu::summary(const Workspace& workspace) {
    int count = 0, missing = 0, failed = 0;
    std::set<std::string> formats;
    for (const WorkspaceSource& s : workspace.sources()) {
        if (!listed(s)) continue;
        ++count;
        missing += s.missing;
        failed += !s.error.empty();
        formats.insert(s.format);
    }
    if (count <= 1) {
        QString text = tr("%1, imported").arg(workspace.format());
        if (missing) text += tr(" · missing from disk");
        if (failed) text += tr(" · import failed");
        return text;
    }
    QStringList names;
    for (const std::string& f : formats)
        names << QString::fromStdString(f);
    QString text = tr("%n sources: %1", nullptr, count).arg(names.join(QStringLiteral(", ")));
    if (missing) text += tr(" · %n missing", nullptr, missing);
    if (failed) text += tr(" · %n failed", nullptr, failed);
    return text;
}

QString SourcesMenu::details(const Workspace& workspace) {
    const auto counts = runsPerSource(workspace);
    QStringList lines;
    for (const WorkspaceSource& s : workspace.sources()) {
        if (!listed(s)) continue;
        const auto it = counts.find(s.path);
        lines << tr("%1  %2 — %3")
                     .arg(QString::fromStdString(s.format), native(s.path),
                          stateText(s, it == counts.end() ? 0 : it->second));
    }
    return lines.join('\n');
}

void SourcesMenu::rebuild() {
    clear();
    const auto counts = runsPerSource(*m_workspace);
    int shown = 0;
    for (const WorkspaceSource& s : m_workspace->sources()) {
        if (!listed(s)) continue;
        const auto it = counts.find(s.path);
        const int runs = it == counts.end() ? 0 : it->second;
        QMenu* menu = addMenu(tr("%1 — %2").arg(QString::fromStdString(s.format), native(s.path)));
        menu->setToolTipsVisible(true);
        QAction* state = menu->addAction(stateText(s, runs));
        state->setEnabled(false);
        menu->addSeparator();
        const QString path = QString::fromStdString(s.path);
        QAction* remove = menu->addAction(tr("&Remove from Workspace…"), this,
                                          [this, path, runs] { confirmRemove(path, runs); });
        remove->setToolTip(tr("Its runs leave this workspace; the files on disk are not touched"));
        ++shown;
    }
    if (shown == 0) {
        QAction* none =
            addAction(m_workspace->canEditSources() ? tr("No sources")
                                                    : tr("A Runlens database, opened as it is"));
        none->setEnabled(false);
    }
}

void SourcesMenu::confirmRemove(const QString& path, int runs) {
    const auto answer = QMessageBox::question(
        parentWidget(), tr("Remove source"),
        tr("Remove %1 and its %n run(s) from this workspace?\n\nThe files on disk are not "
           "touched; File › Add Source brings it back.",
           nullptr, runs)
            .arg(QDir::toNativeSeparators(path)));
    if (answer == QMessageBox::Yes) m_workspace->removeSource(path);
}

}  // namespace runlens::ui
