// ChartsPanel: sections of metric panels in a scroll area; decides which panels are on screen and
// stale, fetches those off the UI thread (newest generation wins), and reports when idle.
#include "ui/plots/charts_panel.h"

#include <QCollator>
#include <QCoreApplication>
#include <QEvent>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <algorithm>
#include <tuple>

#include "ui/plots/bar_chart.h"
#include "ui/plots/chart_fetcher.h"
#include "ui/plots/chart_plot.h"
#include "ui/plots/chart_renderer.h"
#include "ui/plots/chart_section.h"
#include "ui/plots/chart_toolbar.h"
#include "ui/plots/hover_tooltip.h"
#include "ui/plots/media_section.h"
#include "ui/plots/metric_panel.h"

namespace runlens::ui {
namespace {

constexpr int kZoomSettleMs = 90;         // fetch finer data once zooming pauses
constexpr int kRefreshIntervalMs = 1000;  // live data: at most one re-read per second
constexpr int kWidthBucket = 8;           // pixels; smaller resizes reuse the data at hand
// A panel out of view keeps its data unless it is this large (hundreds of runs): then memory
// is given back, and scrolling back reads it again (from the series cache, when it holds it).
constexpr std::size_t kKeepPointsOutOfView = 200'000;

// The media section's name in ChartSettings::sectionCollapsed (metric sections use prefixes).
const QString kMediaSection = QStringLiteral("#media");

// Settings that change what is computed (not just how it is laid out or styled).
bool sameData(const ChartSettings& a, const ChartSettings& b) {
    return a.xAxis == b.xAxis && (a.xAxis != series::XAxis::Key || a.xKey == b.xKey) &&
           a.smoothing == b.smoothing && a.strength == b.strength && a.logY == b.logY &&
           a.ignoreOutliers == b.ignoreOutliers && a.band == b.band;
}

bool collapsedIn(const ChartSettings& s, const SectionKey& key) {
    return s.sectionCollapsed.value(key.name, key.collapsedByDefault).toBool();
}

}  // namespace

ChartsPanel::ChartsPanel(QWidget* parent) : QWidget(parent) {
    m_toolbar = new ChartToolbar(this);
    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(m_scroll);
    m_sectionsLayout = new QVBoxLayout(m_content);
    m_sectionsLayout->setContentsMargins(8, 4, 8, 8);
    m_sectionsLayout->setSpacing(6);
    m_placeholder = new QLabel(tr("No metrics logged yet."), m_content);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setStyleSheet(QStringLiteral("color: gray; padding: 24px;"));
    m_sectionsLayout->addWidget(m_placeholder);
    m_media = new MediaSection(m_content);
    m_sectionsLayout->addWidget(m_media);
    m_sectionsLayout->addStretch(1);
    m_scroll->setWidget(m_content);
    m_tooltip = new HoverTooltip(this);
    m_fetcher = new ChartFetcher(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolbar);
    layout->addWidget(m_scroll, 1);

    m_updateTimer.setSingleShot(true);
    connect(&m_updateTimer, &QTimer::timeout, this, &ChartsPanel::updatePanels);
    m_refreshTimer.setSingleShot(true);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ChartsPanel::refresh);
    connect(m_fetcher, &ChartFetcher::idle, this, &ChartsPanel::checkIdle);
    connect(m_media, &MediaSection::changed, this, [this] {
        m_busy = true;
        checkIdle();
    });
    connect(m_media, &MediaSection::collapsedToggled, this,
            [this](bool collapsed) { m_settings.sectionCollapsed[kMediaSection] = collapsed; });
    connect(m_toolbar, &ChartToolbar::settingsChanged, this,
            [this] { applySettings(m_toolbar->settings(), true); });
    connect(m_scroll->verticalScrollBar(), &QScrollBar::valueChanged, this,
            [this] { scheduleUpdate(); });
    m_scroll->viewport()->installEventFilter(this);
    rebuildContext();
}

ChartsPanel::~ChartsPanel() = default;

void ChartsPanel::setDatabase(const QString& databasePath) {
    if (databasePath == m_database) return;
    m_database = databasePath;
    m_fetcher->setDatabase(databasePath);
    m_media->setDatabase(databasePath);
    setMetricKeys({});
    m_sharedRange.reset();
    ++m_dataVersion;
    askTimedKeys();
    scheduleUpdate();
}

