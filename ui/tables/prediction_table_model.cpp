// PredictionTableModel: nothing per cell is stored; data() reads the column vector at the row.
#include "ui/tables/prediction_table_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <numeric>

namespace runlens::ui {
namespace {

QString numberText(double v) {
    if (std::isnan(v)) return {};
    if (std::isinf(v)) return v > 0 ? QStringLiteral("∞") : QStringLiteral("−∞");
    if (v == std::round(v) && std::fabs(v) < 1e15) return QString::number(qint64(v));
    return QString::number(v, 'g', 6);
}

QString typeName(ColumnType type) {
    switch (type) {
        case ColumnType::Number:
            return QObject::tr("number");
        case ColumnType::String:
            return QObject::tr("text");
        case ColumnType::Bool:
            return QObject::tr("true/false");
        case ColumnType::ClassLabel:
            return QObject::tr("class label");
        case ColumnType::Image:
            return QObject::tr("image");
        case ColumnType::NumberArray:
            return QObject::tr("numbers");
    }
    return {};
}

}  // namespace

QString labelText(const TableColumn& c, std::uint32_t r) {
    switch (c.type) {
        case ColumnType::ClassLabel: {
            const std::int64_t i = c.ints[r];
            if (i < 0) return {};
            return i < std::int64_t(c.classNames.size())
                       ? QString::fromStdString(c.classNames[std::size_t(i)])
                       : QString::number(i);
        }
        case ColumnType::String:
            return QString::fromStdString(c.strings[r]);
        case ColumnType::Number:
        case ColumnType::Bool:
            return numberText(c.numbers[r]);
        case ColumnType::Image:
        case ColumnType::NumberArray:
            return {};
    }
    return {};
}

PredictionTableModel::PredictionTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PredictionTableModel::setTable(std::shared_ptr<const PredictionTable> table) {
    beginResetModel();
    m_table = std::move(table);
    m_rows.resize(m_table ? m_table->rowCount() : 0);
    std::iota(m_rows.begin(), m_rows.end(), 0u);
    m_truth = m_prediction = -1;
    endResetModel();
}

void PredictionTableModel::setRows(std::vector<std::uint32_t> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    m_grouped = false;
    m_groups.clear();
    m_display.clear();
    endResetModel();
}

void PredictionTableModel::setGroups(std::vector<GroupHeader> groups,
                                     std::vector<std::vector<std::uint32_t>> members) {
    beginResetModel();
    m_grouped = true;
    m_groups = std::move(groups);
    m_display.clear();
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        m_display.push_back(kGroupBit | std::uint32_t(g));
        if (!m_groups[g].collapsed && g < members.size())
            m_display.insert(m_display.end(), members[g].begin(), members[g].end());
    }
    endResetModel();
}

int PredictionTableModel::groupAt(int row) const {
    if (!m_grouped || row < 0 || std::size_t(row) >= m_display.size()) return -1;
    const std::uint32_t v = m_display[std::size_t(row)];
    return v & kGroupBit ? int(v & ~kGroupBit) : -1;
}

QVariant PredictionTableModel::groupData(int group, int column, int role) const {
    const GroupHeader& g = m_groups[std::size_t(group)];
    switch (role) {
        case Qt::DisplayRole:
            if (column == 0)
                return QStringLiteral("%1 %2  (%3)")
                    .arg(g.collapsed ? QStringLiteral("▸") : QStringLiteral("▾"), g.title,
                         QLocale().toString(qlonglong(g.count)));
            if (column > 0 && std::size_t(column) < g.means.size() &&
                !std::isnan(g.means[std::size_t(column)]))
                return tr("mean %1").arg(g.means[std::size_t(column)], 0, 'g', 3);
            return {};
        case Qt::ToolTipRole:
            return tr("%1: %n row(s), the means of the numeric columns beside — click to %2",
                      nullptr, int(g.count))
                .arg(g.title, g.collapsed ? tr("show them") : tr("hide them"));
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case Qt::BackgroundRole:
            return QBrush(QColor(232, 238, 247));
        case Qt::TextAlignmentRole:
            return column == 0 ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                               : QVariant(Qt::AlignRight | Qt::AlignVCenter);
        case ColumnTypeRole:
            return int(ColumnType::String);  // drawn as text, whatever the column holds
        case GroupRole:
            return true;
        default:
            return {};
    }
}

