// A database of runs that log prediction tables with images, for the Tables view tests.
#pragma once

#include <string>

#include "core/model/prediction_table.h"
#include "ui/plots/drawn_run.h"

namespace runlens::test {

/// `runs` runs named run-0, run-1, ... each logging "val/predictions" at steps 1 and 2 with
/// `rows` rows: id, image (a small PNG), label and pred (class labels cat/dog/bird), confidence,
/// probs (3 numbers), caption (text; every 7th missing). Row r of run k at step s predicts
/// wrongly when (r + k + s) % 4 == 0.
void writeTableDatabase(const std::string& path, int runs, int rows);

/// The runs of writeTableDatabase as the runs table would hand them over: ids 1..runs, named
/// run-0, run-1, ...
ui::DrawnRuns drawnTableRuns(int runs);

/// The table run `run` logs at `step` in writeTableDatabase (images left as 0).
PredictionTable sampleTable(int run, int step, int rows);

}  // namespace runlens::test
