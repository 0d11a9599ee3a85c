// The TensorBoard importer against real event files. Expected counts and values were read with
// a separate throwaway decoder (hand-written CRC-32C and protobuf parsing in Python).
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <sstream>

#include "core/importers/tensorboard/tensorboard_importer.h"
#include "core/query/bound_query.h"
#include "core/query/query.h"
#include "core/query/runs_query_table.h"
#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "core/util/parse_number.h"
#include "tests/support/fixtures.h"
#include "tests/support/memory_sink.h"
#include "tests/support/temp_dir.h"

using namespace runlens;
using runlens::test::MemoryRun;
using runlens::test::MemorySink;
using runlens::test::requireFixture;

namespace {

struct Expected {
    const char* tag;
    std::size_t count;
    std::int64_t firstStep;
    double firstValue;
    std::int64_t lastStep;
    double lastValue;
    double sum;
};

void checkSeries(MemoryRun& run, const Expected& e) {
    INFO("tag " << e.tag);
    REQUIRE(run.metrics.count(e.tag) == 1);
    const Series& s = run.metrics.at(e.tag);
    REQUIRE(s.size() == e.count);
    CHECK(s.steps.front() == e.firstStep);
    CHECK(s.values.front() == Approx(e.firstValue).epsilon(1e-12));
    CHECK(s.steps.back() == e.lastStep);
    CHECK(s.values.back() == Approx(e.lastValue).epsilon(1e-12));
    double sum = std::accumulate(s.values.begin(), s.values.end(), 0.0);
    CHECK(sum == Approx(e.sum).epsilon(1e-12));
    for (double t : s.times)
        CHECK(t > 1.0e9);  // every point has its event's wall time
}

ImportStats importOk(const std::filesystem::path& path, MemorySink& sink) {
    tb::TensorBoardImporter importer;
    auto result = importer.import(path, sink, nullptr);
    REQUIRE(result.ok());
    return result.value();
}

/// Top-level `key: value` lines of a YAML file whose value is a plain or quoted scalar, read
/// line by line (independently of yaml-cpp and of the importer), with the Value the config
/// should hold for them.
std::vector<std::pair<std::string, Value>> topLevelScalars(const std::filesystem::path& file) {
    std::vector<std::pair<std::string, Value>> out;
    std::istringstream in(test::readFile(file));
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == ' ' || line[0] == '-' || line[0] == '#') continue;
        auto colon = line.find(": ");
        if (colon == std::string::npos) continue;
        std::string key = line.substr(0, colon);
        std::string v = line.substr(colon + 2);
        if (key.find_first_of("'\"") != std::string::npos || v.empty()) continue;
        char c = v[0];
        if (c == '!' || c == '[' || c == '{' || c == '|' || c == '>' || c == '&' || c == '*')
            continue;
        if (c == '\'' && v.size() >= 2 && v.back() == '\'') {
            out.emplace_back(key, Value::string(v.substr(1, v.size() - 2)));
        } else if (v == "null") {
            out.emplace_back(key, Value());
        } else if (v == "true" || v == "false") {
            out.emplace_back(key, Value::boolean(v == "true"));
        } else if (auto n = parseDouble(v)) {
            out.emplace_back(key, Value::number(*n));
        } else {
            out.emplace_back(key, Value::string(v));
        }
    }
    return out;
}

/// Every top-level plain scalar of hparams.yaml is in the config with the same value.
int checkYamlScalars(const MemoryRun& run, const std::filesystem::path& yamlFile) {
    int checked = 0;
    for (const auto& [key, value] : topLevelScalars(yamlFile)) {
        INFO("yaml key " << key);
        REQUIRE(run.config.count(key) == 1);
        CHECK(run.config.at(key) == value);
        ++checked;
    }
    return checked;
}

}  // namespace