void PredictionTableModel::setTruthPrediction(int truthColumn, int predictionColumn) {
    m_truth = truthColumn;
    m_prediction = predictionColumn;
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

bool PredictionTableModel::isWrong(std::uint32_t r) const {
    if (!m_table || m_truth < 0 || m_prediction < 0) return false;
    const QString truth = labelText(m_table->columns[std::size_t(m_truth)], r);
    const QString pred = labelText(m_table->columns[std::size_t(m_prediction)], r);
    return !truth.isEmpty() && !pred.isEmpty() && truth != pred;
}

QString PredictionTableModel::cellText(std::uint32_t r, int column) const {
    const TableColumn& c = m_table->columns[std::size_t(column)];
    switch (c.type) {
        case ColumnType::Number:
            return numberText(c.numbers[r]);
        case ColumnType::Bool:
            return std::isnan(c.numbers[r]) ? QString()
                   : c.numbers[r] != 0      ? QStringLiteral("true")
                                            : QStringLiteral("false");
        case ColumnType::String: {
            QString text = QString::fromStdString(c.strings[r]);
            text.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));  // one line per row
            return text;
        }
        case ColumnType::ClassLabel:
            return labelText(c, r);
        case ColumnType::Image:
            return c.ints[r] > 0 ? QStringLiteral("image %1").arg(c.ints[r]) : QString();
        case ColumnType::NumberArray: {
            QStringList parts;
            for (double v : c.arrays[r])
                parts << numberText(v);
            return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
        }
    }
    return {};
}

const std::vector<double>* PredictionTableModel::arrayCell(int row, int column) const {
    const TableColumn& c = m_table->columns[std::size_t(column)];
    if (c.type != ColumnType::NumberArray || groupAt(row) >= 0) return nullptr;
    return &c.arrays[tableRow(row)];
}

int PredictionTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_table) return 0;
    return int(m_grouped ? m_display.size() : m_rows.size());
}

int PredictionTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_table ? 0 : int(m_table->columns.size());
}

QVariant PredictionTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_table) return {};
    if (const int group = groupAt(index.row()); group >= 0)
        return groupData(group, index.column(), role);
    const std::uint32_t r = tableRow(index.row());
    const TableColumn& c = m_table->columns[std::size_t(index.column())];
    switch (role) {
        case Qt::DisplayRole:
            if (c.type == ColumnType::Image || c.type == ColumnType::NumberArray) return {};
            return cellText(r, index.column());
        case Qt::ToolTipRole:
            if (c.type == ColumnType::Image) return {};
            return cellText(r, index.column());
        case Qt::TextAlignmentRole:
            return c.type == ColumnType::Number ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        case Qt::ForegroundRole:
            if (index.column() == m_prediction && isWrong(r)) return QBrush(QColor(176, 32, 32));
            return {};
        case Qt::BackgroundRole:
            if (index.column() == m_prediction && isWrong(r)) return QBrush(QColor(253, 228, 228));
            return {};
        case ColumnTypeRole:
            return int(c.type);
        case MediaIdRole:
            return c.type == ColumnType::Image ? QVariant(qint64(c.ints[r])) : QVariant();
        case WrongRole:
            return isWrong(r);
        default:
            return {};
    }
}

QVariant PredictionTableModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (!m_table) return {};
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section >= 0 && section < rowCount() && groupAt(section) < 0)
            return qint64(tableRow(section));
        return {};
    }
    if (section < 0 || section >= columnCount()) return {};
    const TableColumn& c = m_table->columns[std::size_t(section)];
    if (role == Qt::DisplayRole) return QString::fromStdString(c.name);
    if (role == Qt::ToolTipRole) {
        QString tip =
            QStringLiteral("%1 (%2)").arg(QString::fromStdString(c.name), typeName(c.type));
        if (section == m_truth) tip += tr("\nthe truth column");
        if (section == m_prediction) tip += tr("\nthe prediction column");
        return tip;
    }
    return {};
}

}  // namespace runlens::ui
