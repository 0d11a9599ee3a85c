// Predictions files: cells are first kept as text per column (JSON values written back as text),
// then each column takes the narrowest type all its non-empty cells fit.
#include "core/importers/predictions/predictions_file.h"

#include <algorithm>
#include <cctype>
#include <limits>
#include <map>
#include <set>

#include "core/analysis/prediction_columns.h"
#include "core/importers/csv/csv_parser.h"
#include "core/model/value.h"
#include "core/util/json_value.h"
#include "core/util/parse_number.h"

namespace runlens::predictions {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool isStepName(std::string_view name) {
    static const std::set<std::string> kNames = {
        "step",  "epoch",     "global_step", "iteration", "iter", "_step", "trainer/global_step",
        "batch", "wall_time", "timestamp"};
    return kNames.count(lower(name)) > 0;
}

bool namesPredictions(const std::vector<std::string>& names) {
    bool truth = false, pred = false;
    for (const std::string& n : names) {
        if (isStepName(n)) return false;
        truth = truth || analysis::isTruthName(n);
        pred = pred || analysis::isPredictionName(n);
    }
    return truth && pred;
}

bool isBoolText(std::string_view s) {
    const std::string l = lower(s);
    return l == "true" || l == "false";
}

bool isImagePath(std::string_view s) {
    const std::string l = lower(s);
    for (const char* ext : {".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp"})
        if (l.size() > std::string_view(ext).size() && l.ends_with(ext)) return true;
    return false;
}

// "[0.1, 0.9]" -> the numbers; nullopt when it is not a flat array of numbers.
std::optional<std::vector<double>> numberArray(std::string_view s) {
    if (s.empty() || s.front() != '[') return std::nullopt;
    auto json = parseJson(s);
    if (!json.ok() || !json->isArray()) return std::nullopt;
    std::vector<double> out;
    for (const JsonValue& v : json->items()) {
        if (!v.isNumber()) return std::nullopt;
        out.push_back(v.toDouble());
    }
    return out;
}

// Natural order for class names: numbers by value, then text.
bool classLess(const std::string& a, const std::string& b) {
    const auto x = parseDouble(a), y = parseDouble(b);
    if (x && y) return *x < *y;
    if (x || y) return bool(x);
    return a < b;
}

struct TextColumns {
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> cells;  ///< [column][row]; "" is missing
    std::size_t rowCount = 0;

