// ChartFetcher: computes ChartData (and hover probes) on Qt's thread pool, a few at a time,
// newest request per panel only; answers come back on the UI thread.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <deque>
#include <functional>
#include <memory>
#include <optional>

#include "core/series/chart_data.h"
#include "core/series/chart_probe.h"
#include "core/series/series_cache.h"
#include "ui/plots/chart_context.h"
#include "ui/plots/line_raster.h"

namespace runlens::ui {

/// A computed chart, and the image of its raster lines when it draws through the LineRaster.
struct ChartAnswer {
    Result<std::shared_ptr<const series::ChartData>> data = makeError("not computed");
    std::shared_ptr<const LineRaster::Image> raster;  ///< null: none asked for, or not rasterized
};

/// What the worker also draws once a chart is computed: its LineRaster image for a data area of
/// `pixels` device pixels (see prerenderRaster), so that the UI thread only blits it.
struct RasterTarget {
    ChartContext context;  ///< colours and scale of the lines
    QSize pixels;
};

class ChartFetcher : public QObject {
    Q_OBJECT
public:
    using ChartResult = std::shared_ptr<const ChartAnswer>;
    using ProbeResult = std::shared_ptr<const Result<std::vector<series::ProbeValue>>>;
    using RasterResult = std::shared_ptr<const LineRaster::Image>;
    using TimedKeysResult = std::shared_ptr<const Result<std::vector<std::string>>>;

    explicit ChartFetcher(QObject* parent = nullptr);
    ~ChartFetcher() override;

    /// The database read by later requests (a worker opens its own read-only RunStore).
    void setDatabase(const QString& path);
    /// Charts computed at once (default 1: each chart spreads its runs over all cores, so the
    /// first panel asked for is the first shown).
    void setConcurrency(int jobs) { m_concurrency = std::max(1, jobs); }
    /// Threads one chart uses (ChartRequest::threads; default: the number of cores).
    int threadsPerChart() const { return m_threads; }

    /// Computes the chart of panel `id` (with request.threads set to threadsPerChart()) and, with
    /// a raster target, its raster image. A request still queued for the same panel is replaced;
    /// one already running is cancelled. `done` runs on the UI thread, unless cancelled.
    void compute(int id, series::ChartRequest request, std::optional<RasterTarget> raster,
                 std::function<void(ChartResult)> done);
    /// Rasterizes a computed chart again for another size; jumps the queue like a probe.
    void rasterize(int id, std::shared_ptr<const series::ChartData> data, RasterTarget target,
                   std::function<void(RasterResult)> done);
    /// Probes values for a hover; jumps the queue, replaces a queued probe of the same panel.
    void probe(int id, series::ChartRequest request, double x, double tolerance,
               std::function<void(ProbeResult)> done);
    /// The names of the metric keys of which at least one of `runs` logged a point with a time;
    /// jumps the queue, replaces a queued question of the same kind.
    void timedKeys(std::vector<RunId> runs, std::function<void(TimedKeysResult)> done);
    /// Drops what is queued or running for panel `id` (its callbacks will not run).
    void cancel(int id);
    void cancelAll();

    /// Nothing queued or running.
    bool isIdle() const { return m_queue.empty() && m_running == 0; }
    /// Full-resolution series kept between computations (zooming, live refresh of the others).
    const series::SeriesCache& cache() const { return *m_cache; }
    int runningCount() const { return m_running; }

signals:
    /// The last queued or running job finished (or was dropped).
    void idle();

private:
    enum class Kind { Chart, Probe, Raster, TimedKeys };
    struct Job {
        int id = 0;
        Kind kind = Kind::Chart;
        std::function<void()> start;  // captures everything the worker needs
        std::shared_ptr<Progress> progress;
    };

    void enqueue(Job job, bool front);
    void startMore();
    void finished(const std::shared_ptr<Progress>& progress);

    std::string m_database;
    std::shared_ptr<series::SeriesCache> m_cache;  // shared with running workers
    std::deque<Job> m_queue;
    QHash<int, std::shared_ptr<Progress>> m_runningCharts;  // panel -> its running chart job
    int m_running = 0;
    int m_concurrency = 1;
    int m_threads = 1;
};

}  // namespace runlens::ui
