// Confusion matrix and per-class metrics against hand-computed cases.
#include <catch2/catch.hpp>
#include <numeric>

#include "core/analysis/confusion.h"

using namespace runlens;
using namespace runlens::analysis;

namespace {

std::vector<std::uint32_t> allRows(const PredictionTable& t) {
    std::vector<std::uint32_t> rows(t.rowCount());
    std::iota(rows.begin(), rows.end(), 0u);
    return rows;
}

// truth / pred as strings; "" is missing.
PredictionTable stringTable(std::vector<std::string> truth, std::vector<std::string> pred) {
    PredictionTable t;
    t.addColumn("label", ColumnType::String).strings = std::move(truth);
    t.addColumn("pred", ColumnType::String).strings = std::move(pred);
    return t;
}

}  // namespace

TEST_CASE("confusion counts and per-class metrics match a hand-computed case", "[analysis]") {
    // cat: 3 rows (2 right, 1 as dog); dog: 2 rows (1 right, 1 as cat); bird: 1 row, as dog.
    // A missing prediction is not counted.
    const auto t = stringTable({"cat", "cat", "cat", "dog", "dog", "bird", "cat"},
                               {"cat", "cat", "dog", "dog", "cat", "dog", ""});
    const Confusion c = computeConfusion(t, 0, 1, allRows(t));
    REQUIRE(c.classes == std::vector<std::string>{"bird", "cat", "dog"});  // natural order
    CHECK(c.counted == 6);
    CHECK(c.missing == 1);
    CHECK(c.correct == 3);
    CHECK(c.accuracy() == Approx(0.5));
    // rows: truth bird, cat, dog; columns: pred bird, cat, dog
    CHECK(c.counts == std::vector<std::int64_t>{0, 0, 1,  //
                                                0, 2, 1,  //
                                                0, 1, 1});
    CHECK(c.rowTotal(1) == 3);
    const ClassMetrics& cat = c.perClass[1];
    CHECK(cat.support == 3);
    CHECK(cat.predicted == 3);
    CHECK(cat.precision == Approx(2.0 / 3));
    CHECK(cat.recall == Approx(2.0 / 3));
    CHECK(cat.f1 == Approx(2.0 / 3));
    const ClassMetrics& dog = c.perClass[2];
    CHECK(dog.precision == Approx(1.0 / 3));  // predicted dog 3 times, 1 right
    CHECK(dog.recall == Approx(0.5));
    CHECK(dog.f1 == Approx(2 * (1.0 / 3) * 0.5 / (1.0 / 3 + 0.5)));
    const ClassMetrics& bird = c.perClass[0];
    CHECK(bird.support == 1);
    CHECK(bird.predicted == 0);
    CHECK(bird.precision == 0);
    CHECK(bird.f1 == 0);
    CHECK(c.macro.recall == Approx((0 + 2.0 / 3 + 0.5) / 3));
    CHECK(c.weighted.recall == Approx((1 * 0 + 3 * (2.0 / 3) + 2 * 0.5) / 6));
    CHECK(c.weighted.recall == Approx(c.accuracy()));  // weighted recall is accuracy

    SECTION("over a subset of rows, and the rows of one cell") {
        const std::vector<std::uint32_t> some{0, 2, 4};
        const Confusion s = computeConfusion(t, 0, 1, some);
        CHECK(s.counted == 3);
        CHECK(s.classes == std::vector<std::string>{"cat", "dog"});
        CHECK(rowsInCell(c, allRows(t), 1, 2) == std::vector<std::uint32_t>{2});  // cat as dog
        CHECK(rowsInCell(c, allRows(t), 1, 1) == std::vector<std::uint32_t>{0, 1});
        CHECK(rowsInCell(c, allRows(t), 0, 0).empty());
    }
}

TEST_CASE("class-label columns keep their order; numbers sort by value", "[analysis]") {
    PredictionTable t;
    TableColumn& truth = t.addColumn("label", ColumnType::ClassLabel);
    truth.classNames = {"zebra", "ant", "moth"};
    truth.ints = {0, 1, 2, -1, 0};
    TableColumn& pred = t.addColumn("pred", ColumnType::String);
    pred.strings = {"zebra", "moth", "moth", "ant", "unknown"};
    const Confusion c = computeConfusion(t, 0, 1, allRows(t));
    CHECK(c.classes == std::vector<std::string>{"zebra", "ant", "moth", "unknown"});
    CHECK(c.missing == 1);  // row 3 has no truth
    CHECK(c.count(0, 3) == 1);
    CHECK(c.count(1, 2) == 1);
    CHECK(c.correct == 2);

    PredictionTable numbers;
    numbers.addColumn("y", ColumnType::Number).numbers = {10, 2, 2, NAN};
    numbers.addColumn("y_pred", ColumnType::Number).numbers = {10, 10, 2, 3};
    const Confusion n = computeConfusion(numbers, 0, 1, allRows(numbers));
    // Every class seen (3 only as a prediction of a row without truth), "2" before "10".
    CHECK(n.classes == std::vector<std::string>{"2", "3", "10"});
    CHECK(n.counted == 3);
    CHECK(n.count(0, 2) == 1);
}

TEST_CASE("no truth or prediction column: an empty matrix", "[analysis]") {
    const auto t = stringTable({"a"}, {"a"});
    CHECK(computeConfusion(t, -1, 1, allRows(t)).classes.empty());
    CHECK(computeConfusion(t, 0, 5, allRows(t)).counted == 0);
    const auto empty = stringTable({}, {});
    const Confusion e = computeConfusion(empty, 0, 1, allRows(empty));
    CHECK(e.accuracy() == 0);
    CHECK(e.perClass.empty());
}
