// YAML -> flat config entries with yaml-cpp, plus a workaround for a yaml-cpp 0.7 parse bug.
#include "core/importers/csv/hparams_yaml.h"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "core/util/json_value.h"
#include "core/util/parse_number.h"

namespace runlens {
namespace {

constexpr std::string_view kStdTag = "tag:yaml.org,2002:";
constexpr std::string_view kPythonTag = "tag:yaml.org,2002:python/";
constexpr int kMaxDepth = 64;  // anchors can make cycles; also bounds recursion

// yaml-cpp 0.7 rejects a tagged block scalar as a sequence entry ("- !!binary |" followed by an
// indented block), which PyYAML writes for numpy/torch objects. Dropping the tag on exactly
// those lines keeps the file readable; such values only ever appear inside opaque objects.
std::string workAroundTaggedBlockScalars(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find('\n', pos);
        std::size_t next = end == std::string_view::npos ? text.size() : end + 1;
        std::string_view line = text.substr(pos, next - pos);
        std::string_view body = line;
        while (!body.empty() && (body.back() == '\n' || body.back() == '\r'))
            body.remove_suffix(1);
        std::size_t i = body.find_first_not_of(' ');
        bool rewritten = false;
        if (i != std::string_view::npos && body.substr(i).starts_with("- !")) {
            std::size_t tagStart = i + 2;
            std::size_t tagEnd = body.find(' ', tagStart);
            if (tagEnd != std::string_view::npos) {
                std::string_view rest = body.substr(tagEnd + 1);
                if (!rest.empty() && (rest.front() == '|' || rest.front() == '>') &&
                    rest.find(' ') == std::string_view::npos) {
                    out.append(body.substr(0, tagStart));
                    out.append(rest);
                    out.append(line.substr(body.size()));
                    rewritten = true;
                }
            }
        }
        if (!rewritten) out.append(line);
        pos = next;
    }
    return out;
}

bool isPyYamlBool(const std::string& s, bool& value) {
    static const char* kTrue[] = {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"};
    static const char* kFalse[] = {"false", "False", "FALSE", "no", "No",
                                   "NO",    "off",   "Off",   "OFF"};
    for (const char* t : kTrue) {
        if (s == t) return value = true;
    }
    for (const char* f : kFalse) {
        if (s == f) {
            value = false;
            return true;
        }
    }
    return false;
}

bool isNullText(const std::string& s) {
    return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL";
}

/// "module.Type" from "tag:yaml.org,2002:python/object/apply:module.Type".
std::string pythonTypeName(const std::string& tag) {
    auto colon = tag.rfind(':');
    return colon == std::string::npos ? tag : tag.substr(colon + 1);
}

/// Resolves a plain or standard-tagged scalar the way PyYAML would load it.
Value scalarValue(const YAML::Node& node) {
    const std::string& tag = node.Tag();
    const std::string& s = node.Scalar();
    if (tag == "!") return Value::string(s);  // quoted: always a string ('True' stays text)
    std::string_view kind;
    if (tag.starts_with(kPythonTag)) {
        kind = std::string_view(tag).substr(kPythonTag.size());
    } else if (tag.starts_with(kStdTag)) {
        kind = std::string_view(tag).substr(kStdTag.size());
    }
    if (kind == "str" || kind == "unicode") return Value::string(s);
    if (kind == "binary") return Value::string("<binary data>");
    if (kind == "none" || kind == "null") return Value();
    bool b = false;
    if (kind == "bool") return isPyYamlBool(s, b) ? Value::boolean(b) : Value::string(s);
    if (kind.starts_with("name:") || kind.starts_with("module:"))
        return Value::string(s.empty() ? pythonTypeName(tag) : s);
    if (isNullText(s) && tag == "?") return Value();
    if (tag == "?" && isPyYamlBool(s, b)) return Value::boolean(b);
    if (tag == "?" || kind == "int" || kind == "float" || kind == "long") {
        std::string digits = s;
        std::erase(digits, '_');
        if (auto n = parseDouble(digits)) return Value::number(*n);
    }
    return Value::string(s);
}

bool isPlainMap(const YAML::Node& node) {
    const std::string& tag = node.Tag();
    return node.IsMap() && (tag == "?" || tag == "!" || tag == "tag:yaml.org,2002:map" ||
                            tag == "tag:yaml.org,2002:python/object:argparse.Namespace");
}

bool isPlainSequence(const YAML::Node& node) {
    const std::string& tag = node.Tag();
    return node.IsSequence() &&
           (tag == "?" || tag == "!" || tag == "tag:yaml.org,2002:seq" ||
            tag == "tag:yaml.org,2002:python/tuple" || tag == "tag:yaml.org,2002:python/list");
}

/// A Python object PyYAML serialised by type: shown by its type name, with short scalar
/// arguments when it has them (enums: "mymod.Color(3)").
std::string opaqueText(const YAML::Node& node) {
    std::string name = pythonTypeName(node.Tag());
    if (node.IsScalar() && !node.Scalar().empty()) return name + "(" + node.Scalar() + ")";
    if (node.IsSequence() && node.size() <= 4) {
        std::string args;
        for (const auto& item : node) {
            if (!item.IsScalar() || item.Tag().starts_with(kPythonTag)) return name + "(...)";
            if (!args.empty()) args += ", ";
            args += item.Scalar();
        }
        if (args.size() <= 80) return name + "(" + args + ")";
    }
    return name + "(...)";
}

void appendJson(std::string& out, const YAML::Node& node, int depth);

void appendValueJson(std::string& out, const Value& v) {
    switch (v.type()) {
        case ValueType::Null:
            out += "null";
            break;
        case ValueType::Number: {
            std::string n = formatNumber(v.toNumber());
            out += (n == "nan" || n == "inf" || n == "-inf") ? "null" : n;
            break;
        }
        case ValueType::Bool:
            out += v.toBool() ? "true" : "false";
            break;
        case ValueType::String:
            appendJsonString(out, v.text());
            break;
        case ValueType::Json:
            out += v.text();
            break;
    }
}

void appendJson(std::string& out, const YAML::Node& node, int depth) {
    if (depth > kMaxDepth) {
        out += "null";
        return;
    }
    if (node.IsNull() || !node.IsDefined()) {
        out += "null";
    } else if (isPlainSequence(node)) {
        out += '[';
        bool first = true;
        for (const auto& item : node) {
            if (!first) out += ", ";
            first = false;
            appendJson(out, item, depth + 1);
        }
        out += ']';
    } else if (isPlainMap(node)) {
        out += '{';
        bool first = true;
        for (const auto& kv : node) {
            if (!first) out += ", ";
            first = false;
            appendJsonString(out, kv.first.IsScalar() ? kv.first.Scalar() : std::string("?"));
            out += ": ";
            appendJson(out, kv.second, depth + 1);
        }
        out += '}';
    } else if (node.IsScalar() && !node.Tag().starts_with(std::string(kPythonTag) + "object")) {
        appendValueJson(out, scalarValue(node));
    } else if (node.Tag() == "tag:yaml.org,2002:set" && node.IsMap()) {
        out += '[';
        bool first = true;
        for (const auto& kv : node) {
            if (!first) out += ", ";
            first = false;
            appendJson(out, kv.first, depth + 1);
        }
        out += ']';
    } else {
        appendJsonString(out, opaqueText(node));
    }
}

void flatten(const YAML::Node& node, const std::string& prefix, int depth,
             std::vector<YamlParam>& out) {
    for (const auto& kv : node) {
        std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string("?");
        if (!prefix.empty()) key = prefix + "/" + key;
        const YAML::Node& v = kv.second;
        if (isPlainMap(v) && v.size() > 0 && depth < kMaxDepth) {
            flatten(v, key, depth + 1, out);
        } else if (v.IsNull() || !v.IsDefined()) {
            out.push_back({std::move(key), Value(), false});
        } else if (v.IsScalar() && !v.Tag().starts_with(std::string(kPythonTag) + "object")) {
            out.push_back({std::move(key), scalarValue(v), false});
        } else if (isPlainSequence(v) || isPlainMap(v) ||
                   (v.Tag() == "tag:yaml.org,2002:set" && v.IsMap())) {
            std::string json;
            appendJson(json, v, depth + 1);
            out.push_back({std::move(key), Value::json(std::move(json)), false});
        } else {
            out.push_back({std::move(key), Value::string(opaqueText(v)), true});
        }
    }
}

}  // namespace

Result<std::vector<YamlParam>> parseHparamsYaml(std::string_view text) {
    std::vector<YamlParam> out;
    YAML::Node root;
    try {
        if (text.find('!') != std::string_view::npos)
            root = YAML::Load(workAroundTaggedBlockScalars(text));
        else
            root = YAML::Load(std::string(text));
    } catch (const YAML::Exception& e) {
        return makeError(std::string("not valid YAML: ") + e.what());
    }
    if (!root.IsDefined() || root.IsNull()) return out;
    if (!root.IsMap()) return makeError("the YAML top level is not a mapping");
    try {
        flatten(root, {}, 0, out);
    } catch (const YAML::Exception& e) {
        return makeError(std::string("unreadable YAML content: ") + e.what());
    }
    return out;
}

Result<std::vector<YamlParam>> readHparamsYaml(const std::filesystem::path& file) {
    std::error_code ec;
    auto size = std::filesystem::file_size(file, ec);
    if (ec) return makeError("cannot read the file: " + ec.message(), file.string());
    if (size > (64u << 20)) return makeError("the file is too large to be a config", file.string());
    std::ifstream in(file, std::ios::binary);
    if (!in) return makeError("cannot open the file", file.string());
    std::ostringstream buffer;
    buffer << in.rdbuf();
    auto result = parseHparamsYaml(buffer.str());
    if (!result) return makeError(result.error().message, file.string());
    return result;
}

}  // namespace runlens
