// SourcesMenu: File › Sources — the sources of the open workspace with their state (runs, missing,
// import error), each with a Remove action; rebuilt each time it opens.
#pragma once

#include <QMenu>

namespace runlens::ui {

class Workspace;

class SourcesMenu : public QMenu {
    Q_OBJECT
public:
    SourcesMenu(Workspace* workspace, QWidget* parent = nullptr);

    /// A one-line description of a workspace's sources for the status bar ("3 sources: wandb,
    /// mlflow, tensorboard · 1 missing"), and a tooltip with one line per source.
    static QString summary(const Workspace& workspace);
    static QString details(const Workspace& workspace);

private:
    void rebuild();
    void confirmRemove(const QString& path, int runs);

    Workspace* m_workspace;
};

}  // namespace runlens::ui
