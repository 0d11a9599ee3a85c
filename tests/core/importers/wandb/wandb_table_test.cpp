// W&B table documents read into prediction tables: types, and a document cut at every byte
// keeping the complete rows before the cut.
#include <catch2/catch.hpp>
#include <cmath>

#include "core/importers/wandb/wandb_table.h"

using namespace runlens;
using namespace runlens::wandb;

namespace {

const std::string kTable =
    R"({"_type": "table", "columns": ["id", "caption", "probs"], "data": [)"
    R"([1, "a \"quoted\" ], word", [0.1, 0.9]], [2, "b", [0.5, 0.5]], [3, null, NaN]],)"
    R"( "ncols": 3, "nrows": 3})";

}  // namespace

TEST_CASE("a whole table document: every row, columns typed", "[wandb][tables]") {
    auto t = readWandbTable({kTable}, "t", 0, nullptr);
    REQUIRE(t.ok());
    CHECK(t->damage.empty());
    REQUIRE(t->table.rowCount() == 3);
    CHECK(t->table.columns[0].type == ColumnType::Number);
    CHECK(t->table.columns[1].strings[0] == "a \"quoted\" ], word");
    CHECK(t->table.columns[2].type == ColumnType::String);  // NaN is not a list: text
}

TEST_CASE("a table document cut at any byte keeps its complete rows (#10)", "[wandb][tables]") {
    const std::size_t dataStart = kTable.find("\"data\"");
    const std::size_t rowEnds[] = {kTable.find("]], [2") + 2, kTable.find("]], [3") + 2,
                                   kTable.find("NaN]") + 4};
    for (std::size_t cut = 0; cut < kTable.size(); ++cut) {
        INFO("cut at " << cut);
        auto t = readWandbTable({std::string_view(kTable).substr(0, cut)}, "t", 0, nullptr);
        if (cut <= dataStart + 8) continue;  // before the data list: an error, or no rows
        REQUIRE(t.ok());
        std::size_t complete = 0;
        for (std::size_t end : rowEnds)
            complete += end <= cut;
        CHECK(t->table.rowCount() == complete);
        CHECK_FALSE(t->damage.empty());
        if (complete > 0) CHECK(t->table.columns[0].numbers[0] == 1);
    }
    // Damage in the middle of a row: the rows before it.
    std::string broken = kTable;
    broken[kTable.find("\"b\"")] = '!';
    auto t = readWandbTable({broken}, "t", 0, nullptr);
    REQUIRE(t.ok());
    CHECK(t->table.rowCount() == 1);
    CHECK(t->damage.find("offset") != std::string::npos);
    CHECK_FALSE(readWandbTable({"{\"columns\": [\"a\"], \"da"}, "t", 0, nullptr).ok());
}
