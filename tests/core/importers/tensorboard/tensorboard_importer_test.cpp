// The TensorBoard importer on generated event files: what is read, live files growing byte by
// byte, damaged bytes, cancellation and incremental re-import.
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <random>

#include "core/importers/tensorboard/tensorboard_importer.h"
#include "tests/core/importers/tensorboard/event_file_writer.h"
#include "tests/support/memory_sink.h"
#include "tests/support/temp_dir.h"

using namespace runlens;
using runlens::test::EventFileWriter;
using runlens::test::MemoryRun;
using runlens::test::MemorySink;
using runlens::test::TempDir;
using runlens::test::writeFile;

namespace {

namespace fs = std::filesystem;

const std::string kFile = "events.out.tfevents.1700000000.host.1.0";

// Event files directly in the opened folder make one run named after that folder (#17).
std::string rootUid(const TempDir& dir) {
    return dir.path().filename().string();
}

ImportStats importOk(const fs::path& path, MemorySink& sink, Progress* progress = nullptr,
                     std::chrono::milliseconds commitInterval = std::chrono::milliseconds(1000)) {
    tb::TensorBoardImporter importer;
    importer.setCommitInterval(commitInterval);
    auto result = importer.import(path, sink, progress);
    INFO((result.ok() ? std::string() : result.error().toString()));
    REQUIRE(result.ok());
    return result.value();
}

/// A small run with every kind of record the importer handles; returns the points it holds.
int writeSampleRun(EventFileWriter& w, int steps = 12) {
    w.fileVersion(1700000000.0);
    w.hparamsExperiment(1700000000.5, {"val/acc"});
    w.hparamsSessionStart(1700000000.5,
                          {test::HParam::num("lr", 0.01), test::HParam::str("optimizer", "adam"),
                           test::HParam::flagged("nesterov", true)});
    w.text(1700000000.6, 0, "notes/text_summary", "first try");
    int points = 0;
    for (int step = 0; step < steps; ++step) {
        double t = 1700000001.0 + step;
        w.simpleValue(t, step, "train/loss", 1.0f / float(step + 1));
        w.tensorScalar(t, step, "train/acc", 0.05f * float(step), step == 0);
        points += 2;
        if (step % 4 == 3) {
            w.doubleTensorScalar(t, step, "val/acc", 0.1 * step);
            ++points;
            w.image(t, step, "samples");
        }
        if (step == 5) w.imagesTensor(t, step, "batch", 2);
    }
    w.hparamsSessionEnd(1700000020.0, 1, 1700000020.0);
    return points;
}

bool sameDouble(double a, double b) {
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

bool sameSeries(const Series& a, const Series& b) {
    if (a.size() != b.size() || a.steps != b.steps) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!sameDouble(a.values[i], b.values[i]) || !sameDouble(a.times[i], b.times[i]))
            return false;
    }
    return true;
}

/// Every run's series, config and summary in `a` equal those in `b` (matched by uid).
void requireSameData(MemorySink& a, MemorySink& b) {
    REQUIRE(a.runs.size() == b.runs.size());
    for (auto& [id, run] : a.runs) {
        INFO("run " << run.info.uid);
        MemoryRun& other = b.byUid(run.info.uid);
        REQUIRE(run.metrics.size() == other.metrics.size());
        for (auto& [key, s] : run.metrics) {
            INFO("series " << key);
            REQUIRE(other.metrics.count(key) == 1);
            const Series& o = other.metrics.at(key);
            REQUIRE(sameSeries(s, o));
        }
        CHECK(run.config == other.config);
        CHECK(run.summary == other.summary);
        CHECK(sameDouble(run.info.startTime, other.info.startTime));
        CHECK(run.info.state == other.info.state);
    }
}

}  // namespace

