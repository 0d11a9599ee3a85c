// The PredictionTable adapter: class labels by name and index, label != pred, numbers with NaN,
// bools, images as presence, number arrays.
#include <catch2/catch.hpp>

#include "core/query/prediction_query_table.h"
#include "query_test_tables.h"

using runlens::ColumnType;
using runlens::PredictionTable;
using runlens::query::PredictionQueryTable;
using runlens::query::test::errorOf;
using runlens::query::test::kNan;
using runlens::query::test::match;

namespace {

// row  id  label  pred  confidence  correct  image  probs           other (classes dog, cat)
// 0    a1  cat    cat   0.95        true     7      [.95 .05 0]     cat
// 1    a2  dog    cat   0.92        false    -      [.92 .08 0]     dog
// 2    b1  fox    dog   0.5         false    9      []              dog
// 3    b2  -      fox   nan         -        3      [0 0 1]         -
// 4    c1  dog    dog   0.99        true     -      [.01 .99 0]     cat
PredictionTable predictions() {
    PredictionTable t;
    t.name = "val/predictions";
    t.addColumn("id", ColumnType::String).strings = {"a1", "a2", "b1", "b2", "c1"};
    auto& label = t.addColumn("label", ColumnType::ClassLabel);
    label.classNames = {"cat", "dog", "fox"};
    label.ints = {0, 1, 2, -1, 1};
    auto& pred = t.addColumn("pred", ColumnType::ClassLabel);
    pred.classNames = {"cat", "dog", "fox"};
    pred.ints = {0, 0, 1, 2, 1};
    t.addColumn("confidence", ColumnType::Number).numbers = {0.95, 0.92, 0.5, kNan, 0.99};
    t.addColumn("correct", ColumnType::Bool).numbers = {1, 0, 0, kNan, 1};
    t.addColumn("image", ColumnType::Image).ints = {7, 0, 9, 3, 0};
    t.addColumn("probs", ColumnType::NumberArray).arrays = {
        {0.95, 0.05, 0}, {0.92, 0.08, 0}, {}, {0, 0, 1}, {0.01, 0.99, 0}};
    auto& other = t.addColumn("other", ColumnType::ClassLabel);
    other.classNames = {"dog", "cat"};
    other.ints = {1, 0, 0, -1, 1};
    REQUIRE(t.validate().empty());
    return t;
}

}  // namespace

TEST_CASE("label != pred finds the wrong predictions", "[query][predictions]") {
    const PredictionTable table = predictions();
    const PredictionQueryTable t(table);
    CHECK(t.rowCount() == 5);
    CHECK(match(t, "label != pred") == "1 2");  // row 3 has no label
    CHECK(match(t, "label == pred") == "0 4");
    CHECK(match(t, "label != pred and confidence > 0.9") == "1");
    CHECK(match(t, "not label == pred") == "1 2 3");
}

TEST_CASE("class labels compare by name with strings and by index with numbers",
          "[query][predictions]") {
    const PredictionTable table = predictions();
    const PredictionQueryTable t(table);
    CHECK(match(t, R"(label == "dog")") == "1 4");
    CHECK(match(t, "label == dog") == "1 4");
    CHECK(match(t, "label == 1") == "1 4");
    CHECK(match(t, R"(label != "dog")") == "0 2");
    CHECK(match(t, "label < 2") == "0 1 4");
    CHECK(match(t, R"(label < "d")") == "0");  // names order as text
    CHECK(match(t, R"(label in ["cat", fox])") == "0 2");
    CHECK(match(t, "label not in [cat, fox]") == "1 4");
    CHECK(match(t, "label == null") == "3");
    CHECK(match(t, R"(label contains "O")") == "1 2 4");
    CHECK(match(t, R"(label ~ "^d")") == "1 4");
    CHECK(match(t, R"(pred == "fox" or label == "fox")") == "2 3");
}

TEST_CASE("label columns with different class lists compare by name", "[query][predictions]") {
    const PredictionTable table = predictions();
    const PredictionQueryTable t(table);
    CHECK(match(t, "label == other") == "0 1");
    CHECK(match(t, "label != other") == "2 4");
}

TEST_CASE("a class name the column does not have is an error with a suggestion",
          "[query][predictions]") {
    const PredictionTable table = predictions();
    const PredictionQueryTable t(table);
    CHECK(errorOf(t, R"(label == "cta")") == "'label' has no class \"cta\"; did you mean \"cat\"?");
    CHECK(errorOf(t, "label in [cat, wolf]") == "'label' has no class \"wolf\"");
    CHECK(errorOf(t, "label == nan") == "'label' holds class labels, which are never nan");
    CHECK(errorOf(t, "cat") == "unknown key 'cat'; did you mean label == \"cat\"?");
    CHECK(errorOf(t, "confdence > 0.9") == "unknown key 'confdence'; did you mean 'confidence'?");
}

TEST_CASE("number columns: NaN is nan, not null", "[query][predictions]") {
    const PredictionTable table = predictions();
    const PredictionQueryTable t(table);
    CHECK(match(t, "confidence > 0.9") == "0 1 4");
    CHECK(match(t, "confidence <= 0.9") == "2");
    CHECK(match(t, "confidence == nan") == "3");
    CHECK(match(t, "confidence == null") == "");
    CHECK(match(t, "confidence in [0.5, 0.99]") == "2 4");
    CHECK(errorOf(t, R"(confidence > "high")") ==
          "'confidence' holds numbers, and \"high\" is not a number");
}

