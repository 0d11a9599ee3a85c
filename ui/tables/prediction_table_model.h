// PredictionTableModel: a virtual Qt model over one stored prediction table — cells are built from
// its typed columns when a view asks, for the rows a filter and sort chose, in their order.
#pragma once

#include <QAbstractTableModel>
#include <memory>
#include <vector>

#include "core/model/prediction_table.h"

namespace runlens::ui {

class PredictionTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    /// Custom roles (beside Qt's): the cell's ColumnType, and for images the media id; whether
    /// the row is a group header.
    enum Role { ColumnTypeRole = Qt::UserRole + 100, MediaIdRole, WrongRole, GroupRole };

    /// A group header shown above its rows (Group by): the value, its rows, column means.
    struct GroupHeader {
        QString title;  ///< "label = cat"
        std::int64_t count = 0;
        std::vector<double> means;  ///< per column; NaN where there is none
        bool collapsed = false;
    };

    explicit PredictionTableModel(QObject* parent = nullptr);

    void setTable(std::shared_ptr<const PredictionTable> table);
    const PredictionTable* table() const { return m_table.get(); }
    const std::shared_ptr<const PredictionTable>& sharedTable() const { return m_table; }

    /// The table rows to show, in order (a filter's result, sorted). All rows when never set.
    void setRows(std::vector<std::uint32_t> rows);
    /// The rows shown as groups: each header, then its rows unless collapsed. `members[g]` are
    /// the table rows of group g, in order; rows() stays every row given to setRows.
    void setGroups(std::vector<GroupHeader> groups,
                   std::vector<std::vector<std::uint32_t>> members);
    const std::vector<std::uint32_t>& rows() const { return m_rows; }
    /// The table row shown at view row `row` (not a group header).
    std::uint32_t tableRow(int row) const {
        return m_grouped ? m_display[std::size_t(row)] : m_rows[std::size_t(row)];
    }
    bool isGrouped() const { return m_grouped; }
    /// The group whose header is view row `row`, or -1 for a table row.
    int groupAt(int row) const;
    const std::vector<GroupHeader>& groups() const { return m_groups; }

    /// Columns holding truth and prediction (-1: none): a wrong prediction's cell is marked.
    void setTruthPrediction(int truthColumn, int predictionColumn);
    int truthColumn() const { return m_truth; }
    int predictionColumn() const { return m_prediction; }
    /// Whether table row `r` has both truth and prediction and they differ.
    bool isWrong(std::uint32_t r) const;

    /// The cell as one line of text, as shown and copied ("" for a missing value).
    QString cellText(std::uint32_t tableRow, int column) const;
    /// A number-array cell, or nullptr.
    const std::vector<double>* arrayCell(int row, int column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    static constexpr std::uint32_t kGroupBit = 0x80000000u;  ///< marks a header in m_display
    QVariant groupData(int group, int column, int role) const;

    std::shared_ptr<const PredictionTable> m_table;
    std::vector<std::uint32_t> m_rows;
    bool m_grouped = false;
    std::vector<GroupHeader> m_groups;
    std::vector<std::uint32_t> m_display;  ///< grouped: table rows and kGroupBit | group
    int m_truth = -1;
    int m_prediction = -1;
};

/// A class label or string as text, for comparing truth and prediction of any column types.
QString labelText(const TableColumn& column, std::uint32_t row);

}  // namespace runlens::ui
