// DrawnRun: what the charts need to know about a run the table shows (identity, colour, group).
#pragma once

#include <QColor>
#include <QString>
#include <cmath>
#include <vector>

#include "core/model/run_info.h"

namespace runlens::ui {

struct DrawnRun {
    RunId id = 0;
    QString uid;
    QString name;
    QColor color;
    QString group;  ///< group key under the table's grouping; empty when not grouped
    QColor groupColor;
    double startTime = NAN;  ///< RunInfo::startTime, the origin of the relative-time axis
    bool faded = false;      ///< not selected while others are: drawn under them, paler
};

/// Runs to draw, in table order, and whether they are grouped.
struct DrawnRuns {
    std::vector<DrawnRun> runs;
    bool grouped = false;
};

}  // namespace runlens::ui
