// Joining a table across runs: keys guessed and checked, rows missing on either side, duplicate
// keys refused, and the disagree / all-wrong / fixed / broken filters on hand-built tables.
#include <catch2/catch.hpp>

#include "core/analysis/table_join.h"

using namespace runlens;
using namespace runlens::analysis;

namespace {

/// A table of (id, label, pred) rows; pred "" is a missing prediction.
PredictionTable table(const std::vector<std::tuple<std::string, std::string, std::string>>& rows) {
    PredictionTable t;
    t.name = "preds";
    auto& id = t.addColumn("id", ColumnType::String);
    for (const auto& r : rows)
        id.strings.push_back(std::get<0>(r));
    auto& label = t.addColumn("label", ColumnType::String);
    for (const auto& r : rows)
        label.strings.push_back(std::get<1>(r));
    auto& pred = t.addColumn("pred", ColumnType::String);
    for (const auto& r : rows)
        pred.strings.push_back(std::get<2>(r));
    return t;
}

JoinInput in(const PredictionTable& t) {
    return {&t, 1, 2};
}

}  // namespace

TEST_CASE("rows join on a unique key; rows missing on either side show as missing", "[analysis]") {
    const PredictionTable a =
        table({{"x", "cat", "cat"}, {"y", "dog", "cat"}, {"z", "cow", "cow"}});
    const PredictionTable b =
        table({{"z", "cow", "dog"}, {"y", "dog", "dog"}, {"w", "emu", "emu"}});
    REQUIRE(guessJoinKey({in(a), in(b)}) == "id");
    auto join = joinTables({in(a), in(b)}, "id");
    REQUIRE(join.ok());
    const TableJoin& j = join.value();
    REQUIRE(j.size() == 4);
    std::vector<std::string> keys;
    for (std::size_t k = 0; k < j.size(); ++k)
        keys.push_back(joinKeyText(j, {in(a), in(b)}, k));
    CHECK(keys == std::vector<std::string>{"x", "y", "z", "w"});
    CHECK(j.rowOf[0] == std::vector<std::int32_t>{0, 1, 2, -1});
    CHECK(j.rowOf[1] == std::vector<std::int32_t>{-1, 1, 0, 2});  // not shifted by order
    CHECK(j.outcome[0][0] == Outcome::Right);
    CHECK(j.outcome[1][0] == Outcome::Missing);
    CHECK(j.outcome[0][1] == Outcome::Wrong);
    CHECK(j.outcome[1][1] == Outcome::Right);
    CHECK(j.labels[std::size_t(j.predicted[1][2])] == "dog");
    CHECK(j.labels[std::size_t(j.truth[3])] == "emu");
    CHECK(j.partial() == 2);

    CHECK(filterJoin(j, JoinFilter::All).size() == 4);
    CHECK(filterJoin(j, JoinFilter::Disagree) == std::vector<std::uint32_t>{1, 2});
    CHECK(filterJoin(j, JoinFilter::Fixed, 0, 1) == std::vector<std::uint32_t>{1});
    CHECK(filterJoin(j, JoinFilter::Broken, 0, 1) == std::vector<std::uint32_t>{2});
    CHECK(filterJoin(j, JoinFilter::Fixed, 1, 0) == std::vector<std::uint32_t>{2});
    CHECK(filterJoin(j, JoinFilter::AllWrong).empty());
}

TEST_CASE("all wrong counts the runs that hold the row; unknown outcomes never pass",
          "[analysis]") {
    const PredictionTable a = table({{"1", "a", "b"}, {"2", "a", "b"}, {"3", "a", ""}});
    const PredictionTable b = table({{"1", "a", "c"}, {"2", "a", "a"}, {"3", "a", "b"}});
    const PredictionTable c = table({{"1", "a", "b"}});
    auto j = joinTables({in(a), in(b), in(c)}, "id").value();
    CHECK(filterJoin(j, JoinFilter::AllWrong) == std::vector<std::uint32_t>{0});
    CHECK(j.outcome[0][2] == Outcome::Unknown);
    CHECK(j.outcome[2][1] == Outcome::Missing);
    // Disagree ignores missing predictions: row 3 has only b's.
    CHECK(filterJoin(j, JoinFilter::Disagree) == std::vector<std::uint32_t>{0, 1});
}

TEST_CASE("duplicate keys are refused with the key named, never joined wrongly", "[analysis]") {
    const PredictionTable a = table({{"x", "cat", "cat"}, {"y", "dog", "cat"}});
    const PredictionTable b = table({{"x", "cat", "cat"}, {"x", "dog", "dog"}});
    CHECK(guessJoinKey({in(a), in(b)}).empty());  // not unique in b: rows join by index
    auto bad = joinTables({in(a), in(b)}, "id");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message.find("'x'") != std::string::npos);
    CHECK(bad.error().message.find("table 2") != std::string::npos);
    auto byIndex = joinTables({in(a), in(b)}, "");
    REQUIRE(byIndex.ok());
    CHECK(byIndex.value().size() == 2);
    CHECK(joinKeyText(byIndex.value(), {in(a), in(b)}, 1) == "1");
    CHECK(byIndex.value().rowOf[1] == std::vector<std::int32_t>{0, 1});
    CHECK_FALSE(joinTables({in(a), in(b)}, "nope").ok());
}

TEST_CASE("numbers join by value, -0 with 0; mixed key types as text", "[analysis]") {
    PredictionTable a, b;
    a.addColumn("id", ColumnType::Number).numbers = {0.0, 1.5, 2.0};
    b.addColumn("id", ColumnType::Number).numbers = {2.0, -0.0, 7.0};
    auto j = joinTables({{&a, -1, -1}, {&b, -1, -1}}, "id").value();
    REQUIRE(j.size() == 4);
    CHECK(j.rowOf[1] == std::vector<std::int32_t>{1, -1, 0, 2});
    CHECK(j.outcome[0][0] == Outcome::Unknown);
    PredictionTable c;
    c.addColumn("id", ColumnType::String).strings = {"2", "1.5"};
    auto mixed = joinTables({{&a, -1, -1}, {&c, -1, -1}}, "id").value();
    CHECK(mixed.rowOf[1] == std::vector<std::int32_t>{-1, 1, 0});
}

TEST_CASE("keys compare as text across types; image keys by content", "[analysis]") {
    PredictionTable a, b;
    a.addColumn("image", ColumnType::Image).ints = {7, 8};
    a.addColumn("label", ColumnType::ClassLabel).classNames = {"no", "yes"};
    a.columns[1].ints = {0, 1};
    a.addColumn("pred", ColumnType::String).strings = {"no", "no"};
    b = a;
    b.columns[0].ints = {8, 7};  // the same examples in the other order
    b.columns[1].ints = {1, 0};
    b.columns[2].strings = {"yes", "yes"};
    const JoinInput ia{&a, 1, 2}, ib{&b, 1, 2};
    REQUIRE(guessJoinKey({ia, ib}) == "image");
    auto j = joinTables({ia, ib}, "image").value();
    CHECK(j.rowOf[1] == std::vector<std::int32_t>{1, 0});
    CHECK(joinKeyText(j, {ia, ib}, 1) == "#8");
    CHECK(j.outcome[0][0] == Outcome::Right);  // class label "no" against the string "no"
    CHECK(j.outcome[1][0] == Outcome::Wrong);
    CHECK(filterJoin(j, JoinFilter::Broken) == std::vector<std::uint32_t>{0});
    CHECK(filterJoin(j, JoinFilter::Fixed) == std::vector<std::uint32_t>{1});
}
