// ConfusionPanel: two views in a vertical splitter; compact fixed-size matrix cells so that 100+
// classes scroll rather than squeeze, full class names in the header tooltips.
#include "ui/tables/confusion_panel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "ui/tables/class_metrics_model.h"
#include "ui/tables/confusion_model.h"

namespace runlens::ui {

ConfusionPanel::ConfusionPanel(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("confusionPanel"));
    m_matrix = new ConfusionModel(this);
    m_metrics = new ClassMetricsModel(this);
    m_sortedMetrics = new QSortFilterProxyModel(this);
    m_sortedMetrics->setSourceModel(m_metrics);
    m_sortedMetrics->setSortRole(Qt::EditRole);

    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_normalize = new QToolButton(this);
    m_normalize->setText(tr("Row %"));
    m_normalize->setCheckable(true);
    m_normalize->setToolTip(tr("Show each truth row as percentages instead of counts"));
    connect(m_normalize, &QToolButton::toggled, this, [this](bool on) {
        m_matrix->setNormalized(on);
        emit normalizedChanged(on);
    });

    m_matrixView = new QTableView(this);
    m_matrixView->setObjectName(QStringLiteral("confusionMatrix"));
    m_matrixView->setModel(m_matrix);
    m_matrixView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_matrixView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_matrixView->setToolTip(tr("Rows: truth, columns: prediction. Click a cell to show its rows"));
    m_matrixView->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_matrixView->horizontalHeader()->setDefaultSectionSize(52);
    m_matrixView->horizontalHeader()->setTextElideMode(Qt::ElideMiddle);
    m_matrixView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_matrixView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_matrixView->verticalHeader()->setMaximumWidth(160);
    m_matrixView->verticalHeader()->setTextElideMode(Qt::ElideMiddle);
    connect(m_matrixView, &QTableView::clicked, this,
            [this](const QModelIndex& index) { emit cellActivated(index.row(), index.column()); });
    connect(m_matrixView, &QTableView::activated, this,
            [this](const QModelIndex& index) { emit cellActivated(index.row(), index.column()); });

    m_metricsView = new QTableView(this);
    m_metricsView->setObjectName(QStringLiteral("classMetrics"));
    m_metricsView->setModel(m_sortedMetrics);
    m_metricsView->setSortingEnabled(true);
    m_metricsView->sortByColumn(-1, Qt::AscendingOrder);  // class order until the user sorts
    m_metricsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_metricsView->verticalHeader()->hide();
    m_metricsView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_metricsView->horizontalHeader()->setStretchLastSection(true);

    auto* axes = new QLabel(tr("rows: truth · columns: predicted"), this);
    axes->setForegroundRole(QPalette::PlaceholderText);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(axes, 1);
    top->addWidget(m_normalize);

    auto* matrixPane = new QWidget(this);
    auto* matrixLayout = new QVBoxLayout(matrixPane);
    matrixLayout->setContentsMargins(0, 0, 0, 0);
    matrixLayout->addLayout(top);
    matrixLayout->addWidget(m_matrixView, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(matrixPane);
    split->addWidget(m_metricsView);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
}

void ConfusionPanel::setConfusion(std::shared_ptr<const analysis::Confusion> confusion,
                                  const QString& why) {
    m_matrix->setConfusion(confusion);
    m_metrics->setConfusion(confusion);
    m_metricsView->resizeColumnToContents(ClassMetricsModel::ClassColumn);
    if (!confusion) {
        m_summary->setText(why);
        return;
    }
    QString text = tr("%1 rows · accuracy %2% · macro F1 %3 · weighted F1 %4")
                       .arg(QLocale().toString(qlonglong(confusion->counted)))
                       .arg(100 * confusion->accuracy(), 0, 'f', 1)
                       .arg(confusion->macro.f1, 0, 'f', 3)
                       .arg(confusion->weighted.f1, 0, 'f', 3);
    if (confusion->missing > 0)
        text += tr(" · %1 without truth or prediction").arg(confusion->missing);
    m_summary->setText(text);
}

void ConfusionPanel::setNormalized(bool normalized) {
    m_normalize->setChecked(normalized);
}

bool ConfusionPanel::normalized() const {
    return m_normalize->isChecked();
}

QString ConfusionPanel::summaryText() const {
    return m_summary->text();
}

}  // namespace runlens::ui
