// mlflow_bench: import throughput of the MLflow file store and SQL store importers on a
// generated store (default 1,000 runs and 10^6 metric points), into a sink that only counts.
// Usage: mlflow_bench [runs] [points-per-run]. Prints "scenario metric value unit" lines.
// With RUNLENS_BENCH_DIR set, the stores are generated there once and kept (for profiling);
// RUNLENS_BENCH_ONLY=file or sql runs one half.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <string>

#include "core/importers/mlflow/mlflow_file_store_importer.h"
#include "core/importers/mlflow/mlflow_sql_store_importer.h"
#include "tests/core/importers/mlflow/mlflow_generator.h"

namespace fs = std::filesystem;
namespace gen = runlens::test::mlflowgen;
using namespace runlens;

namespace {

constexpr int kKeys = 5;
constexpr int kParams = 20;

// Counts what it receives and keeps import states, so incremental passes can be measured.
class CountingSink : public RunSink {
public:
    RunId beginRun(const RunInfo&) override { return ++runs; }
    void updateRun(RunId, const RunInfo&) override {}
    void setConfig(RunId, const std::string&, const Value&) override { ++config; }
    void removeConfig(RunId, const std::string&) override {}
    void setSummary(RunId, const std::string&, const Value&) override {}
    void removeSummary(RunId, const std::string&) override {}
    void logMetric(RunId, const std::string&, std::int64_t, double value, double) override {
        ++points;
        checksum += value;
    }
    void logSystemMetric(RunId, const std::string&, std::int64_t, double, double) override {}
    void logConsole(RunId, double, ConsoleStream, std::string_view) override {}
    MediaId addMedia(const MediaItem&) override { return 1; }
    void logTable(RunId, const PredictionTable&) override {}
    void logMediaAtStep(RunId, const std::string&, std::int64_t,
                        const std::vector<StepImage>&) override {}
    void addArtifact(const Artifact&) override {}
    void addSweep(const Sweep&) override {}
    void addImportNote(RunId, NoteLevel, std::string_view) override { ++notes; }
    void finishRun(RunId, RunState, std::optional<int>, double, double) override {}
    void saveImportState(const std::string& key, const std::string& state) override {
        states[key] = state;
    }
    std::string importState(const std::string& key) override {
        auto it = states.find(key);
        return it == states.end() ? std::string() : it->second;
    }
    Result<void> commit() override { return {}; }

    std::int64_t runs = 0, config = 0, points = 0, notes = 0;
    double checksum = 0;
    std::map<std::string, std::string> states;
};

double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

void print(const std::string& scenario, const char* metric, double value, const char* unit) {
    std::printf("%s %s %.6g %s\n", scenario.c_str(), metric, value, unit);
    std::fflush(stdout);
}

double cpuMs() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1000.0 + double(t.tv_nsec) / 1e6;
}

// Wall time is what a user waits for; CPU time shows the cost on a busy machine too.
ImportStats timedImport(Importer& importer, const fs::path& path, CountingSink& sink,
                        double& wallMs, double& cpu) {
    auto start = std::chrono::steady_clock::now();
    double cpuStart = cpuMs();
    auto stats = importer.import(path, sink, nullptr);
    wallMs = msSince(start);
    cpu = cpuMs() - cpuStart;
    if (!stats.ok()) {
        std::fprintf(stderr, "import failed: %s\n", stats.error().toString().c_str());
        std::exit(1);
    }
    return *stats;
}

// Appended points get the current time, so that repeated runs on a kept store stay distinct.
std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string keyName(int k) {
    static const char* names[kKeys] = {"train/loss", "train/acc", "val/loss", "val/acc", "lr"};
    return names[k];
}

void benchFileStore(const fs::path& dir, int runs, int pointsPerRun) {
    std::string scenario = "mlflow-file-" + std::to_string(runs) + "-runs-" +
                           std::to_string(std::int64_t(runs) * pointsPerRun) + "-points";
    fs::path root = dir / "mlruns";
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> noise(0.0, 1.0);
    int perKey = pointsPerRun / kKeys;
    bool generate = !fs::exists(root);
    for (int e = 0; e < 10 && generate; ++e) {
        fs::path exp =
            gen::writeExperiment(root, std::to_string(e + 1), "exp-" + std::to_string(e));
        for (int r = e; r < runs; r += 10) {
            gen::RunMeta meta;
            meta.runName = "run-" + std::to_string(r);
            fs::path run = gen::writeRun(exp, gen::runId(std::uint64_t(r)), meta);
            for (int p = 0; p < kParams; ++p)
                gen::writeParam(run, "param_" + std::to_string(p), std::to_string(noise(random)));
            gen::writeTag(run, "mlflow.runName", meta.runName);
            gen::writeTag(run, "mlflow.user", "bench");
            gen::writeTag(run, "mlflow.source.name", "train.py");
            for (int k = 0; k < kKeys; ++k) {
                std::string lines;
                for (int i = 0; i < perKey; ++i)
                    lines += gen::metricLine(1700000000000 + i * 1000, noise(random), i);
                gen::appendMetric(run, keyName(k), lines);
            }
        }
    }
    MlflowFileStoreImporter importer;
    CountingSink sink;
    double wall = 0, cpu = 0;
    ImportStats stats = timedImport(importer, root, sink, wall, cpu);
    print(scenario, "import_wall_ms", wall, "ms");
    print(scenario, "import_cpu_ms", cpu, "ms");
    print(scenario, "runs_per_s", double(stats.runs) / wall * 1000.0, "runs/s");
    print(scenario, "lines_per_s", double(stats.records) / wall * 1000.0, "lines/s");
    print(scenario, "mb_per_s", double(stats.bytesRead) / 1e6 / wall * 1000.0, "MB/s");
    print(scenario, "points", double(sink.points), "points");

    ImportStats unchanged = timedImport(importer, root, sink, wall, cpu);
    print(scenario, "reimport_unchanged_ms", wall, "ms");
    print(scenario, "reimport_unchanged_cpu_ms", cpu, "ms");
    print(scenario, "reimport_unchanged_points", double(unchanged.points), "points");

    // A hundred runs still training: one more line in one metric file each.
    for (int r = 0; r < runs && r < 100; ++r) {
        fs::path run = root / std::to_string(r % 10 + 1) / gen::runId(std::uint64_t(r));
        gen::appendMetric(run, keyName(0), gen::metricLine(nowMs(), 0.5, perKey));
    }
    ImportStats appended = timedImport(importer, root, sink, wall, cpu);
    print(scenario, "reimport_100_appends_ms", wall, "ms");
    print(scenario, "reimport_100_appends_cpu_ms", cpu, "ms");
    print(scenario, "reimport_100_appends_points", double(appended.points), "points");
}

