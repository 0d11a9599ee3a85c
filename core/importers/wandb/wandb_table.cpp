// W&B Table JSON: parsed into rapidjson documents, then per-column type inference and conversion
// to PredictionTable straight from rapidjson values.
#include "core/importers/wandb/wandb_table.h"

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "core/analysis/table_join.h"
#include "core/model/value.h"

namespace runlens::wandb {
namespace {

using Json = rapidjson::Value;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr unsigned kParseFlags = rapidjson::kParseIterativeFlag |
                                 rapidjson::kParseFullPrecisionFlag |
                                 rapidjson::kParseNanAndInfFlag;

std::string_view text(const Json& v) {
    return {v.GetString(), v.GetStringLength()};
}

const Json* member(const Json& object, const char* key) {
    if (!object.IsObject()) return nullptr;
    auto it = object.FindMember(key);
    return it == object.MemberEnd() ? nullptr : &it->value;
}

bool isImageObject(const Json& v) {
    const Json* type = member(v, "_type");
    return type && type->IsString() && text(*type) == "image-file";
}

bool isImagePlaceholder(const Json& v) {
    return v.IsString() && text(v) == "Image";
}

bool isNumberList(const Json& v) {
    if (!v.IsArray()) return false;
    for (const Json& x : v.GetArray())
        if (!x.IsNumber()) return false;
    return true;
}

// A cell as a JsonValue: for the image resolver and for the text of nested values.
JsonValue toJsonValue(const Json& v) {
    switch (v.GetType()) {
        case rapidjson::kNullType:
            return {};
        case rapidjson::kFalseType:
        case rapidjson::kTrueType:
            return JsonValue::boolean(v.GetBool());
        case rapidjson::kNumberType:
            return v.IsInt64() ? JsonValue::integer(v.GetInt64())
                               : JsonValue::number(v.GetDouble());
        case rapidjson::kStringType:
            return JsonValue::string(std::string(text(v)));
        case rapidjson::kArrayType: {
            JsonValue out = JsonValue::array();
            for (const Json& x : v.GetArray())
                out.append(toJsonValue(x));
            return out;
        }
        case rapidjson::kObjectType: {
            JsonValue out = JsonValue::object();
            for (const auto& m : v.GetObject())
                out.members().push_back({std::string(text(m.name)), toJsonValue(m.value)});
            return out;
        }
    }
    return {};
}

std::string cellText(const Json& v) {
    if (v.IsNull()) return {};
    if (v.IsString()) return std::string(text(v));
    if (v.IsBool()) return v.GetBool() ? "true" : "false";
    if (v.IsNumber())
        return v.IsInt64() ? std::to_string(v.GetInt64()) : formatNumber(v.GetDouble());
    return toJson(toJsonValue(v), true);
}

ColumnType inferType(const std::vector<const Json*>& cells) {
    std::size_t nulls = 0, numbers = 0, bools = 0, images = 0, placeholders = 0, lists = 0;
    for (const Json* c : cells) {
        if (c->IsNull())
            ++nulls;
        else if (c->IsNumber())
            ++numbers;
        else if (c->IsBool())
            ++bools;
        else if (isImageObject(*c))
            ++images;
        else if (isImagePlaceholder(*c))
            ++placeholders;
        else if (isNumberList(*c))
            ++lists;
    }
    const std::size_t n = cells.size();
    if (images > 0 && images + placeholders + nulls == n) return ColumnType::Image;
    if (placeholders > 0 && placeholders + nulls == n) return ColumnType::Image;
    if (numbers > 0 && numbers + nulls == n) return ColumnType::Number;
    if (bools > 0 && bools + nulls == n) return ColumnType::Bool;
    if (lists > 0 && lists + nulls == n) return ColumnType::NumberArray;
    return ColumnType::String;
}

}  // namespace

Result<WandbTable> readWandbTable(const std::vector<std::string_view>& documents, std::string name,
                                  std::int64_t step, const ImageResolver& resolveImage) {
    std::vector<std::unique_ptr<rapidjson::Document>> docs;
    std::string damage;
    for (std::size_t i = 0; i < documents.size(); ++i) {
        auto doc = std::make_unique<rapidjson::Document>();
        doc->Parse<kParseFlags>(documents[i].data(), documents[i].size());
        if (doc->HasParseError()) {
            const std::string where =
                (documents.size() > 1 ? "increment " + std::to_string(i + 1) + ": "
                                      : std::string()) +
                "invalid JSON at offset " + std::to_string(doc->GetErrorOffset()) + ": " +
                rapidjson::GetParseError_En(doc->GetParseError());
            // Cut short or damaged: the complete rows before the damage are still worth reading.
            const std::string salvaged = salvageTableRows(documents[i], doc->GetErrorOffset());
            doc = std::make_unique<rapidjson::Document>();
            if (!salvaged.empty()) doc->Parse<kParseFlags>(salvaged.data(), salvaged.size());
            if (salvaged.empty() || doc->HasParseError()) return makeError(where);
            damage = where;
        }
        docs.push_back(std::move(doc));
    }
    const Json* columns = docs.empty() ? nullptr : member(*docs.front(), "columns");
    const Json* firstData = docs.empty() ? nullptr : member(*docs.front(), "data");
    if (!columns || !columns->IsArray() || !firstData || !firstData->IsArray())
        return makeError("not a W&B table: no \"columns\" and \"data\" lists");

    // Rows of every document, in order (increments without a data list add nothing).
    std::vector<const Json*> rows;
    for (const auto& doc : docs)
        if (const Json* data = member(*doc, "data"); data && data->IsArray())
            for (const Json& row : data->GetArray())
                rows.push_back(&row);

    WandbTable out;
    out.damage = std::move(damage);
    out.table.name = std::move(name);
    out.table.step = step;
    const Json null;
    std::vector<const Json*> cells(rows.size());
    const rapidjson::SizeType columnCount = columns->Size();
    for (rapidjson::SizeType col = 0; col < columnCount; ++col) {
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const Json& row = *rows[r];
            cells[r] = row.IsArray() && col < row.Size() ? &row[col] : &null;
        }
        const ColumnType type = inferType(cells);
        TableColumn& c = out.table.addColumn(cellText((*columns)[col]), type);
        switch (type) {
            case ColumnType::Number:
                c.numbers.reserve(cells.size());
                for (const Json* v : cells)
                    c.numbers.push_back(v->IsNumber() ? v->GetDouble() : kNaN);
                break;
            case ColumnType::Bool:
                c.numbers.reserve(cells.size());
                for (const Json* v : cells)
                    c.numbers.push_back(v->IsBool() ? (v->GetBool() ? 1.0 : 0.0) : kNaN);
                break;
            case ColumnType::NumberArray:
                c.arrays.reserve(cells.size());
                for (const Json* v : cells) {
                    std::vector<double> values;
                    if (v->IsArray()) {
                        values.reserve(v->Size());
                        for (const Json& x : v->GetArray())
                            values.push_back(x.GetDouble());
                    }
                    c.arrays.push_back(std::move(values));
                }
                break;
            case ColumnType::Image:
                c.ints.reserve(cells.size());
                for (const Json* v : cells) {
                    MediaId id = 0;
                    if (isImageObject(*v)) {
                        id = resolveImage ? resolveImage(toJsonValue(*v)) : 0;
                        if (id == 0) ++out.missingImages;
                    } else if (isImagePlaceholder(*v)) {
                        ++out.placeholderImages;
                    }
                    c.ints.push_back(id);
                }
                break;
            case ColumnType::String:
            case ColumnType::ClassLabel:
                c.strings.reserve(cells.size());
                for (const Json* v : cells)
                    c.strings.push_back(cellText(*v));
                break;
        }
    }
    return out;
}