TEST_CASE("wandb test asset: Keras TF1 scalars, graph and meta graph skipped") {
    auto file =
        requireFixture("tensorboard/wandb__wandb/tests/assets/events.out.tfevents.1585769947.cvp");
    MemorySink sink;
    ImportStats stats = importOk(file, sink);
    CHECK(stats.records == 105);
    CHECK(stats.points == 102);
    CHECK(stats.skipped == 0);
    CHECK(stats.bytesRead == 170975);
    REQUIRE(sink.runs.size() == 1);
    MemoryRun& run = sink.runs.begin()->second;
    CHECK(run.info.uid == "assets");  // the folder, never "." (#17)
    CHECK(run.info.name == "assets");
    CHECK(run.info.sourceFormat == "tensorboard");
    CHECK(run.info.startTime == 1585769947.0);
    CHECK(run.metrics.size() == 6);
    checkSeries(run, {"epoch_loss", 17, 0, 3.9135773181915283, 16, 2.932505594799295e-05,
                      3.914048545582773});
    checkSeries(run, {"batch_acc", 17, 0, 0.0, 16, 1.0, 16.0});
    checkSeries(run, {"epoch_val_acc", 17, 0, 1.0, 16, 1.0, 17.0});
    checkSeries(run, {"epoch_val_loss", 17, 0, 2.95634672511369e-05, 16, 2.932505594799295e-05,
                      0.0005005524471926037});
    CHECK(float(run.metrics.at("epoch_loss").values.front()) == 3.9135773f);
    CHECK(float(run.metrics.at("epoch_loss").values.back()) == 2.9325056e-05f);
    CHECK(run.metrics.at("batch_loss").times.front() == 1585769947.935316);
    CHECK(hasNote(run, "2 graphs"));
}

TEST_CASE("a second import of an unchanged fixture adds nothing") {
    auto file =
        requireFixture("tensorboard/wandb__wandb/tests/assets/events.out.tfevents.1585769947.cvp");
    MemorySink sink;
    importOk(file, sink);
    std::size_t notes = sink.runs.begin()->second.notes.size();
    ImportStats again = importOk(file, sink);
    CHECK(again.records == 0);
    CHECK(again.points == 0);
    CHECK(again.runs == 0);
    CHECK(sink.runs.begin()->second.metrics.at("epoch_loss").size() == 17);
    CHECK(sink.runs.begin()->second.notes.size() == notes);
}

TEST_CASE("keyword-transformer: 13,200 values of one tag, several per step") {
    auto dir = requireFixture(
        "tensorboard/ARM-software__keyword-transformer/models_data_v2_12_labels/att_mh_rnn_1/logs");
    MemorySink sink;
    ImportStats stats = importOk(dir, sink);
    CHECK(stats.records == 13201);
    REQUIRE(sink.runs.size() == 1);
    MemoryRun& run = sink.byUid("validation");
    CHECK(run.info.name == "validation");
    checkSeries(run, {"accuracy", 13200, 400, 0.7900000214576721, 120000, 0.949999988079071,
                      12817.310114979744});
    CHECK(run.notes.empty());
}

TEST_CASE("Keras TF2 .v2 file with a graph plugin tensor and a 40-byte profile-empty file") {
    auto dir = requireFixture(
        "tensorboard/10-Academy-Batch-4-Week-4__Swahili-Speech-To-Text/mlruns/1/"
        "ed05f9cd599442fe9a0c9222184710b8/artifacts/tensorboard_logs");
    MemorySink sink;
    ImportStats stats = importOk(dir, sink);
    CHECK(stats.records == 15);      // 14 + the profile-empty file's file_version
    REQUIRE(sink.runs.size() == 1);  // plugins/profile holds no event files
    MemoryRun& run = sink.byUid("train");
    CHECK(run.metrics.size() == 1);
    checkSeries(run,
                {"epoch_loss", 10, 0, 332.6841735839844, 9, 234.7978057861328, 2566.997344970703});
    CHECK(run.info.startTime == 1628697775.0);
    CHECK(hasNote(run, "graph"));
}

