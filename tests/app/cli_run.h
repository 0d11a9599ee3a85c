// Running the real runlens executable from a CLI test: exit code, standard output and error.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <catch2/catch.hpp>

namespace runlens::test {

struct CliOutput {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/// `runlens ARGS...` (RUNLENS_EXECUTABLE, set by the test's CMake target), waited for.
inline CliOutput runCli(const QStringList& args) {
    QProcess process;
    process.start(RUNLENS_EXECUTABLE, args);
    REQUIRE(process.waitForFinished(60000));
    return {process.exitCode(), process.readAllStandardOutput(), process.readAllStandardError()};
}

}  // namespace runlens::test
