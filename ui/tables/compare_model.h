// CompareModel: a table joined across runs (or steps) — the key, the truth, and one prediction
// column per compared table, coloured right/wrong, "—" where a table lacks the row; over the
// joined rows a filter kept (analysis::filterJoin).
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <memory>
#include <vector>

#include "core/analysis/table_join.h"

namespace runlens::ui {

class CompareModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum { KeyColumn, TruthColumn, FirstTableColumn };
    /// Sorts as text, numbers as numbers.
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit CompareModel(QObject* parent = nullptr);

    /// The join and its tables (kept alive by the caller while the model shows them), the
    /// header of each compared table ("run" or "step 10") and the joined rows shown.
    void setJoin(std::shared_ptr<const analysis::TableJoin> join,
                 std::vector<analysis::JoinInput> inputs, QStringList tableTitles,
                 std::vector<std::uint32_t> rows);
    void setRows(std::vector<std::uint32_t> rows);
    const analysis::TableJoin* join() const { return m_join.get(); }
    /// The joined row shown at `row`.
    std::uint32_t joinedRow(int row) const { return m_rows[std::size_t(row)]; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QString label(std::int32_t index) const;

    std::shared_ptr<const analysis::TableJoin> m_join;
    std::vector<analysis::JoinInput> m_inputs;
    QStringList m_titles;
    std::vector<std::uint32_t> m_rows;
};

}  // namespace runlens::ui