TEST_CASE("generated run: TF1 and TF2 scalars, hparams, text, images at their steps") {
    TempDir dir;
    EventFileWriter w;
    int points = writeSampleRun(w);
    writeFile(dir / kFile, w.bytes());
    MemorySink sink;
    ImportStats stats = importOk(dir.path(), sink);
    CHECK(stats.points == points);
    CHECK(stats.records == std::int64_t(w.recordOffsets().size()));
    CHECK(stats.skipped == 0);
    CHECK(stats.runs == 1);
    MemoryRun& run = sink.byUid(rootUid(dir));
    CHECK(run.info.sourceFormat == "tensorboard");
    CHECK(run.info.sourcePath == dir.path().string());
    CHECK(run.info.startTime == 1700000000.0);
    const Series& loss = run.metrics.at("train/loss");
    REQUIRE(loss.size() == 12);
    CHECK(loss.steps[5] == 5);
    CHECK(loss.values[5] == double(1.0f / 6.0f));
    CHECK(loss.times[5] == 1700000006.0);
    // Metadata came only with the first value: later values are still scalars.
    const Series& acc = run.metrics.at("train/acc");
    REQUIRE(acc.size() == 12);
    CHECK(acc.values[11] == double(0.05f * 11.0f));
    const Series& val = run.metrics.at("val/acc");
    REQUIRE(val.size() == 3);
    CHECK(val.values[2] == 0.1 * 11);
    CHECK(run.metrics.count("samples") == 0);
    CHECK(run.config.at("lr") == Value::number(0.01));
    CHECK(run.config.at("optimizer") == Value::string("adam"));
    CHECK(run.config.at("nesterov") == Value::boolean(true));
    CHECK(run.config.at("notes") == Value::string("first try"));
    CHECK(run.summary.at("val/acc") == Value::number(0.1 * 11));
    CHECK(run.info.state == RunState::Finished);
    CHECK(run.info.endTime == 1700000020.0);
    // Summary.Image at steps 3, 7, 11; a tf.summary.image tensor of two images at step 5.
    REQUIRE(run.stepMedia.count("samples") == 1);
    const auto& samples = run.stepMedia.at("samples");
    CHECK(samples.size() == 3);
    REQUIRE(samples.count(7) == 1);
    REQUIRE(samples.at(7).size() == 1);
    const MediaItem& png = sink.media.at(std::size_t(samples.at(7)[0].media - 1));
    CHECK(png.mime == "image/png");
    CHECK(png.width == 2);
    CHECK(sink.media.size() == 3);  // one for the same bytes at three steps, two in the batch
    REQUIRE(run.stepMedia.count("batch") == 1);
    const auto& batch = run.stepMedia.at("batch").at(5);
    REQUIRE(batch.size() == 2);
    CHECK(sink.media.at(std::size_t(batch[1].media - 1)).width == 4);
    CHECK(sink.media.at(std::size_t(batch[1].media - 1)).height == 5);
    for (const auto& n : run.notes)
        CHECK(n.message.find("image") == std::string::npos);
}

TEST_CASE("nested folders are separate runs; several files in one folder form one run") {
    TempDir dir;
    fs::create_directories(dir / "train");
    fs::create_directories(dir / "validation/deeper");
    EventFileWriter a;
    a.fileVersion(100);
    a.simpleValue(101, 1, "loss", 1.0f);
    writeFile(dir / "train/events.out.tfevents.200.host", a.bytes());
    EventFileWriter b;
    b.fileVersion(50);  // earlier name, read first
    b.simpleValue(51, 0, "loss", 2.0f);
    writeFile(dir / "train/events.out.tfevents.100.host", b.bytes());
    writeFile(dir / "validation/events.out.tfevents.100.host", a.bytes());
    writeFile(dir / "validation/deeper/events.out.tfevents.100.host", a.bytes());
    writeFile(dir / "validation/notes.txt", "not an event file");

    MemorySink sink;
    ImportStats stats = importOk(dir.path(), sink);
    CHECK(stats.runs == 3);
    REQUIRE(sink.runs.size() == 3);
    MemoryRun& train = sink.byUid("train");
    CHECK(train.info.name == "train");
    REQUIRE(train.metrics.at("loss").size() == 2);
    CHECK(train.metrics.at("loss").values[0] == 2.0);  // file-name order
    CHECK(train.metrics.at("loss").values[1] == 1.0);
    CHECK(train.info.startTime == 50);
    CHECK(sink.hasUid("validation"));
    CHECK(sink.byUid("validation/deeper").info.name == "validation/deeper");

    tb::TensorBoardImporter importer;
    CHECK(importer.canOpen(dir.path()));
    CHECK(importer.canOpen(dir / "train/events.out.tfevents.100.host"));
    CHECK_FALSE(importer.canOpen(dir / "validation/notes.txt"));
}

