// RunTableModel: a two-level item model (groups, then runs) built from index vectors; cells are
// computed on demand from the columnar snapshot, so 10,000 runs x 200 columns stay cheap.
#include "ui/models/run_table_model.h"

#include <QCollator>
#include <QFont>
#include <algorithm>
#include <cmath>

#include "ui/format.h"
#include "ui/models/roles.h"

namespace runlens::ui {
namespace {

constexpr quintptr kTopLevel = 0;

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

}  // namespace

RunTableModel::RunTableModel(QObject* parent) : QAbstractItemModel(parent) {}

void RunTableModel::setSnapshot(std::shared_ptr<const RunsSnapshot> snapshot) {
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_columns = m_snapshot ? buildRunColumns(*m_snapshot) : std::vector<RunColumn>();
    m_deletedCount = 0;
    for (std::size_t r = 0; m_snapshot && r < m_snapshot->runs.size(); ++r)
        m_deletedCount += m_snapshot->runs[r].deleted;
    m_sortColumn = m_sortColumnId.isEmpty() ? -1 : columnIndex(m_sortColumnId);
    m_groupColumn = m_groupBy.isEmpty() ? -1 : columnIndex(m_groupBy);
    if (m_filter && m_snapshot) {
        // Rows beyond the new snapshot (a run removed) cannot match any more.
        auto& rows = *m_filter;
        rows.erase(std::remove_if(rows.begin(), rows.end(),
                                  [&](std::uint32_t r) { return r >= m_snapshot->runs.size(); }),
                   rows.end());
    }
    arrange();
    endResetModel();
    emit drawnRunsChanged();
}

int RunTableModel::columnIndex(const QString& id) const {
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
        if (m_columns[i].id == id) return int(i);
    }
    return -1;
}

void RunTableModel::setFilterRows(std::optional<std::vector<std::uint32_t>> rows) {
    beginResetModel();
    m_filter = std::move(rows);
    arrange();
    endResetModel();
    emit drawnRunsChanged();
}

void RunTableModel::setShowDeleted(bool show) {
    if (show == m_showDeleted) return;
    beginResetModel();
    m_showDeleted = show;
    arrange();
    endResetModel();
    emit drawnRunsChanged();
}

int RunTableModel::totalCount() const {
    if (!m_snapshot) return 0;
    return int(m_snapshot->runs.size()) - (m_showDeleted ? 0 : m_deletedCount);
}

void RunTableModel::setGroupBy(const QString& columnId) {
    beginResetModel();
    m_groupBy = columnId;
    m_groupColumn = columnId.isEmpty() ? -1 : columnIndex(columnId);
    arrange();
    endResetModel();
    emit drawnRunsChanged();
}

void RunTableModel::sort(int column, Qt::SortOrder order) {
    beginResetModel();
    m_sortColumn = column >= 0 && column < int(m_columns.size()) ? column : -1;
    m_sortColumnId = m_sortColumn >= 0 ? m_columns[std::size_t(m_sortColumn)].id : QString();
    m_sortOrder = order;
    arrange();
    endResetModel();
}

void RunTableModel::setSortKey(const QString& columnId, Qt::SortOrder order) {
    m_sortColumnId = columnId;
    const int column = columnIndex(columnId);
    if (column >= 0 || columnId.isEmpty()) {
        sort(column, order);
    } else {
        m_sortOrder = order;  // applied when a snapshot brings the column
    }
}

QString RunTableModel::uid(int row) const {
    return qs(m_snapshot->runs[std::size_t(row)].uid);
}

