// WandbImporter on generated run folders: every record kind, files/ merge, incremental passes,
// cancellation, damage, log-less folders, resumed runs, detection.
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <random>

#include "core/importers/wandb/wandb_importer.h"
#include "tests/core/importers/wandb/log_builder.h"
#include "tests/core/importers/wandb/sink_dump.h"
#include "tests/core/importers/wandb/synthetic_run.h"
#include "tests/support/memory_sink.h"
#include "tests/support/temp_dir.h"

using namespace runlens;
using namespace runlens::test;
using namespace runlens::test::wandb;
namespace fs = std::filesystem;

namespace {

constexpr double kFarFuture = 4e9;  // a clock long after the files were written

ImportStats importInto(const fs::path& path, MemorySink& sink, Progress* progress = nullptr,
                       std::int64_t commitEvery = std::int64_t(16) << 20, double now = 0) {
    runlens::wandb::WandbImportOptions options;
    options.commitEveryBytes = commitEvery;
    if (now > 0) options.now = [now] { return now; };
    WandbImporter importer(options);
    auto result = importer.import(path, sink, progress);
    REQUIRE(result.ok());
    return result.value();
}

const PredictionTable* findTable(const MemoryRun& run, const std::string& name) {
    for (const auto& t : run.tables)
        if (t.name == name) return &t;
    return nullptr;
}

std::map<std::string, std::string> digests(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out[e.path().string()] = fileDigest(e.path());
    return out;
}

// The notes of `base` that `more` lacks ("" if none).
std::string notesMissing(const MemorySink& more, const MemorySink& base) {
    auto a = allNotes(more);
    std::string missing;
    for (const auto& n : allNotes(base))
        if (std::find(a.begin(), a.end(), n) == a.end()) missing += n + "\n";
    return missing;
}

}  // namespace