TEST_CASE("a file cut at every byte imports its whole records, then resumes to the full data") {
    // Each import reads a folder named "run", so the runs compared share their uid.
    EventFileWriter w;
    writeSampleRun(w, 4);
    const std::string& full = w.bytes();
    MemorySink oneShot;
    {
        TempDir dir;
        writeFile(dir / "run" / kFile, full);
        importOk(dir / "run", oneShot);
    }
    const auto& offsets = w.recordOffsets();
    TempDir dir;
    for (std::size_t n = 0; n <= full.size(); ++n) {
        INFO("cut at " << n << " of " << full.size());
        writeFile(dir / "run" / kFile, full.substr(0, n));
        MemorySink sink;
        ImportStats cut = importOk(dir / "run", sink);
        std::size_t whole = 0;
        for (std::size_t i = 0; i < offsets.size(); ++i) {
            std::size_t end = i + 1 < offsets.size() ? offsets[i + 1] : full.size();
            if (end <= n) ++whole;
        }
        REQUIRE(cut.records == std::int64_t(whole));
        REQUIRE(cut.skipped == 0);
        REQUIRE(sink.runs.size() == 1);
        // The writer finishes the file: the next pass reads exactly the rest.
        writeFile(dir / "run" / kFile, full);
        ImportStats rest = importOk(dir / "run", sink);
        REQUIRE(rest.records == std::int64_t(offsets.size() - whole));
        requireSameData(sink, oneShot);
    }
}

TEST_CASE("a file growing in random pieces, imported after each, equals a one-shot import") {
    EventFileWriter w;
    writeSampleRun(w);
    for (int i = 0; i < 200; ++i)
        w.simpleValue(1700000100.0 + i, 100 + i, "late/metric", float(i));
    const std::string& full = w.bytes();
    MemorySink oneShot;
    {
        TempDir dir;
        writeFile(dir / "run" / kFile, full);
        importOk(dir / "run", oneShot);
    }
    std::mt19937 rng(42);
    for (int trial = 0; trial < 5; ++trial) {
        TempDir dir;
        MemorySink sink;
        std::size_t written = 0;
        int passes = 0;
        while (written < full.size()) {
            written = std::min(full.size(), written + 1 + rng() % 300);
            writeFile(dir / "run" / kFile, full.substr(0, written));
            importOk(dir / "run", sink, nullptr, std::chrono::milliseconds(0));
            ++passes;
        }
        INFO("trial " << trial << ", " << passes << " passes");
        requireSameData(sink, oneShot);
        // A pass over the finished file adds nothing.
        ImportStats again = importOk(dir / "run", sink);
        CHECK(again.records == 0);
        CHECK(again.points == 0);
    }
}

TEST_CASE("a damaged byte anywhere loses only the record it is in") {
    EventFileWriter w;
    w.fileVersion(1);
    std::vector<int> pointsIn;  // points held by each record
    pointsIn.push_back(0);
    for (int step = 0; step < 6; ++step) {
        w.simpleValue(2 + step, step, "loss", float(step));
        pointsIn.push_back(1);
    }
    const std::string full = w.bytes();
    const auto& offsets = w.recordOffsets();
    for (std::size_t i = 0; i < full.size(); ++i) {
        INFO("damaged byte " << i);
        std::size_t record = 0;
        while (record + 1 < offsets.size() && offsets[record + 1] <= i)
            ++record;
        std::string bad = full;
        bad[i] = char(bad[i] ^ 0x5A);
        TempDir dir;
        writeFile(dir / kFile, bad);
        MemorySink sink;
        ImportStats stats = importOk(dir.path(), sink);
        REQUIRE(stats.skipped == 1);
        REQUIRE(stats.points == 6 - pointsIn[record]);
        MemoryRun& run = sink.byUid(rootUid(dir));
        bool noted = false;
        for (const auto& n : run.notes)
            noted |= n.level == NoteLevel::Warning;
        CHECK(noted);
    }
}

TEST_CASE("damage at the end is noted once, and reading resumes when valid records follow") {
    TempDir dir;
    EventFileWriter w;
    w.fileVersion(1);
    w.simpleValue(2, 1, "loss", 1.0f);
    std::string bytes = w.bytes() + std::string(30, '\x7f');
    writeFile(dir / kFile, bytes);
    MemorySink sink;
    ImportStats first = importOk(dir.path(), sink);
    CHECK(first.points == 1);
    CHECK(first.skipped == 1);
    std::size_t notes = sink.byUid(rootUid(dir)).notes.size();
    ImportStats second = importOk(dir.path(), sink);
    CHECK(second.skipped == 0);
    CHECK(sink.byUid(rootUid(dir)).notes.size() == notes);
    EventFileWriter more;
    more.simpleValue(3, 2, "loss", 2.0f);
    writeFile(dir / kFile, bytes + more.bytes());
    ImportStats third = importOk(dir.path(), sink);
    CHECK(third.points == 1);
    CHECK(sink.byUid(rootUid(dir)).metrics.at("loss").size() == 2);
}

