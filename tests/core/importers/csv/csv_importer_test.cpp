// The CSV importer on generated files: Lightning-style sparse tables, plain tables, step column
// choice, live files cut at every byte, rewrites with a widened header, cancellation.
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <random>

#include "core/importers/csv/csv_importer.h"
#include "tests/support/memory_sink.h"
#include "tests/support/temp_dir.h"

using namespace runlens;
using runlens::csv::CsvImporter;
using runlens::csv::CsvOptions;
using runlens::test::MemoryRun;
using runlens::test::MemorySink;
using runlens::test::TempDir;
using runlens::test::writeFile;

namespace {

namespace fs = std::filesystem;

ImportStats importOk(const fs::path& path, MemorySink& sink, const CsvOptions& options = {},
                     Progress* progress = nullptr,
                     std::chrono::milliseconds interval = std::chrono::milliseconds(1000)) {
    CsvImporter importer(options);
    importer.setCommitInterval(interval);
    auto result = importer.import(path, sink, progress);
    INFO((result.ok() ? std::string() : result.error().toString()));
    REQUIRE(result.ok());
    return result.value();
}

bool sameSeries(const Series& a, const Series& b) {
    if (a.size() != b.size() || a.steps != b.steps) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        bool valuesSame =
            (std::isnan(a.values[i]) && std::isnan(b.values[i])) || a.values[i] == b.values[i];
        bool timesSame =
            (std::isnan(a.times[i]) && std::isnan(b.times[i])) || a.times[i] == b.times[i];
        if (!valuesSame || !timesSame) return false;
    }
    return true;
}

void requireSameData(MemorySink& a, MemorySink& b) {
    REQUIRE(a.runs.size() == b.runs.size());
    for (auto& [id, run] : a.runs) {
        INFO("run " << run.info.uid);
        MemoryRun& other = b.byUid(run.info.uid);
        REQUIRE(run.metrics.size() == other.metrics.size());
        for (auto& [key, s] : run.metrics) {
            INFO("series " << key);
            REQUIRE(other.metrics.count(key) == 1);
            REQUIRE(sameSeries(s, other.metrics.at(key)));
        }
        CHECK(run.config == other.config);
    }
}

/// A Lightning >= 2.2 style sparse metrics.csv (sorted header, \r\n), `rows` rows.
std::string lightningCsv(int rows, bool withVal = true) {
    std::string out = withVal ? "epoch,lr-Adam,step,train_loss,val_loss\r\n"
                              : "epoch,lr-Adam,step,train_loss\r\n";
    for (int i = 0; i < rows; ++i) {
        int step = 49 + 50 * i;
        std::string loss = std::to_string(1.0 / (i + 1));
        if (i == 0) {
            out += withVal ? ",0.001,0,,\r\n" : ",0.001,0,\r\n";
        } else if (withVal && i % 5 == 0) {
            out += std::to_string(i / 10) + ",," + std::to_string(step) + ",," +
                   std::to_string(0.5 / i) + "\r\n";
        } else {
            out += std::to_string(i / 10) + ",," + std::to_string(step) + "," + loss +
                   (withVal ? ",\r\n" : "\r\n");
        }
    }
    return out;
}

}  // namespace