TEST_CASE("A generated run comes back whole: info, config, summary, history, console, media",
          "[wandb][importer]") {
    TempDir tmp;
    SyntheticRun run;
    run.artifactDir = tmp / "cache";
    const fs::path dir = writeSyntheticRun(tmp / "wandb", run, buildSyntheticLog(run).bytes());
    const auto before = digests(dir);

    MemorySink sink;
    ImportStats stats = importInto(tmp / "wandb", sink);
    CHECK(stats.runs == 1);
    CHECK(stats.skipped == 0);
    CHECK(digests(dir) == before);  // never writes into the W&B folder

    MemoryRun& r = sink.byUid("syn0run1");
    const RunInfo& i = r.info;
    CHECK(i.project == "proj");
    CHECK(i.entity == "team");
    CHECK(i.name == "bright-sun-1");
    CHECK(i.group == "grp");
    CHECK(i.jobType == "train");
    CHECK(i.notes == "first try");
    CHECK(i.tags == std::vector<std::string>{"a", "b"});
    CHECK(i.host == "box");
    CHECK(i.startTime == Approx(kStartTime));
    CHECK(i.gitCommit == "c0ffee");
    CHECK(i.gitRemote == "https://example.org/repo.git");
    CHECK(i.pythonVersion == "3.11.4");
    CHECK(i.os == "Linux-6.1-x86_64");  // from wandb-metadata.json
    CHECK(i.gpu == "2 x NVIDIA A100");
    CHECK(i.command == "train.py --lr 0.001 --name 'two words'");
    CHECK(i.state == RunState::Finished);
    CHECK(i.exitCode == 0);
    CHECK(i.runtime == 50);
    CHECK(i.endTime == Approx(kStartTime + 50));
    CHECK(i.sourceFormat == "wandb");
    CHECK(r.finished);

    // Config: flattened, log wins over config.yaml, file-only keys added, SDK facts under _wandb.
    CHECK(r.config.at("lr") == Value::number(0.001));
    CHECK(r.config.at("optimizer.name") == Value::string("adam"));
    CHECK(r.config.at("optimizer.betas") == Value::json("[0.9,0.999]"));
    CHECK(r.config.at("epochs") == Value::number(3));
    CHECK(r.config.at("temp") == Value::number(INFINITY));
    CHECK(r.config.at("notes_blob").text().size() == 70000);  // a record over three blocks
    CHECK(r.config.at("only_in_file") == Value::string("yes-string"));
    CHECK(r.config.at("batch") == Value::number(32));
    CHECK(r.config.at("quoted") == Value::string("4"));
    CHECK(r.config.at("_wandb.cli_version") == Value::string("0.99.0"));
    CHECK(r.config.at("_wandb.framework") == Value::string("transformers"));
    CHECK(r.config.at("_wandb.requirements") == Value::string("torch==2.1.0\nnumpy==1.26.0"));
    CHECK(r.config.at("_wandb.metric.val/loss") ==
          Value::json(R"({"goal":"minimize","step_metric":"epoch","summary":["min"]})"));
    CHECK(r.config.count("_wandb") == 0);
    CHECK(hasNote(r, "config.yaml disagrees with the log on 1 config keys ('lr')"));
    CHECK(hasNote(r, "config keys only in files/config.yaml were added"));

    // Summary: log records win, history fills keys without one, the file fills the rest.
    CHECK(r.summary.at("loss") == Value::number(1.0 / 30));
    CHECK(r.summary.at("acc") == Value::number(0.97));
    CHECK(r.summary.at("nested.x") == Value::number(290));
    CHECK(r.summary.at("phase") == Value::string("train"));
    CHECK(r.summary.at("best.acc") == Value::number(0.9));
    CHECK(r.summary.at("best.step") == Value::number(7));
    CHECK(r.summary.count("scratch") == 0);  // removed
    CHECK(r.summary.at("_step") == Value::number(29));
    CHECK(r.summary.count("_wandb.runtime") == 0);  // SDK bookkeeping, gives the runtime
    CHECK(std::isnan(r.summary.at("extra_from_file.deep").toNumber()));
    CHECK(r.summary.at("sample").isJson());
    CHECK(hasNote(r, "wandb-summary.json disagrees with the log on 1 summary keys ('loss')"));

    // History: NaN and infinities kept, nested keys joined, steps and times from the row.
    const Series& loss = r.metrics.at("loss");
    REQUIRE(loss.size() == 30);
    CHECK(std::isnan(loss.values[3]));
    CHECK(loss.values[4] == INFINITY);
    CHECK(loss.values[5] == -INFINITY);
    CHECK(loss.values[9] == Approx(0.1));
    for (std::size_t k = 0; k < 30; ++k) {
        CHECK(loss.steps[k] == std::int64_t(k));
        CHECK(loss.times[k] == Approx(kStartTime + 1.5 * double(k)));
    }
    CHECK(r.metrics.at("acc").size() == 30);
    CHECK(r.metrics.at("nested.x").values.back() == 290);
    CHECK(r.metrics.at("val/loss").steps == std::vector<std::int64_t>{9, 19, 29});
    CHECK(r.metrics.count("phase") == 0);
    CHECK(r.metrics.count("_step") == 0);
    CHECK(r.metrics.count("_runtime") == 0);

    // System metrics: one sample per stats record, objects flattened.
    CHECK(r.systemMetrics.at("cpu").size() == 6);
    CHECK(r.systemMetrics.at("cpu").steps.back() == 5);
    CHECK(r.systemMetrics.at("network.recv").values.front() == 200);
    CHECK(r.systemMetrics.at("gpu.0.gpu").values.back() == 25);

    // Console: \r redraws keep the final state, ANSI removed, lines joined across records.
    std::vector<std::string> out, err;
    for (const auto& c : r.console)
        (c.stream == ConsoleStream::Stdout ? out : err).push_back(c.text);
    CHECK(out == std::vector<std::string>{"Epoch 1", "100%|##########|", "green text",
                                          "part one and two", "dos line", "old style line",
                                          "unterminated last line"});
    CHECK(err == std::vector<std::string>{"warning: careful"});

    // Media: the image logged at step 2 (media at that step, not a table), the table read from
    // its full artifact copy.
    CHECK(findTable(r, "sample") == nullptr);
    REQUIRE(r.stepMedia.count("sample") == 1);
    const auto& sampleSteps = r.stepMedia.at("sample");
    REQUIRE(sampleSteps.size() == 1);
    CHECK(sampleSteps.begin()->first == 2);
    const std::vector<StepImage>& sample = sampleSteps.begin()->second;
    REQUIRE(sample.size() == 1);
    CHECK(sample[0].caption == "a sample");
    const MediaItem& png = sink.media.at(std::size_t(sample[0].media - 1));
    CHECK(png.mime == "image/png");
    CHECK(png.width == 4);
    CHECK(png.height == 3);

    const PredictionTable* preds = findTable(r, "preds");
    REQUIRE(preds);
    CHECK(preds->step == 30);
    REQUIRE(preds->rowCount() == 3);  // the full copy, not the 2-row preview
    REQUIRE(preds->columns.size() == 6);
    CHECK(preds->columns[0].type == ColumnType::Number);
    CHECK(preds->columns[1].strings == std::vector<std::string>{"cat", "dog", "cat"});
    CHECK(std::isnan(preds->columns[2].numbers[1]));
    CHECK(preds->columns[2].numbers[2] == -INFINITY);
    CHECK(preds->columns[3].type == ColumnType::Bool);
    CHECK(std::isnan(preds->columns[3].numbers[2]));
    CHECK(preds->columns[4].type == ColumnType::Image);
    CHECK(preds->columns[4].ints[0] != 0);
    CHECK(preds->columns[4].ints[1] != 0);
    CHECK(preds->columns[4].ints[0] != preds->columns[4].ints[1]);
    CHECK(preds->columns[4].ints[2] == 0);
    CHECK(preds->columns[5].type == ColumnType::NumberArray);
    CHECK(preds->columns[5].arrays[1] == std::vector<double>{0.2, 0.8});
    CHECK(sink.media.size() == 3);

    // Artifacts, alerts.
    REQUIRE(sink.artifacts.size() == 2);
    CHECK(sink.artifacts[0].name == "run-syn0run1-preds");
    CHECK(sink.artifacts[0].type == "run_table");
    CHECK(sink.artifacts[0].producerRunUid == "syn0run1");
    CHECK(sink.artifacts[0].files.size() == 3);
    CHECK(sink.artifacts[1].name == "mnist");
    CHECK(sink.artifacts[1].version == "v3");
    CHECK(sink.artifacts[1].consumerRunUids == std::vector<std::string>{"syn0run1"});
    CHECK(hasNote(r, "alert: Loss spike: loss went up"));
    CHECK_FALSE(hasNote(r, "output.log"));
}

