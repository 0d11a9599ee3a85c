// Row groups: order by the column's type, missing values last, counts and means checked by hand.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/analysis/row_groups.h"

using namespace runlens;
using namespace runlens::analysis;

namespace {

PredictionTable sample() {
    PredictionTable t;
    auto& label = t.addColumn("label", ColumnType::ClassLabel);
    label.classNames = {"zebra", "ant", "cat"};  // class order, not alphabetical
    label.ints = {2, 0, 2, -1, 0, 2};
    t.addColumn("score", ColumnType::Number).numbers = {0.5, 1.0, NAN, 2.0, 3.0, 1.5};
    t.addColumn("name", ColumnType::String).strings = {"x10", "x2", "", "x2", "x10", "y"};
    t.addColumn("ok", ColumnType::Bool).numbers = {1, 0, 1, NAN, 1, 0};
    return t;
}

}  // namespace

TEST_CASE("groups of class labels follow the class order; missing values come last", "[analysis]") {
    const PredictionTable t = sample();
    const std::vector<std::uint32_t> rows = {0, 1, 2, 3, 4, 5};
    const auto groups = groupRows(t, 0, rows);
    REQUIRE(groups.size() == 3);
    CHECK(groups[0].key == "zebra");
    CHECK(groups[0].rows == std::vector<std::uint32_t>{1, 4});
    CHECK(groups[1].key == "cat");
    CHECK(groups[1].rows == std::vector<std::uint32_t>{0, 2, 5});
    CHECK(groups[2].key.empty());
    CHECK(groups[2].rows == std::vector<std::uint32_t>{3});
    CHECK(groups[0].means[1] == Approx(2.0));  // (1 + 3) / 2
    CHECK(groups[1].means[1] == Approx(1.0));  // (0.5 + 1.5) / 2, NaN skipped
    CHECK(groups[1].means[3] == Approx(2.0 / 3));
    CHECK(std::isnan(groups[1].means[2]));  // text has no mean
}

TEST_CASE("text groups in natural order; numbers by value; only the rows given", "[analysis]") {
    const PredictionTable t = sample();
    const std::vector<std::uint32_t> rows = {5, 4, 3, 1, 0};
    const auto byName = groupRows(t, 2, rows);
    REQUIRE(byName.size() == 3);
    CHECK(byName[0].key == "x2");
    CHECK(byName[0].rows == std::vector<std::uint32_t>{3, 1});  // the given order kept
    CHECK(byName[1].key == "x10");
    CHECK(byName[2].key == "y");
    const auto byScore = groupRows(t, 1, rows);
    REQUIRE(byScore.size() == 5);
    CHECK(byScore[0].key == "0.5");
    CHECK(byScore[4].key == "3");
    const auto byOk = groupRows(t, 3, std::vector<std::uint32_t>{0, 1, 3});
    REQUIRE(byOk.size() == 3);
    CHECK(byOk[0].key == "false");
    CHECK(byOk[1].key == "true");
    CHECK(byOk[2].key.empty());
    CHECK(groupRows(t, 9, rows).empty());
}