void benchSqlStore(const fs::path& dir, int runs, int pointsPerRun) {
    std::string scenario = "mlflow-sql-" + std::to_string(runs) + "-runs-" +
                           std::to_string(std::int64_t(runs) * pointsPerRun) + "-points";
    fs::path path = dir / "mlflow.db";
    std::mt19937_64 random(42);
    std::uniform_real_distribution<double> noise(0.0, 1.0);
    int perKey = pointsPerRun / kKeys;
    if (!fs::exists(path)) {
        auto db = gen::createDatabase(path, gen::Schema::Current);
        gen::exec(db, "BEGIN");
        gen::MetricWriter metrics(db, gen::Schema::Current);
        for (int r = 0; r < runs; ++r) {
            gen::SqlRun run;
            run.uuid = gen::runId(std::uint64_t(r));
            run.name = "run-" + std::to_string(r);
            gen::insertRun(db, run);
            for (int p = 0; p < kParams; ++p)
                gen::insertParam(db, run.uuid, "param_" + std::to_string(p),
                                 std::to_string(noise(random)));
            gen::insertTag(db, run.uuid, "mlflow.runName", run.name);
            gen::insertTag(db, run.uuid, "mlflow.user", "bench");
            gen::insertTag(db, run.uuid, "mlflow.source.name", "train.py");
            // Logged as training does: every key at each step.
            for (int i = 0; i < perKey; ++i)
                for (int k = 0; k < kKeys; ++k)
                    metrics.add(run.uuid, keyName(k), noise(random), 1700000000000 + i * 1000, i);
        }
        gen::exec(db, "COMMIT");
    }
    double megabytes = double(fs::file_size(path)) / 1e6;
    MlflowSqlStoreImporter importer;
    CountingSink sink;
    double wall = 0, cpu = 0;
    ImportStats stats = timedImport(importer, path, sink, wall, cpu);
    print(scenario, "db_size_mb", megabytes, "MB");
    print(scenario, "import_wall_ms", wall, "ms");
    print(scenario, "import_cpu_ms", cpu, "ms");
    print(scenario, "runs_per_s", double(stats.runs) / wall * 1000.0, "runs/s");
    print(scenario, "rows_per_s", double(stats.records) / wall * 1000.0, "rows/s");
    print(scenario, "mb_per_s", megabytes / wall * 1000.0, "MB/s");
    print(scenario, "points", double(sink.points), "points");

    ImportStats unchanged = timedImport(importer, path, sink, wall, cpu);
    print(scenario, "reimport_unchanged_ms", wall, "ms");
    print(scenario, "reimport_unchanged_cpu_ms", cpu, "ms");
    print(scenario, "reimport_unchanged_points", double(unchanged.points), "points");

    {
        auto db = sqlite::Database::open(path.string(), sqlite::Database::Mode::ReadWrite);
        if (!db.ok()) std::exit(1);
        gen::exec(*db, "BEGIN");
        gen::MetricWriter metrics(*db, gen::Schema::Current);
        for (int r = 0; r < runs && r < 100; ++r)
            metrics.add(gen::runId(std::uint64_t(r)), keyName(0), 0.5, nowMs(), perKey);
        gen::exec(*db, "COMMIT");
    }
    ImportStats appended = timedImport(importer, path, sink, wall, cpu);
    print(scenario, "reimport_100_appends_ms", wall, "ms");
    print(scenario, "reimport_100_appends_cpu_ms", cpu, "ms");
    print(scenario, "reimport_100_appends_points", double(appended.points), "points");
}

}  // namespace

int main(int argc, char** argv) {
    int runs = argc > 1 ? std::atoi(argv[1]) : 1000;
    int pointsPerRun = argc > 2 ? std::atoi(argv[2]) : 1000;
    if (runs <= 0 || pointsPerRun < kKeys) {
        std::fprintf(stderr, "usage: mlflow_bench [runs] [points-per-run >= %d]\n", kKeys);
        return 2;
    }
    const char* keep = std::getenv("RUNLENS_BENCH_DIR");
    fs::path dir = keep && *keep
                       ? fs::path(keep)
                       : fs::temp_directory_path() /
                             ("runlens-mlflow-bench-" + std::to_string(std::random_device()()));
    fs::create_directories(dir);
    const char* only = std::getenv("RUNLENS_BENCH_ONLY");  // "file" or "sql"
    if (!only || std::string(only) != "sql") benchFileStore(dir, runs, pointsPerRun);
    if (!only || std::string(only) != "file") benchSqlStore(dir, runs, pointsPerRun);
    std::error_code ec;
    if (!keep || !*keep) fs::remove_all(dir, ec);
    return 0;
}
