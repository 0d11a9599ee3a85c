// `runlens sweep PATH [--metric KEY] [--goal min|max] [--json]`: the parameters of a sweep ranked
// by their importance for the target metric, with their rank correlations, for scripts and tests.
#pragma once

#include <QStringList>

namespace runlens::cli {

/// Runs the command with the arguments after "sweep"; returns the process exit code.
int runSweep(const QStringList& args);

}  // namespace runlens::cli