TEST_CASE("Lightning CSVLogger folder: sparse columns, epoch as a series, hparams.yaml") {
    TempDir dir;
    fs::create_directories(dir / "lightning_logs/version_0");
    fs::create_directories(dir / "lightning_logs/version_1/checkpoints");
    writeFile(dir / "lightning_logs/version_0/metrics.csv",
              "epoch,step,train_loss,val_acc\r\n0,49,0.5,\r\n0,99,0.25,\r\n0,99,,0.75\r\n"
              "1,149,nan,\r\n1,199,inf,True\r\n");
    writeFile(dir / "lightning_logs/version_0/hparams.yaml",
              "lr: 0.001\nmodel:\n  depth: 3\nearly_stopping: 'True'\n");
    writeFile(dir / "lightning_logs/version_1/metrics.csv", "train_loss,step,epoch\n0.9,49,0\n");
    writeFile(dir / "lightning_logs/other.csv", "not,a,log\n");

    MemorySink sink;
    ImportStats stats = importOk(dir.path(), sink);
    CHECK(stats.runs == 2);
    CHECK(stats.records == 6);
    REQUIRE(sink.runs.size() == 2);
    MemoryRun& run = sink.byUid("lightning_logs/version_0/metrics.csv");
    CHECK(run.info.name == "lightning_logs/version_0");
    CHECK(run.info.sourceFormat == "csv");
    CHECK(run.metrics.count("step") == 0);
    const Series& loss = run.metrics.at("train_loss");
    REQUIRE(loss.size() == 4);
    CHECK(loss.steps == std::vector<std::int64_t>{49, 99, 149, 199});
    CHECK(loss.values[1] == 0.25);
    CHECK(std::isnan(loss.values[2]));
    CHECK(std::isinf(loss.values[3]));
    CHECK(std::isnan(loss.times[0]));
    const Series& acc = run.metrics.at("val_acc");
    REQUIRE(acc.size() == 2);
    CHECK(acc.steps == std::vector<std::int64_t>{99, 199});
    CHECK(acc.values == std::vector<double>{0.75, 1.0});
    const Series& epoch = run.metrics.at("epoch");
    CHECK(epoch.values == std::vector<double>{0, 0, 0, 1, 1});
    CHECK(run.config.at("lr") == Value::number(0.001));
    CHECK(run.config.at("model/depth") == Value::number(3));
    CHECK(run.config.at("early_stopping") == Value::string("True"));
    CHECK(run.notes.empty());
    CHECK(sink.byUid("lightning_logs/version_1/metrics.csv").metrics.at("train_loss").steps ==
          std::vector<std::int64_t>{49});

    CsvImporter importer;
    CHECK(importer.canOpen(dir.path()));
    CHECK(importer.canOpen(dir / "lightning_logs/other.csv"));
    CHECK_FALSE(importer.canOpen(dir / "lightning_logs/version_0/hparams.yaml"));
}

TEST_CASE("plain CSV: space padding, BOM, quoted names, epoch as the step, a time column") {
    TempDir dir;
    writeFile(dir / "log.csv",
              "\xEF\xBB\xBF  epoch,\"val, loss\",   wall_time,  note\n"
              "    0,     0.5,  1700000000.5,  ok\n"
              "    1,    0.25,  1700000001.5,  fine\n");
    MemorySink sink;
    ImportStats stats = importOk(dir / "log.csv", sink);
    CHECK(stats.points == 2);
    MemoryRun& run = sink.byUid("log.csv");
    CHECK(run.info.name == fs::path(dir.path()).filename().string() + "/log");
    const Series& loss = run.metrics.at("val, loss");
    CHECK(loss.steps == std::vector<std::int64_t>{0, 1});
    CHECK(loss.times == std::vector<double>{1700000000.5, 1700000001.5});
    CHECK(run.metrics.count("epoch") == 0);      // it is the x axis
    CHECK(run.metrics.count("wall_time") == 0);  // it is the time of each point
    CHECK(run.metrics.count("note") == 0);
    CHECK(hasNote(run, "Column 'note': 2 cells are not numbers"));
}

