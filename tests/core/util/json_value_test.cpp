// JsonValue: lenient parsing (NaN/Infinity), exact integers, errors, canonical writing.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "core/util/json_value.h"

using runlens::JsonValue;
using runlens::parseJson;
using runlens::toJson;

TEST_CASE("parseJson reads standard JSON", "[util][json]") {
    auto v = parseJson(
        R"( {"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "x\"y\\n\u00e9\ud83d\ude00"}} )");
    REQUIRE(v.ok());
    const JsonValue& a = *v->find("a");
    REQUIRE(a.items().size() == 6);
    CHECK(a.items()[0].isInteger());
    CHECK(a.items()[0].toInt64() == 1);
    CHECK(a.items()[1].toDouble() == 2.5);
    CHECK_FALSE(a.items()[1].isInteger());
    CHECK(a.items()[2].toDouble() == -300);
    CHECK(a.items()[3].toBool());
    CHECK(a.items()[5].isNull());
    CHECK(v->find("b")->stringMember("c") == "x\"y\\n\xC3\xA9\xF0\x9F\x98\x80");
}

TEST_CASE("parseJson accepts the NaN and Infinity tokens Python and Go write", "[util][json]") {
    auto v = parseJson("[NaN, Infinity, -Infinity, 1e-999, 0.1]");
    REQUIRE(v.ok());
    const auto& i = v->items();
    CHECK(std::isnan(i[0].toDouble()));
    CHECK(i[1].toDouble() == std::numeric_limits<double>::infinity());
    CHECK(i[2].toDouble() == -std::numeric_limits<double>::infinity());
    CHECK(i[3].toDouble() == 0.0);
    CHECK(i[4].toDouble() == 0.1);  // full precision: the nearest double, as Python reads it
    // Beyond the double range is an error (rapidjson's): Python and Go write Infinity instead.
    CHECK_FALSE(parseJson("[1e999]").ok());
    CHECK(parseJson("NaN")->isNumber());
    CHECK(parseJson("-Infinity")->toDouble() < 0);
}

TEST_CASE("parseJson keeps integers beyond 2^53 exact", "[util][json]") {
    auto v = parseJson("[9007199254740993, -9223372036854775808, 18446744073709551616]");
    REQUIRE(v.ok());
    CHECK(v->items()[0].toInt64() == 9007199254740993LL);
    CHECK(v->items()[1].toInt64() == std::numeric_limits<std::int64_t>::min());
    CHECK_FALSE(v->items()[2].isInteger());  // too big: kept as a double
    CHECK(v->items()[2].toDouble() == Approx(1.8446744073709552e19));
}

TEST_CASE("parseJson reports errors with their offset and never reads past the text",
          "[util][json]") {
    for (const char* bad : {"", "[1,", "{\"a\" 1}", "[1 2]", "tru", "nan", "\"open", "{\"a\":1,}",
                            "01x", "-", "[1.]", "1e", "\"\\x\"", "\"\\u12\"", "[] []"}) {
        INFO(bad);
        auto v = parseJson(bad);
        CHECK_FALSE(v.ok());
        if (!v.ok()) CHECK(v.error().message.find("offset") != std::string::npos);
    }
    CHECK_FALSE(parseJson(std::string(5000, '[')).ok());  // too deep, not a stack overflow
}

TEST_CASE("toJson writes what parseJson reads, canonically with sorted keys", "[util][json]") {
    const std::string text =
        R"({"z":[1,2.5,NaN,Infinity,-Infinity],"a":{"y":null,"b":true},"s":"q\"\n\u0001"})";
    auto v = parseJson(text);
    REQUIRE(v.ok());
    const std::string out = toJson(*v);
    CHECK(out ==
          R"({"z":[1,2.5,NaN,Infinity,-Infinity],"a":{"y":null,"b":true},"s":"q\"\n\u0001"})");
    auto again = parseJson(out);
    REQUIRE(again.ok());
    CHECK(*again == *v);
    CHECK(toJson(*v, true) ==
          R"({"a":{"b":true,"y":null},"s":"q\"\n\u0001","z":[1,2.5,NaN,Infinity,-Infinity]})");
}

TEST_CASE("JsonValue objects: lookup, set and equality ignore member order", "[util][json]") {
    JsonValue o = JsonValue::object();
    o.set("a", JsonValue::integer(1));
    o.set("b", JsonValue::string("x"));
    o.set("a", JsonValue::integer(2));
    CHECK(o.members().size() == 2);
    CHECK(o.find("a")->toInt64() == 2);
    CHECK(o.find("missing") == nullptr);
    CHECK(*parseJson(R"({"b":"x","a":2})") == o);
    CHECK_FALSE(*parseJson(R"({"b":"x","a":3})") == o);
    CHECK(JsonValue::number(NAN) == JsonValue::number(NAN));
}
