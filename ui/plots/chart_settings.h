// ChartSettings: the chart options a person sets for one database (x axis, smoothing, scales,
// bands, panel size, sections, search), and their QVariantMap form for the saved view state.
#pragma once

#include <QSize>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include "core/series/chart_data.h"

namespace runlens::ui {

/// Panel size presets of the toolbar: the smallest width a panel gets and its height.
enum class PanelSize { Small, Medium, Large, Wide };
QSize panelSizeOf(PanelSize size);

struct ChartSettings {
    series::XAxis xAxis = series::XAxis::Step;
    QString xKey;  ///< the metric used as x with XAxis::Key
    /// Off at first: charts open on the exact data (every spike in view, and drawn from stored
    /// summaries where a column holds many points); one click smooths, remembered per source.
    series::SmoothingMode smoothing = series::SmoothingMode::None;
    double strength = 0.6;  ///< TensorBoard's default weight, once a mode is picked
    bool logY = false;
    bool ignoreOutliers = false;
    bool syncX = true;
    series::BandMode band = series::BandMode::MinMax;
    PanelSize panelSize = PanelSize::Medium;
    bool legend = true;
    /// Sections the person opened or closed (by name); others use their default.
    QVariantMap sectionCollapsed;
    QString search;

    bool operator==(const ChartSettings&) const = default;

    QVariantMap toMap() const;
    /// Unknown or missing entries keep their defaults, so old saved states still load.
    static ChartSettings fromMap(const QVariantMap& map);
};

QString xAxisName(series::XAxis axis);
QString smoothingName(series::SmoothingMode mode);
QString bandName(series::BandMode band);

}  // namespace runlens::ui