TEST_CASE("no step column, or two: row numbers and a note; the caller can choose") {
    TempDir dir;
    writeFile(dir / "a.csv", "loss,acc\n0.5,0.1\n0.4,0.2\n0.3,0.3\n");
    writeFile(dir / "b.csv", "step,Step,loss\n10,1,0.5\n20,2,0.4\n");
    MemorySink sink;
    importOk(dir / "a.csv", sink);
    MemoryRun& a = sink.byUid("a.csv");
    CHECK(a.metrics.at("loss").steps == std::vector<std::int64_t>{0, 1, 2});
    CHECK(hasNote(a, "No step column"));
    importOk(dir / "b.csv", sink);
    MemoryRun& b = sink.byUid("b.csv");
    CHECK(b.metrics.at("loss").steps == std::vector<std::int64_t>{0, 1});
    CHECK(b.metrics.count("step") == 1);
    CHECK(hasNote(b, "Several columns could be the step"));

    auto layout = csv::inspectCsv(dir / "b.csv");
    REQUIRE(layout.ok());
    CHECK(layout->stepColumn == -1);
    CHECK(layout->stepCandidates == std::vector<std::string>{"step", "Step"});

    CsvOptions choose;
    choose.stepColumn = "Step";
    MemorySink chosen;
    importOk(dir / "b.csv", chosen, choose);
    CHECK(chosen.byUid("b.csv").metrics.at("loss").steps == std::vector<std::int64_t>{1, 2});
    CHECK(chosen.byUid("b.csv").metrics.count("Step") == 0);
    CHECK(chosen.byUid("b.csv").notes.empty());

    CsvOptions rows;
    rows.rowIndexAsStep = true;
    MemorySink byRow;
    writeFile(dir / "c.csv", "step,loss\n100,1\n200,2\n");
    importOk(dir / "c.csv", byRow, rows);
    CHECK(byRow.byUid("c.csv").metrics.at("loss").steps == std::vector<std::int64_t>{0, 1});
    CHECK(byRow.byUid("c.csv").metrics.at("step").values == std::vector<double>{100, 200});
}

TEST_CASE("rows without a whole-number step use their row number, with a note") {
    TempDir dir;
    writeFile(dir / "metrics.csv", "step,loss\n0,1\n0.5,2\n,3\n3,4\n");
    MemorySink sink;
    importOk(dir.path(), sink);
    MemoryRun& run = sink.byUid("metrics.csv");
    CHECK(run.metrics.at("loss").steps == std::vector<std::int64_t>{0, 1, 2, 3});
    CHECK(hasNote(run, "2 rows have no whole-number step"));
}

TEST_CASE("a file cut at every byte imports whole rows, then resumes to the full data") {
    const std::string full =
        "step,\"loss\",acc\r\n0,1.5,\r\n1,\"1,25\",0.5\r\n2,,0.75\r\n\r\n3,\"0.5\n\",1\r\n4,0.1,0."
        "9\r\n";
    TempDir once;
    writeFile(once / "metrics.csv", full);
    MemorySink oneShot;
    importOk(once.path(), oneShot);
    TempDir dir;
    for (std::size_t n = 0; n <= full.size(); ++n) {
        INFO("cut at " << n);
        writeFile(dir / "metrics.csv", full.substr(0, n));
        MemorySink sink;
        importOk(dir.path(), sink);
        REQUIRE(sink.runs.size() == 1);
        writeFile(dir / "metrics.csv", full);
        importOk(dir.path(), sink);
        requireSameData(sink, oneShot);
    }
}

TEST_CASE("a growing Lightning file imported after every piece equals a one-shot import") {
    const std::string full = lightningCsv(400);
    TempDir once;
    writeFile(once / "metrics.csv", full);
    MemorySink oneShot;
    ImportStats all = importOk(once.path(), oneShot);
    CHECK(all.records == 400);
    std::mt19937 rng(3);
    for (int trial = 0; trial < 4; ++trial) {
        TempDir dir;
        MemorySink sink;
        std::size_t written = 0;
        while (written < full.size()) {
            written = std::min(full.size(), written + 1 + rng() % 700);
            writeFile(dir / "metrics.csv", full.substr(0, written));
            importOk(dir.path(), sink, {}, nullptr, std::chrono::milliseconds(0));
        }
        requireSameData(sink, oneShot);
        ImportStats again = importOk(dir.path(), sink);
        CHECK(again.records == 0);
        CHECK(again.points == 0);
    }
}