// Orders m_rows (filter, pinned first, then the sort column with missing and NaN last) and
// builds groups when grouping.
void RunTableModel::arrange() {
    m_rows.clear();
    m_groups.clear();
    if (!m_snapshot) return;
    const int total = int(m_snapshot->runs.size());
    if (m_filter) {
        for (std::uint32_t r : *m_filter)
            m_rows.push_back(int(r));
    } else {
        m_rows.resize(std::size_t(total));
        for (int i = 0; i < total; ++i)
            m_rows[std::size_t(i)] = i;
    }
    if (!m_showDeleted && m_deletedCount > 0) {
        const auto& runs = m_snapshot->runs;
        std::erase_if(m_rows, [&](int r) { return runs[std::size_t(r)].deleted; });
    }

    std::vector<double> numbers;
    std::vector<QCollatorSortKey> texts;
    std::vector<char> missing(std::size_t(total), 0);
    const bool numeric = m_sortColumn >= 0 && m_columns[std::size_t(m_sortColumn)].numeric;
    if (m_sortColumn >= 0) {
        const RunColumn& column = m_columns[std::size_t(m_sortColumn)];
        QCollator collator;
        collator.setNumericMode(true);  // run-2 before run-10
        collator.setCaseSensitivity(Qt::CaseInsensitive);
        if (numeric) numbers.assign(std::size_t(total), 0);
        texts.reserve(numeric ? 0 : std::size_t(total));
        for (int r = 0; r < total; ++r) {
            if (numeric) {
                const double v = runCellValue(*m_snapshot, column, r).toNumber();
                numbers[std::size_t(r)] = v;
                missing[std::size_t(r)] = std::isnan(v);
            } else {
                const QString text = runCellText(*m_snapshot, column, r);
                missing[std::size_t(r)] = text.isEmpty();
                texts.push_back(collator.sortKey(text));
            }
        }
    }
    // Pinned flags once per row, not two uid look-ups per comparison.
    std::vector<char> pinned(std::size_t(total), 0);
    for (int r : m_rows)
        pinned[std::size_t(r)] = m_looks.isPinned(uid(r));
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::stable_sort(m_rows.begin(), m_rows.end(), [&](int a, int b) {
        const bool pa = pinned[std::size_t(a)], pb = pinned[std::size_t(b)];
        if (pa != pb) return pa;
        if (m_sortColumn < 0) return false;
        const bool ma = missing[std::size_t(a)], mb = missing[std::size_t(b)];
        if (ma || mb) return !ma && mb;  // missing last, in either order
        if (numeric) {
            const double x = numbers[std::size_t(a)], y = numbers[std::size_t(b)];
            return descending ? y < x : x < y;
        }
        const int c = texts[std::size_t(a)].compare(texts[std::size_t(b)]);
        return descending ? c > 0 : c < 0;
    });

    if (m_groupColumn >= 0) {
        QHash<QString, std::size_t> byKey;
        for (int r : m_rows) {
            const QString key = groupKeyOf(r);
            auto it = byKey.find(key);
            if (it == byKey.end()) {
                it = byKey.insert(key, m_groups.size());
                m_groups.push_back({key, {}});
            }
            m_groups[*it].rows.push_back(r);
        }
        QCollator collator;
        collator.setNumericMode(true);
        std::stable_sort(m_groups.begin(), m_groups.end(), [&](const Group& a, const Group& b) {
            return collator.compare(a.key, b.key) < 0;
        });
    }
}

QString RunTableModel::groupKeyOf(int snapshotRow) const {
    if (m_groupColumn < 0 || !m_snapshot) return {};
    const QString text =
        runCellText(*m_snapshot, m_columns[std::size_t(m_groupColumn)], snapshotRow);
    return text.isEmpty() ? tr("(none)") : text;
}

std::vector<int> RunTableModel::shownRows() const {
    if (m_groupColumn < 0) return m_rows;
    std::vector<int> out;
    out.reserve(m_rows.size());
    for (const Group& g : m_groups)
        out.insert(out.end(), g.rows.begin(), g.rows.end());
    return out;
}

QModelIndex RunTableModel::indexOfRow(int snapshotRow) const {
    if (m_groupColumn < 0) {
        auto it = std::find(m_rows.begin(), m_rows.end(), snapshotRow);
        return it == m_rows.end() ? QModelIndex()
                                  : createIndex(int(it - m_rows.begin()), 0, kTopLevel);
    }
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        auto it = std::find(m_groups[g].rows.begin(), m_groups[g].rows.end(), snapshotRow);
        if (it != m_groups[g].rows.end())
            return createIndex(int(it - m_groups[g].rows.begin()), 0, quintptr(g + 1));
    }
    return {};
}