TEST_CASE("Without the artifact cache a table comes from the preview copy, with a note",
          "[wandb][importer][tables]") {
    TempDir tmp;
    SyntheticRun run;
    run.artifactDir.clear();  // the SDK cache is not on this machine
    writeSyntheticRun(tmp.path(), run, buildSyntheticLog(run).bytes());
    MemorySink sink;
    importInto(tmp.path(), sink);
    MemoryRun& r = sink.byUid("syn0run1");
    const PredictionTable* preds = findTable(r, "preds");
    REQUIRE(preds);
    REQUIRE(preds->rowCount() == 2);
    CHECK(preds->columns[4].type == ColumnType::Image);
    CHECK(preds->columns[4].ints == std::vector<std::int64_t>{0, 0});
    CHECK(hasNote(r, "only the run folder's preview copy is available"));
    CHECK(hasNote(r, "the preview copy has 2 of 3 rows"));
}

TEST_CASE("A second import of an unchanged folder adds nothing", "[wandb][importer][incremental]") {
    TempDir tmp;
    SyntheticRun run;
    run.artifactDir = tmp / "cache";
    writeSyntheticRun(tmp / "wandb", run, buildSyntheticLog(run).bytes());
    MemorySink sink;
    importInto(tmp / "wandb", sink);
    const std::string first = dumpSink(sink);
    ImportStats again = importInto(tmp / "wandb", sink);
    CHECK(again.records == 0);
    CHECK(again.points == 0);
    CHECK(again.runs == 0);
    CHECK(firstDifference(dumpSink(sink), first) == "");
}