    std::size_t rows() const { return rowCount; }
    /// A column, empty in the rows so far.
    int add(const std::string& name) {
        names.push_back(name);
        cells.emplace_back(rowCount);
        return int(names.size()) - 1;
    }
    /// A row, empty in every column.
    void addRow() {
        ++rowCount;
        for (auto& column : cells)
            column.emplace_back();
    }
};

ParsedPredictions typedTable(TextColumns& text) {
    ParsedPredictions out;
    const std::size_t rows = text.rows();
    std::vector<int> labelColumns;
    for (std::size_t c = 0; c < text.names.size(); ++c) {
        const std::vector<std::string>& cells = text.cells[c];
        bool numbers = true, bools = true, arrays = true, images = true, any = false;
        for (const std::string& s : cells) {
            if (s.empty()) continue;
            any = true;
            numbers = numbers && parseDouble(s).has_value();
            bools = bools && isBoolText(s);
            arrays = arrays && s.front() == '[';
            images = images && isImagePath(s);
        }
        const std::string& name = text.names[c];
        const bool label = analysis::isTruthName(name) || analysis::isPredictionName(name);
        if (any && numbers) {
            TableColumn& col = out.table.addColumn(name, ColumnType::Number);
            for (const std::string& s : cells)
                col.numbers.push_back(s.empty() ? kNaN : parseDouble(s).value_or(kNaN));
        } else if (any && bools) {
            TableColumn& col = out.table.addColumn(name, ColumnType::Bool);
            for (const std::string& s : cells)
                col.numbers.push_back(s.empty() ? kNaN : lower(s) == "true" ? 1.0 : 0.0);
        } else if (any && arrays &&
                   std::all_of(cells.begin(), cells.end(), [](const std::string& v) {
                       return v.empty() || numberArray(v).has_value();
                   })) {
            // Lists of numbers (class probabilities); other lists stay text, nothing is lost.
            TableColumn& col = out.table.addColumn(name, ColumnType::NumberArray);
            for (const std::string& v : cells)
                col.arrays.push_back(numberArray(v).value_or(std::vector<double>()));
        } else if (any && images && !label) {
            TableColumn& col = out.table.addColumn(name, ColumnType::Image);
            col.ints.assign(rows, 0);
            out.imagePaths.emplace_back(int(out.table.columns.size()) - 1,
                                        std::move(text.cells[c]));
        } else if (label) {
            out.table.addColumn(name, ColumnType::ClassLabel);
            labelColumns.push_back(int(c));
        } else {
            out.table.addColumn(name, ColumnType::String).strings = std::move(text.cells[c]);
        }
    }
    // Truth and prediction as class labels with one shared list of classes, so they compare
    // by index and the confusion matrix has both axes alike.
    std::set<std::string> classes;
    for (int c : labelColumns)
        for (const std::string& s : text.cells[std::size_t(c)])
            if (!s.empty()) classes.insert(s);
    std::vector<std::string> ordered(classes.begin(), classes.end());
    std::sort(ordered.begin(), ordered.end(), classLess);
    std::map<std::string, std::int64_t> index;
    for (std::size_t i = 0; i < ordered.size(); ++i)
        index[ordered[i]] = std::int64_t(i);
    for (int c : labelColumns) {
        auto it = std::find_if(
            out.table.columns.begin(), out.table.columns.end(),
            [&](const TableColumn& t) { return t.name == text.names[std::size_t(c)]; });
        it->classNames = ordered;
        for (const std::string& s : text.cells[std::size_t(c)])
            it->ints.push_back(s.empty() ? -1 : index[s]);
    }
    return out;
}

Result<ParsedPredictions> parseCsv(std::string_view data) {
    data.remove_prefix(csv::bomLength(data));
    const std::size_t firstLineEnd = std::min(data.find('\n'), data.size());
    csv::CsvParser parser(csv::detectDelimiter(data.substr(0, firstLineEnd)));
    std::string padded;
    if (!data.empty() && data.back() != '\n') {  // a last line cut short is still read
        padded.assign(data);
        padded += '\n';
        data = padded;
    }
    std::size_t pos = 0;
    std::vector<std::string_view> fields;
    if (parser.next(data, pos, fields) != csv::CsvStatus::Record || fields.empty())
        return makeError("no header line");
    TextColumns text;
    for (std::string_view f : fields)
        text.add(std::string(f));
    std::size_t ragged = 0;
    while (pos < data.size()) {
        if (parser.next(data, pos, fields) != csv::CsvStatus::Record) break;
        if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
        if (fields.size() != text.names.size()) ++ragged;
        const std::size_t row = text.rows();
        text.addRow();
        for (std::size_t c = 0; c < text.names.size() && c < fields.size(); ++c)
            text.cells[c][row].assign(fields[c]);
    }
    ParsedPredictions out = typedTable(text);
    if (ragged)
        out.notes.insert(out.notes.begin(),
                         std::to_string(ragged) +
                             " rows have more or fewer cells than the header; extra cells were "
                             "dropped, missing ones left empty");
    return out;
}

std::string cellOf(const JsonValue& v) {
    switch (v.type()) {
        case JsonValue::Type::Null:
            return {};
        case JsonValue::Type::Bool:
            return v.toBool() ? "true" : "false";
        case JsonValue::Type::Number:
            return v.isInteger() ? std::to_string(v.toInt64()) : formatNumber(v.toDouble());
        case JsonValue::Type::String:
            return v.str();
        default:
            return toJson(v);
    }
}

Result<ParsedPredictions> parseJsonLines(std::string_view data) {
    TextColumns text;
    std::map<std::string, int> columnOf;
    std::size_t bad = 0, lines = 0;
    for (std::size_t pos = 0; pos < data.size();) {
        const std::size_t end = std::min(data.find('\n', pos), data.size());
        std::string_view line = data.substr(pos, end - pos);
        pos = end + 1;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
            line.remove_suffix(1);
        if (line.empty()) continue;
        ++lines;
        auto json = parseJson(line);
        if (!json.ok() || !json->isObject()) {
            ++bad;
            continue;
        }
        const std::size_t row = text.rows();
        text.addRow();
        for (const JsonMember& m : json->members()) {
            auto it = columnOf.find(m.key);
            if (it == columnOf.end()) it = columnOf.emplace(m.key, text.add(m.key)).first;
            text.cells[std::size_t(it->second)][row] = cellOf(m.value);
        }
    }
    if (text.names.empty()) return makeError("no JSON object on any line");
    ParsedPredictions out = typedTable(text);
    if (bad)
        out.notes.insert(out.notes.begin(), std::to_string(bad) + " of " + std::to_string(lines) +
                                                " lines are not JSON objects and were skipped");
    return out;
}

}  // namespace

bool looksLikePredictions(std::string_view head, FileKind kind) {
    head.remove_prefix(csv::bomLength(head));
    const std::size_t end = std::min(head.find('\n'), head.size());
    const std::string_view first = head.substr(0, end);
    std::vector<std::string> names;
    if (kind == FileKind::JsonLines) {
        auto json = parseJson(first);
        if (!json.ok() || !json->isObject()) return false;
        for (const JsonMember& m : json->members())
            names.push_back(m.key);
    } else {
        csv::CsvParser parser(csv::detectDelimiter(first));
        std::string line(first);
        line += '\n';
        std::size_t pos = 0;
        std::vector<std::string_view> fields;
        if (parser.next(line, pos, fields) != csv::CsvStatus::Record) return false;
        for (std::string_view f : fields) {
            while (!f.empty() && (f.back() == '\r' || f.back() == ' '))
                f.remove_suffix(1);
            names.emplace_back(f);
        }
    }
    return namesPredictions(names);
}

Result<ParsedPredictions> parsePredictions(std::string_view data, FileKind kind) {
    auto parsed = kind == FileKind::Csv ? parseCsv(data) : parseJsonLines(data);
    if (parsed.ok() && parsed->table.rowCount() == 0 && parsed->table.columns.empty())
        return makeError("no rows");
    return parsed;
}

}  // namespace runlens::predictions
