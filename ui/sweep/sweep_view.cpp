// SweepView: axes are computed on the UI thread (a pass over the shown runs' config), the tree
// model on a worker; a newer request makes an older fit's result be dropped.
#include "ui/sweep/sweep_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "core/analysis/parameter_importance.h"
#include "core/analysis/sweep_axes.h"
#include "core/store/run_store.h"
#include "ui/sweep/parallel_coordinates.h"
#include "ui/sweep/sweep_scatter.h"

namespace runlens::ui {
namespace {

// A metric name that reads as something to minimise.
bool looksLikeLoss(const QString& key) {
    const QString k = key.toLower();
    return k.contains("loss") || k.contains("error") || k.contains("rmse") || k.contains("mae") ||
           k.contains("perplexity");
}

}  // namespace

SweepView::SweepView(QWidget* parent) : QWidget(parent) {
    m_target = new QComboBox(this);
    m_target->setObjectName(QStringLiteral("sweepTarget"));
    m_target->setToolTip(
        tr("The metric the lines are coloured by and the importance is fitted to"));
    m_target->setMinimumContentsLength(18);
    m_goal = new QComboBox(this);
    m_goal->addItem(tr("higher is better"), false);
    m_goal->addItem(tr("lower is better"), true);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sweepStatus"));
    m_coordinates = new ParallelCoordinates(this);
    m_importance = new QTreeWidget(this);
    m_importance->setObjectName(QStringLiteral("importance"));
    m_importance->setRootIsDecorated(false);
    m_importance->setSortingEnabled(true);
    m_importance->setHeaderLabels({tr("Parameter"), tr("Importance"), tr("Spearman"), tr("Runs")});
    m_importance->setToolTip(
        tr("Importance: the parameter's share of the mean |SHAP contribution| of gradient-boosted "
           "trees fitted on the runs. Spearman: rank correlation with the target (numeric "
           "parameters)."));
    m_importance->header()->setSectionResizeMode(0, QHeaderView::Stretch);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Target"), this));
    bar->addWidget(m_target);
    bar->addWidget(m_goal);
    bar->addWidget(m_status, 1);
    m_scatter = new SweepScatter(this);
    auto* lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(m_importance);
    lower->addWidget(m_scatter);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_coordinates);
    split->addWidget(lower);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(m_target, &QComboBox::activated, this, [this] {
        chooseDefaultGoal();
        rebuild();
    });
    connect(m_goal, &QComboBox::activated, this, [this] { rebuild(); });
    connect(m_coordinates, &ParallelCoordinates::brushChanged, this,
            [this] { emit brushedRunsChanged(m_coordinates->brushedRuns()); });
    connect(m_coordinates, &ParallelCoordinates::brushChanged, this,
            [this] { m_scatter->setShown(m_coordinates->shownMask()); });
    connect(m_importance, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item) { showScatter(item->text(0)); });
    connect(m_coordinates, &ParallelCoordinates::runClicked, this, &SweepView::runClicked);
    connect(m_coordinates, &ParallelCoordinates::runActivated, this, &SweepView::runActivated);
}

void SweepView::setDatabase(const QString& databasePath) {
    m_database = databasePath;
    m_sweeps.clear();
    runInBackground(
        this,
        [path = databasePath.toStdString()] {
            auto store = RunStore::open(path);
            auto sweeps =
                store.ok() ? store->readSweeps() : Result<std::vector<Sweep>>(store.error());
            return sweeps.ok() ? std::move(sweeps.value()) : std::vector<Sweep>();
        },
        [this](std::vector<Sweep> sweeps) {
            m_sweeps = std::move(sweeps);
            fillTargets();
            rebuild();
        });
}

void SweepView::setSnapshot(std::shared_ptr<const RunsSnapshot> snapshot) {
    m_snapshot = std::move(snapshot);
    fillTargets();
    rebuild();
}