TEST_CASE("A log growing while it is read ends up like a one-shot import",
          "[wandb][importer][incremental]") {
    for (bool withFiles : {false, true}) {
        for (std::uint32_t seed : {1u, 2u, 3u}) {
            DYNAMIC_SECTION("files " << withFiles << " seed " << seed) {
                TempDir tmp;
                SyntheticRun run;
                run.withFiles = withFiles;
                run.artifactDir = tmp / "cache";
                const std::string log = buildSyntheticLog(run).bytes();

                MemorySink oneShot;
                const fs::path full = writeSyntheticRun(tmp / "a", run, log);
                importInto(full, oneShot);

                MemorySink growing;
                const fs::path dir = writeSyntheticRun(tmp / "b", run, log.substr(0, 1));
                std::mt19937 rng(seed);
                std::size_t written = 1;
                int passes = 0;
                while (written < log.size()) {
                    written = std::min(log.size(), written + 1 + rng() % 9000);
                    writeFile(syntheticLogPath(dir, run), log.substr(0, written));
                    importInto(dir, growing);
                    ++passes;
                }
                CHECK(passes > 5);
                // Notes may say more (e.g. a table whose full copy was not known yet).
                CHECK(firstDifference(dumpSink(growing, {false}), dumpSink(oneShot, {false})) ==
                      "");
                // Notes may differ: an early pass can say a table's full copy is not known yet,
                // or that the summary comes from the file while the log has none so far.
                if (!withFiles) CHECK(notesMissing(growing, oneShot) == "");
            }
        }
    }
}

TEST_CASE("A run without exit record is running while written to, crashed an hour later",
          "[wandb][importer][incremental]") {
    TempDir tmp;
    SyntheticRun run;
    run.withFiles = false;
    LogBuilder log = buildSyntheticLog(run);
    // Everything up to (not including) the unterminated line and the exit record.
    std::size_t cut = 0;
    for (std::size_t k = 0; k < log.records().size(); ++k)
        if (log.records()[k].find("unterminated last line") != std::string::npos) cut = k;
    REQUIRE(cut > 0);
    const fs::path dir =
        writeSyntheticRun(tmp.path(), run, log.bytes().substr(0, std::size_t(log.span(cut).first)));
    // Written a minute after the run started (its logged times are then recent, as for a live
    // run): the files' times say so too.
    const double written = kStartTime + 60;
    const auto fileTime = std::chrono::file_clock::from_sys(
        std::chrono::sys_time<std::chrono::seconds>(std::chrono::seconds(std::int64_t(written))));
    for (const auto& e : fs::recursive_directory_iterator(dir))
        fs::last_write_time(e.path(), fileTime);
    MemorySink sink;
    importInto(dir, sink, nullptr, std::int64_t(16) << 20, written + 60);
    MemoryRun& r = sink.byUid("syn0run1");
    CHECK(r.info.state == RunState::Running);
    CHECK(r.info.runtime == Approx(43.5));  // the last _runtime seen
    CHECK_FALSE(r.finished);

    ImportStats later = importInto(dir, sink, nullptr, std::int64_t(16) << 20, written + 7200);
    CHECK(later.records == 0);
    CHECK(r.info.state == RunState::Crashed);
    CHECK(hasNote(r, "no exit record"));
    CHECK(r.metrics.at("loss").size() == 30);
}

TEST_CASE("A cancelled import keeps what it read and the next one continues from there",
          "[wandb][importer][incremental]") {
    TempDir tmp;
    SyntheticRun run;
    run.rows = 2000;
    run.withFiles = false;
    run.artifactDir = tmp / "cache";
    const std::string log = buildSyntheticLog(run).bytes();
    REQUIRE(log.size() > 200000);
    MemorySink oneShot;
    importInto(writeSyntheticRun(tmp / "a", run, log), oneShot);

    const fs::path dir = writeSyntheticRun(tmp / "b", run, log);
    MemorySink sink;
    Progress progress([&](std::int64_t done, std::int64_t total, const std::string&) {
        CHECK(done <= total);
        if (done > 0) progress.cancel();
    });
    ImportStats first = importInto(dir, sink, &progress, 32 * 1024);
    CHECK(first.cancelled);
    const auto partial = sink.byUid("syn0run1").metrics["loss"].size();
    CHECK(partial > 0);
    CHECK(partial < 2000);
    CHECK(sink.commits >= 1);

    ImportStats rest = importInto(dir, sink, nullptr, 32 * 1024);
    CHECK_FALSE(rest.cancelled);
    CHECK(firstDifference(dumpSink(sink, {false}), dumpSink(oneShot, {false})) == "");
}

