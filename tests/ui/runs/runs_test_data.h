// A database shaped like the real projects of issue 17: W&B internals, a multi-line config
// value, media summaries, last/min/max metric summaries, deleted runs.
#pragma once

#include <memory>
#include <string>

#include "core/store/runs_snapshot.h"

namespace runlens::test {

/// Writes `runs` runs (at least 4) into path, named "trial-<i>" and created a minute apart:
/// config lr (0.1 / (i+1)), `_wandb.requirements` (several lines), `_wandb.cli_version`;
/// summary loss with loss.min and loss.max, acc.max (no plain acc), `_runtime`, `_timestamp`,
/// a "Confusion Matrix" media object; format "mlflow"; run 1 and run 3 are deleted.
void writeIssue17Database(const std::string& path, int runs);

/// A copy of snapshot as a workspace of two sources shows it: uids prefixed "a:"/"b:" (even and
/// odd runs), sourceRunId the plain id, sourceRoot "/data/a/mlruns" or "/data/b/wandb" with
/// formats "mlflow" and "wandb".
std::shared_ptr<const RunsSnapshot> asTwoSources(const RunsSnapshot& snapshot);

}  // namespace runlens::test
