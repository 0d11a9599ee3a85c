// WandbImporter on every real run folder in the shared fixtures (wandb 0.10 to 0.25), checked
// against the JSON/YAML files next to each log (read here with Qt and yaml-cpp, not with the
// importer's readers) and against counts from an independent decoder script.
#include <yaml-cpp/yaml.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>

#include "core/importers/wandb/wandb_importer.h"
#include "tests/core/importers/wandb/sink_dump.h"
#include "tests/support/fixtures.h"
#include "tests/support/memory_sink.h"
#include "tests/support/temp_dir.h"

using namespace runlens;
using namespace runlens::test;
namespace fs = std::filesystem;

namespace {

struct KeyCount {
    const char* key;
    std::size_t points;
    double last;
};

struct Expected {
    const char* uid;
    std::size_t metricKeys;      // history keys with numeric values (not starting with '_')
    std::size_t statsRecords;    // system metric samples
    std::vector<KeyCount> keys;  // first and last key in sorted order
};

// From a throwaway Python decoder written from the format notes (framing, CRC, protobuf by
// hand, items regrouped into trees and flattened), run over every .wandb fixture.
const std::vector<Expected> kExpected = {
    {"2chc5x75", 13, 39, {{"metrics/mAP_0.5", 3, 0.0}, {"x/lr2", 3, 0.09750400000000001}}},
    {"tfsxw9tj", 5, 0, {{"fitness_max", 50, 1006.2412109375}, {"generation", 50, 50.0}}},
    {"2aftyuo2", 0, 0, {}},
    {"3ojed7lz", 5, 18, {{"Training/accuracy", 861, 47.65625}, {"Validation/step", 862, 792.0}}},
    {"kj3gdsjx",
     5,
     208,
     {{"train/loss", 2144, 3.6433827877044678}, {"val/ppl", 1, 42.0227842285141}}},
    {"2fzg82x1", 0, 2, {}},
    {"158hb9yn", 0, 653, {}},
    {"yjhdn62e", 9, 914, {{"abstain_rate_0.55", 1000, 0.625}, {"step", 10000, 10000.0}}},
    {"fi4oniwq", 5, 4, {{"epoch", 10, 10.0}, {"val_loss", 10, 0.105003599195966}}},
    {"w0raviok", 5, 8, {{"epoch", 10, 10.0}, {"val_loss", 10, 0.11437657173664244}}},
    {"v7b6np1u", 5, 8, {{"epoch", 10, 10.0}, {"val_loss", 10, 0.10997150780388329}}},
    {"xr9qxw69", 5, 7, {{"epoch", 10, 10.0}, {"val_loss", 10, 0.10122452438401386}}},
    {"a0k0ix2o", 5, 3, {{"epoch", 10, 10.0}, {"val_loss", 10, 0.10593475591207951}}},
    {"5r1dkqro",
     3,
     480,
     {{"train/identity_loss", 3, 0.3843834102153778}, {"train/time", 3, 827.1591675281525}}},
    {"0bbap5k6", 7, 822, {{"train/epoch", 320, 5.0}, {"train/num_tokens", 319, 5626880.0}}},
    {"ze74a2dl", 8, 86, {{"epoch", 10, 10.0}, {"val/loss", 10, 1.1784784197807312}}},
    {"t6zexhjp", 0, 0, {}},
    {"6z2im367", 4, 2, {{"eps", 7, 0.062}, {"test/fgsm_scratch_acc", 7, 0.26669921875}}},
    {"k5u8xpy9", 0, 215, {}},
    {"chk58nkd", 5, 865, {{"train/epoch", 27, 0.41453428863868985}, {"train/loss", 27, 0.02}}},
    {"ehn3zg0g", 1, 1, {{"id", 6, 3.0}}},
    {"6iwsw8rx", 0, 1, {}},
    {"v3578nwg", 5, 47, {{"epoch", 16, 16.0}, {"validation_loss", 16, 0.42801256651863345}}},
    {"u2n4vxhf", 5, 8, {{"epoch", 3, 3.0}, {"validation_loss", 3, 0.11115220029350498}}},
    {"g9dvvkua", 0, 1, {}},
    {"gpiov4nv",
     13,
     1877,
     {{"eval/loss", 3, 2.974651575088501}, {"train/train_steps_per_second", 1, 0.032}}},
    {"9xns9u8c", 0, 33, {}},
    {"7clpd8ly", 0, 0, {}},  // 0-byte log: everything from files/
};

// One import of the whole fixture folder, shared by the test cases (it is the slow part).
struct Imported {
    MemorySink sink;
    ImportStats stats;
    std::map<std::string, std::string> digestsBefore, digestsAfter;
};

std::map<std::string, std::string> digests(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) out[e.path().string()] = fileDigest(e.path());
    return out;
}

