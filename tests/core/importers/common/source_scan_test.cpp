// scanForSources: every kind of source at any depth, what is skipped, limits, and the roots that
// stay one source.
#include <catch2/catch.hpp>

#include "core/importers/source_scan.h"
#include "core/store/run_writer.h"
#include "tests/support/temp_dir.h"

using namespace runlens;
namespace fs = std::filesystem;

namespace {

void touch(const fs::path& file, const std::string& text = "x") {
    fs::create_directories(file.parent_path());
    test::writeFile(file, text);
}

void makeWandbRun(const fs::path& dir) {
    touch(dir / "files" / "config.yaml", "lr:\n  value: 0.1\n");
}

void makeMlflowStore(const fs::path& root) {
    touch(root / "0" / "meta.yaml", "artifact_location: x\nexperiment_id: '0'\nname: Default\n");
}

void makeEvents(const fs::path& dir) {
    touch(dir / "events.out.tfevents.1700000000.host.1.0");
}

std::vector<std::pair<std::string, std::string>> found(const fs::path& root,
                                                       const ScanLimits& limits = {}) {
    std::vector<std::pair<std::string, std::string>> out;
    for (const FoundSource& s : scanForSources(root, limits).sources)
        out.emplace_back(s.format, fs::relative(s.path, root).generic_string());
    return out;
}

using Found = std::vector<std::pair<std::string, std::string>>;

}  // namespace

TEST_CASE("A project folder yields every source beneath it, in any mix and at any depth (#17)",
          "[importers][scan]") {
    test::TempDir dir;
    const fs::path root = dir / "project";
    makeWandbRun(root / "wandb" / "run-20240101_000000-abc123");
    makeWandbRun(root / "tests" / "assets" / "wandb" / "offline-run-20240101_000000-def456");
    makeMlflowStore(root / "mlruns");
    makeEvents(root / "lightning_logs" / "version_0");
    makeEvents(root / "lightning_logs" / "version_1");
    touch(root / "csv_logs" / "version_0" / "metrics.csv", "step,loss\n1,2\n");
    touch(root / "yolo" / "runs" / "train" / "exp1" / "results.csv", "epoch,loss\n1,2\n");
    makeEvents(root / "logs");  // directly under the root: a source of its own
    fs::create_directories(root / "data");
    { REQUIRE(RunWriter::open((root / "data" / "own.runlens").string()).ok()); }
    // What cannot hold runs is not searched.
    makeEvents(root / ".git" / "x");
    makeEvents(root / "node_modules" / "pkg");
    touch(root / "env" / "pyvenv.cfg", "home = /usr/bin\n");
    makeEvents(root / "env" / "lib");
    makeEvents(root / "lib" / "python3.11" / "site-packages" / "tb" / "assets");
    makeEvents(root / "wandb" / "run-20240101_000000-abc123" / "files" / "tb");  // inside W&B
    fs::create_directory_symlink(root, root / "loop");

    CHECK(found(root) == Found{{"csv", "csv_logs"},
                               {"runlens", "data/own.runlens"},
                               {"tensorboard", "lightning_logs"},
                               {"tensorboard", "logs"},
                               {"mlflow", "mlruns"},
                               {"wandb", "tests/assets/wandb"},
                               {"wandb", "wandb"},
                               {"csv", "yolo/runs/train"}});
}

TEST_CASE("A folder one importer opens whole stays one source (#17)", "[importers][scan]") {
    test::TempDir dir;
    makeEvents(dir / "lightning_logs" / "version_0");
    makeEvents(dir / "lightning_logs" / "version_1" / "nested");
    CHECK(found(dir / "lightning_logs") == Found{{"tensorboard", "."}});
    makeWandbRun(dir / "wandb" / "run-20240101_000000-abc123");
    CHECK(found(dir / "wandb") == Found{{"wandb", "."}});
    CHECK(found(dir / "wandb" / "run-20240101_000000-abc123") == Found{{"wandb", "."}});
    makeMlflowStore(dir / "mlruns");
    CHECK(found(dir / "mlruns") == Found{{"mlflow", "."}});
    touch(dir / "one.csv", "a,b\n1,2\n");
    auto file = scanForSources(dir / "one.csv");
    REQUIRE(file.sources.size() == 1);
    CHECK(file.sources[0].format == "csv");
}

TEST_CASE("The search is bounded and says where it stopped (#17)", "[importers][scan]") {
    test::TempDir dir;
    for (int i = 0; i < 50; ++i)
        touch(dir / ("data" + std::to_string(i)) / "file.txt");
    makeEvents(dir / "zz" / "logs");
    ScanLimits limits;
    limits.maxEntries = 20;
    auto limited = scanForSources(dir.path(), limits);
    CHECK(limited.entries >= 20);
    CHECK(limited.stopped.find("the limit") != std::string::npos);
    CHECK(limited.sources.empty());

    limits = {};
    limits.maxDepth = 2;
    makeEvents(dir / "a" / "b" / "c" / "deep");
    makeWandbRun(dir / "wandb" / "run-20240101_000000-abc123");
    CHECK(found(dir.path(), limits) == Found{{"wandb", "wandb"}, {"tensorboard", "zz"}});

    Progress progress;
    progress.cancel();
    auto cancelled = scanForSources(dir.path(), {}, &progress);
    CHECK(cancelled.cancelled);
}
