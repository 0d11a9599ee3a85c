// SummaryModel: summary values with full precision in tooltips; sorting is the proxy's job.
#include "ui/dialogs/run_detail/summary_model.h"

#include "core/model/summary_media.h"
#include "ui/dialogs/run_detail/value_cells.h"
#include "ui/models/roles.h"

namespace runlens::ui {

SummaryModel::SummaryModel(QObject* parent) : QAbstractTableModel(parent) {}

void SummaryModel::setValues(KeyValues values) {
    beginResetModel();
    m_values = std::move(values);
    endResetModel();
}

int SummaryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_values.size());
}

int SummaryModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SummaryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto& [key, value] = m_values[std::size_t(index.row())];
    if (index.column() == ValueColumn) {
        // An image-file entry reads as what it is (shown under the table), not as its JSON.
        if (role == Qt::DisplayRole)
            if (const std::string media = describeSummaryMedia(value); !media.empty())
                return QString::fromStdString(media);
        return valueCellData(value, role);
    }
    switch (role) {
        case Qt::DisplayRole:
        case Qt::ToolTipRole:
        case Qt::EditRole:
        case SortValueRole:
            return QString::fromStdString(key);
        default:
            return {};
    }
}

QVariant SummaryModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    return section == KeyColumn ? tr("Key") : tr("Value");
}

}  // namespace runlens::ui
