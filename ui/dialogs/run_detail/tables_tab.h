// TablesTab: the prediction tables a run logged (name, step, rows, columns and their types);
// double-click, Enter or "Open in Tables View" opens one in the main window's Tables view.
#pragma once

#include "core/model/run_info.h"
#include "ui/dialogs/run_detail/detail_tab.h"

class QPushButton;
class QTreeWidget;

namespace runlens::ui {

class TablesTab : public DetailTab {
    Q_OBJECT
public:
    TablesTab(const QString& databasePath, RunId runId, QWidget* parent = nullptr);

    QTreeWidget* list() const { return m_list; }
    QPushButton* openButton() const { return m_open; }

signals:
    void tableCountChanged(int count);
    /// The user asked to see a table in the Tables view.
    void openRequested(qint64 run, const QString& table);

private:
private:
    void openCurrent();

    RunId m_run;
    QTreeWidget* m_list = nullptr;
    QPushButton* m_open = nullptr;
};

}  // namespace runlens::ui
