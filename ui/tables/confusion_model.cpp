// ConfusionModel: shading from the row share, so a rare class's mistakes show as clearly as a
// common one's; the bold threshold is the fifth largest off-diagonal count.
#include "ui/tables/confusion_model.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <algorithm>

namespace runlens::ui {
namespace {

constexpr std::size_t kBoldMistakes = 5;

QColor shade(QColor base, double share) {
    const double a = std::clamp(share, 0.0, 1.0) * 0.85;
    return QColor::fromRgbF(1 - a * (1 - base.redF()), 1 - a * (1 - base.greenF()),
                            1 - a * (1 - base.blueF()));
}

}  // namespace

ConfusionModel::ConfusionModel(QObject* parent) : QAbstractTableModel(parent) {}

void ConfusionModel::setConfusion(std::shared_ptr<const analysis::Confusion> confusion) {
    beginResetModel();
    m_confusion = std::move(confusion);
    std::vector<std::int64_t> mistakes;
    if (m_confusion)
        for (std::size_t t = 0; t < m_confusion->size(); ++t)
            for (std::size_t p = 0; p < m_confusion->size(); ++p)
                if (t != p && m_confusion->count(t, p) > 0)
                    mistakes.push_back(m_confusion->count(t, p));
    std::sort(mistakes.rbegin(), mistakes.rend());
    m_bigMistake = mistakes.empty() ? 0 : mistakes[std::min(mistakes.size(), kBoldMistakes) - 1];
    endResetModel();
}

void ConfusionModel::setNormalized(bool normalized) {
    if (normalized == m_normalized) return;
    m_normalized = normalized;
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int ConfusionModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_confusion ? 0 : int(m_confusion->size());
}

int ConfusionModel::columnCount(const QModelIndex& parent) const {
    return rowCount(parent);
}

QVariant ConfusionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) return {};
    const auto t = std::size_t(index.row()), p = std::size_t(index.column());
    const std::int64_t n = m_confusion->count(t, p);
    const std::int64_t total = m_confusion->rowTotal(t);
    const double share = total ? double(n) / double(total) : 0;
    switch (role) {
        case Qt::DisplayRole:
            if (n == 0) return QString();
            return m_normalized ? QString::number(100 * share, 'f', share < 0.1 ? 1 : 0) + "%"
                                : QString::number(n);
        case Qt::EditRole:
            return m_normalized ? QVariant(share) : QVariant(qlonglong(n));
        case Qt::ToolTipRole:
            return tr("truth %1, predicted %2\n%3 rows (%4% of %1)")
                .arg(QString::fromStdString(m_confusion->classes[t]),
                     QString::fromStdString(m_confusion->classes[p]))
                .arg(n)
                .arg(100 * share, 0, 'f', 1);
        case Qt::BackgroundRole:
            if (n == 0) return {};
            return QBrush(shade(t == p ? QColor(0x1f, 0x77, 0xb4) : QColor(0xd6, 0x27, 0x28),
                                std::max(share, 0.08)));
        case Qt::ForegroundRole:
            return share > 0.55 ? QBrush(Qt::white) : QVariant();
        case Qt::FontRole:
            if (t != p && n > 0 && n >= m_bigMistake) {
                QFont bold;
                bold.setBold(true);
                return bold;
            }
            return {};
        case Qt::TextAlignmentRole:
            return int(Qt::AlignCenter);
        default:
            return {};
    }
}

QVariant ConfusionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (!m_confusion || section < 0 || section >= int(m_confusion->size())) return {};
    const QString name = QString::fromStdString(m_confusion->classes[std::size_t(section)]);
    if (role == Qt::DisplayRole) return name;
    if (role == Qt::ToolTipRole)
        return orientation == Qt::Vertical ? tr("truth: %1").arg(name)
                                           : tr("predicted: %1").arg(name);
    return {};
}

}  // namespace runlens::ui
