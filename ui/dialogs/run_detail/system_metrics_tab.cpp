// SystemMetricsTab: reads the run's system series off the UI thread and converts them to
// seconds since the start there too; the UI thread only builds the charts.
#include "ui/dialogs/run_detail/system_metrics_tab.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/store/run_store.h"
#include "ui/dialogs/run_detail/metric_chart.h"
#include "ui/dialogs/run_detail/natural_order.h"
#include "ui/tasks/background.h"

namespace runlens::ui {
namespace {

struct SystemSeries {
    QString key;
    QVector<double> x;
    QVector<double> y;
    bool xIsTime = true;
};

struct LoadedSystem {
    std::vector<SystemSeries> series;
    QString error;
};

LoadedSystem loadSystemSeries(const std::string& path, RunId run, double runStart) {
    LoadedSystem out;
    auto store = RunStore::open(path);
    if (!store) return {{}, QString::fromStdString(store.error().toString())};
    auto infos = store->readRunSeries(run);
    if (!infos) return {{}, QString::fromStdString(infos.error().toString())};
    std::vector<std::pair<QString, Series>> raw;
    double firstTime = std::numeric_limits<double>::infinity();
    for (const SeriesInfo& info : infos.value()) {
        if (info.kind != MetricKind::System) continue;
        auto series = store->readSeries(info.seriesId);
        if (!series) return {{}, QString::fromStdString(series.error().toString())};
        for (double t : series->times)
            if (std::isfinite(t)) firstTime = std::min(firstTime, t);
        raw.emplace_back(QString::fromStdString(info.key), std::move(series.value()));
    }
    const double origin = std::isfinite(runStart) ? runStart : firstTime;
    for (auto& [key, series] : raw) {
        SystemSeries s;
        s.key = key;
        // Seconds when every sample has a time; otherwise the sample index (nothing dropped).
        s.xIsTime = std::isfinite(origin) && std::all_of(series.times.begin(), series.times.end(),
                                                         [](double t) { return std::isfinite(t); });
        s.x.reserve(qsizetype(series.size()));
        s.y.reserve(qsizetype(series.size()));
        for (std::size_t i = 0; i < series.size(); ++i) {
            s.x.push_back(s.xIsTime ? series.times[i] - origin : double(series.steps[i]));
            // An infinite value would break the axis range: drawn as a gap, like NaN.
            const double v = series.values[i];
            s.y.push_back(std::isinf(v) ? std::numeric_limits<double>::quiet_NaN() : v);
        }
        out.series.push_back(std::move(s));
    }
    std::sort(out.series.begin(), out.series.end(),
              [](const SystemSeries& a, const SystemSeries& b) {
                  return naturalLess(a.key, b.key);  // gpu.2 before gpu.10
              });
    return out;
}

}  // namespace

SystemMetricsTab::SystemMetricsTab(const QString& databasePath, RunId runId, double runStart,
                                   QWidget* parent)
    : DetailTab(parent) {
    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("systemFilter"));
    m_filter->setPlaceholderText(tr("Filter metrics, e.g. gpu (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    m_count = new QLabel(this);
    m_count->setForegroundRole(QPalette::PlaceholderText);
    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_filter, 1);
    bar->addStretch(1);
    bar->addWidget(m_count);

    m_grid = new QWidget(this);
    m_gridLayout = new QGridLayout(m_grid);
    m_gridLayout->setContentsMargins(0, 0, 0, 0);
    m_gridLayout->setSpacing(8);
    m_gridLayout->setColumnStretch(0, 1);
    m_gridLayout->setColumnStretch(1, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_grid);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addLayout(bar);
    layout->addWidget(scroll, 1);
    setContent(content);

    connect(m_filter, &QLineEdit::textChanged, this, &SystemMetricsTab::applyFilter);

    runInBackground(
        this,
        [path = databasePath.toStdString(), runId, runStart] {
            return std::make_shared<LoadedSystem>(loadSystemSeries(path, runId, runStart));
        },
        [this](std::shared_ptr<LoadedSystem> loaded) {
            if (!loaded->error.isEmpty()) {
                showMessage(tr("Cannot read the system metrics.\n%1").arg(loaded->error), true);
                emit chartCountChanged(0);
                return;
            }
            if (loaded->series.empty()) {
                showMessage(tr("This run has no system metrics."));
                emit chartCountChanged(0);
                return;
            }
            for (const SystemSeries& s : loaded->series) {
                auto* chart = new MetricChart(s.key, s.x, s.y, s.xIsTime, m_grid);
                m_charts.push_back(chart);
            }
            applyFilter(m_filter->text());
            showContent();
            emit chartCountChanged(int(m_charts.size()));
        });
}

void SystemMetricsTab::focusSearch() {
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void SystemMetricsTab::applyFilter(const QString& text) {
    const QString needle = text.trimmed();
    // Re-flow the grid so that the charts left visible stay packed two per row.
    for (MetricChart* chart : m_charts)
        m_gridLayout->removeWidget(chart);
    int shown = 0;
    for (MetricChart* chart : m_charts) {
        const bool match = needle.isEmpty() || chart->key().contains(needle, Qt::CaseInsensitive);
        chart->setVisible(match);
        if (!match) continue;
        m_gridLayout->addWidget(chart, shown / 2, shown % 2);
        ++shown;
    }
    // Charts keep their height; the space left over goes below the last row.
    for (int row = 0; row < m_gridLayout->rowCount(); ++row)
        m_gridLayout->setRowStretch(row, 0);
    m_gridLayout->setRowStretch((shown + 1) / 2, 1);
    m_count->setText(
        needle.isEmpty()
            ? (m_charts.size() == 1 ? tr("1 metric") : tr("%1 metrics").arg(m_charts.size()))
            : tr("%1 of %2 metrics").arg(shown).arg(m_charts.size()));
}

}  // namespace runlens::ui
