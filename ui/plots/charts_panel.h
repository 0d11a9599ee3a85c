// ChartsPanel: the right side of the window — one chart panel per metric key, every drawn run
// overlaid, with the chart toolbar (x-axis, smoothing, y scale, grouping bands, search).
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QSet>
#include <QTimer>
#include <QVariantMap>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "core/store/run_store.h"
#include "ui/plots/chart_context.h"
#include "ui/plots/chart_settings.h"
#include "ui/plots/drawn_run.h"

class QLabel;
class QScrollArea;
class QVBoxLayout;

namespace runlens::ui {

class ChartFetcher;
class ChartSection;
class ChartToolbar;
class HoverTooltip;
class MediaSection;
class MetricPanel;
struct FetchStamp;

class ChartsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ChartsPanel(QWidget* parent = nullptr);
    ~ChartsPanel() override;

    /// The Runlens database the series are read from (opened per worker thread, read-only).
    void setDatabase(const QString& databasePath);
    /// The metric keys to show panels for.
    void setMetricKeys(const std::vector<MetricKeyInfo>& keys);
    /// The keys with images at steps: a media panel each, in the Media section at the end.
    void setMediaKeys(const std::vector<MediaKeyInfo>& keys);
    /// The runs to draw, with their colours and groups, in table order.
    void setDrawnRuns(const DrawnRuns& runs);
    /// Metrics the source plots against another metric (W&B define_metric step_metric): with
    /// the x axis on Step, their panels use that metric as x, zoomed on their own.
    void setStepMetrics(const QHash<QString, QString>& stepMetrics);
    /// The x key a panel is drawn against instead of the settings' x axis; empty when none.
    QString stepMetricOf(const MetricPanel* panel) const;
    /// The database has new data: re-read what is on screen (at most about once a second).
    void refresh();
    void focusSearch();

    /// Chart settings for the open database (x-axis, smoothing, scales, panel size, collapsed
    /// sections, search).
    QVariantMap saveState() const;
    void restoreState(const QVariantMap& state);
    ChartSettings settings() const { return m_settings; }
    void setSettings(const ChartSettings& settings);

    /// True when nothing is being read or reduced and every visible panel shows its data.
    bool isIdle() const;

    // For tests and benchmarks.
    ChartToolbar* toolbar() const { return m_toolbar; }
    /// Panels in display order (sections top to bottom).
    QList<MetricPanel*> panels() const;
    MetricPanel* panel(const QString& key) const { return m_panels.value(key); }
    QList<ChartSection*> sections() const { return m_sections; }
    MediaSection* mediaSection() const { return m_media; }
    ChartSection* section(const QString& name) const;
    /// Whether a panel counts as on screen (it fetches only then): in view, or within a third of
    /// a view above or below it.
    bool isOnScreen(const MetricPanel* panel) const;
    /// Whether any part of a panel is in the scroll area's view.
    bool isInView(const MetricPanel* panel) const;

signals:
    /// Every visible panel is drawn with the latest data (used to take screenshots).
    void idle();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool intersectsView(const MetricPanel* panel, int margin) const;
    void rebuildSections();
    void applySettings(const ChartSettings& settings, bool fromToolbar);
    void applyFilter();
    void scheduleUpdate(int delayMs = 0);
    void updatePanels();
    FetchStamp stampFor(const MetricPanel* panel) const;
    /// The x range a panel is to show: shared, its own, or none (its whole extent).
    std::optional<std::pair<double, double>> rangeFor(const MetricPanel* panel) const;
    /// True when the panel zooms alone (bars, its own step metric, or unsynced x).
    bool zoomsAlone(const MetricPanel* panel) const;
    void fetch(MetricPanel* panel, const FetchStamp& stamp);
    void rasterize(MetricPanel* panel);
    void onUserXRange(MetricPanel* panel, double x0, double x1);
    void onReset(MetricPanel* panel);
    void onProbe(MetricPanel* panel, double x, double tolerance);
    void rebuildContext();
    void askTimedKeys();
    void onTimedKeys(const std::vector<std::string>& keys);
    void checkIdle();
    std::int64_t keyIdOf(const QString& name) const;

    ChartToolbar* m_toolbar = nullptr;
    QScrollArea* m_scroll = nullptr;
    QWidget* m_content = nullptr;
    QVBoxLayout* m_sectionsLayout = nullptr;
    QLabel* m_placeholder = nullptr;
    MediaSection* m_media = nullptr;
    HoverTooltip* m_tooltip = nullptr;
    ChartFetcher* m_fetcher = nullptr;

    QString m_database;
    std::vector<MetricKeyInfo> m_keys;
    QList<ChartSection*> m_sections;
    QHash<QString, MetricPanel*> m_panels;
    QHash<int, MetricPanel*> m_panelsById;
    int m_nextPanelId = 1;

    std::shared_ptr<const DrawnRuns> m_drawn;
    ChartContext m_context;
    ChartSettings m_settings;
    quint64 m_runsVersion = 1;
    quint64 m_dataVersion = 1;
    quint64 m_settingsVersion = 1;
    std::optional<std::pair<double, double>> m_sharedRange;
    QHash<QString, QString> m_stepMetrics;
    QSet<QString> m_timedKeys;  ///< keys some drawn run logged with times
    quint64 m_timedKeysAsked = 0;

    QTimer m_updateTimer;
    QTimer m_refreshTimer;
    QElapsedTimer m_lastRefresh;
    bool m_busy = true;  ///< work happened since idle() was last emitted
};

}  // namespace runlens::ui
