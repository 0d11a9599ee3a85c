// ClassMetricsModel: per-class precision, recall, F1 and support of a confusion matrix, sortable
// (numbers sort as numbers through EditRole).
#pragma once

#include <QAbstractTableModel>
#include <memory>

#include "core/analysis/confusion.h"

namespace runlens::ui {

class ClassMetricsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { ClassColumn, PrecisionColumn, RecallColumn, F1Column, SupportColumn, Columns };

    explicit ClassMetricsModel(QObject* parent = nullptr);
    void setConfusion(std::shared_ptr<const analysis::Confusion> confusion);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const analysis::Confusion> m_confusion;
};

}  // namespace runlens::ui
