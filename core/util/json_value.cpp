// JsonValue construction, parsing through rapidjson's SAX reader, and a compact writer.
#include "core/util/json_value.h"

#include <rapidjson/error/en.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <utility>

namespace runlens {

JsonValue JsonValue::boolean(bool v) {
    JsonValue r;
    r.m_type = Type::Bool;
    r.m_bool = v;
    return r;
}

JsonValue JsonValue::number(double v) {
    JsonValue r;
    r.m_type = Type::Number;
    r.m_number = v;
    return r;
}

JsonValue JsonValue::integer(std::int64_t v) {
    JsonValue r;
    r.m_type = Type::Number;
    r.m_number = double(v);
    r.m_integer = v;
    r.m_isInteger = true;
    return r;
}

JsonValue JsonValue::string(std::string v) {
    JsonValue r;
    r.m_type = Type::String;
    r.m_string = std::move(v);
    return r;
}

JsonValue JsonValue::array() {
    JsonValue r;
    r.m_type = Type::Array;
    return r;
}

JsonValue JsonValue::object() {
    JsonValue r;
    r.m_type = Type::Object;
    return r;
}

double JsonValue::toDouble() const {
    return m_type == Type::Number ? m_number : std::numeric_limits<double>::quiet_NaN();
}

std::int64_t JsonValue::toInt64() const {
    if (m_type != Type::Number) return 0;
    if (m_isInteger) return m_integer;
    if (!std::isfinite(m_number) || std::fabs(m_number) >= 9.2e18) return 0;
    return std::int64_t(m_number);
}

const JsonValue* JsonValue::find(std::string_view key) const {
    for (auto it = m_members.rbegin(); it != m_members.rend(); ++it) {
        if (it->key == key) return &it->value;
    }
    return nullptr;
}

JsonValue* JsonValue::find(std::string_view key) {
    return const_cast<JsonValue*>(std::as_const(*this).find(key));
}

std::string JsonValue::stringMember(std::string_view key) const {
    const JsonValue* v = find(key);
    return v && v->isString() ? v->str() : std::string();
}

JsonValue& JsonValue::set(std::string key, JsonValue value) {
    if (JsonValue* existing = find(key)) {
        *existing = std::move(value);
        return *existing;
    }
    m_members.push_back(JsonMember{std::move(key), std::move(value)});
    return m_members.back().value;
}

bool operator==(const JsonValue& a, const JsonValue& b) {
    if (a.m_type != b.m_type) return false;
    switch (a.m_type) {
        case JsonValue::Type::Null:
            return true;
        case JsonValue::Type::Bool:
            return a.m_bool == b.m_bool;
        case JsonValue::Type::Number:
            if (a.m_isInteger && b.m_isInteger) return a.m_integer == b.m_integer;
            return a.m_number == b.m_number || (std::isnan(a.m_number) && std::isnan(b.m_number));
        case JsonValue::Type::String:
            return a.m_string == b.m_string;
        case JsonValue::Type::Array:
            return a.m_items == b.m_items;
        case JsonValue::Type::Object:
            if (a.m_members.size() != b.m_members.size()) return false;
            for (const JsonMember& m : a.m_members) {
                const JsonValue* other = b.find(m.key);
                if (!other || !(*other == m.value)) return false;
            }
            return true;
    }
    return false;
}

namespace {

constexpr int kMaxDepth = 1000;

// Builds JsonValues straight from rapidjson's reader events (no intermediate DOM). Containers
// under construction sit on a stack; an object member's key waits in m_keys.
class Builder : public rapidjson::BaseReaderHandler<rapidjson::UTF8<>, Builder> {
public:
    bool Null() { return add(JsonValue()); }
    bool Bool(bool b) { return add(JsonValue::boolean(b)); }
    bool Int(int i) { return add(JsonValue::integer(i)); }
    bool Uint(unsigned u) { return add(JsonValue::integer(std::int64_t(u))); }
    bool Int64(std::int64_t i) { return add(JsonValue::integer(i)); }
    bool Uint64(std::uint64_t u) {
        return add(u <= std::uint64_t(std::numeric_limits<std::int64_t>::max())
                       ? JsonValue::integer(std::int64_t(u))
                       : JsonValue::number(double(u)));
    }
    bool Double(double d) { return add(JsonValue::number(d)); }
    bool String(const char* text, rapidjson::SizeType length, bool) {
        return add(JsonValue::string(std::string(text, length)));
    }
    bool StartObject() { return open(JsonValue::object()); }
    bool Key(const char* text, rapidjson::SizeType length, bool) {
        m_keys.emplace_back(text, length);
        return true;
    }
    bool EndObject(rapidjson::SizeType) { return close(); }
    bool StartArray() { return open(JsonValue::array()); }
    bool EndArray(rapidjson::SizeType) { return close(); }

