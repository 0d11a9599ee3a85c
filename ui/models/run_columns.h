// The columns of the runs table: built-in run fields, then one per config key and summary key.
#pragma once

#include <QString>
#include <vector>

#include "core/store/runs_snapshot.h"

namespace runlens::ui {

enum class ColumnKind {
    Name,  ///< also carries the run's colour swatch and visibility check box
    State,
    Group,
    Tags,
    Created,
    Runtime,
    Project,
    JobType,
    Host,
    Sweep,
    Notes,
    Commit,
    Uid,     ///< the run's id in its source (RunInfo::sourceRunId)
    Source,  ///< source format and path
    Config,
    Summary,
};

/// How a Config or Summary cell is written (built-in columns know their own format).
enum class CellFormat {
    Plain,
    Time,      ///< Unix seconds as a local date and time (W&B `_timestamp`)
    Duration,  ///< seconds as "3h 07m" (W&B `_runtime`)
};

struct RunColumn {
    ColumnKind kind;
    QString id;     ///< stable id for settings: "name", "config:optimizer.lr", "summary:val/acc"
    QString title;  ///< header text
    const ValueColumn* values = nullptr;  ///< Config and Summary columns
    bool numeric = false;                 ///< sorts numerically
    bool hiddenByDefault = false;  ///< constant across runs, internal, or a rarely wanted built-in
    /// A logging tool's bookkeeping rather than the user's data: keys starting with `_`
    /// (W&B `_runtime`, `_timestamp`, `_wandb.*`) and media/object summaries (`{"_type": ...}`).
    /// Hidden by default and not offered for grouping; still in the column chooser.
    bool internal = false;
    CellFormat format = CellFormat::Plain;
};

/// The columns for a snapshot, in display order.
std::vector<RunColumn> buildRunColumns(const RunsSnapshot& snapshot);

/// A cell as a Value, for sorting, filtering and tooltips.
Value runCellValue(const RunsSnapshot& snapshot, const RunColumn& column, int row);
/// A cell as shown in the table: always one line (line breaks shown as ⏎), so a multi-line
/// value (a requirements list, a notes field) never makes a row taller.
QString runCellText(const RunsSnapshot& snapshot, const RunColumn& column, int row);
/// A cell in full, for its tooltip: every line (within a sensible length) and full precision.
QString runCellToolTip(const RunsSnapshot& snapshot, const RunColumn& column, int row);

/// The source a run came from: its workspace source root, else the path it was read from.
QString runSourcePath(const RunInfo& run);
/// The run's id in its source (sourceRunId, falling back to uid).
QString runSourceId(const RunInfo& run);

}  // namespace runlens::ui