void ChartsPanel::setMetricKeys(const std::vector<MetricKeyInfo>& keys) {
    QStringList names, userKeys;
    for (const MetricKeyInfo& k : keys) {
        names << QString::fromStdString(k.name);
        if (k.kind == MetricKind::User) userKeys << names.back();
    }
    QStringList old;
    for (const MetricKeyInfo& k : m_keys)
        old << QString::fromStdString(k.name);
    m_keys = keys;
    for (const MetricKeyInfo& k : keys) {
        if (MetricPanel* p = m_panels.value(QString::fromStdString(k.name))) p->setKeyInfo(k);
    }
    if (names != old) {
        m_toolbar->setXKeys(userKeys);
        rebuildSections();
        if (m_settings.xAxis == series::XAxis::Key) rebuildContext();  // the x key's id
    }
    scheduleUpdate();
}

void ChartsPanel::setMediaKeys(const std::vector<MediaKeyInfo>& keys) {
    m_media->setKeys(keys);
    m_media->setCollapsed(m_settings.sectionCollapsed.value(kMediaSection, false).toBool() &&
                          m_settings.search.isEmpty());
    applyFilter();
}

void ChartsPanel::rebuildSections() {
    // Keep panels (and their data) whose key stays; drop the others.
    QHash<QString, MetricPanel*> kept;
    for (const MetricKeyInfo& k : m_keys) {
        const QString name = QString::fromStdString(k.name);
        MetricPanel* p = m_panels.take(name);
        if (!p) {
            p = new MetricPanel(m_nextPanelId++, k, m_content);
            p->setTooltip(m_tooltip);
            connect(p, &MetricPanel::userXRangeChanged, this, &ChartsPanel::onUserXRange);
            connect(p, &MetricPanel::resetRequested, this, &ChartsPanel::onReset);
            connect(p, &MetricPanel::probeRequested, this, &ChartsPanel::onProbe);
            connect(p, &MetricPanel::resized, this, [this] { scheduleUpdate(); });
        }
        p->setParent(m_content);
        kept.insert(name, p);
    }
    for (MetricPanel* gone : std::as_const(m_panels)) {
        m_fetcher->cancel(gone->id());
        delete gone;
    }
    m_panels = kept;
    m_panelsById.clear();
    for (MetricPanel* p : std::as_const(m_panels))
        m_panelsById.insert(p->id(), p);
    qDeleteAll(m_sections);  // panels were moved out of them above
    m_sections.clear();

    std::vector<std::pair<SectionKey, MetricPanel*>> order;
    for (const MetricKeyInfo& k : m_keys)
        order.emplace_back(sectionOf(k), m_panels.value(QString::fromStdString(k.name)));
    QCollator collator;
    collator.setNumericMode(true);
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        if (a.first.order != b.first.order) return a.first.order < b.first.order;
        if (a.first.name != b.first.name) return collator.compare(a.first.name, b.first.name) < 0;
        return collator.compare(a.second->keyName(), b.second->keyName()) < 0;
    });
    ChartSection* current = nullptr;
    for (const auto& [key, panel] : order) {
        if (!current || current->name() != key.name) {
            current = new ChartSection(key.name, key.title, m_content);
            current->setCellSize(panelSizeOf(m_settings.panelSize));
            current->setCollapsed(collapsedIn(m_settings, key) && m_settings.search.isEmpty());
            connect(current, &ChartSection::collapsedToggled, this,
                    [this, name = key.name](bool collapsed) {
                        m_settings.sectionCollapsed[name] = collapsed;
                        scheduleUpdate();
                    });
            m_sectionsLayout->insertWidget(int(m_sections.size()), current);
            m_sections.append(current);
        }
        current->addPanel(panel);
    }
    m_placeholder->setVisible(m_keys.empty());
    applyFilter();
}

void ChartsPanel::setDrawnRuns(const DrawnRuns& runs) {
    if (m_drawn && sameLooks(*m_drawn, runs)) return;
    const bool dataSame = m_drawn && sameData(*m_drawn, runs);
    m_drawn = std::make_shared<const DrawnRuns>(runs);
    m_media->setDrawnRuns(m_drawn);
    rebuildContext();
    if (dataSame) {
        for (MetricPanel* p : std::as_const(m_panels))
            p->restyle(m_context);
        return;
    }
    ++m_runsVersion;
    askTimedKeys();
    scheduleUpdate();
}

void ChartsPanel::refresh() {
    if (m_lastRefresh.isValid() && m_lastRefresh.elapsed() < kRefreshIntervalMs) {
        if (!m_refreshTimer.isActive())
            m_refreshTimer.start(int(kRefreshIntervalMs - m_lastRefresh.elapsed()));
        m_busy = true;
        return;
    }
    m_refreshTimer.stop();
    m_lastRefresh.start();
    ++m_dataVersion;
    if (m_timedKeys.isEmpty()) askTimedKeys();  // times may have arrived with the new points
    scheduleUpdate();
}

