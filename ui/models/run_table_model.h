// RunTableModel: the runs table over a RunsSnapshot — filtered, sorted, optionally grouped into
// collapsible groups — with per-run colour, visibility and pinning from RunLooks.
#pragma once

#include <QAbstractItemModel>
#include <memory>
#include <optional>
#include <vector>

#include "core/store/runs_snapshot.h"
#include "ui/models/run_columns.h"
#include "ui/models/run_looks.h"

namespace runlens::ui {

class RunTableModel : public QAbstractItemModel {
    Q_OBJECT
public:
    explicit RunTableModel(QObject* parent = nullptr);

    /// Shows a new snapshot, keeping filter, sort, grouping and looks.
    void setSnapshot(std::shared_ptr<const RunsSnapshot> snapshot);
    std::shared_ptr<const RunsSnapshot> snapshot() const { return m_snapshot; }
    const std::vector<RunColumn>& columns() const { return m_columns; }
    int columnIndex(const QString& id) const;

    /// Snapshot rows that pass the filter; nullopt shows every run.
    void setFilterRows(std::optional<std::vector<std::uint32_t>> rows);
    /// Groups by a column id ("" for no grouping).
    void setGroupBy(const QString& columnId);
    QString groupBy() const { return m_groupBy; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    /// Sorts by a column id, also before the column exists (restored settings).
    void setSortKey(const QString& columnId, Qt::SortOrder order);
    Qt::SortOrder sortOrder() const { return m_sortOrder; }
    /// The id of the sort column, also while it is pending ("" when unsorted).
    QString sortKey() const { return m_sortColumnId; }

    /// Runs deleted in their source (MLflow lifecycle) are left out unless shown: not listed,
    /// not drawn, not counted.
    void setShowDeleted(bool show);
    bool showDeleted() const { return m_showDeleted; }
    /// Deleted runs in the snapshot (left out while !showDeleted()).
    int deletedCount() const { return m_deletedCount; }

    RunLooks& looks() { return m_looks; }
    const RunLooks& looks() const { return m_looks; }
    /// Call after changing looks() directly: refreshes the table and announces the change.
    void looksChanged();

    /// The snapshot row of a run index, or -1 for a group row or an invalid index.
    int snapshotRow(const QModelIndex& index) const;
    /// Snapshot rows that pass the filter, in display order (groups flattened).
    std::vector<int> shownRows() const;
    int shownCount() const { return int(m_rows.size()); }
    /// Runs the table can list: every run, less the deleted ones while they are left out.
    int totalCount() const;
    /// The group key of a snapshot row under the current grouping ("" when not grouped).
    QString groupKeyOf(int snapshotRow) const;
    /// The model index of a snapshot row (column 0), invalid when filtered out.
    QModelIndex indexOfRow(int snapshotRow) const;

    void setRowsHidden(const std::vector<int>& snapshotRows, bool hidden);
    void showOnly(const std::vector<int>& snapshotRows);
    void setRowsPinned(const std::vector<int>& snapshotRows, bool pinned);
    void setRowColor(int snapshotRow, const QColor& color);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    /// What the charts draw changed: filter, visibility, colours, grouping or data.
    void drawnRunsChanged();

private:
    struct Group {
        QString key;
        std::vector<int> rows;
    };
    void arrange();
    QVariant runData(int snapshotRow, int column, int role) const;
    QVariant groupData(const Group& group, int column, int role) const;
    QString headerToolTip(const RunColumn& column) const;
    QString uid(int snapshotRow) const;

    std::shared_ptr<const RunsSnapshot> m_snapshot;
    std::vector<RunColumn> m_columns;
    std::optional<std::vector<std::uint32_t>> m_filter;
    std::vector<int> m_rows;      ///< filtered rows, pinned first, then sorted
    std::vector<Group> m_groups;  ///< when grouped
    QString m_groupBy;
    int m_groupColumn = -1;
    int m_sortColumn = -1;
    QString m_sortColumnId;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_showDeleted = false;
    int m_deletedCount = 0;
    mutable RunLooks m_looks;
};

}  // namespace runlens::ui