TEST_CASE("bool columns: true, false, and NaN as no value", "[query][predictions]") {
    const PredictionTable table = predictions();
    const PredictionQueryTable t(table);
    CHECK(match(t, "correct") == "0 4");
    CHECK(match(t, "not correct") == "1 2 3");
    CHECK(match(t, "correct == false") == "1 2");
    CHECK(match(t, "correct != true") == "1 2");
    CHECK(match(t, "correct == null") == "3");
    CHECK(match(t, R"(correct == "True")") == "0 4");
    CHECK(match(t, "correct == 1") == "0 4");
    CHECK(errorOf(t, R"(correct < "true")") == "true and false cannot be ordered; use == or !=");
    CHECK(errorOf(t, R"(correct == "yes")") ==
          "'correct' is true or false; compare it with true or false");
}

TEST_CASE("image columns are present or absent", "[query][predictions]") {
    const PredictionTable table = predictions();
    const PredictionQueryTable t(table);
    CHECK(match(t, "image != null") == "0 2 3");
    CHECK(match(t, "image == null") == "1 4");
    CHECK(match(t, "image") == "0 2 3");
    CHECK(match(t, "image and label != pred") == "2");
    CHECK(errorOf(t, "image == 3") == "'image' is an image column: only == null and != null apply");
    CHECK(errorOf(t, "image contains x") ==
          "'image' is an image column: only == null and != null apply");
}

TEST_CASE("number arrays: contains a number, or null", "[query][predictions]") {
    const PredictionTable table = predictions();
    const PredictionQueryTable t(table);
    CHECK(match(t, "probs contains 1") == "3");
    CHECK(match(t, "probs contains 0.99") == "4");
    CHECK(match(t, "probs not contains 0") == "");
    CHECK(match(t, "probs == null") == "2");
    CHECK(errorOf(t, "probs > 0") ==
          "'probs' is a number array: only contains <number>, == null and != null apply");
    CHECK(errorOf(t, "probs contains x") ==
          "'probs' holds numbers: expected a number after contains");
    CHECK(errorOf(t, R"(probs ~ "1")") ==
          "'probs' is a number array column: regular expressions apply to text");
}

TEST_CASE("string columns", "[query][predictions]") {
    const PredictionTable table = predictions();
    const PredictionQueryTable t(table);
    CHECK(match(t, R"(id == "a2")") == "1");
    CHECK(match(t, R"(id ~ "^b")") == "2 3");
    CHECK(match(t, R"(id > "b")") == "2 3 4");
    CHECK(match(t, "id contains A") == "0 1");
}

TEST_CASE("a string column can serve as the row names bare words search", "[query][predictions]") {
    const PredictionTable table = predictions();
    const PredictionQueryTable named(table, "id");
    CHECK(match(named, "a") == "0 1");
    CHECK(match(named, "b2") == "3");
    CHECK(match(named, "a and confidence > 0.93") == "0");
    const PredictionQueryTable unnamed(table, "label");  // not a string column: no names
    CHECK_FALSE(unnamed.hasRowNames());
}

TEST_CASE("a table with ragged columns is read up to its shortest column", "[query][predictions]") {
    PredictionTable table = predictions();
    table.columns[3].numbers.pop_back();  // confidence one short
    REQUIRE_FALSE(table.validate().empty());
    const PredictionQueryTable t(table);
    CHECK(t.rowCount() == 4);
    CHECK(match(t, "confidence > 0") == "0 1 2");
    CHECK(match(t, "label == dog") == "1");
}

TEST_CASE("probs[label] picks each row's probability of its truth; probs[1] a fixed one (#10)",
          "[query][predictions]") {
    const PredictionTable table = predictions();
    const PredictionQueryTable t(table);
    // probs[label]: row 0 .95 (cat), row 1 .08 (dog), row 2 none (empty list), row 3 none (no
    // label), row 4 .99 (dog).
    CHECK(match(t, "probs[label] < 0.5") == "1");
    CHECK(match(t, "probs[label] > 0.9") == "0 4");
    CHECK(match(t, "probs[label] == null") == "2 3");
    CHECK(match(t, "probs[pred] > probs[label]") == "1");  // two computed columns compared
    CHECK(match(t, "probs[1] > 0.5") == "4");
    CHECK(match(t, "probs[2] == 1") == "3");
    CHECK(match(t, "probs[5] == null") == "0 1 2 3 4");  // past the end: no value
    CHECK(match(t, "label != pred and probs[pred] > 0.9") == "1");

    CHECK(errorOf(t, "confidence[label] > 1").find("not a list of numbers") != std::string::npos);
    CHECK(errorOf(t, "probs[id] > 1").find("cannot index") != std::string::npos);
    CHECK(errorOf(t, "probs[labl] > 1").find("did you mean 'label'") != std::string::npos);
    CHECK(errorOf(t, "probs[1.5] > 1").find("whole number") != std::string::npos);
    CHECK(errorOf(t, "probs[label > 1").find("missing ']'") != std::string::npos);
}