TEST_CASE("a record with valid checksums but no Event inside is skipped and noted") {
    TempDir dir;
    EventFileWriter w;
    w.fileVersion(1);
    w.rawRecord("\xff\xff\xff\xff not protobuf");
    w.simpleValue(2, 1, "loss", 1.0f);
    writeFile(dir / kFile, w.bytes());
    MemorySink sink;
    ImportStats stats = importOk(dir.path(), sink);
    CHECK(stats.skipped == 1);
    CHECK(stats.points == 1);
}

TEST_CASE("empty and 40-byte event files give a run without data") {
    TempDir dir;
    fs::create_directories(dir / "empty");
    fs::create_directories(dir / "profile");
    writeFile(dir / "empty/events.out.tfevents.1.host", "");
    EventFileWriter w;
    w.fileVersion(1628697787.0);
    REQUIRE(w.bytes().size() == 45 - 5);  // the size of a real profile-empty file
    writeFile(dir / "profile/events.out.tfevents.1.host.profile-empty", w.bytes());
    MemorySink sink;
    ImportStats stats = importOk(dir.path(), sink);
    CHECK(stats.runs == 2);
    CHECK(stats.points == 0);
    CHECK(sink.byUid("empty").metrics.empty());
    CHECK(std::isnan(sink.byUid("empty").info.startTime));
    CHECK(sink.byUid("profile").info.startTime == 1628697787.0);
}

TEST_CASE("a folder without event files is an error, a missing path too") {
    TempDir dir;
    writeFile(dir / "readme.txt", "hello");
    MemorySink sink;
    tb::TensorBoardImporter importer;
    CHECK_FALSE(importer.import(dir.path(), sink, nullptr).ok());
    CHECK_FALSE(importer.import(dir / "missing", sink, nullptr).ok());
    CHECK_FALSE(importer.canOpen(dir.path()));
}

TEST_CASE("a replaced event file is noted and not read again") {
    TempDir dir;
    EventFileWriter w;
    w.fileVersion(1);
    w.simpleValue(2, 1, "loss", 1.0f);
    writeFile(dir / kFile, w.bytes());
    MemorySink sink;
    importOk(dir.path(), sink);
    EventFileWriter other;
    other.fileVersion(5);
    for (int i = 0; i < 5; ++i)
        other.simpleValue(6, i, "loss", 9.0f);
    writeFile(dir / kFile, other.bytes());
    ImportStats again = importOk(dir.path(), sink);
    CHECK(again.points == 0);
    MemoryRun& run = sink.byUid(rootUid(dir));
    CHECK(run.metrics.at("loss").size() == 1);
    REQUIRE_FALSE(run.notes.empty());
    CHECK(run.notes.back().message.find("replaced") != std::string::npos);
}

TEST_CASE("cancel between runs: the next import continues without duplicates") {
    TempDir dir;
    EventFileWriter w;
    writeSampleRun(w);
    for (int r = 0; r < 6; ++r) {
        fs::create_directories(dir / ("run" + std::to_string(r)));
        writeFile(dir / ("run" + std::to_string(r)) / kFile, w.bytes());
    }
    MemorySink oneShot;
    importOk(dir.path(), oneShot);

    MemorySink sink;
    Progress* self = nullptr;
    int messages = 0;
    Progress progress([&](std::int64_t, std::int64_t, const std::string& message) {
        if (!message.empty() && ++messages == 3) self->cancel();
    });
    self = &progress;
    ImportStats first = importOk(dir.path(), sink, &progress);
    CHECK(first.cancelled);
    CHECK(sink.runs.size() == 3);
    ImportStats rest = importOk(dir.path(), sink);
    CHECK_FALSE(rest.cancelled);
    CHECK(rest.runs == 3);
    requireSameData(sink, oneShot);
}