std::string salvageTableRows(std::string_view text, std::size_t offset) {
    offset = std::min(offset, text.size());
    const std::size_t key = text.find("\"data\"");
    if (key == std::string_view::npos || key >= offset) return {};
    std::size_t pos = text.find('[', key);
    if (pos == std::string_view::npos || pos >= offset) return {};
    // Scan the data list: depth 1 is inside it, a row ends where depth comes back to 1.
    std::size_t lastRowEnd = pos + 1;  // no complete row yet: an empty list
    int depth = 0;
    bool inString = false, escaped = false;
    for (; pos < offset; ++pos) {
        const char c = text[pos];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            ++depth;
        } else if (c == ']' || c == '}') {
            if (--depth == 1) lastRowEnd = pos + 1;
            if (depth == 0)  // the list is whole: the damage comes after it
                return std::string(text.substr(0, pos + 1)) + "}";
        }
    }
    return std::string(text.substr(0, lastRowEnd)) + "]}";
}

namespace {

// Appends row `row` of `in` to `out` (same type), or a missing cell when row < 0.
void appendCell(TableColumn& out, const TableColumn& in, std::int32_t row) {
    const bool has = row >= 0;
    const std::size_t r = has ? std::size_t(row) : 0;
    switch (in.type) {
        case ColumnType::Number:
        case ColumnType::Bool:
            out.numbers.push_back(has ? in.numbers[r] : kNaN);
            break;
        case ColumnType::String:
            out.strings.push_back(has ? in.strings[r] : std::string());
            break;
        case ColumnType::ClassLabel:
            out.ints.push_back(has ? in.ints[r] : -1);
            break;
        case ColumnType::Image:
            out.ints.push_back(has ? in.ints[r] : 0);
            break;
        case ColumnType::NumberArray:
            out.arrays.push_back(has ? in.arrays[r] : std::vector<double>());
            break;
    }
}

int columnNamed(const PredictionTable& table, const std::string& name) {
    for (std::size_t c = 0; c < table.columns.size(); ++c)
        if (table.columns[c].name == name) return int(c);
    return -1;
}

}  // namespace