void ChartsPanel::askTimedKeys() {
    if (m_database.isEmpty() || !m_drawn) return;
    std::vector<RunId> runs;
    runs.reserve(m_drawn->runs.size());
    for (const DrawnRun& r : m_drawn->runs)
        runs.push_back(r.id);
    const quint64 asked = ++m_timedKeysAsked;
    m_fetcher->timedKeys(std::move(runs), [this, asked](ChartFetcher::TimedKeysResult result) {
        if (asked != m_timedKeysAsked || !result->ok()) return;  // a newer question is on its way
        onTimedKeys(result->value());
        checkIdle();
    });
}

void ChartsPanel::onTimedKeys(const std::vector<std::string>& keys) {
    m_timedKeys.clear();
    for (const std::string& k : keys)
        m_timedKeys.insert(QString::fromStdString(k));
    // With no run shown there is nothing to tell: keep what the person chose.
    const bool available = !m_timedKeys.isEmpty() || m_drawn->runs.empty();
    m_toolbar->setTimeAxesAvailable(available);
    const bool timeAxis = m_settings.xAxis == series::XAxis::WallTime ||
                          m_settings.xAxis == series::XAxis::RelativeTime;
    if (!available && timeAxis) {
        // A saved time axis on a source without times would draw every chart empty.
        ChartSettings s = m_settings;
        s.xAxis = series::XAxis::Step;
        setSettings(s);
    }
}

void ChartsPanel::focusSearch() {
    m_toolbar->focusSearch();
}

QVariantMap ChartsPanel::saveState() const {
    return m_settings.toMap();
}

void ChartsPanel::restoreState(const QVariantMap& state) {
    setSettings(ChartSettings::fromMap(state));
}

void ChartsPanel::setSettings(const ChartSettings& settings) {
    m_toolbar->setSettings(settings);
    applySettings(settings, false);
}

void ChartsPanel::applySettings(const ChartSettings& settings, bool fromToolbar) {
    const ChartSettings old = m_settings;
    m_settings = settings;
    if (fromToolbar) m_settings.sectionCollapsed = old.sectionCollapsed;  // not the toolbar's
    const ChartSettings& s = m_settings;
    const bool axisChanged = s.xAxis != old.xAxis || s.xKey != old.xKey;
    if (axisChanged || (s.syncX && !old.syncX)) {
        m_sharedRange.reset();
        for (MetricPanel* p : std::as_const(m_panels))
            p->setOwnRange(std::nullopt);
    }
    // A y zoom belongs to the values and scale it was chosen on.
    if (axisChanged || s.logY != old.logY || s.ignoreOutliers != old.ignoreOutliers)
        for (MetricPanel* p : std::as_const(m_panels))
            p->setOwnYRange(std::nullopt);
    if (!sameData(s, old)) ++m_settingsVersion;
    rebuildContext();
    for (ChartSection* section : std::as_const(m_sections)) {
        section->setCellSize(panelSizeOf(s.panelSize));
        const QString name = section->name();
        const bool collapsed =
            s.sectionCollapsed.value(name, name == QLatin1String("system")).toBool();
        section->setCollapsed(collapsed && s.search.isEmpty());
    }
    m_media->setCollapsed(s.sectionCollapsed.value(kMediaSection, false).toBool() &&
                          s.search.isEmpty());
    if (s.legend != old.legend && sameData(s, old))
        for (MetricPanel* p : std::as_const(m_panels))
            p->restyle(m_context);
    if (s.search != old.search || !fromToolbar) applyFilter();
    scheduleUpdate();
}

void ChartsPanel::applyFilter() {
    const QStringList words = m_settings.search.split(' ', Qt::SkipEmptyParts);
    int shown = 0;
    for (ChartSection* section : std::as_const(m_sections))
        shown += section->applyFilter(words);
    shown += m_media->applyFilter(words);
    m_placeholder->setText(m_keys.empty() && m_media->panels().isEmpty()
                               ? tr("No metrics logged yet.")
                               : tr("No metric matches “%1”.").arg(m_settings.search));
    m_placeholder->setVisible(shown == 0);
}

std::int64_t ChartsPanel::keyIdOf(const QString& name) const {
    for (const MetricKeyInfo& k : m_keys)
        if (QString::fromStdString(k.name) == name) return k.id;
    return 0;
}

