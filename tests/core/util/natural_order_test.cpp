// Natural order: digit runs by value, leading zeros ignored, text otherwise byte-wise.
#include <catch2/catch.hpp>

#include "core/util/natural_order.h"

using runlens::naturalLess;

TEST_CASE("naturalLess orders digit runs by value", "[util]") {
    CHECK(naturalLess("img2", "img10"));
    CHECK_FALSE(naturalLess("img10", "img2"));
    CHECK(naturalLess("2", "10"));
    CHECK(naturalLess("v1.9", "v1.10"));
    CHECK_FALSE(naturalLess("007", "7"));  // equal numbers
    CHECK_FALSE(naturalLess("7", "007"));
    CHECK(naturalLess("a", "b"));
    CHECK(naturalLess("net", "net2"));  // a prefix first
    CHECK_FALSE(naturalLess("x", "x"));
}