TEST_CASE("A bad checksum in the middle of a log is skipped and counted; the rest is read",
          "[wandb][importer][damage]") {
    TempDir tmp;
    SyntheticRun run;
    run.rows = 600;
    run.withFiles = false;
    LogBuilder log = buildSyntheticLog(run);
    std::string bytes = log.bytes();
    REQUIRE(bytes.size() > 3 * 32768);
    // Damage one history record in block 1.
    std::size_t victim = 0;
    for (std::size_t k = 0; k < log.records().size(); ++k) {
        if (log.span(k).first > 32768 + 1000 &&
            log.records()[k].find("loss") != std::string::npos) {
            victim = k;
            break;
        }
    }
    REQUIRE(victim > 0);
    bytes[std::size_t(log.span(victim).first) + 12] ^= 0x01;
    const fs::path dir = writeSyntheticRun(tmp.path(), run, bytes);
    MemorySink sink;
    ImportStats stats = importInto(dir, sink);
    CHECK(stats.skipped == 1);
    MemoryRun& r = sink.byUid("syn0run1");
    CHECK(hasNote(r, "damaged log data at offset " + std::to_string(log.span(victim).first)));
    // Lost: the history records from the damaged one to the end of its block.
    const std::int64_t blockEnd = (log.span(victim).first / 32768 + 1) * 32768;
    std::size_t lost = 0;
    for (std::size_t k = 0; k < log.records().size(); ++k) {
        const bool history = log.records()[k].find("_timestamp") != std::string::npos &&
                             log.records()[k].find("_step") != std::string::npos &&
                             log.records()[k].find("loss") != std::string::npos &&
                             log.records()[k].find("acc") != std::string::npos;
        if (history && log.span(k).second > log.span(victim).first && log.span(k).first < blockEnd)
            ++lost;
    }
    CHECK(lost > 0);
    const Series& loss = r.metrics.at("loss");
    CHECK(loss.size() == 600 - lost);
    CHECK(loss.steps.back() == 599);  // everything after the damaged block is back
    CHECK(r.info.state == RunState::Finished);
}

TEST_CASE("A log truncated at any byte imports without error and keeps every whole record",
          "[wandb][importer][truncation]") {
    LogBuilder log;
    log.add(headerRecord());
    log.add(runRecord(Proto().bytes(1, "tr0nc8ed").bytes(3, "p").message(17, timestamp(1e9))));
    for (int i = 0; i < 6; ++i)
        log.add(historyRecord({item("loss", std::to_string(i)), item("_step", std::to_string(i))},
                              i, true));
    log.add(outputRawRecord(true, 1e9, "line\n"));
    log.add(exitRecord(3, 9));
    const std::string& bytes = log.bytes();
    TempDir tmp;
    const fs::path dir = tmp / "run-20240101_000000-tr0nc8ed";
    fs::create_directories(dir);
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
        writeFile(dir / "run-tr0nc8ed.wandb", bytes.substr(0, cut));
        MemorySink sink;
        WandbImporter importer;
        auto result = importer.import(dir, sink, nullptr);
        REQUIRE(result.ok());
        REQUIRE(result->skipped == 0);
        std::size_t rows = 0;
        for (std::size_t k = 2; k < 8; ++k)
            rows += log.span(k).second <= std::int64_t(cut);
        if (!sink.hasUid("tr0nc8ed")) {
            REQUIRE(rows == 0);
            continue;
        }
        MemoryRun& r = sink.byUid("tr0nc8ed");
        REQUIRE(r.metrics["loss"].size() == rows);
        const bool exited = log.span(9).second <= std::int64_t(cut);
        REQUIRE(r.finished == exited);
        if (exited) {
            REQUIRE(r.info.state == RunState::Failed);
            REQUIRE(r.info.exitCode == 3);
        }
    }
}