TEST_CASE("Lightning rewrites the file with a widened header: only new rows are imported") {
    TempDir dir;
    std::string before = lightningCsv(30, false);
    writeFile(dir / "metrics.csv", before);
    MemorySink sink;
    importOk(dir.path(), sink);
    // The rewrite inserts val_loss (sorted header) and back-fills empty cells in old rows.
    std::string after = lightningCsv(60, true);
    // Rows 0..29 of `after` must be the old rows with an empty val_loss: make them so.
    std::string rewritten = "epoch,lr-Adam,step,train_loss,val_loss\r\n";
    std::size_t pos = before.find("\r\n") + 2;
    while (pos < before.size()) {
        std::size_t end = before.find("\r\n", pos);
        rewritten += before.substr(pos, end - pos) + ",\r\n";
        pos = end + 2;
    }
    std::size_t afterPos = 0;
    for (int line = 0; line <= 30; ++line)
        afterPos = after.find("\r\n", afterPos) + 2;
    rewritten += after.substr(afterPos);
    writeFile(dir / "metrics.csv", rewritten);
    ImportStats second = importOk(dir.path(), sink);
    CHECK(second.records == 30);

    TempDir once;
    writeFile(once / "metrics.csv", rewritten);
    MemorySink oneShot;
    importOk(once.path(), oneShot);
    requireSameData(sink, oneShot);
    CHECK_FALSE(hasNote(sink.byUid("metrics.csv"), "replaced"));
}

TEST_CASE("a rewrite caught half-way waits; a file with different rows is noted, not followed") {
    TempDir dir;
    writeFile(dir / "metrics.csv", "step,loss\n1,0.5\n2,0.4\n3,0.3\n");
    MemorySink sink;
    importOk(dir.path(), sink);
    // Momentarily empty, then only part of the rows: nothing changes yet.
    writeFile(dir / "metrics.csv", "");
    CHECK(importOk(dir.path(), sink).records == 0);
    writeFile(dir / "metrics.csv", "loss,step,acc\n0.5,1,\n");
    CHECK(importOk(dir.path(), sink).records == 0);
    writeFile(dir / "metrics.csv", "loss,step,acc\n0.5,1,\n0.4,2,\n0.3,3,\n0.2,4,0.9\n");
    CHECK(importOk(dir.path(), sink).records == 1);
    MemoryRun& run = sink.byUid("metrics.csv");
    CHECK(run.metrics.at("loss").steps == std::vector<std::int64_t>{1, 2, 3, 4});
    CHECK(run.metrics.at("acc").steps == std::vector<std::int64_t>{4});

    // A user re-ran into the same folder: different rows.
    writeFile(dir / "metrics.csv", "step,loss\n1,9\n2,9\n3,9\n4,9\n5,9\n");
    CHECK(importOk(dir.path(), sink).records == 0);
    CHECK(hasNote(run, "replaced"));
    CHECK(run.metrics.at("loss").size() == 4);
    std::size_t notes = run.notes.size();
    writeFile(dir / "metrics.csv", "step,loss\n1,9\n2,9\n3,9\n4,9\n5,9\n6,9\n");
    CHECK(importOk(dir.path(), sink).records == 0);
    CHECK(run.notes.size() == notes);
}

TEST_CASE("an unfinished last line is noted once and read when complete") {
    TempDir dir;
    writeFile(dir / "metrics.csv", "step,loss\n1,0.5\n2,0.4");
    MemorySink sink;
    CHECK(importOk(dir.path(), sink).points == 1);
    MemoryRun& run = sink.byUid("metrics.csv");
    CHECK(hasNote(run, "no line end yet"));
    std::size_t notes = run.notes.size();
    importOk(dir.path(), sink);
    CHECK(run.notes.size() == notes);
    writeFile(dir / "metrics.csv", "step,loss\n1,0.5\n2,0.4\n");
    CHECK(importOk(dir.path(), sink).points == 1);
    CHECK(run.metrics.at("loss").values == std::vector<double>{0.5, 0.4});
}