void ChartsPanel::rebuildContext() {
    m_context = makeChartContext(m_drawn, m_settings, keyIdOf(m_settings.xKey));
}

void ChartsPanel::scheduleUpdate(int delayMs) {
    m_busy = true;
    if (!m_updateTimer.isActive() || delayMs > 0) m_updateTimer.start(delayMs);
}

bool ChartsPanel::isOnScreen(const MetricPanel* panel) const {
    const int ahead = m_scroll->viewport()->height() / 3;  // fetch a little ahead of scrolling
    return intersectsView(panel, ahead);
}

bool ChartsPanel::isInView(const MetricPanel* panel) const {
    return intersectsView(panel, 0);
}

bool ChartsPanel::intersectsView(const MetricPanel* panel, int margin) const {
    if (!panel->isVisible() || panel->width() <= 0 || panel->height() <= 0) return false;
    // Not placed by its layout yet (a new panel has a default size): a chart asked for now would
    // be computed for the wrong width, then again once the layout resizes the panel.
    if (!panel->testAttribute(Qt::WA_Resized)) return false;
    const QWidget* viewport = m_scroll->viewport();
    const QRect rect(panel->mapTo(viewport, QPoint(0, 0)), panel->size());
    return rect.intersects(viewport->rect().adjusted(0, -margin, 0, margin));
}

FetchStamp ChartsPanel::stampFor(const MetricPanel* panel) const {
    FetchStamp s;
    if (!panel->existingPlot()) return s;  // never fetched: matches nothing shown
    s.valid = true;
    s.runs = m_runsVersion;
    s.data = m_dataVersion;
    s.settings = m_settingsVersion;
    if (const auto range = rangeFor(panel)) std::tie(s.x0, s.x1) = *range;
    s.width = (panel->existingPlot()->dataWidthPixels() + kWidthBucket / 2) / kWidthBucket;
    return s;
}

bool ChartsPanel::zoomsAlone(const MetricPanel* panel) const {
    return !m_settings.syncX || !stepMetricOf(panel).isEmpty() || isSingleValueKey(panel->key());
}

std::optional<std::pair<double, double>> ChartsPanel::rangeFor(const MetricPanel* panel) const {
    // Bars show every run's one value, wherever the other charts are zoomed.
    if (isSingleValueKey(panel->key())) return std::nullopt;
    return zoomsAlone(panel) ? panel->ownRange() : m_sharedRange;
}

void ChartsPanel::setStepMetrics(const QHash<QString, QString>& stepMetrics) {
    if (stepMetrics == m_stepMetrics) return;
    m_stepMetrics = stepMetrics;
    ++m_settingsVersion;
    scheduleUpdate();
}

QString ChartsPanel::stepMetricOf(const MetricPanel* panel) const {
    if (m_settings.xAxis != series::XAxis::Step) return {};
    const QString step = m_stepMetrics.value(panel->keyName());
    return !step.isEmpty() && keyIdOf(step) != 0 ? step : QString();
}

void ChartsPanel::updatePanels() {
    // Lay out first, so that on-screen tests see where panels really are.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    // Display order, panels in view before those just below it: the fetcher computes one chart
    // at a time (on every core), so the first panel in view is the first drawn.
    const QList<MetricPanel*> ordered = panels();
    const QRect viewport = m_scroll->viewport()->rect();
    std::vector<MetricPanel*> wanted, ahead;
    for (MetricPanel* p : ordered) {
        if (!isOnScreen(p)) {
            if (p->pendingStamp().valid) {
                m_fetcher->cancel(p->id());
                p->clearPending();
            }
            if (p->dataPoints() > kKeepPointsOutOfView) p->releaseData();
            continue;
        }
        const QRect rect(p->mapTo(m_scroll->viewport(), QPoint(0, 0)), p->size());
        (rect.intersects(viewport) ? wanted : ahead).push_back(p);
    }
    wanted.insert(wanted.end(), ahead.begin(), ahead.end());
    for (MetricPanel* p : wanted) {
        p->plot();  // on screen: it needs one now
        const FetchStamp stamp = stampFor(p);
        if (!(stamp == p->shownStamp()) && !(stamp == p->pendingStamp()))
            fetch(p, stamp);
        else if (!p->pendingStamp().valid && !p->rasterRequested() && p->needsRaster())
            rasterize(p);  // resized or restyled: same data, new image
    }
    checkIdle();
}

