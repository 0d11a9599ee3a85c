// ParallelCoordinates: one vertical axis per parameter and the target at the right, one line per
// run coloured by the target's rank (viridis), the best runs on top; drag on an axis to brush a
// range (ranges on one axis OR-ed, across axes AND-ed), drag inside a range to move it, click an
// axis to clear it. Brushed-out lines fade. Drawn from analysis::SweepAxis data, nothing computed
// here but pixels.
#pragma once

#include <QHash>
#include <QImage>
#include <QPointF>
#include <QWidget>
#include <optional>
#include <vector>

#include "core/analysis/sweep_axes.h"
#include "core/analysis/sweep_brush.h"
#include "core/model/run_info.h"

namespace runlens::ui {

class ParallelCoordinates : public QWidget {
    Q_OBJECT
public:
    explicit ParallelCoordinates(QWidget* parent = nullptr);

    /// The axes (parameters, then the target last) over the same runs, and the runs' ids; a
    /// higher target is better unless `lowerIsBetter`. The brush is kept where axes stay.
    void setData(std::vector<analysis::SweepAxis> axes, std::vector<RunId> runs,
                 bool lowerIsBetter);
    /// Run names for the hover text.
    void setRunNames(QHash<RunId, QString> names) { m_names = std::move(names); }
    const std::vector<analysis::SweepAxis>& axes() const { return m_axes; }
    const analysis::SweepBrush& brush() const { return m_brush; }
    /// Runs passing the brush (all when nothing is brushed).
    std::vector<RunId> brushedRuns() const;
    /// Per run: drawn as itself (passes the brush, and is highlighted when some are); empty when
    /// every run is.
    std::vector<std::uint8_t> shownMask() const;
    /// Runs selected elsewhere (the runs table): drawn on top, the others paler. Empty: none.
    void setHighlighted(std::vector<RunId> runs);
    /// The run whose line passes nearest to a point (within a few pixels), or 0.
    RunId runAt(QPointF point) const;
    /// Brushes axis `axis` to [low, high] in its positions (for tests and restoring).
    void brushAxis(int axis, double low, double high);
    void clearBrush();

    /// Pixel x of an axis, and pixel y of a position on it (NaN: the missing slot).
    double axisX(int axis) const;
    double positionY(int axis, double position) const;

    QSize sizeHint() const override { return {900, 420}; }

signals:
    void brushChanged();
    /// A line was clicked (select that run) or double-clicked (its details).
    void runClicked(RunId run);
    void runActivated(RunId run);

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;

private:
    QRectF plotRect() const;
    double valueAt(int axis, double y) const;  ///< the position at pixel y (inverse of positionY)
    int axisAt(double x) const;                ///< the axis within reach of x, or -1
    void renderLines();
    QColor colorOf(double target) const;

    std::vector<analysis::SweepAxis> m_axes;
    std::vector<RunId> m_runs;
    bool m_lowerIsBetter = false;
    analysis::SweepBrush m_brush;
    std::vector<std::uint8_t> m_selected;
    std::vector<RunId> m_highlighted;  ///< sorted
    QHash<RunId, QString> m_names;
    std::vector<double> m_sortedTargets;  ///< the runs' targets, ascending: colours by rank
    QImage m_lines;  ///< the lines that stand out, redrawn when data, brush or size change
    QImage m_base;   ///< every line pale, under m_lines while some are singled out
    std::vector<double> m_xs;               ///< axis x in raster coordinates
    std::vector<std::vector<double>> m_ys;  ///< per run, per axis: raster y
    bool m_geometryValid = false;

    struct Drag {
        int axis = -1;
        double start = 0;                   ///< position where the drag began
        std::optional<std::size_t> moving;  ///< the range being moved, else a new one
        std::size_t added = 0;
        bool moved = false;
    };
    std::optional<Drag> m_drag;
};

}  // namespace runlens::ui