TEST_CASE("empty and header-only files give a run without points") {
    TempDir dir;
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "b");
    writeFile(dir / "a/metrics.csv", "");
    writeFile(dir / "b/metrics.csv", "epoch,step,loss\n");
    MemorySink sink;
    ImportStats stats = importOk(dir.path(), sink);
    CHECK(stats.runs == 2);
    CHECK(sink.byUid("a/metrics.csv").metrics.empty());
    CHECK(hasNote(sink.byUid("a/metrics.csv"), "no complete header"));
    CHECK(sink.byUid("b/metrics.csv").metrics.empty());
    writeFile(dir / "b/metrics.csv", "epoch,step,loss\n0,1,0.5\n");
    writeFile(dir / "a/metrics.csv", "step,loss\n1,2\n");
    ImportStats again = importOk(dir.path(), sink);
    CHECK(again.points == 3);
}

TEST_CASE("more fields than the header: the extra ones are noted") {
    TempDir dir;
    writeFile(dir / "metrics.csv", "step,loss\n1,0.5,9\n2,0.4\n");
    MemorySink sink;
    importOk(dir.path(), sink);
    MemoryRun& run = sink.byUid("metrics.csv");
    CHECK(run.metrics.at("loss").size() == 2);
    CHECK(hasNote(run, "1 rows have more fields"));
}

TEST_CASE("config files beside the CSV; a rewritten hparams.yaml replaces the config") {
    TempDir dir;
    writeFile(dir / "results.csv", "epoch,loss\n0,1\n");
    writeFile(dir / "opt.yaml", "epochs: 300\nhyp: data/hyp.yaml\n");
    writeFile(dir / "hyp.yaml", "lr0: 0.01\n");
    MemorySink sink;
    importOk(dir.path(), sink);
    MemoryRun& run = sink.byUid("results.csv");
    CHECK(run.config.at("epochs") == Value::number(300));
    CHECK(run.config.at("lr0") == Value::number(0.01));
    writeFile(dir / "opt.yaml", "epochs: 100\n");
    std::filesystem::last_write_time(
        dir / "opt.yaml", std::filesystem::file_time_type::clock::now() + std::chrono::seconds(5));
    importOk(dir.path(), sink);
    CHECK(run.config.at("epochs") == Value::number(100));
    CHECK(run.config.count("hyp") == 0);
    writeFile(dir / "hparams.yaml", "- not a mapping\n");
    importOk(dir.path(), sink);
    CHECK(hasNote(run, "hparams.yaml could not be read"));
}

TEST_CASE("cancel inside a large file; the next import reads the rest exactly once") {
    TempDir dir;
    std::string text = "step,loss\n";
    for (int i = 0; i < 5000; ++i)
        text += std::to_string(i) + "," + std::to_string(i * 0.5) + "\n";
    writeFile(dir / "metrics.csv", text);
    MemorySink sink;
    Progress* self = nullptr;
    Progress progress([&](std::int64_t, std::int64_t, const std::string& message) {
        if (!message.empty()) self->cancel();
    });
    self = &progress;
    ImportStats first = importOk(dir.path(), sink, {}, &progress);
    CHECK(first.cancelled);
    CHECK(first.records < 5000);
    ImportStats rest = importOk(dir.path(), sink);
    CHECK(first.records + rest.records == 5000);
    const Series& loss = sink.byUid("metrics.csv").metrics.at("loss");
    REQUIRE(loss.size() == 5000);
    for (int i = 0; i < 5000; ++i)
        REQUIRE(loss.steps[std::size_t(i)] == i);
}

TEST_CASE("missing paths and folders without logs are errors") {
    TempDir dir;
    MemorySink sink;
    CsvImporter importer;
    CHECK_FALSE(importer.import(dir / "missing.csv", sink, nullptr).ok());
    CHECK_FALSE(importer.import(dir.path(), sink, nullptr).ok());
    CHECK_FALSE(importer.canOpen(dir.path()));
}