void ChartsPanel::fetch(MetricPanel* panel, const FetchStamp& stamp) {
    ChartContext context = m_context;
    context.request.keyId = panel->key().id;
    if (const QString step = stepMetricOf(panel); !step.isEmpty()) {
        context.settings.xAxis = series::XAxis::Key;
        context.settings.xKey = step;
        context.request.xAxis = series::XAxis::Key;
        context.request.xKeyId = keyIdOf(step);
    }
    context.request.x0 = stamp.x0;
    context.request.x1 = stamp.x1;
    ChartPlot* plot = panel->plot();
    context.request.width = plot->dataWidthPixels();
    series::ChartRequest request = context.request;
    const quint64 generation = panel->generation().next();
    panel->setPending(stamp);
    const int id = panel->id();
    plot->layoutNow();
    RasterTarget raster{context, plot->dataAreaPixels()};
    m_fetcher->compute(id, std::move(request), std::move(raster),
                       [this, id, generation, stamp,
                        context = std::move(context)](ChartFetcher::ChartResult result) {
                           MetricPanel* p = m_panelsById.value(id);
                           if (!p || !p->generation().isCurrent(generation)) return;
                           if (!result->data.ok()) {
                               p->showError(QString::fromStdString(result->data.error().toString()),
                                            stamp);
                               return;
                           }
                           p->showChart(result->data.value(), context, stamp, result->raster);
                           // The legend may have changed the data area since the image was asked
                           // for.
                           if (p->needsRaster()) rasterize(p);
                       });
}

void ChartsPanel::rasterize(MetricPanel* panel) {
    const int id = panel->id();
    const auto data = panel->sharedData();
    panel->setRasterRequested();
    m_fetcher->rasterize(id, data, RasterTarget{panel->context(), panel->rasterPixels()},
                         [this, id, data](ChartFetcher::RasterResult image) {
                             if (MetricPanel* p = m_panelsById.value(id))
                                 p->setRaster(data.get(), std::move(image));
                             checkIdle();
                         });
}

void ChartsPanel::onUserXRange(MetricPanel* panel, double x0, double x1) {
    if (!zoomsAlone(panel)) {
        m_sharedRange = std::pair{x0, x1};
        // Every panel in view follows at once with what it has (a panel of many runs stretches
        // its image), then reads finer data once zooming pauses.
        for (MetricPanel* p : std::as_const(m_panels))
            if (p != panel && !zoomsAlone(p) && p->hasPlot() && isOnScreen(p) && p->data())
                p->previewXRange(x0, x1);
    } else {
        panel->setOwnRange(std::pair{x0, x1});
    }
    scheduleUpdate(kZoomSettleMs);
}

void ChartsPanel::onReset(MetricPanel* panel) {
    const bool alone = zoomsAlone(panel);
    if (!alone)
        m_sharedRange.reset();
    else
        panel->setOwnRange(std::nullopt);
    for (MetricPanel* p : std::as_const(m_panels)) {
        if ((p == panel || (!alone && !zoomsAlone(p))) && p->data())
            p->previewXRange(p->data()->dataX0, p->data()->dataX1);
    }
    scheduleUpdate();
}

void ChartsPanel::onProbe(MetricPanel* panel, double x, double tolerance) {
    const int id = panel->id();
    m_fetcher->probe(id, panel->context().request, x, tolerance,
                     [this, id, x](ChartFetcher::ProbeResult result) {
                         MetricPanel* p = m_panelsById.value(id);
                         if (p && result->ok()) p->showProbe(x, result->value());
                     });
}

QList<MetricPanel*> ChartsPanel::panels() const {
    QList<MetricPanel*> out;
    for (const ChartSection* section : m_sections)
        out += section->panels();
    return out;
}

ChartSection* ChartsPanel::section(const QString& name) const {
    for (ChartSection* s : m_sections)
        if (s->name() == name) return s;
    return nullptr;
}

bool ChartsPanel::isIdle() const {
    if (m_updateTimer.isActive() || m_refreshTimer.isActive() || !m_fetcher->isIdle()) return false;
    if (!m_media->isIdle()) return false;
    for (MetricPanel* p : std::as_const(m_panels)) {
        if (p->pendingStamp().valid) return false;
        // A new panel its layout has not placed yet may turn out to be in view.
        if (p->isVisible() && !p->testAttribute(Qt::WA_Resized)) return false;
        if (isOnScreen(p) && !(stampFor(p) == p->shownStamp())) return false;
    }
    return true;
}

void ChartsPanel::checkIdle() {
    if (m_busy && isIdle()) {
        m_busy = false;
        emit idle();
    }
}

bool ChartsPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_scroll->viewport() && event->type() == QEvent::Resize) scheduleUpdate();
    return QWidget::eventFilter(watched, event);
}

}  // namespace runlens::ui
