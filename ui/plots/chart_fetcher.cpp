// ChartFetcher: a small queue in front of the thread pool, so that hundreds of panels asking at
// once neither flood the pool nor compute answers nobody waits for any more.
#include "ui/plots/chart_fetcher.h"

#include <QThread>
#include <algorithm>
#include <cmath>

#include "core/store/run_store.h"
#include "ui/plots/chart_renderer.h"
#include "ui/tasks/background.h"

namespace runlens::ui {

ChartFetcher::ChartFetcher(QObject* parent)
    : QObject(parent), m_cache(std::make_shared<series::SeriesCache>()) {
    m_threads = std::max(1, QThread::idealThreadCount());
}

ChartFetcher::~ChartFetcher() {
    cancelAll();
}

void ChartFetcher::setDatabase(const QString& path) {
    cancelAll();
    m_database = path.toStdString();
    m_cache->clear();
}

void ChartFetcher::compute(int id, series::ChartRequest request, std::optional<RasterTarget> raster,
                           std::function<void(ChartResult)> done) {
    std::erase_if(m_queue, [id](const Job& j) { return j.id == id && j.kind != Kind::Probe; });
    if (auto it = m_runningCharts.find(id); it != m_runningCharts.end()) it.value()->cancel();
    request.threads = m_threads;
    Job job;
    job.id = id;
    job.progress = std::make_shared<Progress>();
    job.start = [this, id, path = m_database, cache = m_cache, request = std::move(request),
                 raster = std::move(raster), done = std::move(done),
                 progress = job.progress]() mutable {
        m_runningCharts.insert(id, progress);
        runInBackground(
            this,
            [path, cache, request = std::move(request), raster = std::move(raster),
             progress]() -> ChartResult {
                auto answer = std::make_shared<ChartAnswer>();
                auto store = RunStore::open(path);
                if (!store.ok()) {
                    answer->data = store.error();
                    return answer;
                }
                auto data =
                    series::computeChart(store.value(), request, progress.get(), cache.get());
                if (!data.ok()) {
                    answer->data = data.error();
                    return answer;
                }
                auto shared = std::make_shared<const series::ChartData>(std::move(data.value()));
                if (raster && !progress->cancelled())
                    answer->raster =
                        prerenderRaster(*shared, raster->context, raster->pixels, request.threads);
                answer->data = std::move(shared);
                return answer;
            },
            [this, id, done = std::move(done), progress](ChartResult result) {
                if (auto it = m_runningCharts.find(id);
                    it != m_runningCharts.end() && it.value() == progress)
                    m_runningCharts.erase(it);
                if (!progress->cancelled()) done(std::move(result));
                finished(progress);
            });
    };
    enqueue(std::move(job), false);
}

void ChartFetcher::rasterize(int id, std::shared_ptr<const series::ChartData> data,
                             RasterTarget target, std::function<void(RasterResult)> done) {
    Job job;
    job.id = id;
    job.kind = Kind::Raster;  // cheap and wanted at once: ahead of the chart queue
    job.progress = std::make_shared<Progress>();
    job.start = [this, data = std::move(data), target = std::move(target), done = std::move(done),
                 threads = m_threads, progress = job.progress]() mutable {
        runInBackground(
            this,
            [data, target, threads]() -> RasterResult {
                return prerenderRaster(*data, target.context, target.pixels, threads);
            },
            [this, done = std::move(done), progress](RasterResult result) {
                if (!progress->cancelled()) done(std::move(result));
                finished(progress);
            });
    };
    enqueue(std::move(job), true);
}

void ChartFetcher::probe(int id, series::ChartRequest request, double x, double tolerance,
                         std::function<void(ProbeResult)> done) {
    std::erase_if(m_queue, [id](const Job& j) { return j.id == id && j.kind == Kind::Probe; });
    Job job;
    job.id = id;
    job.kind = Kind::Probe;
    job.progress = std::make_shared<Progress>();
    job.start = [this, path = m_database, cache = m_cache, request = std::move(request), x,
                 tolerance, done = std::move(done), progress = job.progress]() mutable {
        runInBackground(
            this,
            [path, cache, request = std::move(request), x, tolerance, progress]() -> ProbeResult {
                using R = Result<std::vector<series::ProbeValue>>;
                auto store = RunStore::open(path);
                if (!store.ok()) return std::make_shared<R>(store.error());
                return std::make_shared<R>(series::probeChart(store.value(), request, x, tolerance,
                                                              progress.get(), cache.get()));
            },
            [this, done = std::move(done), progress](ProbeResult result) {
                if (!progress->cancelled()) done(std::move(result));
                finished(progress);
            });
    };
    enqueue(std::move(job), true);
}

void ChartFetcher::timedKeys(std::vector<RunId> runs, std::function<void(TimedKeysResult)> done) {
    std::erase_if(m_queue, [](const Job& j) { return j.kind == Kind::TimedKeys; });
    Job job;
    job.id = 0;  // no panel's
    job.kind = Kind::TimedKeys;
    job.progress = std::make_shared<Progress>();
    job.start = [this, path = m_database, runs = std::move(runs), done = std::move(done),
                 progress = job.progress]() mutable {
        runInBackground(
            this,
            [path, runs = std::move(runs)]() mutable -> TimedKeysResult {
                using R = Result<std::vector<std::string>>;
                auto store = RunStore::open(path);
                if (!store.ok()) return std::make_shared<R>(store.error());
                // The totals of every series: one query, no points decoded.
                auto infos = store->readSeriesInfos(0);
                if (!infos.ok()) return std::make_shared<R>(infos.error());
                std::sort(runs.begin(), runs.end());
                std::vector<std::string> keys;
                for (const SeriesInfo& info : infos.value()) {
                    if (std::isnan(info.total.timeMin)) continue;
                    if (!std::binary_search(runs.begin(), runs.end(), RunId(info.runId))) continue;
                    keys.push_back(info.key);
                }
                std::sort(keys.begin(), keys.end());
                keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
                return std::make_shared<R>(std::move(keys));
            },
            [this, done = std::move(done), progress](TimedKeysResult result) {
                if (!progress->cancelled()) done(std::move(result));
                finished(progress);
            });
    };
    enqueue(std::move(job), true);
}

void ChartFetcher::cancel(int id) {
    for (const Job& j : m_queue)
        if (j.id == id) j.progress->cancel();
    std::erase_if(m_queue, [id](const Job& j) { return j.id == id; });
    if (auto it = m_runningCharts.find(id); it != m_runningCharts.end()) it.value()->cancel();
    if (isIdle()) emit idle();
}

void ChartFetcher::cancelAll() {
    m_queue.clear();
    for (const auto& progress : std::as_const(m_runningCharts))
        progress->cancel();
}

void ChartFetcher::enqueue(Job job, bool front) {
    if (front)
        m_queue.push_front(std::move(job));
    else
        m_queue.push_back(std::move(job));
    startMore();
}

void ChartFetcher::startMore() {
    while (!m_queue.empty() &&
           m_running < m_concurrency + (m_queue.front().kind != Kind::Chart ? 1 : 0)) {
        Job job = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_running;
        job.start();
    }
}

void ChartFetcher::finished(const std::shared_ptr<Progress>&) {
    --m_running;
    startMore();
    if (isIdle()) emit idle();
}

}  // namespace runlens::ui