TEST_CASE("damaged bytes: NUL bytes, binary junk and very long lines are imported or noted") {
    TempDir dir;
    const char raw[] = "step,loss,acc\n1,0.5,0.1\n2,\x01\xff\xfe,0.2\n3,0.3\0x,0.3\n";
    std::string text(raw, sizeof raw - 1);  // with its NUL byte
    text.append("4,").append(std::string(3u << 20, '7')).append(",0.4\n5,0.1,0.5\n");
    writeFile(dir / "metrics.csv", text);
    MemorySink sink;
    ImportStats stats = importOk(dir.path(), sink);
    CHECK(stats.records == 5);
    MemoryRun& run = sink.byUid("metrics.csv");
    CHECK(run.metrics.at("acc").size() == 5);
    CHECK(run.metrics.at("loss").steps == std::vector<std::int64_t>{1, 4, 5});
    CHECK(std::isinf(run.metrics.at("loss").values[1]));  // 3 MB of digits overflow to inf
    CHECK(hasNote(run, "Column 'loss': 2 cells are not numbers"));

    std::mt19937 rng(5);
    for (int trial = 0; trial < 50; ++trial) {
        std::string junk(rng() % 2000, '\0');
        for (char& c : junk)
            c = char("a1,\"\n\r;.\t \xff"[rng() % 12]);
        writeFile(dir / "metrics.csv", junk);
        MemorySink junkSink;
        importOk(dir.path(), junkSink);  // never fails, never crashes
    }
}

TEST_CASE("every metric column gets last/min/max summaries, continued when the file grows (#17)") {
    TempDir dir;
    const fs::path file = dir / "metrics.csv";
    writeFile(file, "step,loss,acc\n0,3,0.1\n1,1,\n2,2,0.3\n");
    MemorySink sink;
    importOk(file, sink);
    REQUIRE(sink.runs.size() == 1);
    MemoryRun& run = sink.runs.begin()->second;
    CHECK(run.summary.at("loss") == Value::number(2));
    CHECK(run.summary.at("loss.min") == Value::number(1));
    CHECK(run.summary.at("loss.max") == Value::number(3));
    CHECK(run.summary.at("acc") == Value::number(0.3));  // the last row that has a value
    CHECK(run.summary.count("step") == 0);
    writeFile(file, "step,loss,acc\n0,3,0.1\n1,1,\n2,2,0.3\n3,5,0.2\n");
    importOk(file, sink);
    CHECK(run.summary.at("loss") == Value::number(5));
    CHECK(run.summary.at("loss.min") == Value::number(1));
    CHECK(run.summary.at("loss.max") == Value::number(5));
    CHECK(run.summary.at("acc.max") == Value::number(0.3));
}

TEST_CASE(
    "a CSV run is running while written, finished once untouched; times from wall_time "
    "(#17)") {
    TempDir dir;
    const fs::path file = dir / "metrics.csv";
    // Logged over the last ten minutes, just written: a live run.
    const long long start = std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count() -
                            600;
    writeFile(file, "step,wall_time,loss\n0," + std::to_string(start) + ",1\n1," +
                        std::to_string(start + 600) + ",0.5\n");
    MemorySink sink;
    importOk(file, sink);
    MemoryRun& run = sink.runs.begin()->second;
    CHECK(run.info.state == RunState::Running);
    CHECK(run.info.startTime == double(start));
    CHECK(run.info.runtime == 600);
    fs::last_write_time(file, fs::last_write_time(file) - std::chrono::minutes(20));
    importOk(file, sink);
    CHECK(run.info.state == RunState::Finished);
    CHECK(run.info.endTime == double(start + 600));

    // A file written now whose times are old (a copied folder): finished at once.
    const fs::path copied = dir / "copied.csv";
    writeFile(copied, "step,wall_time,loss\n0,1000,1\n1,1600,0.5\n");
    MemorySink other;
    importOk(copied, other);
    CHECK(other.runs.begin()->second.info.state == RunState::Finished);
}