TEST_CASE("cancel inside a large file keeps what was read; the next import reads the rest") {
    TempDir dir;
    EventFileWriter w;
    w.fileVersion(1);
    for (int i = 0; i < 3000; ++i)
        w.simpleValue(2 + i, i, "loss", float(i));
    writeFile(dir / kFile, w.bytes());
    MemorySink sink;
    Progress* self = nullptr;
    Progress progress([&](std::int64_t, std::int64_t, const std::string& message) {
        if (!message.empty()) self->cancel();  // as soon as the run starts
    });
    self = &progress;
    ImportStats first = importOk(dir.path(), sink, &progress);
    CHECK(first.cancelled);
    CHECK(first.records > 0);
    CHECK(first.records < 3001);
    CHECK(sink.byUid(rootUid(dir)).metrics.at("loss").size() == std::size_t(first.points));
    ImportStats rest = importOk(dir.path(), sink);
    CHECK(first.records + rest.records == 3001);
    const Series& loss = sink.byUid(rootUid(dir)).metrics.at("loss");
    REQUIRE(loss.size() == 3000);
    for (int i = 0; i < 3000; ++i)
        REQUIRE(loss.steps[std::size_t(i)] == i);
}

namespace {

/// Remembers, at every commit, the saved state and how many points were logged by then.
class CommitRecordingSink : public MemorySink {
public:
    Result<void> commit() override {
        std::size_t points = 0;
        for (auto& [id, run] : runs) {
            for (auto& [key, s] : run.metrics)
                points += s.size();
        }
        snapshots.emplace_back(importState(tb::TbRunReader::stateKey(uid)), points);
        return MemorySink::commit();
    }
    std::vector<std::pair<std::string, std::size_t>> snapshots;
    std::string uid;
};

}  // namespace

TEST_CASE("each commit comes after the state that matches exactly the data logged") {
    TempDir dir;
    EventFileWriter w;
    w.fileVersion(1);
    for (int i = 0; i < 2000; ++i)
        w.simpleValue(2 + i, i, "loss", float(i));
    writeFile(dir / kFile, w.bytes());
    CommitRecordingSink sink;
    sink.uid = rootUid(dir);
    importOk(dir.path(), sink, nullptr, std::chrono::milliseconds(0));
    REQUIRE(sink.snapshots.size() >= 8);
    const auto& offsets = w.recordOffsets();
    for (const auto& [state, points] : sink.snapshots) {
        // The saved offset is a record boundary, and every record before it was logged.
        auto at = state.find("\"off\":");
        REQUIRE(at != std::string::npos);
        std::size_t offset = std::stoull(state.substr(at + 6));
        std::size_t records = 0;
        while (records < offsets.size() && offsets[records] < offset)
            ++records;
        INFO("state " << state);
        CHECK((records == offsets.size() ? w.bytes().size() : offsets[records]) == offset);
        CHECK(points == records - 1);  // all but the file_version record hold one point
    }
}

TEST_CASE("hparams.yaml written after the events: YAML types win over the plugin's text") {
    TempDir dir;
    EventFileWriter w;
    w.fileVersion(1);
    w.hparamsSessionStart(1, {test::HParam::str("layers", "[64, 64]"), test::HParam::num("lr", 0.1),
                              test::HParam::str("model", "Net(depth=3)")});
    writeFile(dir / kFile, w.bytes());
    MemorySink sink;
    importOk(dir.path(), sink);
    MemoryRun& run = sink.byUid(rootUid(dir));
    CHECK(run.config.at("layers") == Value::string("[64, 64]"));
    writeFile(dir / "hparams.yaml",
              "layers:\n- 64\n- 64\nlr: 0.1\nmodel: !!python/object:mymodels.Net\n  depth: 3\n"
              "extra:\n  seed: 7\n");
    ImportStats again = importOk(dir.path(), sink);
    CHECK(again.runs == 1);
    CHECK(run.config.at("layers") == Value::json("[64, 64]"));
    CHECK(run.config.at("lr") == Value::number(0.1));
    CHECK(run.config.at("model") == Value::string("Net(depth=3)"));
    CHECK(run.config.at("extra/seed") == Value::number(7));
    // hparams.yaml rewritten without a key: the key goes.
    writeFile(dir / "hparams.yaml", "layers:\n- 64\n- 64\nlr: 0.1\n");
    std::filesystem::last_write_time(
        dir / "hparams.yaml",
        std::filesystem::file_time_type::clock::now() + std::chrono::seconds(5));
    importOk(dir.path(), sink);
    CHECK(run.config.count("extra/seed") == 0);
    CHECK(run.config.at("model") == Value::string("Net(depth=3)"));
}

