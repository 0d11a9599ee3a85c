// TableListModel: the prediction tables of the shown runs, one entry per run and table name (the
// steps it was logged at are the entry's step choices), for the Tables view's list.
#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <vector>

#include "core/model/run_info.h"
#include "core/store/run_store.h"

namespace runlens::ui {

struct TableEntry {
    RunId run = 0;
    QString runUid;
    QString runName;
    QColor color;
    QString name;
    /// (step, table id) in step order; the last is the newest.
    std::vector<std::pair<std::int64_t, std::int64_t>> steps;
    std::int64_t rows = 0;  ///< of the newest step
    std::vector<std::pair<std::string, ColumnType>> columns;

    std::int64_t tableIdAt(std::int64_t step) const;
};

class TableListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { RunColumn, NameColumn, StepsColumn, RowsColumn, ColumnsColumn, ColumnCount };

    explicit TableListModel(QObject* parent = nullptr);

    /// Groups `tables` by run and name, keeping runs in the order of `runs` (run id, uid, name,
    /// colour): tables of other runs are left out.
    struct RunLook {
        RunId id;
        QString uid;
        QString name;
        QColor color;
    };
    void setTables(const std::vector<TableInfo>& tables, const std::vector<RunLook>& runs);
    const std::vector<TableEntry>& entries() const { return m_entries; }
    const TableEntry& entry(int row) const { return m_entries[std::size_t(row)]; }
    /// Row of the entry for a run and table name, or -1.
    int find(RunId run, const QString& name) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::vector<TableEntry> m_entries;
};

}  // namespace runlens::ui
