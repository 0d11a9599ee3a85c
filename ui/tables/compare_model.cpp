// CompareModel: colours are soft so that text stays readable in light and dark palettes.
#include "ui/tables/compare_model.h"

#include <QBrush>
#include <QColor>

namespace runlens::ui {
namespace {

QVariant sortKey(const QString& text) {
    bool number = false;
    const double v = text.toDouble(&number);
    return number ? QVariant(v) : QVariant(text);
}

}  // namespace

CompareModel::CompareModel(QObject* parent) : QAbstractTableModel(parent) {}

QString CompareModel::label(std::int32_t index) const {
    return index < 0 ? QString() : QString::fromStdString(m_join->labels[std::size_t(index)]);
}

void CompareModel::setJoin(std::shared_ptr<const analysis::TableJoin> join,
                           std::vector<analysis::JoinInput> inputs, QStringList titles,
                           std::vector<std::uint32_t> rows) {
    beginResetModel();
    m_join = std::move(join);
    m_inputs = std::move(inputs);
    m_titles = std::move(titles);
    m_rows = std::move(rows);
    endResetModel();
}

void CompareModel::setRows(std::vector<std::uint32_t> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int CompareModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_join ? 0 : int(m_rows.size());
}

int CompareModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_join ? 0 : FirstTableColumn + int(m_join->outcome.size());
}

QVariant CompareModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_join || index.row() >= int(m_rows.size())) return {};
    const std::size_t j = m_rows[std::size_t(index.row())];
    const int c = index.column();
    if (c == KeyColumn || c == TruthColumn) {
        if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != SortRole) return {};
        const QString text = c == KeyColumn
                                 ? QString::fromStdString(joinKeyText(*m_join, m_inputs, j))
                                 : label(m_join->truth[j]);
        return role == SortRole ? sortKey(text) : QVariant(text);
    }
    const std::size_t t = std::size_t(c - FirstTableColumn);
    if (t >= m_join->outcome.size()) return {};
    const analysis::Outcome outcome = m_join->outcome[t][j];
    const QString predicted = label(m_join->predicted[t][j]);
    switch (role) {
        case Qt::DisplayRole:
            if (outcome == analysis::Outcome::Missing) return QStringLiteral("—");
            return predicted;
        case SortRole:
            return outcome == analysis::Outcome::Missing ? QVariant() : sortKey(predicted);
        case Qt::BackgroundRole:
            if (outcome == analysis::Outcome::Right) return QBrush(QColor(46, 160, 67, 60));
            if (outcome == analysis::Outcome::Wrong) return QBrush(QColor(218, 54, 51, 70));
            return {};
        case Qt::ForegroundRole:
            if (outcome == analysis::Outcome::Missing) return QBrush(QColor(128, 128, 128));
            return {};
        case Qt::ToolTipRole:
            switch (outcome) {
                case analysis::Outcome::Missing:
                    return tr("%1 has no row with this key").arg(m_titles.value(int(t)));
                case analysis::Outcome::Right:
                    return tr("%1: right").arg(m_titles.value(int(t)));
                case analysis::Outcome::Wrong:
                    return tr("%1: wrong (truth %2)")
                        .arg(m_titles.value(int(t)), label(m_join->truth[j]));
                case analysis::Outcome::Unknown:
                    return tr("%1: no truth or prediction to compare").arg(m_titles.value(int(t)));
            }
            return {};
        default:
            return {};
    }
}

QVariant CompareModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || !m_join) return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) return {};
    if (section == KeyColumn)
        return m_join->keyColumn.empty() ? tr("row") : QString::fromStdString(m_join->keyColumn);
    if (section == TruthColumn) return tr("truth");
    return m_titles.value(section - FirstTableColumn);
}

}  // namespace runlens::ui