TEST_CASE("Random bit flips never crash the importer or lose the run",
          "[wandb][importer][damage]") {
    TempDir tmp;
    SyntheticRun run;
    run.rows = 200;
    run.withFiles = false;
    const std::string clean = buildSyntheticLog(run).bytes();
    std::mt19937 rng(99);
    for (int trial = 0; trial < 60; ++trial) {
        std::string bytes = clean;
        for (int flips = 0; flips < 1 + trial % 4; ++flips) {
            const std::size_t at = 7 + rng() % (bytes.size() - 7);
            bytes[at] = char(bytes[at] ^ (1 << (rng() % 8)));
        }
        const fs::path parent = tmp / ("t" + std::to_string(trial));
        writeSyntheticRun(parent, run, bytes);
        MemorySink sink;
        WandbImporter importer;
        auto result = importer.import(parent, sink, nullptr);
        REQUIRE(result.ok());
        CHECK(sink.hasUid("syn0run1"));
    }
}

TEST_CASE("Records with valid checksums but mangled contents never crash the importer",
          "[wandb][importer][damage]") {
    // The framing is intact, so every payload reaches the protobuf decoder and the applier:
    // flipped bits, cut records, random bytes, wrong wire types, odd JSON values.
    SyntheticRun run;
    run.rows = 40;
    run.withFiles = false;
    const LogBuilder clean = buildSyntheticLog(run);
    std::mt19937 rng(7);
    TempDir tmp;
    for (int trial = 0; trial < 40; ++trial) {
        LogBuilder log;
        std::size_t mangled = 0;
        for (std::size_t k = 0; k < clean.records().size(); ++k) {
            std::string payload = clean.records()[k];
            if (k > 1 && rng() % 3 == 0) {  // keep header and run record intact
                ++mangled;
                switch (rng() % 4) {
                    case 0:
                        for (int f = 0; f < 3 && !payload.empty(); ++f)
                            payload[rng() % payload.size()] ^= char(1 << (rng() % 8));
                        break;
                    case 1:
                        payload.resize(rng() % (payload.size() + 1));
                        break;
                    case 2:
                        for (char& c : payload)
                            c = char(rng());
                        break;
                    default:
                        payload += std::string(1 + rng() % 8, char(rng()));
                }
            }
            log.add(payload);
        }
        const fs::path parent = tmp / ("m" + std::to_string(trial));
        writeSyntheticRun(parent, run, log.bytes());
        MemorySink sink;
        WandbImporter importer;
        auto result = importer.import(parent, sink, nullptr);
        REQUIRE(result.ok());
        CHECK(result->records == std::int64_t(clean.records().size()));
        CHECK(result->skipped <= std::int64_t(mangled));
        REQUIRE(sink.hasUid("syn0run1"));
    }
    // Payloads of random bytes only, and empty ones.
    LogBuilder noise;
    for (int k = 0; k < 300; ++k) {
        std::string payload(rng() % 200, '\0');
        for (char& c : payload)
            c = char(rng());
        noise.add(payload);
    }
    const fs::path dir = tmp / "run-20240101_000000-n0ise000";
    fs::create_directories(dir);
    writeFile(dir / "run-n0ise000.wandb", noise.bytes());
    MemorySink sink;
    WandbImporter importer;
    auto result = importer.import(dir, sink, nullptr);
    REQUIRE(result.ok());
    CHECK(result->records == 300);
}