Imported& imported() {
    static Imported* data = [] {
        auto* d = new Imported;
        const fs::path root = requireFixture("wandb");
        d->digestsBefore = digests(root);
        runlens::wandb::WandbImportOptions options;
        options.now = [] { return 4e9; };  // long after: runs without exit record crashed
        WandbImporter importer(options);
        auto result = importer.import(root, d->sink, nullptr);
        REQUIRE(result.ok());
        d->stats = result.value();
        d->digestsAfter = digests(root);
        // Leave a readable dump for people to look at.
        std::ofstream(testOutputDir() / "wandb-fixtures-import.txt")
            << runlens::test::wandb::dumpSink(d->sink);
        return d;
    }();
    return *data;
}

fs::path runDir(const std::string& uid) {
    for (const auto& f : WandbImporter::findRunFolders(requireFixture("wandb")))
        if (f.uid == uid) return f.dir;
    FAIL("no fixture folder for " << uid);
    return {};
}

bool noteMentions(const MemoryRun& r, const std::string& a, const std::string& b) {
    for (const auto& n : r.notes)
        if (n.message.find(a) != std::string::npos && n.message.find(b) != std::string::npos)
            return true;
    return false;
}

// An independent flattening of a JSON object: nested objects without "_type" are walked into.
void flatten(const QString& prefix, const QJsonValue& v, std::map<std::string, QJsonValue>& out) {
    if (v.isObject() && !v.toObject().isEmpty() && !v.toObject().contains("_type")) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            flatten(prefix.isEmpty() ? it.key() : prefix + "." + it.key(), it.value(), out);
        return;
    }
    out[prefix.toStdString()] = v;
}

bool sameValue(const Value& got, const QJsonValue& want) {
    switch (want.type()) {
        case QJsonValue::Double:
            return got.isNumber() && got.toNumber() == want.toDouble();
        case QJsonValue::String:
            return got.isString() && got.text() == want.toString().toStdString();
        case QJsonValue::Bool:
            return got.isBool() && got.toBool() == want.toBool();
        case QJsonValue::Null:
            return got.isNull();
        case QJsonValue::Array:
        case QJsonValue::Object: {
            if (!got.isJson()) return false;
            const QByteArray text = QByteArray::fromStdString("[" + got.text() + "]");
            const QJsonDocument doc = QJsonDocument::fromJson(text);
            return !doc.isNull() && doc.array().at(0) == want;
        }
        default:
            return false;
    }
}

}  // namespace

TEST_CASE("Every fixture run folder is imported, and nothing in them is written",
          "[wandb][fixtures]") {
    Imported& d = imported();
    CHECK(d.digestsAfter == d.digestsBefore);
    CHECK(d.stats.skipped == 0);
    CHECK_FALSE(d.stats.cancelled);
    CHECK(d.sink.runs.size() == kExpected.size());
    for (const Expected& e : kExpected) {
        INFO(e.uid);
        REQUIRE(d.sink.hasUid(e.uid));
        MemoryRun& r = d.sink.byUid(e.uid);
        CHECK(r.info.sourceFormat == "wandb");
        CHECK(r.metrics.size() == e.metricKeys);
        // One sample index per stats record (newer SDKs split a sample over several records).
        std::size_t samples = 0;
        for (const auto& [k, s] : r.systemMetrics)
            samples = std::max<std::size_t>(samples, std::size_t(s.steps.back() + 1));
        CHECK(samples == e.statsRecords);
        for (const KeyCount& k : e.keys) {
            INFO(k.key);
            REQUIRE(r.metrics.count(k.key));
            const Series& s = r.metrics.at(k.key);
            CHECK(s.size() == k.points);
            CHECK(s.values.back() == k.last);
        }
        for (const auto& [key, s] : r.metrics) {
            INFO(key);
            CHECK(std::is_sorted(s.steps.begin(), s.steps.end()));
        }
    }
}

