// RunsPanel: the left side of the window — filter box, grouping, column chooser, runs table.
#pragma once

#include <QHash>
#include <QVariantMap>
#include <QWidget>
#include <memory>

#include "core/store/runs_snapshot.h"
#include "ui/plots/drawn_run.h"
#include "ui/widgets/runs_table_view.h"

class QAction;
class QComboBox;
class QLabel;
class QTreeView;
class QToolButton;

namespace runlens::ui {

class FilterLineEdit;
class RunTableModel;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    explicit RunsPanel(QWidget* parent = nullptr);

    void setSnapshot(std::shared_ptr<const RunsSnapshot> snapshot);
    RunTableModel* model() const { return m_model; }
    /// The runs table; its Name column is frozen in an overlay (RunsTableView::frozenView()).
    RunsTableView* view() const { return m_view; }
    FilterLineEdit* filterEdit() const { return m_filter; }
    /// The inline message under the filter box (hidden while the filter is valid).
    QLabel* filterErrorLabel() const { return m_filterError; }
    /// The placeholder over the table when it lists nothing (no match, or a filter error).
    QLabel* emptyHint() const { return m_emptyHint; }
    /// True while the filter text does not parse: the table then lists nothing.
    bool hasFilterError() const;
    /// Checkable "Show Deleted Runs", for the View menu (also in the table's context menu).
    QAction* showDeletedAction() const { return m_showDeletedAction; }

    /// Runs that pass the filter and are not hidden, in table order, with their colours.
    /// The shown runs in table order; while some are selected, the others in faded colours.
    DrawnRuns drawnRuns() const;
    int shownCount() const;
    int totalCount() const;
    int selectedCount() const;
    /// For the status bar: "57 of 57 runs · 10 deleted hidden", or "filter error · 57 runs".
    QString countsText() const;
    /// Snapshot rows of the selected runs (group rows expand to their runs).
    std::vector<int> selectedRows() const;
    /// Selects exactly these runs (those the table shows), e.g. the runs a sweep brush keeps.
    void selectRuns(const std::vector<RunId>& runs);

    /// Per-database view state: columns, sort, grouping, filter, colours, hidden and pinned runs.
    QVariantMap saveState() const;
    void restoreState(const QVariantMap& state);

    // Actions for menus and shortcuts.
    void showSelected();
    void hideSelected();
    void showOnlySelected();
    void showAll();
    void pinSelected(bool pinned);
    void chooseColorForSelected();
    void chooseColumns();
    /// Copies the selected runs' visible cells as tab-separated text, with a header line.
    void copySelected();

signals:
    /// The runs to draw changed (filter, visibility, colours, grouping, data).
    void drawnRunsChanged();
    /// The selection changed: drawnRuns() fades the runs not selected.
    void highlightChanged();
    /// Counts or selection changed: refresh the status bar.
    void countsChanged();
    /// A run was double-clicked or Enter was pressed on it.
    void runActivated(RunId id);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void applyFilter(const QString& text);
    void updateGroupChoices();
    void applyDefaultColumnVisibility();
    void applyColumnWidth(int column);
    int contentWidth(int column) const;
    void showContextMenu(const QPoint& pos);
    void showHeaderMenu(int section, const QPoint& globalPos);
    void updateEmptyHint();
    void updateDeletedAction();
    void applyDefaultSort();
    void rememberSelection();
    void restoreSelection();
    void spanGroupRows();

    FilterLineEdit* m_filter = nullptr;
    QComboBox* m_groupBy = nullptr;
    QToolButton* m_columnsButton = nullptr;
    QLabel* m_filterError = nullptr;
    RunsTableView* m_view = nullptr;
    RunTableModel* m_model = nullptr;
    QLabel* m_emptyHint = nullptr;
    QAction* m_showDeletedAction = nullptr;

    QStringList m_hiddenColumns;  ///< column ids the user hid
    QStringList m_shownColumns;   ///< column ids the user showed although hidden by default
    QStringList m_selectedUids;   ///< kept across model resets
    QString m_pendingGroupBy;
    QHash<QString, int> m_columnWidths;  ///< column id -> width the user gave it (saved)
    QHash<QString, int> m_autoWidths;    ///< column id -> width measured from its cells
    bool m_arranging = false;            ///< resizing columns ourselves, not the user
};

}  // namespace runlens::ui
