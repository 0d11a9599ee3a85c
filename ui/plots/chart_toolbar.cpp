// ChartToolbar: widgets <-> ChartSettings; every change emits settingsChanged once.
#include "ui/plots/chart_toolbar.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSlider>
#include <QStandardItemModel>
#include <QToolButton>
#include <algorithm>
#include <cmath>

namespace runlens::ui {
namespace {

constexpr int kSliderSteps = 999;  // strength 0 .. 0.999 in steps of 0.001
constexpr const char* kKeyPrefix = "key:";

QString xAxisData(series::XAxis axis, const QString& key) {
    return axis == series::XAxis::Key ? QString::fromLatin1(kKeyPrefix) + key
                                      : QString::number(int(axis));
}

}  // namespace

ChartToolbar::ChartToolbar(QWidget* parent) : QWidget(parent) {
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search metrics"));
    m_search->setClearButtonEnabled(true);
    m_search->setToolTip(tr("Show only panels whose metric name contains every word typed"));
    m_search->setMinimumWidth(140);
    m_search->setMaximumWidth(260);

    m_xAxis = new QComboBox(this);
    m_xAxis->setToolTip(tr("What the x axis shows: step, time, or another logged metric"));
    m_xAxis->setSizeAdjustPolicy(QComboBox::AdjustToContents);

    m_smoothing = new QComboBox(this);
    m_smoothing->setToolTip(
        tr("Smoothing of every line, computed on all points before drawing.\n"
           "EMA: TensorBoard's debiased exponential moving average.\n"
           "Time-weighted EMA: decays with the x distance, for unevenly logged points.\n"
           "Running average and Gaussian: windows of comparable width."));
    for (auto mode : {series::SmoothingMode::None, series::SmoothingMode::Ema,
                      series::SmoothingMode::TimeWeightedEma, series::SmoothingMode::RunningAverage,
                      series::SmoothingMode::Gaussian})
        m_smoothing->addItem(smoothingName(mode), int(mode));

    m_strength = new QSlider(Qt::Horizontal, this);
    m_strength->setRange(0, kSliderSteps);
    m_strength->setFixedWidth(110);
    m_strength->setToolTip(tr("Smoothing strength (TensorBoard's weight)"));
    m_strengthLabel = new QLabel(this);
    m_strengthLabel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("0.000")));

    m_logY = new QToolButton(this);
    m_logY->setText(tr("Log y"));
    m_logY->setCheckable(true);
    m_logY->setToolTip(tr("Logarithmic y axis (values ≤ 0 are not drawn)"));
    m_logY->setAutoRaise(true);

    m_options = new QToolButton(this);
    m_options->setText(tr("View"));
    m_options->setPopupMode(QToolButton::InstantPopup);
    m_options->setAutoRaise(true);
    m_options->setToolTip(tr("Outliers, x-axis sync, group bands, panel size, legend"));
    buildMenu();

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(6);
    layout->addWidget(m_search, 2);
    layout->addSpacing(8);
    layout->addWidget(new QLabel(tr("X"), this));
    layout->addWidget(m_xAxis);
    layout->addSpacing(8);
    layout->addWidget(m_smoothing);
    layout->addWidget(m_strength);
    layout->addWidget(m_strengthLabel);
    layout->addSpacing(4);
    layout->addWidget(m_logY);
    layout->addWidget(m_options);
    layout->addStretch(1);

    setXKeys({});
    syncWidgets();

    connect(m_search, &QLineEdit::textChanged, this, &ChartToolbar::readWidgets);
    connect(m_xAxis, &QComboBox::currentIndexChanged, this, &ChartToolbar::readWidgets);
    connect(m_smoothing, &QComboBox::currentIndexChanged, this, &ChartToolbar::readWidgets);
    connect(m_strength, &QSlider::valueChanged, this, &ChartToolbar::readWidgets);
    connect(m_logY, &QToolButton::toggled, this, &ChartToolbar::readWidgets);
}

void ChartToolbar::buildMenu() {
    auto* menu = new QMenu(this);
    m_ignoreOutliers = menu->addAction(tr("Ignore Outliers in Y Range"));
    m_ignoreOutliers->setCheckable(true);
    m_ignoreOutliers->setToolTip(tr("Fit the y axis to the 0.5–99.5% quantiles of what is drawn"));
    m_syncX = menu->addAction(tr("Sync X Range Across Panels"));
    m_syncX->setCheckable(true);
    m_legend = menu->addAction(tr("Show Legends"));
    m_legend->setCheckable(true);

    menu->addSection(tr("Grouped runs"));
    m_bands = new QActionGroup(this);
    for (auto band : {series::BandMode::MinMax, series::BandMode::StdDev, series::BandMode::None}) {
        QAction* a = menu->addAction(bandName(band));
        a->setCheckable(true);
        a->setData(int(band));
        m_bands->addAction(a);
    }
    menu->addSection(tr("Panel size"));
    m_sizes = new QActionGroup(this);
    const std::pair<PanelSize, QString> sizes[] = {{PanelSize::Small, tr("Small")},
                                                   {PanelSize::Medium, tr("Medium")},
                                                   {PanelSize::Large, tr("Large")},
                                                   {PanelSize::Wide, tr("Full Width")}};
    for (const auto& [size, name] : sizes) {
        QAction* a = menu->addAction(name);
        a->setCheckable(true);
        a->setData(int(size));
        m_sizes->addAction(a);
    }
    m_options->setMenu(menu);
    for (QAction* a : {m_ignoreOutliers, m_syncX, m_legend})
        connect(a, &QAction::toggled, this, &ChartToolbar::readWidgets);
    connect(m_bands, &QActionGroup::triggered, this, &ChartToolbar::readWidgets);
    connect(m_sizes, &QActionGroup::triggered, this, &ChartToolbar::readWidgets);
}