TEST_CASE("Fixture config matches config.yaml and summary matches wandb-summary.json",
          "[wandb][fixtures]") {
    Imported& d = imported();
    int configsChecked = 0, summariesChecked = 0;
    for (const Expected& e : kExpected) {
        INFO(e.uid);
        MemoryRun& r = d.sink.byUid(e.uid);
        const fs::path files = runDir(e.uid) / "files";
        if (fs::exists(files / "config.yaml")) {
            ++configsChecked;
            YAML::Node root = YAML::LoadFile((files / "config.yaml").string());
            for (const auto& kv : root) {
                const std::string key = kv.first.as<std::string>();
                if (key == "wandb_version" || key == "_wandb") continue;
                const YAML::Node value = kv.second["value"];
                INFO(key);
                if (value.IsScalar()) {
                    if (noteMentions(r, "config.yaml disagrees", "'" + key + "'")) continue;
                    REQUIRE(r.config.count(key));
                    const Value& got = r.config.at(key);
                    if (got.isNumber())
                        CHECK(got.toNumber() == Approx(value.as<double>()));
                    else if (got.isBool())
                        CHECK(got.toBool() == value.as<bool>());
                    else if (got.isString())
                        CHECK(got.text() == value.Scalar());
                } else if (value.IsMap() && value.size() > 0) {
                    bool found = false;  // flattened: some key "key.<child>" exists
                    for (const auto& [k, v] : r.config)
                        found = found || k.rfind(key + ".", 0) == 0;
                    CHECK(found);
                } else if (value.IsNull()) {
                    REQUIRE(r.config.count(key));
                    CHECK(r.config.at(key).isNull());
                }
            }
        }
        if (fs::exists(files / "wandb-summary.json")) {
            ++summariesChecked;
            QFile f(QString::fromStdString((files / "wandb-summary.json").string()));
            REQUIRE(f.open(QIODevice::ReadOnly));
            const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
            REQUIRE(doc.isObject());
            std::map<std::string, QJsonValue> want;
            const QJsonObject top = doc.object();
            for (auto it = top.begin(); it != top.end(); ++it)
                flatten(it.key(), it.value(), want);
            for (const auto& [key, value] : want) {
                INFO(key);
                if (key.rfind("_wandb", 0) == 0) continue;  // SDK bookkeeping: runtime only
                if (noteMentions(r, "wandb-summary.json disagrees", "'" + key + "'")) continue;
                REQUIRE(r.summary.count(key));
                CHECK(sameValue(r.summary.at(key), value));
            }
        }
    }
    CHECK(configsChecked >= 18);
    CHECK(summariesChecked >= 18);
}

TEST_CASE("Fixture run metadata, lifecycle and console", "[wandb][fixtures]") {
    Imported& d = imported();
    MemoryRun& tiny = d.sink.byUid("kj3gdsjx");  // wandb 0.24, everything in the log
    CHECK(tiny.info.name == "tinylm_pretrain_512d_8L");
    CHECK(tiny.info.project == "TinyLM");
    CHECK(tiny.info.state == RunState::Finished);
    CHECK(tiny.info.exitCode == 0);
    CHECK(tiny.config.at("_wandb.cli_version") == Value::string("0.24.2"));

    MemoryRun& named = d.sink.byUid("6iwsw8rx");  // seven run records: the last name wins
    CHECK(named.info.name.rfind("img_<module 'keras.datasets.mnist'", 0) == 0);
    CHECK(named.info.entity == "cs19b021");
    CHECK(named.info.gitCommit == "f0dc31045c78521ddbb8ce9c3b496e0fe91e0045");

    MemoryRun& failed = d.sink.byUid("5r1dkqro");
    CHECK(failed.info.state == RunState::Failed);
    CHECK(failed.info.exitCode == 255);
    CHECK(failed.config.at("tokenizer_sample_reweigh_temperature") == Value::number(INFINITY));

    // Logs that end early (copied while training): the complete records, then crashed.
    for (const char* uid :
         {"3ojed7lz", "0bbap5k6", "chk58nkd", "158hb9yn", "9xns9u8c", "2aftyuo2"}) {
        INFO(uid);
        MemoryRun& r = d.sink.byUid(uid);
        CHECK(r.info.state == RunState::Crashed);
        CHECK_FALSE(r.finished);
    }
    CHECK(d.sink.byUid("3ojed7lz").metrics.at("Validation/accuracy").size() == 862);
    CHECK(d.sink.byUid("0bbap5k6").metrics.at("train/global_step").size() == 320);
    CHECK(d.sink.byUid("2aftyuo2").info.project == "jigsaw-paired-train");

    // Offline runs of newer SDKs without config.yaml: config comes from the log.
    MemoryRun& offline = d.sink.byUid("gpiov4nv");
    CHECK(offline.info.pythonVersion == "3.11.3");
    CHECK(offline.config.size() > 50);
    CHECK(offline.info.state == RunState::Finished);

    // The 0-byte log: config, console and metadata from files/.
    MemoryRun& empty = d.sink.byUid("7clpd8ly");
    CHECK(noteMentions(empty, "is empty", "files/ alone"));
    CHECK(empty.config.at("_wandb.cli_version") == Value::string("0.17.0"));
    CHECK(empty.console.size() == 15);  // files/output.log has 15 lines
    CHECK_FALSE(empty.info.host.empty());

    // Console from output_raw: progress-bar redraws collapse, no escape codes left.
    MemoryRun& zett = d.sink.byUid("5r1dkqro");
    CHECK(zett.console.size() > 100);
    for (const auto& line : zett.console) {
        INFO(line.text);
        CHECK(line.text.find('\x1b') == std::string::npos);
        CHECK(line.text.find('\r') == std::string::npos);
    }
    // Python-era runs: requirements kept.
    CHECK(d.sink.byUid("fi4oniwq").config.at("_wandb.requirements").text().find("==") !=
          std::string::npos);
}