int RunTableModel::snapshotRow(const QModelIndex& index) const {
    if (!index.isValid() || index.model() != this) return -1;
    if (m_groupColumn < 0)
        return index.row() < int(m_rows.size()) ? m_rows[std::size_t(index.row())] : -1;
    if (index.internalId() == kTopLevel) return -1;  // a group row
    const Group& g = m_groups[index.internalId() - 1];
    return index.row() < int(g.rows.size()) ? g.rows[std::size_t(index.row())] : -1;
}

QModelIndex RunTableModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= columnCount()) return {};
    if (!parent.isValid()) {
        const int count = m_groupColumn < 0 ? int(m_rows.size()) : int(m_groups.size());
        return row < count ? createIndex(row, column, kTopLevel) : QModelIndex();
    }
    if (m_groupColumn < 0 || parent.internalId() != kTopLevel ||
        parent.row() >= int(m_groups.size()))
        return {};
    if (row >= int(m_groups[std::size_t(parent.row())].rows.size())) return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex RunTableModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || m_groupColumn < 0 || child.internalId() == kTopLevel) return {};
    return createIndex(int(child.internalId() - 1), 0, kTopLevel);
}

int RunTableModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return m_groupColumn < 0 ? int(m_rows.size()) : int(m_groups.size());
    if (m_groupColumn < 0 || parent.internalId() != kTopLevel || parent.column() != 0) return 0;
    return parent.row() < int(m_groups.size())
               ? int(m_groups[std::size_t(parent.row())].rows.size())
               : 0;
}

int RunTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() && parent.column() != 0 ? 0 : int(m_columns.size());
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_snapshot) return {};
    if (m_groupColumn >= 0 && index.internalId() == kTopLevel) {
        if (index.row() >= int(m_groups.size())) return {};
        return groupData(m_groups[std::size_t(index.row())], index.column(), role);
    }
    const int row = snapshotRow(index);
    return row < 0 ? QVariant() : runData(row, index.column(), role);
}

QVariant RunTableModel::runData(int row, int column, int role) const {
    const RunColumn& c = m_columns[std::size_t(column)];
    const RunInfo& run = m_snapshot->runs[std::size_t(row)];
    const QString id = qs(run.uid);
    switch (role) {
        case Qt::DisplayRole:
            return runCellText(*m_snapshot, c, row);
        case Qt::ToolTipRole:
            return runCellToolTip(*m_snapshot, c, row);
        case Qt::CheckStateRole:
            if (c.kind == ColumnKind::Name)
                return m_looks.isHidden(id) ? Qt::Unchecked : Qt::Checked;
            return {};
        case Qt::DecorationRole:
            if (c.kind == ColumnKind::Name) return m_looks.color(id);
            return {};
        case Qt::ForegroundRole:
            if (m_looks.isHidden(id) || run.deleted) return QColor(Qt::gray);
            if (c.kind == ColumnKind::State && run.state == RunState::Failed)
                return QColor(0xC0, 0x39, 0x2B);
            if (c.kind == ColumnKind::State && run.state == RunState::Running)
                return QColor(0x1F, 0x77, 0xB4);
            return {};
        case Qt::FontRole:
            if (c.kind == ColumnKind::Name && (m_looks.isPinned(id) || run.deleted)) {
                QFont f;
                f.setBold(m_looks.isPinned(id));
                f.setStrikeOut(run.deleted);
                return f;
            }
            return {};
        case Qt::TextAlignmentRole:
            return c.numeric ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                             : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
        case RunIdRole:
            return qint64(run.id);
        case IsGroupRole:
            return false;
        case GroupKeyRole:
            return groupKeyOf(row);
        case ColorRole:
            return m_looks.color(id);
        case SortValueRole: {
            const Value v = runCellValue(*m_snapshot, c, row);
            return v.isNumber() ? QVariant(v.toNumber()) : QVariant(formatValue(v));
        }
    }
    return {};
}

