// ChartToolbar: the row above the charts — metric search, x axis, smoothing and its strength,
// log y, and a menu of less frequent options (outliers, x sync, group band, panel size, legend).
#pragma once

#include <QWidget>

#include "ui/plots/chart_settings.h"

class QActionGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QSlider;
class QToolButton;
class QAction;

namespace runlens::ui {

class ChartToolbar : public QWidget {
    Q_OBJECT
public:
    explicit ChartToolbar(QWidget* parent = nullptr);

    ChartSettings settings() const { return m_settings; }
    /// Shows settings without emitting settingsChanged.
    void setSettings(const ChartSettings& settings);
    /// Metrics offered as x axis (besides step and time).
    void setXKeys(const QStringList& keys);
    /// Whether wall time and relative time are offered (not when no shown run logged times).
    void setTimeAxesAvailable(bool available);
    bool timeAxesAvailable() const { return m_timeAxes; }
    void focusSearch();

    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* xAxisCombo() const { return m_xAxis; }
    QComboBox* smoothingCombo() const { return m_smoothing; }
    QSlider* strengthSlider() const { return m_strength; }

signals:
    void settingsChanged();

private:
    void buildMenu();
    void syncWidgets();
    void readWidgets();

    ChartSettings m_settings;
    QStringList m_xKeys;
    bool m_timeAxes = true;
    bool m_updating = false;

    QLineEdit* m_search = nullptr;
    QComboBox* m_xAxis = nullptr;
    QComboBox* m_smoothing = nullptr;
    QSlider* m_strength = nullptr;
    QLabel* m_strengthLabel = nullptr;
    QToolButton* m_logY = nullptr;
    QToolButton* m_options = nullptr;
    QAction* m_ignoreOutliers = nullptr;
    QAction* m_syncX = nullptr;
    QAction* m_legend = nullptr;
    QActionGroup* m_bands = nullptr;
    QActionGroup* m_sizes = nullptr;
};

}  // namespace runlens::ui