TEST_CASE("Fixture media, tables, artifacts and sweeps", "[wandb][fixtures]") {
    Imported& d = imported();
    auto table = [&](const std::string& uid, const std::string& name, std::int64_t step) {
        for (const auto& t : d.sink.byUid(uid).tables)
            if (t.name == name && t.step == step) return &t;
        return static_cast<const PredictionTable*>(nullptr);
    };
    // W&B Tables: the preview copies of a 0.13 run (image cells are placeholders).
    for (std::int64_t step = 0; step < 6; ++step) {
        const PredictionTable* t = table("6iwsw8rx", "table", step);
        REQUIRE(t);
        REQUIRE(t->rowCount() == 10);
        CHECK(t->columns[0].name == "class name");
        CHECK(t->columns[0].strings[1] == (step < 3 ? "1/(Trouser)" : t->columns[0].strings[1]));
        CHECK(t->columns[1].type == ColumnType::Image);
    }
    CHECK(noteMentions(d.sink.byUid("6iwsw8rx"), "preview copy", "no image files"));
    // A 0.25 table, checked cell by cell against its JSON.
    const PredictionTable* fgsm = table("6z2im367", "tables/fgsm_eps_sweep", 7);
    REQUIRE(fgsm);
    REQUIRE(fgsm->rowCount() == 7);
    REQUIRE(fgsm->columns.size() == 4);
    CHECK(fgsm->columns[0].name == "eps");
    CHECK(fgsm->columns[0].numbers ==
          std::vector<double>{0.0, 0.002, 0.004, 0.008, 0.016, 0.031, 0.062});
    CHECK(fgsm->columns[3].numbers.back() == 0.01572265625);
    const PredictionTable* epochs = table("ze74a2dl", "epoch_metrics", 360);
    REQUIRE(epochs);
    CHECK(epochs->rowCount() == 10);
    CHECK(epochs->columns[4].numbers.back() == 0.7455078125);

    // Images: media at their key and step, each image stored once; no tables of images.
    auto images = [&](const std::string& uid, const std::string& key, std::int64_t step) {
        const auto& media = d.sink.byUid(uid).stepMedia;
        auto k = media.find(key);
        if (k == media.end()) return std::vector<StepImage>();
        auto s = k->second.find(step);
        return s == k->second.end() ? std::vector<StepImage>() : s->second;
    };
    CHECK(images("2chc5x75", "Bounding Box Debugger/Images", 1).size() == 8);
    CHECK(d.sink.byUid("2chc5x75").tables.empty());
    std::size_t yoloImages = 0;
    for (const auto& [key, steps] : d.sink.byUid("2chc5x75").stepMedia)
        for (const auto& [step, list] : steps) {
            yoloImages += list.size();
            for (const StepImage& image : list)
                CHECK(image.media > 0);
        }
    CHECK(yoloImages == 33);
    CHECK(d.sink.byUid("2chc5x75").stepMedia.count("Mosaics") == 1);
    const auto plot = images("ehn3zg0g", "plot", 5);
    REQUIRE(plot.size() == 1);
    const MediaItem& png = d.sink.media.at(std::size_t(plot[0].media - 1));
    CHECK(png.mime == "image/png");
    CHECK(png.width > 0);
    CHECK(images("fi4oniwq", "Confusion Matrix", 11).size() == 1);

    // Artifacts logged by runs.
    bool model = false;
    for (const auto& a : d.sink.artifacts)
        model = model || (a.name == "run_2chc5x75_model" && a.type == "model" &&
                          a.producerRunUid == "2chc5x75" && a.files.size() == 1);
    CHECK(model);

    // Sweeps: runs linked by their sweep folder, parameters as observed.
    REQUIRE(d.sink.sweeps.size() == 2);
    for (const char* uid : {"fi4oniwq", "w0raviok", "v7b6np1u", "xr9qxw69", "a0k0ix2o"})
        CHECK(d.sink.byUid(uid).info.sweepUid == "bk9z220w");
    CHECK(d.sink.byUid("u2n4vxhf").info.sweepUid == "uzo2snfi");
    CHECK(d.sink.byUid("v3578nwg").info.sweepUid == "uzo2snfi");
    for (const auto& s : d.sink.sweeps)
        if (s.uid == "bk9z220w")
            CHECK(s.parametersJson.find("\"batch_size\"") != std::string::npos);
}