    bool tooDeep() const { return m_tooDeep; }
    JsonValue take() { return std::move(m_root); }

private:
    bool add(JsonValue v) {
        if (m_open.empty()) {
            m_root = std::move(v);
        } else if (m_open.back().isArray()) {
            m_open.back().append(std::move(v));
        } else {
            m_open.back().members().push_back({std::move(m_keys.back()), std::move(v)});
            m_keys.pop_back();
        }
        return true;
    }
    bool open(JsonValue container) {
        if (m_open.size() >= std::size_t(kMaxDepth)) {
            m_tooDeep = true;
            return false;
        }
        m_open.push_back(std::move(container));
        return true;
    }
    bool close() {
        JsonValue done = std::move(m_open.back());
        m_open.pop_back();
        return add(std::move(done));
    }

    std::vector<JsonValue> m_open;
    std::vector<std::string> m_keys;
    JsonValue m_root;
    bool m_tooDeep = false;
};

void appendNumber(std::string& out, const JsonValue& v) {
    if (v.isInteger()) {
        char buffer[24];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v.toInt64());
        (void)ec;
        out.append(buffer, end);
        return;
    }
    double d = v.toDouble();
    if (std::isnan(d)) {
        out += "NaN";
    } else if (std::isinf(d)) {
        out += d > 0 ? "Infinity" : "-Infinity";
    } else {
        char buffer[32];
        auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, d);
        (void)ec;
        out.append(buffer, end);
    }
}

void write(std::string& out, const JsonValue& v, bool sortKeys) {
    switch (v.type()) {
        case JsonValue::Type::Null:
            out += "null";
            return;
        case JsonValue::Type::Bool:
            out += v.toBool() ? "true" : "false";
            return;
        case JsonValue::Type::Number:
            appendNumber(out, v);
            return;
        case JsonValue::Type::String:
            appendJsonString(out, v.str());
            return;
        case JsonValue::Type::Array: {
            out += '[';
            bool first = true;
            for (const JsonValue& item : v.items()) {
                if (!first) out += ',';
                first = false;
                write(out, item, sortKeys);
            }
            out += ']';
            return;
        }
        case JsonValue::Type::Object: {
            out += '{';
            std::vector<const JsonMember*> members;
            members.reserve(v.members().size());
            for (const JsonMember& m : v.members())
                members.push_back(&m);
            if (sortKeys) {
                std::stable_sort(
                    members.begin(), members.end(),
                    [](const JsonMember* a, const JsonMember* b) { return a->key < b->key; });
            }
            bool first = true;
            for (const JsonMember* m : members) {
                if (!first) out += ',';
                first = false;
                appendJsonString(out, m->key);
                out += ':';
                write(out, m->value, sortKeys);
            }
            out += '}';
            return;
        }
    }
}

}  // namespace

Result<JsonValue> parseJson(std::string_view text) {
    // Iterative: deep nesting cannot overflow the stack. Full precision: doubles read back
    // exactly as written. NaN and Infinity: the tokens Python and Go write.
    constexpr unsigned kFlags = rapidjson::kParseIterativeFlag |
                                rapidjson::kParseFullPrecisionFlag | rapidjson::kParseNanAndInfFlag;
    rapidjson::MemoryStream stream(text.data(), text.size());
    rapidjson::Reader reader;
    Builder builder;
    const rapidjson::ParseResult result = reader.Parse<kFlags>(stream, builder);
    if (result) return builder.take();
    const std::string what = builder.tooDeep()
                                 ? "nested deeper than " + std::to_string(kMaxDepth) + " levels"
                                 : rapidjson::GetParseError_En(result.Code());
    return makeError("invalid JSON at offset " + std::to_string(result.Offset()) + ": " + what);
}

void appendJsonString(std::string& out, std::string_view text) {
    static const char* const kHex = "0123456789abcdef";
    out += '"';
    for (char ch : text) {
        unsigned char c = static_cast<unsigned char>(ch);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20) {
                    out += "\\u00";
                    out += kHex[c >> 4];
                    out += kHex[c & 15];
                } else {
                    out += ch;
                }
        }
    }
    out += '"';
}

std::string toJson(const JsonValue& value, bool sortKeys) {
    std::string out;
    write(out, value, sortKeys);
    return out;
}

}  // namespace runlens