TEST_CASE("graph-only event file: a run without metrics, the graph noted") {
    auto dir = requireFixture("tensorboard/RajeshRamadas__yolov8-ofa/runs/yolov8_ofa_project");
    MemorySink sink;
    ImportStats stats = importOk(dir, sink);
    CHECK(stats.records == 3);
    CHECK(stats.points == 0);
    MemoryRun& run = sink.byUid("optimal_run");
    CHECK(run.metrics.empty());
    CHECK(run.info.startTime == 1741786006.2373242);
    CHECK(hasNote(run, "2 graphs"));  // graph_def and tagged run metadata
}

TEST_CASE("HF Trainer: text plugin arguments become config, 660 scalars") {
    auto dir = requireFixture(
        "tensorboard/satishparaddi__Fine-Tuning-LLaMA-for-Medical-QA/"
        "llama_symptom_finetuned_lr0.0001_bs2/runs");
    MemorySink sink;
    ImportStats stats = importOk(dir, sink);
    CHECK(stats.records == 665);
    CHECK(stats.points == 662);
    MemoryRun& run = sink.byUid("Apr23_03-04-15_ba5499e6dd2a");
    CHECK(run.metrics.size() == 11);
    checkSeries(run, {"train/loss", 109, 10, 1.692199945449829, 1090, 0.5299000144004822,
                      64.93730002641678});
    checkSeries(run, {"train/num_tokens", 110, 10, 51200.0, 1095, 5618688.0, 313238528.0});
    checkSeries(run, {"train/total_flos", 1, 1095, 3.283554896393011e+16, 1095,
                      3.283554896393011e+16, 3.283554896393011e+16});
    // args/text_summary holds TrainingArguments as JSON.
    CHECK(run.config.at("args/output_dir") ==
          Value::string("/content/llama_symptom_finetuned_lr0.0001_bs2"));
    CHECK(run.config.at("args/per_device_train_batch_size") == Value::number(2));
    CHECK(run.config.at("args/do_train") == Value::boolean(false));
    CHECK(run.config.at("model_config/hidden_size") == Value::number(2048));
    CHECK(run.config.at("model_config/architectures") == Value::json("[\"LlamaForCausalLM\"]"));
    CHECK(run.config.at("model_config/eos_token_id") == Value::json("[128001,128008,128009]"));
}

TEST_CASE("Lightning N-BEATS: hparams plugin and hparams.yaml with Python tags") {
    auto dir = requireFixture("tensorboard/DatavAId__N-BEATS/lightning_logs");
    MemorySink sink;
    ImportStats stats = importOk(dir, sink);
    CHECK(stats.records == 214);
    MemoryRun& run = sink.byUid("version_0");
    CHECK(run.info.name == "version_0");
    checkSeries(run, {"train_loss_epoch", 90, 0, 8.911704063415527, 89, 4.178401947021484,
                      546.8778858184814});
    checkSeries(run, {"epoch", 100, 0, 0.0, 89, 89.0, 4495.0});
    checkSeries(run,
                {"ptl/val_loss", 9, 9, 9.924031257629395, 89, 4.56652307510376, 47.85564088821411});
    checkSeries(run, {"hp_metric", 1, 0, -1.0, 0, -1.0, -1.0});
    // The hparams plugin names hp_metric as the session metric: its last value is a summary.
    CHECK(run.summary.at("hp_metric") == Value::number(-1));
    // The plugin's 31 hyperparameters are all in the config.
    for (const char* key : {"h",
                            "input_size",
                            "loss",
                            "valid_loss",
                            "learning_rate",
                            "max_steps",
                            "val_check_steps",
                            "batch_size",
                            "valid_batch_size",
                            "windows_batch_size",
                            "inference_windows_batch_size",
                            "step_size",
                            "num_lr_decays",
                            "early_stop_patience_steps",
                            "scaler_type",
                            "futr_exog_list",
                            "hist_exog_list",
                            "stat_exog_list",
                            "exclude_insample_y",
                            "num_workers_loader",
                            "drop_last_loader",
                            "random_seed",
                            "alias",
                            "n_harmonics",
                            "n_polynomials",
                            "stack_types",
                            "n_blocks",
                            "mlp_units",
                            "dropout_prob_theta",
                            "activation",
                            "shared_weights"}) {
        INFO(key);
        CHECK(run.config.count(key) == 1);
    }
    // Plain YAML values win (typed); the plugin's text wins over a YAML Python object.
    CHECK(checkYamlScalars(run, dir / "version_0/hparams.yaml") >= 20);
    CHECK(run.config.at("learning_rate") == Value::number(0.001));
    CHECK(run.config.at("exclude_insample_y") == Value::boolean(false));
    CHECK(run.config.at("alias") == Value());
    CHECK(run.config.at("stack_types") == Value::json(R"(["identity", "trend", "seasonality"])"));
    CHECK(run.config.at("mlp_units") == Value::json("[[512, 512], [512, 512], [512, 512]]"));
    CHECK(run.config.at("loss") == Value::string("DistributionLoss()"));
    // No key from inside the Python object leaks into the config.
    for (const auto& [key, value] : run.config)
        CHECK(key.rfind("loss/", 0) != 0);
}

