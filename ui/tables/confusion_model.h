// ConfusionModel: a confusion matrix as a table model — truth classes as rows, predicted classes
// as columns, counts or row percentages, cells shaded by their share of the row (the diagonal
// blue, mistakes red, the largest mistakes bold).
#pragma once

#include <QAbstractTableModel>
#include <memory>

#include "core/analysis/confusion.h"

namespace runlens::ui {

class ConfusionModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ConfusionModel(QObject* parent = nullptr);

    void setConfusion(std::shared_ptr<const analysis::Confusion> confusion);
    const analysis::Confusion* confusion() const { return m_confusion.get(); }
    /// Row percentages instead of counts.
    void setNormalized(bool normalized);
    bool normalized() const { return m_normalized; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    std::shared_ptr<const analysis::Confusion> m_confusion;
    bool m_normalized = false;
    std::int64_t m_bigMistake = 0;  ///< off-diagonal cells this large or more are bold
};

}  // namespace runlens::ui