TEST_CASE("Importing the fixtures again adds nothing", "[wandb][fixtures][incremental]") {
    Imported& d = imported();
    const std::string before = runlens::test::wandb::dumpSink(d.sink);
    runlens::wandb::WandbImportOptions options;
    options.now = [] { return 4e9; };
    WandbImporter importer(options);
    auto again = importer.import(requireFixture("wandb"), d.sink, nullptr);
    REQUIRE(again.ok());
    CHECK(again->records == 0);
    CHECK(again->points == 0);
    CHECK(runlens::test::wandb::firstDifference(runlens::test::wandb::dumpSink(d.sink), before) ==
          "");
}

TEST_CASE("A fixture log with a flipped byte in the middle: the rest is still read",
          "[wandb][fixtures][damage]") {
    // wandb's own reader stops at a bad checksum; Runlens skips one block and goes on.
    const fs::path source = runDir("yjhdn62e");
    TempDir tmp;
    const fs::path copy = tmp / source.filename().string();
    fs::create_directories(copy);
    std::string bytes = readFile(source / "run-yjhdn62e.wandb");
    REQUIRE(bytes.size() > 1000000);
    bytes[bytes.size() / 2] ^= 0x10;
    writeFile(copy / "run-yjhdn62e.wandb", bytes);
    MemorySink sink;
    WandbImporter importer;
    auto result = importer.import(copy, sink, nullptr);
    REQUIRE(result.ok());
    CHECK(result->skipped == 1);
    MemoryRun& r = sink.byUid("yjhdn62e");
    const Series& step = r.metrics.at("step");
    CHECK(step.size() < 10000);
    CHECK(step.size() > 9800);  // one 32 KiB block of ~3.8 MB lost
    CHECK(step.values.back() == 10000);
    CHECK(r.info.state == RunState::Finished);
    CHECK(noteMentions(r, "damaged log data", "checksum mismatch"));
}

TEST_CASE("Opening one fixture run folder or its log brings only that run and its sweep",
          "[wandb][fixtures][detect]") {
    const fs::path dir = runDir("fi4oniwq");
    WandbImporter importer;
    CHECK(importer.canOpen(dir));
    CHECK(importer.canOpen(dir / "run-fi4oniwq.wandb"));
    CHECK(importer.canOpen(requireFixture("wandb")));
    CHECK(importer.canOpen(dir.parent_path()));
    CHECK_FALSE(importer.canOpen(dir / "files"));
    CHECK_FALSE(importer.canOpen(dir.parent_path() / "sweep-bk9z220w"));
    for (const fs::path& path : {dir, dir / "run-fi4oniwq.wandb"}) {
        INFO(path);
        MemorySink sink;
        auto result = importer.import(path, sink, nullptr);
        REQUIRE(result.ok());
        REQUIRE(sink.runs.size() == 1);
        CHECK(sink.byUid("fi4oniwq").metrics.at("val_loss").size() == 10);
        REQUIRE(sink.sweeps.size() == 1);
        CHECK(sink.sweeps[0].uid == "bk9z220w");
        CHECK(sink.byUid("fi4oniwq").info.sweepUid == "bk9z220w");
    }
    // The 0-byte log alone still opens its run from files/.
    MemorySink sink;
    auto empty = importer.import(runDir("7clpd8ly") / "run-7clpd8ly.wandb", sink, nullptr);
    REQUIRE(empty.ok());
    CHECK(sink.hasUid("7clpd8ly"));
}