Result<PredictionTable> joinWandbTables(const PredictionTable& a, const PredictionTable& b,
                                        const std::string& keyA, const std::string& keyB) {
    const int ka = columnNamed(a, keyA), kb = columnNamed(b, keyB);
    if (ka < 0) return makeError("the first table has no join key column '" + keyA + "'");
    if (kb < 0) return makeError("the second table has no join key column '" + keyB + "'");
    // The join matches columns by name: b's key takes a's key name in a copy.
    PredictionTable renamed = b;
    renamed.columns[std::size_t(kb)].name = keyA;
    auto join = analysis::joinTables({{&a, -1, -1}, {&renamed, -1, -1}}, keyA);
    if (!join.ok()) return join.error();
    const analysis::TableJoin& j = join.value();

    PredictionTable out;
    out.name = a.name;
    out.step = a.step;
    auto addFrom = [&](const PredictionTable& from, std::size_t side, int column,
                       const std::string& name) {
        const TableColumn& in = from.columns[std::size_t(column)];
        TableColumn& c = out.addColumn(name, in.type);
        c.classNames = in.classNames;
        for (std::size_t r = 0; r < j.size(); ++r)
            appendCell(c, in, j.rowOf[side][r]);
    };
    for (std::size_t c = 0; c < a.columns.size(); ++c) {
        if (int(c) != ka) {
            addFrom(a, 0, int(c), a.columns[c].name);
            continue;
        }
        // The key from whichever side holds the row.
        const TableColumn& in = a.columns[c];
        TableColumn& key = out.addColumn(in.name, in.type);
        key.classNames = in.classNames;
        const TableColumn& other = b.columns[std::size_t(kb)];
        for (std::size_t r = 0; r < j.size(); ++r) {
            if (j.rowOf[0][r] >= 0 || other.type != in.type || other.classNames != in.classNames)
                appendCell(key, in, j.rowOf[0][r]);
            else
                appendCell(key, other, j.rowOf[1][r]);
        }
    }
    for (std::size_t c = 0; c < b.columns.size(); ++c) {
        if (int(c) == kb) continue;
        std::string name = b.columns[c].name;
        if (columnNamed(out, name) >= 0) name += " (2)";
        addFrom(b, 1, int(c), name);
    }
    return out;
}

}  // namespace runlens::wandb