void SweepView::setRuns(const DrawnRuns& runs) {
    const bool sameRuns =
        runs.runs.size() == m_runs.runs.size() &&
        std::equal(runs.runs.begin(), runs.runs.end(), m_runs.runs.begin(),
                   [](const DrawnRun& a, const DrawnRun& b) { return a.id == b.id; });
    m_runs = runs;
    if (!sameRuns) return rebuild();
    // Only the selection changed: the selected runs stand out, nothing is fitted again.
    std::vector<RunId> highlighted;
    for (const DrawnRun& r : m_runs.runs)
        if (!r.faded) highlighted.push_back(r.id);
    if (highlighted.size() == m_runs.runs.size()) highlighted.clear();
    m_coordinates->setHighlighted(std::move(highlighted));
    m_scatter->setShown(m_coordinates->shownMask());
}

void SweepView::showScatter(const QString& parameter) {
    for (const analysis::SweepAxis& a : m_parameters)
        if (QString::fromStdString(a.key) == parameter) {
            m_scatter->setData(a, m_targetAxis, m_coordinates->shownMask(),
                               m_goal->currentData().toBool());
            return;
        }
}

QString SweepView::targetMetric() const {
    return m_target->currentText();
}

void SweepView::setTargetMetric(const QString& key) {
    const int at = m_target->findText(key);
    if (at < 0) return;
    m_target->setCurrentIndex(at);
    emit m_target->activated(at);
}

void SweepView::chooseDefaultGoal() {
    // The sweep's own goal for its metric; else what the name says (a loss is minimised).
    const Sweep* sweep = sweepFor(targetMetric().toStdString());
    const bool lower = sweep && sweep->goal != MetricGoal::None
                           ? sweep->goal == MetricGoal::Minimize
                           : looksLikeLoss(targetMetric());
    m_goal->setCurrentIndex(lower ? 1 : 0);
}

const Sweep* SweepView::sweepFor(const std::string& metric) const {
    for (const Sweep& s : m_sweeps)
        if (s.metric == metric) return &s;
    return nullptr;
}

void SweepView::fillTargets() {
    if (!m_snapshot) return;
    const QString current = m_target->currentText();
    const QSignalBlocker block(m_target);
    m_target->clear();
    for (const ValueColumn& c : m_snapshot->summary)
        if (c.isNumeric() && !c.key().empty() && c.key().front() != '_' &&
            !c.key().ends_with(".min") && !c.key().ends_with(".max"))
            m_target->addItem(QString::fromStdString(c.key()));
    // Keep the user's choice; else the sweep's metric; else the metric most runs have (a
    // validation one among those nearly as common): a key two runs logged says little.
    int at = m_target->findText(current);
    for (const Sweep& s : m_sweeps)
        if (at < 0 && !s.metric.empty()) at = m_target->findText(QString::fromStdString(s.metric));
    if (at < 0) {
        std::vector<std::size_t> coverage(std::size_t(m_target->count()), 0);
        for (int i = 0; i < m_target->count(); ++i)
            if (const ValueColumn* c = m_snapshot->findSummary(m_target->itemText(i).toStdString()))
                for (std::size_t r = 0; r < c->size(); ++r)
                    coverage[std::size_t(i)] += c->has(r);
        const std::size_t most =
            coverage.empty() ? 0 : *std::max_element(coverage.begin(), coverage.end());
        for (int i = 0; at < 0 && i < m_target->count(); ++i)
            if (m_target->itemText(i).startsWith(QLatin1String("val")) &&
                coverage[std::size_t(i)] * 10 >= most * 9)
                at = i;
        for (int i = 0; at < 0 && i < m_target->count(); ++i)
            if (coverage[std::size_t(i)] == most) at = i;
    }
    m_target->setCurrentIndex(std::max(0, at));
    if (current.isEmpty()) chooseDefaultGoal();
}

