// TableListModel: entries are rebuilt whole when the tables or the shown runs change.
#include "ui/tables/table_list_model.h"

#include <QLocale>
#include <algorithm>
#include <map>

namespace runlens::ui {

std::int64_t TableEntry::tableIdAt(std::int64_t step) const {
    for (const auto& [s, id] : steps)
        if (s == step) return id;
    return steps.empty() ? 0 : steps.back().second;
}

TableListModel::TableListModel(QObject* parent) : QAbstractTableModel(parent) {}

void TableListModel::setTables(const std::vector<TableInfo>& tables,
                               const std::vector<RunLook>& runs) {
    std::map<RunId, std::size_t> order;
    for (std::size_t i = 0; i < runs.size(); ++i)
        order[runs[i].id] = i;
    std::map<std::pair<std::size_t, std::string>, TableEntry> grouped;
    for (const TableInfo& t : tables) {
        auto it = order.find(t.runId);
        if (it == order.end()) continue;
        TableEntry& e = grouped[{it->second, t.name}];
        const RunLook& look = runs[it->second];
        e.run = look.id;
        e.runUid = look.uid;
        e.runName = look.name;
        e.color = look.color;
        e.name = QString::fromStdString(t.name);
        e.steps.emplace_back(t.step, t.id);
        if (e.steps.size() == 1 || t.step >= e.steps[e.steps.size() - 2].first) {
            e.rows = t.rowCount;
            e.columns = t.columns;
        }
    }
    beginResetModel();
    m_entries.clear();
    for (auto& [key, e] : grouped) {
        std::sort(e.steps.begin(), e.steps.end());
        m_entries.push_back(std::move(e));
    }
    endResetModel();
}

int TableListModel::find(RunId run, const QString& name) const {
    for (std::size_t i = 0; i < m_entries.size(); ++i)
        if (m_entries[i].run == run && m_entries[i].name == name) return int(i);
    return -1;
}

int TableListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_entries.size());
}

int TableListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const TableEntry& e = m_entries[std::size_t(index.row())];
    const QLocale locale;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (Column(index.column())) {
            case RunColumn:
                return e.runName;
            case NameColumn:
                return e.name;
            case StepsColumn:
                if (e.steps.size() == 1) return locale.toString(qlonglong(e.steps[0].first));
                return tr("%1 steps (%2 – %3)")
                    .arg(e.steps.size())
                    .arg(locale.toString(qlonglong(e.steps.front().first)),
                         locale.toString(qlonglong(e.steps.back().first)));
            case RowsColumn:
                return locale.toString(qlonglong(e.rows));
            case ColumnsColumn: {
                QStringList names;
                for (const auto& [name, type] : e.columns)
                    names << (role == Qt::ToolTipRole
                                  ? QStringLiteral("%1 (%2)").arg(QString::fromStdString(name),
                                                                  QLatin1String(toString(type)))
                                  : QString::fromStdString(name));
                return names.join(role == Qt::ToolTipRole ? QStringLiteral("\n")
                                                          : QStringLiteral(", "));
            }
            case ColumnCount:
                break;
        }
    }
    if (role == Qt::DecorationRole && index.column() == RunColumn) return e.color;
    if (role == Qt::TextAlignmentRole && (index.column() == RowsColumn))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role == Qt::UserRole) {  // sort keys
        if (index.column() == RowsColumn) return qlonglong(e.rows);
        if (index.column() == StepsColumn) return qlonglong(e.steps.back().first);
        return data(index, Qt::DisplayRole);
    }
    return {};
}

QVariant TableListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
        case RunColumn:
            return tr("Run");
        case NameColumn:
            return tr("Table");
        case StepsColumn:
            return tr("Step");
        case RowsColumn:
            return tr("Rows");
        case ColumnsColumn:
            return tr("Columns");
        case ColumnCount:
            break;
    }
    return {};
}

}  // namespace runlens::ui
