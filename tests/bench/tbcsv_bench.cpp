// tbcsv_bench: import throughput of the TensorBoard and CSV importers on large generated files
// (a 1M-event log and a 1M-row Lightning-style CSV), into a sink that only counts.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "core/importers/csv/csv_importer.h"
#include "core/importers/tensorboard/tensorboard_importer.h"
#include "tests/core/importers/tensorboard/event_file_writer.h"

using namespace runlens;

namespace {

namespace fs = std::filesystem;

/// Counts what it receives and keeps import states, nothing else: the importers' own cost.
class NullSink : public RunSink {
public:
    RunId beginRun(const RunInfo&) override { return ++m_runs; }
    void updateRun(RunId, const RunInfo&) override {}
    void setConfig(RunId, const std::string&, const Value&) override {}
    void removeConfig(RunId, const std::string&) override {}
    void setSummary(RunId, const std::string&, const Value&) override {}
    void removeSummary(RunId, const std::string&) override {}
    void logMetric(RunId, const std::string&, std::int64_t step, double value, double) override {
        ++points;
        checksum += value + double(step);
    }
    void logSystemMetric(RunId, const std::string&, std::int64_t, double, double) override {}
    void logConsole(RunId, double, ConsoleStream, std::string_view) override {}
    MediaId addMedia(const MediaItem&) override { return 0; }
    void logTable(RunId, const PredictionTable&) override {}
    void logMediaAtStep(RunId, const std::string&, std::int64_t,
                        const std::vector<StepImage>&) override {}
    void addArtifact(const Artifact&) override {}
    void addSweep(const Sweep&) override {}
    void addImportNote(RunId, NoteLevel, std::string_view) override {}
    void finishRun(RunId, RunState, std::optional<int>, double, double) override {}
    void saveImportState(const std::string& key, const std::string& state) override {
        m_states[key] = state;
    }
    std::string importState(const std::string& key) override {
        auto it = m_states.find(key);
        return it == m_states.end() ? std::string() : it->second;
    }
    Result<void> commit() override { return {}; }

    std::int64_t points = 0;
    double checksum = 0;  // keeps the calls from being optimised away

private:
    RunId m_runs = 0;
    std::map<std::string, std::string> m_states;
};

class ScratchDir {
public:
    ScratchDir() {
        std::random_device rd;
        m_path = fs::temp_directory_path() / ("runlens-bench-" + std::to_string(rd()));
        fs::create_directories(m_path);
    }
    ~ScratchDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    const fs::path& path() const { return m_path; }

private:
    fs::path m_path;
};

void writeFile(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
}

void print(const std::string& scenario, const char* metric, double value, const char* unit) {
    std::printf("%s %s %.6g %s\n", scenario.c_str(), metric, value, unit);
}

double cpuSeconds() {
    return double(std::clock()) / CLOCKS_PER_SEC;
}

/// Best of three imports into fresh sinks (the machine may be shared), then an incremental
/// pass over the unchanged source.
void measure(const std::string& scenario, Importer& importer, const fs::path& path,
             std::int64_t bytes) {
    double bestWall = 1e30;
    double bestCpu = 1e30;
    ImportStats stats;
    NullSink sink;
    for (int round = 0; round < 3; ++round) {
        sink = NullSink();
        double cpu0 = cpuSeconds();
        auto start = std::chrono::steady_clock::now();
        auto result = importer.import(path, sink, nullptr);
        double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        double cpu = cpuSeconds() - cpu0;
        if (!result) {
            std::fprintf(stderr, "%s: %s\n", scenario.c_str(), result.error().toString().c_str());
            std::exit(1);
        }
        stats = result.value();
        bestWall = std::min(bestWall, wall);
        bestCpu = std::min(bestCpu, cpu);
    }
    print(scenario, "wall_ms", bestWall * 1000, "ms");
    print(scenario, "cpu_ms", bestCpu * 1000, "ms");
    print(scenario, "throughput", double(bytes) / 1e6 / bestWall, "MB/s");
    print(scenario, "records", double(stats.records) / bestWall, "records/s");
    print(scenario, "points", double(stats.points) / bestWall, "points/s");

    // What live follow costs when nothing happened.
    auto start = std::chrono::steady_clock::now();
    auto again = importer.import(path, sink, nullptr);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!again || again->points != 0) {
        std::fprintf(stderr, "%s: the second pass read data again\n", scenario.c_str());
        std::exit(1);
    }
    print(scenario + "-reimport-unchanged", "wall_ms", seconds * 1000, "ms");
}

}  // namespace

int main() {
    ScratchDir dir;
    constexpr int kEvents = 1'000'000;
    constexpr int kTags = 10;

    {
        // PyTorch-style simple values and TF2-style tensors, one value per event, 10 tags.
        test::EventFileWriter w;
        w.fileVersion(1700000000.0);
        for (int i = 0; i < kEvents; ++i) {
            int step = i / kTags;
            int tag = i % kTags;
            std::string name = "train/metric_" + std::to_string(tag);
            double t = 1700000000.0 + i * 0.01;
            if (tag % 2 == 0)
                w.simpleValue(t, step, name, float(1.0 / (step + 1)));
            else
                w.tensorScalar(t, step, name, float(step) * 0.5f, step == 0);
        }
        fs::create_directories(dir.path() / "tb/run");
        writeFile(dir.path() / "tb/run/events.out.tfevents.1700000000.bench", w.bytes());
        tb::TensorBoardImporter importer;
        measure("tb-import-1M-events", importer, dir.path() / "tb", std::int64_t(w.bytes().size()));
    }
    {
        // Lightning-style sparse table: train rows every step, validation every 20th row.
        std::string text = "epoch,lr-Adam,step,train_acc,train_loss,val_acc,val_loss\r\n";
        text.reserve(64u << 20);
        std::mt19937 rng(1);
        std::uniform_real_distribution<double> u(0.0, 1.0);
        for (int i = 0; i < kEvents; ++i) {
            std::string epoch = std::to_string(i / 5000);
            std::string step = std::to_string(i * 50 + 49);
            if (i % 20 == 19) {
                text += epoch + ",," + step + ",,," + std::to_string(u(rng)) + "," +
                        std::to_string(u(rng)) + "\r\n";
            } else {
                text += epoch + ",," + step + "," + std::to_string(u(rng)) + "," +
                        std::to_string(u(rng)) + ",,\r\n";
            }
        }
        fs::create_directories(dir.path() / "csv/version_0");
        writeFile(dir.path() / "csv/version_0/metrics.csv", text);
        csv::CsvImporter importer;
        measure("csv-import-1M-rows", importer, dir.path() / "csv", std::int64_t(text.size()));
    }
    return 0;
}