TEST_CASE("Lightning TFT: hparams, 168 images at their steps, flattened YAML maps") {
    auto dir = requireFixture("tensorboard/Aquilaxc__tft-network/lightning_logs/lightning_logs");
    MemorySink sink;
    ImportStats stats = importOk(dir, sink);
    CHECK(stats.records == 528);
    MemoryRun& run = sink.byUid("colab_1010_in_7days");
    CHECK(run.metrics.size() == 10);
    checkSeries(run, {"lr-Ranger", 23, 0, 0.0010000000474974513, 3586, 0.0005000000237487257,
                      0.020500000973697752});
    checkSeries(
        run, {"val_RMSE", 23, 162, 0.8181686401367188, 3748, 0.63052898645401, 15.231310844421387});
    checkSeries(run, {"epoch", 120, 49, 0.0, 3748, 22.0, 1320.0});
    std::size_t images = 0;
    for (const auto& [key, steps] : run.stepMedia)
        for (const auto& [step, list] : steps)
            images += list.size();
    CHECK(images == 168);
    CHECK(!hasNote(run, "images"));
    CHECK(checkYamlScalars(run, dir / "colab_1010_in_7days/hparams.yaml") >= 15);
    CHECK(run.config.at("embedding_labels/customer/B") == Value::number(1));
    CHECK(run.config.at("embedding_labels/line/65") == Value::number(3));
    CHECK(run.config.at("embedding_sizes/line") == Value::json("[4, 3]"));
    CHECK(run.config.at("share_single_variable_networks") == Value::boolean(false));
    CHECK(run.config.at("loss") ==
          Value::string("QuantileLoss(quantiles=[0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.98])"));
    CHECK(run.config.at("optimizer_params") == Value());  // YAML null beats the plugin's "None"
}

TEST_CASE("Lightning TFT without training scalars: hparams only") {
    auto dir =
        requireFixture("tensorboard/FbStatsQuant__Temporal-Fusion-Transformer/lightning_logs");
    MemorySink sink;
    ImportStats stats = importOk(dir, sink);
    CHECK(stats.records == 5);
    MemoryRun& run = sink.byUid("version_0");
    CHECK(run.metrics.size() == 1);
    CHECK(run.summary.at("hp_metric") == Value::number(-1));
    CHECK(checkYamlScalars(run, dir / "version_0/hparams.yaml") >= 15);
    CHECK(run.config.count("dataset_parameters/max_encoder_length") == 1);
    CHECK(run.config.count("embedding_labels/month/12") == 1);
    // PyTorch's session end record has no end time; files untouched for months: finished (#17)
    CHECK(run.info.state == RunState::Finished);
}

TEST_CASE("fixtures are never written to") {
    auto dir = requireFixture("tensorboard/DatavAId__N-BEATS/lightning_logs/version_0");
    auto before = test::fileDigest(dir / "events.out.tfevents.1690255049.Davestat");
    auto mtime = std::filesystem::last_write_time(dir);
    MemorySink sink;
    importOk(dir, sink);
    CHECK(test::fileDigest(dir / "events.out.tfevents.1690255049.Davestat") == before);
    CHECK(std::filesystem::last_write_time(dir) == mtime);
}

