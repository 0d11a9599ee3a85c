// ConfusionPanel: beside a prediction table, the confusion matrix of its shown rows (counts or
// row %), accuracy and averaged F1, and per-class precision/recall/F1/support. Clicking a cell
// asks the table to show that cell's rows.
#pragma once

#include <QWidget>
#include <memory>

#include "core/analysis/confusion.h"

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace runlens::ui {

class ClassMetricsModel;
class ConfusionModel;

class ConfusionPanel : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionPanel(QWidget* parent = nullptr);

    /// Shows a matrix computed over `shownRows` rows (null: none to show, with `why`).
    void setConfusion(std::shared_ptr<const analysis::Confusion> confusion,
                      const QString& why = {});
    void setNormalized(bool normalized);
    bool normalized() const;

    ConfusionModel* matrixModel() const { return m_matrix; }
    ClassMetricsModel* metricsModel() const { return m_metrics; }
    QTableView* matrixView() const { return m_matrixView; }
    QTableView* metricsView() const { return m_metricsView; }
    QString summaryText() const;

signals:
    /// A cell was clicked: show the rows with truth class t and predicted class p.
    void cellActivated(int truth, int prediction);
    void normalizedChanged(bool normalized);

private:
    ConfusionModel* m_matrix = nullptr;
    ClassMetricsModel* m_metrics = nullptr;
    QSortFilterProxyModel* m_sortedMetrics = nullptr;
    QTableView* m_matrixView = nullptr;
    QTableView* m_metricsView = nullptr;
    QLabel* m_summary = nullptr;
    QToolButton* m_normalize = nullptr;
};

}  // namespace runlens::ui