void SweepView::rebuild() {
    m_importance->clear();
    if (!m_snapshot || m_target->count() == 0) {
        m_coordinates->setData({}, {}, false);
        m_status->setText(m_snapshot ? tr("No run has a numeric summary metric to target.")
                                     : QString());
        return;
    }
    const std::string metric = targetMetric().toStdString();
    const Sweep* sweep = sweepFor(metric);
    // The shown runs that have the target: a run without it says nothing about the parameters.
    const ValueColumn* targetColumn = m_snapshot->findSummary(metric);
    std::vector<int> rows;
    std::vector<RunId> ids, highlighted;
    QHash<RunId, QString> names;
    for (const DrawnRun& r : m_runs.runs)
        if (const int row = m_snapshot->rowOf(r.id);
            row >= 0 && targetColumn && targetColumn->has(std::size_t(row))) {
            rows.push_back(row);
            ids.push_back(r.id);
            names.insert(r.id, r.name);
            if (!r.faded) highlighted.push_back(r.id);
        }
    // Nothing faded: nothing selected in the table, so no line is singled out.
    if (highlighted.size() == ids.size()) highlighted.clear();
    m_coordinates->setHighlighted(std::move(highlighted));
    m_coordinates->setRunNames(std::move(names));
    auto axes = analysis::varyingParameterAxes(*m_snapshot, rows, sweep,
                                               analysis::defaultMinPresent(rows.size()));
    analysis::SweepAxis targetAxis = analysis::makeAxis(*targetColumn, rows, true);
    const std::vector<double> values = targetAxis.positions;
    for (analysis::SweepAxis& a : axes)
        if (a.kind == analysis::SweepAxis::Kind::Categorical)
            analysis::orderByMeanTarget(a, values);
    auto parameters = axes;
    m_parameters = axes;
    m_targetAxis = targetAxis;
    axes.push_back(std::move(targetAxis));
    // The scatter keeps its parameter while it still varies, else shows the first one.
    const bool lower = m_goal->currentData().toBool();
    m_coordinates->setData(std::move(axes), ids, lower);
    {
        const QString current = QString::fromStdString(m_scatter->parameterKey());
        bool kept = false;
        for (const analysis::SweepAxis& a : m_parameters)
            kept = kept || QString::fromStdString(a.key) == current;
        if (kept)
            showScatter(current);
        else if (!m_parameters.empty())
            showScatter(QString::fromStdString(m_parameters.front().key));
        else
            m_scatter->setData({}, {}, {}, lower);
    }
    const QString varying = parameters.size() == 1
                                ? tr("1 parameter varies")
                                : tr("%1 parameters vary").arg(parameters.size());
    m_status->setText(
        tr("%1 of %2 shown runs have %3 · %4%5")
            .arg(rows.size())
            .arg(m_runs.runs.size())
            .arg(targetMetric(), varying)
            .arg(sweep ? tr(" · sweep %1").arg(QString::fromStdString(sweep->name)) : QString()));
    emit brushedRunsChanged(m_coordinates->brushedRuns());

    const quint64 generation = m_fit.next();
    m_fitting = true;
    runInBackground(
        this,
        [parameters = std::move(parameters), values] {
            return analysis::parameterImportance(parameters, values);
        },
        [this, generation](Result<analysis::ImportanceResult> result) {
            if (!m_fit.isCurrent(generation)) return;
            m_fitting = false;
            m_importance->clear();
            if (!result.ok()) {
                auto* item = new QTreeWidgetItem(m_importance);
                item->setText(0, QString::fromStdString(result.error().message));
                item->setFirstColumnSpanned(true);
            } else {
                for (const analysis::ParameterImportance& p : result->parameters) {
                    auto* item = new QTreeWidgetItem(m_importance);
                    item->setText(0, QString::fromStdString(p.key));
                    item->setData(1, Qt::DisplayRole, std::round(p.importance * 1000) / 10);
                    item->setData(2, Qt::DisplayRole,
                                  std::isnan(p.spearman)
                                      ? QVariant(QStringLiteral("—"))
                                      : QVariant(std::round(p.spearman * 100) / 100));
                    item->setData(3, Qt::DisplayRole, qlonglong(p.runs));
                }
                m_importance->sortByColumn(1, Qt::DescendingOrder);
                if (!result->parameters.empty())
                    showScatter(QString::fromStdString(result->parameters.front().key));
            }
            emit importanceReady();
        });
}

}  // namespace runlens::ui