TEST_CASE("A run folder without a usable log is read from its files", "[wandb][importer][files]") {
    for (const char* variant : {"no log", "empty log", "not a log"}) {
        DYNAMIC_SECTION(variant) {
            TempDir tmp;
            SyntheticRun run;
            const fs::path dir = writeSyntheticRun(tmp.path(), run, "");
            const std::string v = variant;
            if (v == "no log") fs::remove(syntheticLogPath(dir, run));
            if (v == "not a log")
                writeFile(syntheticLogPath(dir, run), "PK\x03\x04 not wandb at all");
            MemorySink sink;
            importInto(tmp.path(), sink, nullptr, std::int64_t(16) << 20, kFarFuture);
            MemoryRun& r = sink.byUid("syn0run1");
            CHECK(r.config.at("lr") == Value::number(0.002));
            CHECK(r.config.at("batch") == Value::number(32));
            CHECK(r.summary.at("loss") == Value::number(0.5));
            CHECK(r.summary.at("acc") == Value::number(0.97));
            CHECK(r.info.host == "box");
            CHECK(r.info.startTime == Approx(kStartTime));
            REQUIRE(r.console.size() == 1);
            CHECK(r.console[0].text == "this text must not be read: the log has console output");
            // The table nobody references in a summary is still read, from its file name.
            const PredictionTable* preds = findTable(r, "preds");
            REQUIRE(preds);
            CHECK(preds->step == 30);
            CHECK(preds->rowCount() == 2);
            CHECK(r.info.state == RunState::Crashed);
            if (v == "not a log") CHECK(hasNote(r, "does not start with the W&B log header"));
            if (v == "empty log") CHECK(hasNote(r, "is empty"));
        }
    }
}

TEST_CASE("Folders of a resumed run merge into one run, in start order", "[wandb][importer]") {
    TempDir tmp;
    for (int part = 0; part < 2; ++part) {
        LogBuilder log;
        log.add(headerRecord());
        Proto r;
        r.bytes(1, "resum3d0").bytes(3, "p").message(17, timestamp(1e9 + part * 100));
        if (part == 1) r.varint(14, 10).boolean(18, true);
        log.add(runRecord(r));
        for (int i = 0; i < 10; ++i) {
            const int step = part * 10 + i;
            log.add(historyRecord(
                {item("loss", std::to_string(step)), item("_step", std::to_string(step))}, step,
                true));
        }
        if (part == 1) log.add(exitRecord(0, 200));
        const fs::path dir =
            tmp / (part == 0 ? "run-20240101_000000-resum3d0" : "run-20240101_010000-resum3d0");
        fs::create_directories(dir);
        writeFile(dir / "run-resum3d0.wandb", log.bytes());
    }
    MemorySink sink;
    importInto(tmp.path(), sink);
    REQUIRE(sink.runs.size() == 1);
    MemoryRun& r = sink.byUid("resum3d0");
    const Series& loss = r.metrics.at("loss");
    REQUIRE(loss.size() == 20);
    for (std::size_t k = 0; k < 20; ++k)
        CHECK(loss.steps[k] == std::int64_t(k));
    CHECK(r.info.state == RunState::Finished);
    CHECK(hasNote(r, "continues a resumed run (from step 10)"));
    // Much later, the first segment (no exit record) must not call the run crashed.
    importInto(tmp.path(), sink, nullptr, std::int64_t(16) << 20, kFarFuture);
    CHECK(sink.byUid("resum3d0").info.state == RunState::Finished);
    CHECK_FALSE(hasNote(sink.byUid("resum3d0"), "no exit record"));
}

TEST_CASE("canOpen accepts wandb folders, run folders and logs, and nothing else",
          "[wandb][importer][detect]") {
    TempDir tmp;
    SyntheticRun run;
    const fs::path dir =
        writeSyntheticRun(tmp / "project" / "wandb", run, buildSyntheticLog(run).bytes());
    WandbImporter importer;
    CHECK(importer.canOpen(dir));
    CHECK(importer.canOpen(syntheticLogPath(dir, run)));
    CHECK(importer.canOpen(tmp / "project" / "wandb"));
    CHECK(importer.canOpen(tmp / "project"));
    CHECK_FALSE(importer.canOpen(dir / "files"));
    CHECK_FALSE(importer.canOpen(dir / "files" / "config.yaml"));
    CHECK_FALSE(importer.canOpen(tmp / "missing"));
    fs::create_directories(tmp / "empty");
    CHECK_FALSE(importer.canOpen(tmp / "empty"));
    auto bad = importer.import(tmp / "empty", *std::make_unique<MemorySink>(), nullptr);
    CHECK_FALSE(bad.ok());
    CHECK(findImporter(dir) != nullptr);
    CHECK(findImporter(dir)->format() == "wandb");
}

