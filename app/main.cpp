// runlens: the desktop app, plus command-line subcommands (info, demo).
#include <sys/stat.h>
#include <unistd.h>
#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <cstdio>
#include <cstring>

#include "app/cli_demo.h"
#include "app/cli_info.h"
#include "app/cli_sweep.h"
#include "app/gui_main.h"

namespace {

void printUsage() {
    std::printf(
        "usage: runlens [PATH] [--view charts|tables[:RUN/TABLE]|compare:TABLE|sweep]\n"
        "               [--filter EXPR] [--search WORDS] [--group COLUMN]\n"
        "               [--screenshot FILE.png [--size WxH]]\n"
        "       runlens info PATH [--json] [--runs]\n"
        "       runlens sweep PATH [--metric KEY] [--goal min|max] [--json]\n"
        "       runlens demo [--output PATH] [--seed N]\n"
        "\n"
        "Opens PATH (a Runlens database, a W&B folder or .wandb log, an MLflow store, TensorBoard\n"
        "or CSV logs) in the Runlens window; without PATH, the demo database (built on first "
        "use).\n");
}

QStringList argumentsAfter(int argc, char** argv, int first) {
    QStringList args;
    for (int i = first; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    return args;
}

// Qt warns on every start when XDG_RUNTIME_DIR is unset (containers, CI, ssh): give it the
// private folder it would fall back to anyway.
void ensureRuntimeDir() {
    if (!qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) return;
    const QByteArray dir =
        QDir::tempPath().toLocal8Bit() + "/runtime-" + QByteArray::number(uint(getuid()));
    ::mkdir(dir.constData(), 0700);
    struct stat info {};
    if (::stat(dir.constData(), &info) == 0 && info.st_uid == getuid() &&
        (info.st_mode & 0777) == 0700)
        qputenv("XDG_RUNTIME_DIR", dir);
}

}  // namespace

int main(int argc, char** argv) {
    ensureRuntimeDir();
    const char* command = argc > 1 ? argv[1] : "";
    if (std::strcmp(command, "-h") == 0 || std::strcmp(command, "--help") == 0) {
        printUsage();
        return 0;
    }
    if (std::strcmp(command, "--version") == 0) {
        std::printf("runlens %s\n", RUNLENS_VERSION_STRING);
        return 0;
    }
    if (std::strcmp(command, "sweep") == 0) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName("runlens");
        return runlens::cli::runSweep(argumentsAfter(argc, argv, 2));
    }
    if (std::strcmp(command, "info") == 0) {
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName("runlens");
        return runlens::cli::runInfo(argumentsAfter(argc, argv, 2));
    }
    if (std::strcmp(command, "demo") == 0)
        return runlens::cli::runDemo(argc, argv, argumentsAfter(argc, argv, 2));
    return runlens::app::runGui(argc, argv);
}