TEST_CASE("random payloads in valid frames never crash and are skipped or read") {
    std::mt19937 rng(11);
    TempDir dir;
    EventFileWriter w;
    w.fileVersion(1);
    int garbage = 0;
    for (int i = 0; i < 400; ++i) {
        std::string payload(rng() % 64, '\0');
        for (char& c : payload)
            c = char(rng());
        w.rawRecord(payload);
        ++garbage;
        if (i % 10 == 0) w.simpleValue(2, i, "loss", 1.0f);
    }
    writeFile(dir / kFile, w.bytes());
    MemorySink sink;
    ImportStats stats = importOk(dir.path(), sink);
    CHECK(stats.records == std::int64_t(w.recordOffsets().size()));
    CHECK(stats.points >= 40);  // random bytes may happen to parse as events with scalars
    CHECK(stats.skipped <= garbage);
}

TEST_CASE("progress counts the bytes still to read, and ends at its total") {
    TempDir dir;
    EventFileWriter w;
    w.fileVersion(1);
    for (int i = 0; i < 100; ++i)
        w.simpleValue(2 + i, i, "loss", float(i));
    const std::string first = w.bytes();
    for (int i = 100; i < 150; ++i)
        w.simpleValue(2 + i, i, "loss", float(i));
    writeFile(dir / kFile, first);
    std::int64_t done = -1;
    std::int64_t total = -1;
    Progress progress([&](std::int64_t d, std::int64_t t, const std::string&) {
        done = d;
        total = t;
    });
    MemorySink sink;
    importOk(dir.path(), sink, &progress);
    CHECK(total == std::int64_t(first.size()));
    CHECK(done == total);
    writeFile(dir / kFile, w.bytes());
    importOk(dir.path(), sink, &progress);
    CHECK(total == std::int64_t(w.bytes().size() - first.size()));
    CHECK(done == total);
}

TEST_CASE("every tag gets last/min/max summaries, continued by a re-import (#17)") {
    TempDir dir;
    EventFileWriter w;
    w.fileVersion(1000);
    const float values[] = {3, 1, 2};
    for (int i = 0; i < 3; ++i)
        w.simpleValue(1000 + 60 * i, i, "loss", values[i]);
    const std::string first = w.bytes();
    w.simpleValue(1300, 3, "loss", 5);
    writeFile(dir / "run" / kFile, first);
    MemorySink sink;
    importOk(dir / "run", sink);
    MemoryRun& run = sink.byUid("run");
    CHECK(run.summary.at("loss") == Value::number(2));
    CHECK(run.summary.at("loss.min") == Value::number(1));
    CHECK(run.summary.at("loss.max") == Value::number(3));
    writeFile(dir / "run" / kFile, w.bytes());
    importOk(dir / "run", sink);
    CHECK(run.summary.at("loss") == Value::number(5));
    CHECK(run.summary.at("loss.min") == Value::number(1));
    CHECK(run.summary.at("loss.max") == Value::number(5));
}

TEST_CASE("state, end and runtime from event times and the file's age (#17)") {
    TempDir dir;
    EventFileWriter w;
    // Logged over the last hour, just written: a live run.
    const double start = std::floor(double(std::chrono::duration_cast<std::chrono::seconds>(
                                               std::chrono::system_clock::now().time_since_epoch())
                                               .count()) -
                                    3600);
    w.fileVersion(start);
    w.simpleValue(start, 0, "loss", 1);
    w.simpleValue(start + 3600, 1, "loss", 0.5f);
    const fs::path file = dir / "run" / kFile;
    writeFile(file, w.bytes());
    MemorySink sink;
    importOk(dir / "run", sink);
    MemoryRun& run = sink.byUid("run");
    CHECK(run.info.startTime == start);
    CHECK(run.info.runtime == 3600);
    CHECK(run.info.state == RunState::Running);  // just written
    // Untouched for an hour: it ended, although nothing in the file changed.
    fs::last_write_time(file, fs::last_write_time(file) - std::chrono::hours(1));
    importOk(dir / "run", sink);
    CHECK(run.info.state == RunState::Finished);
    CHECK(run.info.endTime == start + 3600);
    CHECK(run.info.runtime == 3600);
}

TEST_CASE("a file written now whose events are old (a copied folder) is finished (#17)") {
    TempDir dir;
    EventFileWriter w;
    w.fileVersion(1000);
    w.simpleValue(1000, 0, "loss", 1);
    w.simpleValue(1000 + 3600, 1, "loss", 0.5f);
    writeFile(dir / "run" / kFile, w.bytes());
    MemorySink sink;
    importOk(dir / "run", sink);
    MemoryRun& run = sink.byUid("run");
    CHECK(run.info.state == RunState::Finished);
    CHECK(run.info.endTime == 1000 + 3600);
}