TEST_CASE("the registry finds the TensorBoard importer for fixture folders and files") {
    auto dir = requireFixture("tensorboard/wandb__wandb/tests/assets");
    auto importer = findImporter(dir);
    REQUIRE(importer);
    CHECK(importer->format() == "tensorboard");
    auto lightning = findImporter(requireFixture("tensorboard/DatavAId__N-BEATS"));
    REQUIRE(lightning);
    CHECK(lightning->format() == "tensorboard");
}

TEST_CASE("N-BEATS: every tag has a last/min/max summary, and filters reach it (#17)") {
    auto dir = requireFixture("tensorboard/DatavAId__N-BEATS/lightning_logs");
    test::TempDir tmp;
    const std::string db = (tmp / "nbeats.runlens").string();
    {
        auto writer = RunWriter::open(db);
        REQUIRE(writer.ok());
        tb::TensorBoardImporter importer;
        REQUIRE(importer.import(dir, *writer.value(), nullptr).ok());
    }
    const RunsSnapshot snap = RunStore::open(db).value().readRuns().value();
    REQUIRE(snap.runs.size() == 1);
    auto rows = [&](const std::string& text) {
        query::RunsQueryTable table(snap);
        auto bound = query::BoundQuery::bind(query::Query::parse(text), table);
        INFO(text << ": " << (bound.ok() ? std::string() : bound.error().message));
        REQUIRE(bound.ok());
        return bound.filter().size();
    };
    // Last ptl/val_loss is 4.5665; its first (and largest) 9.924.
    CHECK(rows("summary.ptl/val_loss < 5") == 1);
    CHECK(rows("summary.ptl/val_loss < 4.5") == 0);
    CHECK(rows("summary.ptl/val_loss.max > 9.9") == 1);
    CHECK(rows("summary.ptl/val_loss.min < 4.57") == 1);
    CHECK(rows("summary.train_loss_epoch < 4.2") == 1);
}

TEST_CASE("keyword-transformer: start, end and runtime from event times; finished (#17)") {
    auto dir = requireFixture(
        "tensorboard/ARM-software__keyword-transformer/models_data_v2_12_labels/att_mh_rnn_1/logs");
    MemorySink sink;
    importOk(dir, sink);
    MemoryRun& run = sink.byUid("validation");
    REQUIRE(!std::isnan(run.info.startTime));
    REQUIRE(!std::isnan(run.info.endTime));
    CHECK(run.info.runtime == Approx(run.info.endTime - run.info.startTime));
    CHECK(run.info.runtime > 13 * 3600.0);  // the events span about 14 hours
    CHECK(run.info.runtime < 15 * 3600.0);
    CHECK(run.info.state == RunState::Finished);
}

TEST_CASE("yolov8 optimal_run, untouched for months: finished, not running (#17)") {
    auto dir =
        requireFixture("tensorboard/RajeshRamadas__yolov8-ofa/runs/yolov8_ofa_project/optimal_run");
    MemorySink sink;
    importOk(dir, sink);
    REQUIRE(sink.runs.size() == 1);
    MemoryRun& run = sink.runs.begin()->second;
    CHECK(run.info.uid == "optimal_run");
    CHECK(run.info.state == RunState::Finished);
}

TEST_CASE("a run folder copied today keeps its old event times: finished, not running (#17)") {
    auto dir =
        requireFixture("tensorboard/RajeshRamadas__yolov8-ofa/runs/yolov8_ofa_project/optimal_run");
    test::TempDir tmp;
    const auto copy = tmp / "optimal_run";
    std::filesystem::copy(dir, copy, std::filesystem::copy_options::recursive);
    MemorySink sink;
    importOk(copy, sink);
    REQUIRE(sink.runs.size() == 1);
    const MemoryRun& run = sink.runs.begin()->second;
    CHECK(run.info.state == RunState::Finished);
    CHECK(!std::isnan(run.info.endTime));
}
