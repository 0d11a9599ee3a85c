// ClassMetricsModel: three decimals shown, full values for sorting and tooltips.
#include "ui/tables/class_metrics_model.h"

namespace runlens::ui {

ClassMetricsModel::ClassMetricsModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClassMetricsModel::setConfusion(std::shared_ptr<const analysis::Confusion> confusion) {
    beginResetModel();
    m_confusion = std::move(confusion);
    endResetModel();
}

int ClassMetricsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_confusion ? 0 : int(m_confusion->perClass.size());
}

int ClassMetricsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : Columns;
}

QVariant ClassMetricsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const analysis::ClassMetrics& m = m_confusion->perClass[std::size_t(index.row())];
    QVariant value;
    switch (index.column()) {
        case ClassColumn:
            value = QString::fromStdString(m.name);
            break;
        case PrecisionColumn:
            value = m.precision;
            break;
        case RecallColumn:
            value = m.recall;
            break;
        case F1Column:
            value = m.f1;
            break;
        case SupportColumn:
            value = qlonglong(m.support);
            break;
    }
    switch (role) {
        case Qt::DisplayRole:
            if (index.column() >= PrecisionColumn && index.column() <= F1Column)
                return QString::number(value.toDouble(), 'f', 3);
            return value;
        case Qt::EditRole:
        case Qt::ToolTipRole:
            return value;
        case Qt::TextAlignmentRole:
            return int(index.column() == ClassColumn ? Qt::AlignLeft | Qt::AlignVCenter
                                                     : Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
    }
}

QVariant ClassMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
            case ClassColumn:
                return tr("Class");
            case PrecisionColumn:
                return tr("Precision");
            case RecallColumn:
                return tr("Recall");
            case F1Column:
                return tr("F1");
            case SupportColumn:
                return tr("Support");
        }
    }
    if (role == Qt::ToolTipRole && section == SupportColumn) return tr("Rows whose truth it is");
    return {};
}

}  // namespace runlens::ui