void ChartToolbar::setSettings(const ChartSettings& settings) {
    m_settings = settings;
    if (m_settings.xAxis == series::XAxis::Key && !m_xKeys.contains(m_settings.xKey))
        setXKeys(m_xKeys);  // keeps the saved key offered until the keys arrive
    syncWidgets();
}

void ChartToolbar::setXKeys(const QStringList& keys) {
    m_xKeys = keys;
    m_updating = true;
    m_xAxis->clear();
    for (auto axis : {series::XAxis::Step, series::XAxis::WallTime, series::XAxis::RelativeTime})
        m_xAxis->addItem(xAxisName(axis), xAxisData(axis, {}));
    // Greyed out, not removed, so that the menu says why (CSV and some exports log no times).
    if (auto* model = qobject_cast<QStandardItemModel*>(m_xAxis->model())) {
        for (int i : {1, 2}) {
            model->item(i)->setEnabled(m_timeAxes);
            model->item(i)->setToolTip(
                m_timeAxes ? QString() : tr("None of the shown runs logged times with its values"));
        }
    }
    QStringList offered = keys;
    if (m_settings.xAxis == series::XAxis::Key && !offered.contains(m_settings.xKey))
        offered.prepend(m_settings.xKey);
    if (!offered.isEmpty()) m_xAxis->insertSeparator(m_xAxis->count());
    for (const QString& key : offered)
        m_xAxis->addItem(key, xAxisData(series::XAxis::Key, key));
    m_updating = false;
    syncWidgets();
}

void ChartToolbar::setTimeAxesAvailable(bool available) {
    if (available == m_timeAxes) return;
    m_timeAxes = available;
    setXKeys(m_xKeys);
}

void ChartToolbar::focusSearch() {
    m_search->setFocus();
    m_search->selectAll();
}

void ChartToolbar::syncWidgets() {
    m_updating = true;
    if (m_search->text() != m_settings.search) m_search->setText(m_settings.search);
    m_xAxis->setCurrentIndex(
        std::max(0, m_xAxis->findData(xAxisData(m_settings.xAxis, m_settings.xKey))));
    m_smoothing->setCurrentIndex(std::max(0, m_smoothing->findData(int(m_settings.smoothing))));
    m_strength->setValue(int(std::lround(m_settings.strength * 1000)));
    m_strength->setEnabled(m_settings.smoothing != series::SmoothingMode::None);
    m_strengthLabel->setText(QString::number(m_settings.strength, 'f', 3));
    m_strengthLabel->setEnabled(m_strength->isEnabled());
    m_logY->setChecked(m_settings.logY);
    m_ignoreOutliers->setChecked(m_settings.ignoreOutliers);
    m_syncX->setChecked(m_settings.syncX);
    m_legend->setChecked(m_settings.legend);
    for (QAction* a : m_bands->actions())
        a->setChecked(a->data().toInt() == int(m_settings.band));
    for (QAction* a : m_sizes->actions())
        a->setChecked(a->data().toInt() == int(m_settings.panelSize));
    m_updating = false;
}

void ChartToolbar::readWidgets() {
    if (m_updating) return;
    ChartSettings s = m_settings;
    s.search = m_search->text();
    const QString axis = m_xAxis->currentData().toString();
    if (axis.startsWith(QLatin1String(kKeyPrefix))) {
        s.xAxis = series::XAxis::Key;
        s.xKey = axis.mid(QLatin1String(kKeyPrefix).size());
    } else if (!axis.isEmpty()) {
        s.xAxis = series::XAxis(axis.toInt());
    }
    s.smoothing = series::SmoothingMode(m_smoothing->currentData().toInt());
    s.strength = m_strength->value() / 1000.0;
    s.logY = m_logY->isChecked();
    s.ignoreOutliers = m_ignoreOutliers->isChecked();
    s.syncX = m_syncX->isChecked();
    s.legend = m_legend->isChecked();
    if (QAction* a = m_bands->checkedAction()) s.band = series::BandMode(a->data().toInt());
    if (QAction* a = m_sizes->checkedAction()) s.panelSize = PanelSize(a->data().toInt());
    if (s == m_settings) return;
    m_settings = s;
    syncWidgets();
    emit settingsChanged();
}

}  // namespace runlens::ui
