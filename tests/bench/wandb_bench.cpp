// wandb_bench: import throughput of a large .wandb log made by re-encoding real records.
//
// Usage: wandb_bench [target-MB]   (default 256)
// Takes the records of the largest wandb-core fixture log (or a generated run when the fixtures
// are absent), repeats the records between the run header and the exit record until the log
// reaches the target size, writes it into a temporary run folder, and imports it into a sink
// that only counts. Prints one line per figure: scenario metric value unit.
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>

#include "core/importers/wandb/log_reader.h"
#include "core/importers/wandb/wandb_importer.h"
#include "tests/core/importers/wandb/log_builder.h"
#include "tests/core/importers/wandb/synthetic_run.h"
#include "tests/support/fixtures.h"
#include "tests/support/temp_dir.h"

using namespace runlens;
namespace fs = std::filesystem;

namespace {

// Counts what it receives and keeps nothing, so the figure is the importer's own cost.
class CountingSink : public RunSink {
public:
    std::int64_t calls = 0;
    std::int64_t points = 0;

    RunId beginRun(const RunInfo&) override { return 1; }
    void updateRun(RunId, const RunInfo&) override { ++calls; }
    void setConfig(RunId, const std::string&, const Value&) override { ++calls; }
    void removeConfig(RunId, const std::string&) override { ++calls; }
    void setSummary(RunId, const std::string&, const Value&) override { ++calls; }
    void removeSummary(RunId, const std::string&) override { ++calls; }
    void logMetric(RunId, const std::string&, std::int64_t, double, double) override { ++points; }
    void logSystemMetric(RunId, const std::string&, std::int64_t, double, double) override {
        ++points;
    }
    void logConsole(RunId, double, ConsoleStream, std::string_view) override { ++calls; }
    MediaId addMedia(const MediaItem&) override { return ++calls; }
    void logTable(RunId, const PredictionTable&) override { ++calls; }
    void logMediaAtStep(RunId, const std::string&, std::int64_t,
                        const std::vector<StepImage>&) override {
        ++calls;
    }
    void addArtifact(const Artifact&) override { ++calls; }
    void addSweep(const Sweep&) override { ++calls; }
    void addImportNote(RunId, NoteLevel, std::string_view) override { ++calls; }
    void finishRun(RunId, RunState, std::optional<int>, double, double) override { ++calls; }
    void saveImportState(const std::string& key, const std::string& state) override {
        m_states[key] = state;
    }
    std::string importState(const std::string& key) override {
        auto it = m_states.find(key);
        return it == m_states.end() ? std::string() : it->second;
    }
    Result<void> commit() override { return {}; }

private:
    std::map<std::string, std::string> m_states;
};

std::vector<std::string> recordsOf(const std::string& bytes) {
    std::vector<std::string> records;
    wandb::LogReader reader;
    reader.feed(bytes);
    for (;;) {
        auto e = reader.next();
        if (e == wandb::LogReader::Event::Record)
            records.emplace_back(reader.record());
        else if (e != wandb::LogReader::Event::Damage)
            break;
    }
    return records;
}

double seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

// CPU seconds of this process: the figure that does not depend on how busy the machine is.
double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
    const double targetMb = argc > 1 ? std::atof(argv[1]) : 256;
    test::TempDir tmp;

    // Source records: a real wandb-core log when available.
    std::string source;
    std::string sourceName;
    const fs::path fixture = test::fixturesDir() / "wandb" / "AuroraEchos__TinyLM" / "wandb" /
                             "run-20260211_121423-kj3gdsjx" / "run-kj3gdsjx.wandb";
    if (fs::exists(fixture)) {
        source = test::readFile(fixture);
        sourceName = "fixture kj3gdsjx (wandb 0.24)";
    } else {
        test::wandb::SyntheticRun run;
        run.rows = 2000;
        run.withFiles = false;
        source = test::wandb::buildSyntheticLog(run).bytes();
        sourceName = "generated run";
    }
    const std::vector<std::string> records = recordsOf(source);
    if (records.size() < 10) {
        std::fprintf(stderr, "no records in the source log\n");
        return 1;
    }

    // header + run ... [repeated body] ... exit: keep the first 5 and last record once.
    test::wandb::LogBuilder log;
    for (std::size_t i = 0; i < 5; ++i)
        log.add(records[i]);
    const auto target = std::int64_t(targetMb * 1024 * 1024);
    while (std::int64_t(log.bytes().size()) < target)
        for (std::size_t i = 5; i + 1 < records.size(); ++i)
            log.add(records[i]);
    log.add(records.back());
    const fs::path dir = tmp / "wandb" / "run-20260211_121423-kj3gdsjx";
    fs::create_directories(dir);
    test::writeFile(dir / "run-kj3gdsjx.wandb", log.bytes());
    const double mb = double(log.bytes().size()) / (1024.0 * 1024.0);
    const std::size_t recordCount = log.records().size();
    std::fprintf(stderr, "source: %s; log %.1f MB, %zu records\n", sourceName.c_str(), mb,
                 recordCount);

    // Framing alone (CRC + assembly), in 1 MiB pieces as the importer reads.
    {
        const auto start = std::chrono::steady_clock::now();
        wandb::LogReader reader;
        std::size_t n = 0;
        const std::string& bytes = log.bytes();
        for (std::size_t pos = 0; pos < bytes.size(); pos += 1 << 20) {
            reader.feed(std::string_view(bytes).substr(pos, 1 << 20));
            while (reader.next() == wandb::LogReader::Event::Record)
                ++n;
        }
        const double s = seconds(std::chrono::steady_clock::now() - start);
        std::printf("wandb-log-reader throughput %.1f MB/s\n", mb / s);
        std::printf("wandb-log-reader records %.0f records/s\n", double(n) / s);
    }

    // The whole import: decode, apply, send to the sink.
    CountingSink sink;
    WandbImporter importer;
    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = cpuSeconds();
    auto stats = importer.import(tmp / "wandb", sink, nullptr);
    const double s = seconds(std::chrono::steady_clock::now() - start);
    const double cpu = cpuSeconds() - cpuStart;
    if (!stats.ok()) {
        std::fprintf(stderr, "import failed: %s\n", stats.error().toString().c_str());
        return 1;
    }
    std::printf("wandb-import wall_ms %.0f ms\n", s * 1000);
    std::printf("wandb-import throughput %.1f MB/s\n", mb / s);
    std::printf("wandb-import records %.0f records/s\n", double(stats->records) / s);
    std::printf("wandb-import points %.0f points/s\n", double(sink.points) / s);
    std::printf("wandb-import cpu_ms %.0f ms\n", cpu * 1000);
    std::printf("wandb-import throughput_cpu %.1f MB/s\n", mb / cpu);
    std::printf("wandb-import records_cpu %.0f records/s\n", double(stats->records) / cpu);

    // A second pass over the unchanged log: must read nothing.
    const auto again = std::chrono::steady_clock::now();
    auto second = importer.import(tmp / "wandb", sink, nullptr);
    std::printf("wandb-reimport-unchanged wall_ms %.1f ms\n",
                seconds(std::chrono::steady_clock::now() - again) * 1000);
    return second.ok() && second->records == 0 ? 0 : 1;
}