QVariant RunTableModel::groupData(const Group& group, int column, int role) const {
    if (column != 0) return role == IsGroupRole ? QVariant(true) : QVariant();
    switch (role) {
        case Qt::DisplayRole:
            return tr("%1  (%2)").arg(group.key).arg(group.rows.size());
        case Qt::DecorationRole:
        case ColorRole:
            return m_looks.groupColor(group.key);
        case Qt::CheckStateRole: {
            int hidden = 0;
            for (int r : group.rows)
                hidden += m_looks.isHidden(uid(r));
            return hidden == 0                        ? Qt::Checked
                   : hidden == int(group.rows.size()) ? Qt::Unchecked
                                                      : Qt::PartiallyChecked;
        }
        case Qt::FontRole: {
            QFont f;
            f.setBold(true);
            return f;
        }
        case RunIdRole:
            return qint64(-1);
        case IsGroupRole:
            return true;
        case GroupKeyRole:
            return group.key;
    }
    return {};
}

bool RunTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::CheckStateRole || index.column() != 0 || !m_snapshot) return false;
    const bool hidden = value.toInt() == Qt::Unchecked;
    std::vector<int> rows;
    if (m_groupColumn >= 0 && index.internalId() == kTopLevel)
        rows = m_groups[std::size_t(index.row())].rows;
    else if (int r = snapshotRow(index); r >= 0)
        rows = {r};
    if (rows.empty()) return false;
    setRowsHidden(rows, hidden);
    return true;
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= int(m_columns.size())) return {};
    const RunColumn& c = m_columns[std::size_t(section)];
    if (role == Qt::DisplayRole) return c.title;
    if (role == Qt::ToolTipRole) return headerToolTip(c);
    return {};
}

QString RunTableModel::headerToolTip(const RunColumn& c) const {
    QString kind;
    switch (c.kind) {
        case ColumnKind::Config:
            kind = tr("config");
            break;
        case ColumnKind::Summary:
            kind = tr("summary");
            break;
        case ColumnKind::Name:
            return tr("Name\nThe check box draws the run in the charts; the swatch is its colour");
        case ColumnKind::Uid:
            return tr("Run id\nThe run's id in its source (W&B run id, MLflow run id)");
        case ColumnKind::Source:
            return tr("Source\nThe format and the file or folder the run was read from");
        default:
            return c.title;
    }
    QString tip = QStringLiteral("%1: %2").arg(kind, c.title);
    if (c.internal)
        tip += tr("\nKept by the logging tool for itself; hidden by default");
    else if (c.hiddenByDefault && c.values && c.values->isConstant())
        tip += tr("\nThe same for every run; hidden by default");
    else if (c.hiddenByDefault)  // the only other reason: <metric>.min/.max beside <metric>
        tip += tr("\nAn extreme beside the last value; hidden by default");
    return tip;
}

Qt::ItemFlags RunTableModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == 0) f |= Qt::ItemIsUserCheckable;
    return f;
}

void RunTableModel::looksChanged() {
    if (rowCount() > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
        for (int g = 0; m_groupColumn >= 0 && g < int(m_groups.size()); ++g) {
            const QModelIndex parent = index(g, 0);
            if (rowCount(parent) > 0)
                emit dataChanged(index(0, 0, parent),
                                 index(rowCount(parent) - 1, columnCount() - 1, parent));
        }
    }
    emit drawnRunsChanged();
}

void RunTableModel::setRowsHidden(const std::vector<int>& rows, bool hidden) {
    for (int r : rows)
        m_looks.setHidden(uid(r), hidden);
    looksChanged();
}

void RunTableModel::showOnly(const std::vector<int>& rows) {
    if (!m_snapshot) return;
    for (std::size_t r = 0; r < m_snapshot->runs.size(); ++r)
        m_looks.setHidden(uid(int(r)), true);
    for (int r : rows)
        m_looks.setHidden(uid(r), false);
    looksChanged();
}

void RunTableModel::setRowsPinned(const std::vector<int>& rows, bool pinned) {
    for (int r : rows)
        m_looks.setPinned(uid(r), pinned);
    sort(m_sortColumn, m_sortOrder);  // pinned runs move to the top
    emit drawnRunsChanged();
}

void RunTableModel::setRowColor(int row, const QColor& color) {
    m_looks.setColor(uid(row), color);
    looksChanged();
}

}  // namespace runlens::ui
