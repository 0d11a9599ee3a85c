// SweepView: the Sweep tab beside the charts — over the runs the runs table shows, a target
// metric (the sweep's own by default) and goal, the parallel coordinates of the parameters that
// vary, and the parameters ranked by importance (fitted off the UI thread). Brushing selects
// the brushed runs in the runs table.
#pragma once

#include <QWidget>
#include <memory>
#include <vector>

#include "core/analysis/sweep_axes.h"
#include "core/model/artifact.h"
#include "core/store/runs_snapshot.h"
#include "ui/plots/drawn_run.h"
#include "ui/tasks/background.h"

class QComboBox;
class QLabel;
class QTreeWidget;

namespace runlens::ui {

class ParallelCoordinates;
class SweepScatter;

class SweepView : public QWidget {
    Q_OBJECT
public:
    explicit SweepView(QWidget* parent = nullptr);

    /// The database whose sweeps give the default target and log-uniform parameters.
    void setDatabase(const QString& databasePath);
    void setSnapshot(std::shared_ptr<const RunsSnapshot> snapshot);
    /// The runs shown in the runs table, in its order.
    void setRuns(const DrawnRuns& runs);

    QString targetMetric() const;
    void setTargetMetric(const QString& key);
    ParallelCoordinates* coordinates() const { return m_coordinates; }
    QTreeWidget* importanceList() const { return m_importance; }
    SweepScatter* scatter() const { return m_scatter; }
    /// Shows the target against a parameter in the scatter (what clicking it in the list does).
    void showScatter(const QString& parameter);
    /// True while the importance is being fitted.
    bool isFitting() const { return m_fitting; }

signals:
    /// The brush changed: the runs passing it (every shown run when nothing is brushed).
    void brushedRunsChanged(const std::vector<RunId>& runs);
    /// The importance list was filled (or says why it could not be).
    void importanceReady();
    /// A line was clicked, or double-clicked.
    void runClicked(RunId run);
    void runActivated(RunId run);

private:
    void rebuild();
    void fillTargets();
    const Sweep* sweepFor(const std::string& metric) const;
    void chooseDefaultGoal();

    QString m_database;
    std::shared_ptr<const RunsSnapshot> m_snapshot;
    DrawnRuns m_runs;
    std::vector<Sweep> m_sweeps;
    Generation m_fit;
    bool m_fitting = false;

    QComboBox* m_target = nullptr;
    QComboBox* m_goal = nullptr;
    QLabel* m_status = nullptr;
    ParallelCoordinates* m_coordinates = nullptr;
    QTreeWidget* m_importance = nullptr;
    SweepScatter* m_scatter = nullptr;
    std::vector<analysis::SweepAxis> m_parameters;  ///< the axes drawn, without the target
    analysis::SweepAxis m_targetAxis;
};

}  // namespace runlens::ui
