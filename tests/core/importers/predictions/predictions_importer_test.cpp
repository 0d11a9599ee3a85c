// Predictions files as tables: types inferred, truth and prediction as shared class labels,
// images resolved, damage counted in the import log, detection apart from metrics CSVs, and a
// second pass over an unchanged file adding nothing.
#include <catch2/catch.hpp>
#include <cmath>
#include <thread>

#include "core/importers/importer.h"
#include "core/importers/predictions/predictions_file.h"
#include "core/importers/predictions/predictions_importer.h"
#include "tests/support/memory_sink.h"
#include "tests/support/temp_dir.h"

using namespace runlens;
using namespace runlens::predictions;
using runlens::test::MemorySink;

namespace {

std::string png(int width, int height) {
    std::string out("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (int v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8)
            out += char((v >> shift) & 0xFF);
    return out + std::string("\x08\x02\0\0\0", 5);
}

const TableColumn& column(const PredictionTable& t, const std::string& name) {
    for (const TableColumn& c : t.columns)
        if (c.name == name) return c;
    FAIL("no column " << name);
    return t.columns.front();
}

bool noted(const test::MemoryRun& run, const std::string& text) {
    for (const auto& n : run.notes)
        if (n.message.find(text) != std::string::npos) return true;
    return false;
}

}  // namespace

TEST_CASE("a predictions CSV becomes one run with one typed table", "[predictions]") {
    test::TempDir dir;
    test::writeFile(dir / "img" / "a.png", png(3, 2));
    test::writeFile(dir / "val_preds.csv",
                    "id,image,label,pred,confidence,correct,probs,caption\n"
                    "0,img/a.png,cat,cat,0.9,true,\"[0.9, 0.1]\",a cat\n"
                    "1,img/missing.png,dog,cat,0.6,false,\"[0.6, 0.4]\",\n"
                    "2,,dog,dog,,true,\"[0.2, 0.8]\",\"a dog, sitting\"\n"
                    "3,img/a.png,10,2,0.5,false\n"         // ragged: two cells short
                    "4,img/a.png,2,dog,0.7,true,[],cut");  // no line end: read anyway
    PredictionsImporter importer;
    REQUIRE(importer.canOpen(dir / "val_preds.csv"));
    REQUIRE(findImporter(dir / "val_preds.csv")->format() == "predictions");
    MemorySink sink;
    auto stats = importer.import(dir / "val_preds.csv", sink, nullptr);
    REQUIRE(stats.ok());
    CHECK(stats->runs == 1);
    CHECK(stats->records == 5);
    test::MemoryRun& run = sink.byUid("val_preds.csv");
    CHECK(run.info.sourceFormat == "predictions");
    CHECK(run.info.state == RunState::Finished);
    REQUIRE(run.tables.size() == 1);
    const PredictionTable& t = run.tables.front();
    CHECK(t.name == "val_preds");
    REQUIRE(t.rowCount() == 5);
    CHECK(column(t, "id").type == ColumnType::Number);
    CHECK(column(t, "confidence").type == ColumnType::Number);
    CHECK(std::isnan(column(t, "confidence").numbers[2]));
    CHECK(column(t, "correct").type == ColumnType::Bool);
    CHECK(column(t, "correct").numbers[1] == 0);
    CHECK(column(t, "probs").type == ColumnType::NumberArray);
    CHECK(column(t, "probs").arrays[2] == std::vector<double>{0.2, 0.8});
    CHECK(column(t, "probs").arrays[3].empty());
    CHECK(column(t, "caption").type == ColumnType::String);
    CHECK(column(t, "caption").strings[2] == "a dog, sitting");
    CHECK(column(t, "caption").strings[4] == "cut");
    // Truth and prediction share one class list, numbers by value before names.
    const TableColumn& label = column(t, "label");
    const TableColumn& pred = column(t, "pred");
    REQUIRE(label.type == ColumnType::ClassLabel);
    REQUIRE(pred.type == ColumnType::ClassLabel);
    CHECK(label.classNames == std::vector<std::string>{"2", "10", "cat", "dog"});
    CHECK(pred.classNames == label.classNames);
    CHECK(cellText(pred, 3) == "2");
    CHECK(cellText(label, 1) == "dog");
    // Images: stored once, the missing one counted.
    const TableColumn& image = column(t, "image");
    REQUIRE(image.type == ColumnType::Image);
    CHECK(image.ints[0] > 0);
    CHECK(image.ints[0] == image.ints[3]);
    CHECK(image.ints[1] == 0);
    CHECK(image.ints[2] == 0);
    CHECK(sink.media.size() == 1);
    CHECK(sink.media[0].width == 3);
    CHECK(noted(run, "1 images of column 'image' are missing"));
    CHECK(noted(run, "1 rows have more or fewer cells"));

    // Unchanged: nothing read again.
    auto again = importer.import(dir / "val_preds.csv", sink, nullptr);
    REQUIRE(again.ok());
    CHECK(again->records == 0);
    CHECK(sink.byUid("val_preds.csv").tables.size() == 1);
}

TEST_CASE("lists that are not all numbers stay text", "[predictions]") {
    test::TempDir dir;
    test::writeFile(dir / "p.csv", "label,pred,tokens\na,a,\"[1, 2]\"\nb,a,\"[\"\"x\"\"]\"\n");
    MemorySink sink;
    REQUIRE(PredictionsImporter().import(dir / "p.csv", sink, nullptr).ok());
    const TableColumn& tokens = column(sink.byUid("p.csv").tables.front(), "tokens");
    CHECK(tokens.type == ColumnType::String);
    CHECK(tokens.strings[1] == "[\"x\"]");
}

TEST_CASE("image paths without any image beside the file stay text", "[predictions]") {
    test::TempDir dir;
    test::writeFile(dir / "p.csv", "file,label,pred\nx.png,a,b\ny.png,b,b\n");
    MemorySink sink;
    REQUIRE(PredictionsImporter().import(dir / "p.csv", sink, nullptr).ok());
    const TableColumn& file = column(sink.byUid("p.csv").tables.front(), "file");
    CHECK(file.type == ColumnType::String);
    CHECK(file.strings[1] == "y.png");
    CHECK(noted(sink.byUid("p.csv"), "kept as text"));
}

TEST_CASE("JSON Lines: keys in first-seen order, nulls missing, bad lines counted",
          "[predictions]") {
    test::TempDir dir;
    test::writeFile(dir / "preds.jsonl",
                    "{\"id\": \"a\", \"label\": 3, \"prediction\": 3, \"scores\": [0.1, 0.9]}\n"
                    "not json\n"
                    "{\"id\": \"b\", \"label\": 5, \"prediction\": 3, \"meta\": {\"x\": 1}}\n"
                    "\n"
                    "{\"id\": \"c\", \"label\": null, \"prediction\": 8, \"scores\": null}\n");
    PredictionsImporter importer;
    REQUIRE(importer.canOpen(dir / "preds.jsonl"));
    MemorySink sink;
    REQUIRE(importer.import(dir / "preds.jsonl", sink, nullptr).ok());
    test::MemoryRun& run = sink.byUid("preds.jsonl");
    REQUIRE(run.tables.size() == 1);
    const PredictionTable& t = run.tables.front();
    REQUIRE(t.rowCount() == 3);
    REQUIRE(t.columns.size() == 5);
    CHECK(t.columns[0].name == "id");
    CHECK(t.columns[4].name == "meta");
    CHECK(column(t, "id").type == ColumnType::String);
    // Numeric truths stay numbers (a regression's y_true must not become 10^6 classes); they
    // still compare with predictions as text.
    REQUIRE(column(t, "label").type == ColumnType::Number);
    CHECK(std::isnan(column(t, "label").numbers[2]));
    CHECK(cellText(column(t, "prediction"), 2) == "8");
    CHECK(column(t, "scores").type == ColumnType::NumberArray);
    CHECK(column(t, "scores").arrays[1].empty());
    CHECK(column(t, "meta").strings[1] == "{\"x\":1}");
    CHECK(noted(run, "1 of 4 lines are not JSON objects"));
}

TEST_CASE("metrics CSVs and other files are not predictions", "[predictions]") {
    CHECK(looksLikePredictions("id,label,pred\n1,a,a\n", FileKind::Csv));
    CHECK(looksLikePredictions("\xEF\xBB\xBFimage\ttarget\toutput\r\n", FileKind::Csv));
    CHECK_FALSE(looksLikePredictions("epoch,label,pred\n", FileKind::Csv));
    CHECK_FALSE(looksLikePredictions("step,train/loss,val/acc\n", FileKind::Csv));
    CHECK_FALSE(looksLikePredictions("id,label,score\n", FileKind::Csv));
    CHECK(looksLikePredictions("{\"y_true\": 1, \"y_pred\": 0}\n", FileKind::JsonLines));
    CHECK_FALSE(looksLikePredictions("[1, 2]\n", FileKind::JsonLines));

    test::TempDir dir;
    test::writeFile(dir / "metrics.csv", "step,label,pred\n0,1,1\n");
    test::writeFile(dir / "notes.txt", "label,pred\n");
    CHECK(findImporter(dir / "metrics.csv")->format() == "csv");
    CHECK_FALSE(PredictionsImporter().canOpen(dir / "notes.txt"));
    CHECK_FALSE(PredictionsImporter().canOpen(dir.path()));
}

TEST_CASE("an empty or header-only file gives a clear error or an empty table", "[predictions]") {
    test::TempDir dir;
    test::writeFile(dir / "empty.jsonl", "\n\n");
    MemorySink sink;
    auto empty = PredictionsImporter().import(dir / "empty.jsonl", sink, nullptr);
    REQUIRE_FALSE(empty.ok());
    CHECK(empty.error().message.find("no JSON object") != std::string::npos);
    test::writeFile(dir / "header.csv", "label,pred\n");
    auto header = PredictionsImporter().import(dir / "header.csv", sink, nullptr);
    REQUIRE(header.ok());
    CHECK(sink.byUid("header.csv").tables.front().rowCount() == 0);
}