TEST_CASE("Joined and partitioned tables are read from the parts their artifact holds (#10)",
          "[wandb][importer][tables]") {
    TempDir tmp;
    const fs::path cache = tmp / "cache";
    fs::create_directories(cache);
    writeFile(cache / "joined", R"({"_type": "joined-table", "table1": "a.table.json",)"
                                R"( "table2": "b.table.json", "join_key": ["id", "uid"]})");
    writeFile(cache / "a",
              R"({"columns": ["id", "label", "pred"],)"
              R"( "data": [[1, "cat", "cat"], [2, "dog", "cat"], [3, "cow", "cow"]]})");
    writeFile(cache / "b", R"({"columns": ["uid", "pred", "score"],)"
                           R"( "data": [[3, "dog", 0.5], [1, "cat", 0.9], [4, "emu", 0.1]]})");
    writeFile(cache / "parts", R"({"_type": "partitioned-table", "parts_path": "parts/"})");
    writeFile(cache / "p0", R"({"columns": ["x", "y"], "data": [[1, "a"], [2, "b"]]})");
    writeFile(cache / "p1", R"({"columns": ["x", "y"], "data": [[3, "c"]]})");

    LogBuilder log;
    log.add(headerRecord());
    log.add(runRecord(Proto().bytes(1, "j01n3d00").bytes(3, "p").message(17, timestamp(1e9))));
    log.add(
        historyRecord({nestedItem({"joined", "_type"}, "\"joined-table\""),
                       nestedItem({"joined", "artifact_path"},
                                  "\"wandb-client-artifact://cj/joined.joined-table.json\""),
                       nestedItem({"parts", "_type"}, "\"partitioned-table\""),
                       nestedItem({"parts", "artifact_path"},
                                  "\"wandb-client-artifact://cp/parts.partitioned-table.json\""),
                       item("_step", "4")},
                      4, true));
    log.add(artifactRecord("j01n3d00", "run_table", "run-j01n3d00-joined", "d1", "cj",
                           {{"joined.joined-table.json", (cache / "joined").string()},
                            {"a.table.json", (cache / "a").string()},
                            {"b.table.json", (cache / "b").string()}}));
    log.add(artifactRecord("j01n3d00", "run_table", "run-j01n3d00-parts", "d2", "cp",
                           {{"parts.partitioned-table.json", (cache / "parts").string()},
                            {"parts/1.table.json", (cache / "p1").string()},
                            {"parts/0.table.json", (cache / "p0").string()}}));
    log.add(exitRecord(0, 9));
    const fs::path dir = tmp / "run-20240101_000000-j01n3d00";
    fs::create_directories(dir);
    writeFile(dir / "run-j01n3d00.wandb", log.bytes());
    MemorySink sink;
    importInto(dir, sink);
    MemoryRun& run = sink.byUid("j01n3d00");

    const PredictionTable* joined = findTable(run, "joined");
    REQUIRE(joined);
    REQUIRE(joined->columns.size() == 5);  // id, label, pred, pred (2), score
    CHECK(joined->columns[3].name == "pred (2)");
    REQUIRE(joined->rowCount() == 4);  // an outer join: 4 only in b is kept
    CHECK(joined->columns[0].numbers == std::vector<double>{1, 2, 3, 4});
    CHECK(cellText(joined->columns[3], 2) == "dog");  // b's prediction for id 3
    CHECK(cellText(joined->columns[3], 1).empty());   // b has no id 2
    CHECK(cellText(joined->columns[1], 3).empty());   // a has no id 4
    CHECK(joined->columns[4].numbers[0] == 0.9);

    const PredictionTable* parts = findTable(run, "parts");
    REQUIRE(parts);
    REQUIRE(parts->rowCount() == 3);  // the parts in path order
    CHECK(parts->columns[1].strings == std::vector<std::string>{"a", "b", "c"});
    for (const auto& n : run.notes)
        CHECK(n.message.find("not read") == std::string::npos);
}
