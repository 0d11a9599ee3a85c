// MetricPanel: one metric's chart — title, plot (created when first shown), the data it shows and
// what it was computed for, its own zoom, and the hover tooltip.
#pragma once

#include <QFrame>
#include <QPointer>
#include <cmath>
#include <memory>
#include <optional>

#include "core/store/run_store.h"
#include "ui/plots/chart_context.h"
#include "ui/plots/hover_values.h"
#include "ui/plots/line_raster.h"
#include "ui/tasks/background.h"

class QLabel;

namespace runlens::ui {

class ChartPlot;
class HoverTooltip;

/// What a panel's data depends on; equal stamps need no new fetch.
struct FetchStamp {
    quint64 runs = 0;      ///< drawn-runs version
    quint64 data = 0;      ///< database refresh count
    quint64 settings = 0;  ///< data-affecting settings version
    double x0 = NAN;       ///< requested range (NaN: whole extent)
    double x1 = NAN;
    int width = 0;  ///< data width in pixels, in buckets (see ChartsPanel)
    bool valid = false;

    bool operator==(const FetchStamp& o) const;
};

class MetricPanel : public QFrame {
    Q_OBJECT
public:
    MetricPanel(int id, const MetricKeyInfo& key, QWidget* parent = nullptr);
    ~MetricPanel() override;

    int id() const { return m_id; }
    const MetricKeyInfo& key() const { return m_key; }
    const QString& keyName() const { return m_name; }
    /// Every run logged this key at most once: one bar per run, sorted, instead of lines (when
    /// the runs are not grouped).
    bool showsBars() const { return m_bars && m_data && m_data->groups.empty(); }
    void setKeyInfo(const MetricKeyInfo& key);

    /// The plot, created on first use (panels that are never shown never get one).
    ChartPlot* plot();
    bool hasPlot() const { return m_plot != nullptr; }
    ChartPlot* existingPlot() const { return m_plot; }
    void setTooltip(HoverTooltip* tooltip);

    // Fetch bookkeeping (driven by ChartsPanel).
    Generation& generation() { return m_generation; }
    const FetchStamp& shownStamp() const { return m_shown; }
    const FetchStamp& pendingStamp() const { return m_pending; }
    void setPending(const FetchStamp& stamp);
    void clearPending();

    /// Shows a computed chart (or its error); `raster` is its LineRaster image made off the UI
    /// thread, if any.
    void showChart(std::shared_ptr<const series::ChartData> data, ChartContext context,
                   const FetchStamp& stamp,
                   std::shared_ptr<const LineRaster::Image> raster = nullptr);
    /// True when the chart draws through the LineRaster and no image of its lines fits the plot
    /// as laid out now, or it shows old colours (ask the fetcher for one at rasterPixels(), then
    /// setRaster()).
    bool needsRaster();
    QSize rasterPixels() const;
    /// Marks that an image was asked for (the plot stretches the one at hand meanwhile).
    void setRasterRequested();
    bool rasterRequested() const { return m_rasterRequested; }
    /// An image of the current data's raster lines (from ChartFetcher::rasterize).
    void setRaster(const series::ChartData* data, std::shared_ptr<const LineRaster::Image> image);
    void showError(const QString& message, const FetchStamp& stamp);
    /// Re-draws the data it has with other looks (colours, names, legend) of the same runs.
    void restyle(const ChartContext& context);
    const series::ChartData* data() const { return m_data.get(); }
    const std::shared_ptr<const series::ChartData>& sharedData() const { return m_data; }
    /// Points its data holds (drawn lines, raw lines and bands).
    std::size_t dataPoints() const;
    /// Drops the data and what the plot shows (for panels far out of view); the next fetch
    /// brings them back.
    void releaseData();
    const ChartContext& context() const { return m_context; }

    /// This panel's own zoom (when x ranges are not synced); nullopt: the whole extent.
    std::optional<std::pair<double, double>> ownRange() const { return m_ownRange; }
    void setOwnRange(std::optional<std::pair<double, double>> range) { m_ownRange = range; }
    /// The y range the person chose with a rubber band; nullopt: fitted to the data.
    std::optional<std::pair<double, double>> ownYRange() const { return m_context.yRange; }
    /// Sets (or with nullopt drops) the panel's own y range and shows it at once.
    void setOwnYRange(std::optional<std::pair<double, double>> range);
    /// Shows another x range at once with the data at hand (before finer data arrives).
    void previewXRange(double x0, double x1);

    /// A probe answer for a hover at x (ignored when the mouse has moved on).
    void showProbe(double x, const std::vector<series::ProbeValue>& values);

signals:
    void userXRangeChanged(MetricPanel* panel, double x0, double x1);
    void resetRequested(MetricPanel* panel);
    void probeRequested(MetricPanel* panel, double x, double tolerance);
    void resized(MetricPanel* panel);

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Draws m_data as bars or lines.
    void draw(std::shared_ptr<const LineRaster::Image> raster);
    void onHover(double x, const QPoint& globalPos);
    void onHoverLeft();
    void showRows(std::vector<HoverRow> rows, bool pending);
    void updateStatus();

    int m_id;
    MetricKeyInfo m_key;
    QString m_name;
    QLabel* m_title = nullptr;
    QLabel* m_status = nullptr;
    QLabel* m_empty = nullptr;
    ChartPlot* m_plot = nullptr;
    QPointer<HoverTooltip> m_tooltip;

    Generation m_generation;
    FetchStamp m_shown;
    FetchStamp m_pending;
    std::shared_ptr<const series::ChartData> m_data;
    ChartContext m_context;
    QString m_error;
    std::optional<std::pair<double, double>> m_ownRange;
    bool m_rasterRequested = false;
    bool m_rasterStale = false;  // the image shows other colours (after restyle)

    bool m_hovering = false;
    bool m_bars = false;
    double m_hoverX = NAN;
    QPoint m_hoverPos;
};

}  // namespace runlens::ui
