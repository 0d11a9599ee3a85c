// Event decoding with the generated protobuf classes (one Event object reused for every record).
#include "core/importers/tensorboard/event_decoder.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>

#include "core/model/value.h"
#include "core/util/json_value.h"
#include "importers/tensorboard/tensorboard_event.pb.h"

namespace runlens::tb {
namespace {

constexpr std::string_view kScalarsPlugin = "scalars";
constexpr std::string_view kTextPlugin = "text";
constexpr std::string_view kImagesPlugin = "images";
constexpr std::string_view kHParamsPlugin = "hparams";

// TensorFlow DataType numbers.
enum DataType : int {
    kFloat = 1,
    kDouble = 2,
    kInt32 = 3,
    kUInt8 = 4,
    kInt16 = 5,
    kInt8 = 6,
    kString = 7,
    kInt64 = 9,
    kBool = 10,
    kBFloat16 = 14,
    kUInt16 = 17,
    kHalf = 19,
    kUInt32 = 22,
    kUInt64 = 23,
};

/// Bytes per element in tensor_content, 0 for non-numeric types.
int elementSize(int dtype) {
    switch (dtype) {
        case kFloat:
        case kInt32:
        case kUInt32:
            return 4;
        case kDouble:
        case kInt64:
        case kUInt64:
            return 8;
        case kUInt8:
        case kInt8:
        case kBool:
            return 1;
        case kInt16:
        case kUInt16:
        case kBFloat16:
        case kHalf:
            return 2;
        default:
            return 0;
    }
}

/// Number of elements, or -1 when the shape is unknown.
std::int64_t elementCount(const TensorProto& t) {
    if (t.tensor_shape().unknown_rank()) return -1;
    std::int64_t n = 1;
    for (const auto& d : t.tensor_shape().dim()) {
        if (d.size() < 0) return -1;
        n *= d.size();
        if (n > (std::int64_t(1) << 40)) return -1;
    }
    return n;
}

template <typename T>
T load(const std::string& bytes) {
    T v;
    std::memcpy(&v, bytes.data(), sizeof(T));
    return v;
}

float bfloat16ToFloat(std::uint16_t bits) {
    std::uint32_t w = std::uint32_t(bits) << 16;
    float f;
    std::memcpy(&f, &w, 4);
    return f;
}

/// The single number a one-element numeric tensor holds.
std::optional<double> scalarOf(const TensorProto& t) {
    const int dtype = t.dtype();
    const int size = elementSize(dtype);
    if (size == 0 || elementCount(t) != 1) return std::nullopt;
    const std::string& c = t.tensor_content();
    if (!c.empty()) {
        if (c.size() != std::size_t(size)) return std::nullopt;
        switch (dtype) {
            case kFloat:
                return load<float>(c);
            case kDouble:
                return load<double>(c);
            case kInt32:
                return load<std::int32_t>(c);
            case kUInt32:
                return load<std::uint32_t>(c);
            case kInt64:
                return double(load<std::int64_t>(c));
            case kUInt64:
                return double(load<std::uint64_t>(c));
            case kUInt8:
                return load<std::uint8_t>(c);
            case kInt8:
                return load<std::int8_t>(c);
            case kBool:
                return load<std::uint8_t>(c) != 0 ? 1.0 : 0.0;
            case kInt16:
                return load<std::int16_t>(c);
            case kUInt16:
                return load<std::uint16_t>(c);
            case kHalf:
                return halfToFloat(load<std::uint16_t>(c));
            case kBFloat16:
                return bfloat16ToFloat(load<std::uint16_t>(c));
            default:
                return std::nullopt;
        }
    }
    switch (dtype) {
        case kFloat:
            if (t.float_val_size() > 0) return t.float_val(0);
            break;
        case kDouble:
            if (t.double_val_size() > 0) return t.double_val(0);
            break;
        case kInt32:
        case kInt16:
        case kInt8:
        case kUInt8:
        case kUInt16:
            if (t.int_val_size() > 0) return t.int_val(0);
            break;
        case kBool:
            if (t.bool_val_size() > 0) return t.bool_val(0) ? 1.0 : 0.0;
            if (t.int_val_size() > 0) return t.int_val(0) != 0 ? 1.0 : 0.0;
            break;
        case kInt64:
            if (t.int64_val_size() > 0) return double(t.int64_val(0));
            break;
        case kUInt32:
            if (t.uint32_val_size() > 0) return t.uint32_val(0);
            break;
        case kUInt64:
            if (t.uint64_val_size() > 0) return double(t.uint64_val(0));
            break;
        case kHalf:
            if (t.half_val_size() > 0) return halfToFloat(std::uint16_t(t.half_val(0)));
            break;
        case kBFloat16:
            if (t.half_val_size() > 0) return bfloat16ToFloat(std::uint16_t(t.half_val(0)));
            break;
        default:
            break;
    }
    return std::nullopt;
}

std::string textOf(const TensorProto& t) {
    if (t.dtype() != kString) return {};
    std::string text;
    for (int i = 0; i < t.string_val_size(); ++i) {
        if (i > 0) text += '\n';
        text += t.string_val(i);
    }
    return text;
}

void appendJson(std::string& out, const JsonValue& v) {
    switch (v.kind_case()) {
        case JsonValue::kNumberValue:
            if (std::isfinite(v.number_value()))
                out += formatNumber(v.number_value());
            else
                out += "null";  // JSON has no NaN/Inf
            break;
        case JsonValue::kStringValue:
            appendJsonString(out, v.string_value());
            break;
        case JsonValue::kBoolValue:
            out += v.bool_value() ? "true" : "false";
            break;
        case JsonValue::kStructValue: {
            out += '{';
            bool first = true;
            for (const auto& entry : v.struct_value().fields()) {
                if (!first) out += ", ";
                first = false;
                appendJsonString(out, entry.key());
                out += ": ";
                appendJson(out, entry.value());
            }
            out += '}';
            break;
        }
        case JsonValue::kListValue: {
            out += '[';
            bool first = true;
            for (const auto& item : v.list_value().values()) {
                if (!first) out += ", ";
                first = false;
                appendJson(out, item);
            }
            out += ']';
            break;
        }
        default:
            out += "null";
    }
}

Value toValue(const JsonValue& v) {
    switch (v.kind_case()) {
        case JsonValue::kNumberValue:
            return Value::number(v.number_value());
        case JsonValue::kStringValue:
            return Value::string(v.string_value());
        case JsonValue::kBoolValue:
            return Value::boolean(v.bool_value());
        case JsonValue::kStructValue:
        case JsonValue::kListValue: {
            std::string json;
            appendJson(json, v);
            return Value::json(std::move(json));
        }
        default:
            return Value();
    }
}

/// Reads hparams plugin content; false if it is not version-0 HParamsPluginData.
bool decodeHParams(const std::string& content, HParamsData& out) {
    HParamsPluginData data;
    if (!data.ParseFromString(content) || data.version() != 0) return false;
    switch (data.data_case()) {
        case HParamsPluginData::kSessionStartInfo: {
            const SessionStartInfo& ssi = data.session_start_info();
            out.hasSessionStart = true;
            // Writers put map entries in no particular order: sort by key for stable output
            // (stable_sort: with a repeated key, the later entry still wins, as in a map).
            std::vector<std::pair<std::string, Value>> items;
            items.reserve(std::size_t(ssi.hparams_size()));
            for (const auto& entry : ssi.hparams())
                items.emplace_back(entry.key(), toValue(entry.value()));
            std::stable_sort(items.begin(), items.end(),
                             [](const auto& a, const auto& b) { return a.first < b.first; });
            for (auto& item : items)
                out.hparams.push_back(std::move(item));
            out.groupName = ssi.group_name();
            out.startTimeSecs = ssi.start_time_secs();
            return true;
        }
        case HParamsPluginData::kSessionEndInfo:
            out.hasSessionEnd = true;
            out.endStatus = data.session_end_info().status();
            out.endTimeSecs = data.session_end_info().end_time_secs();
            return true;
        case HParamsPluginData::kExperiment:
            for (const auto& m : data.experiment().metric_infos()) {
                const MetricName& name = m.name();
                if (name.tag().empty()) continue;
                out.metricTags.push_back(name.group().empty() ? name.tag()
                                                              : name.group() + "/" + name.tag());
            }
            return true;
        default:
            return true;  // a newer kind of record: nothing Runlens uses
    }
}

}  // namespace

void DecodedEvent::clear() {
    wallTime = 0;
    step = 0;
    isFileVersion = false;
    isSessionStart = false;
    scalars.clear();
    texts.clear();
    images.clear();
    hparams = HParamsData();
    hasHParams = false;
    skipped.clear();
}

float halfToFloat(std::uint16_t bits) {
    const std::uint32_t sign = std::uint32_t(bits & 0x8000) << 16;
    const int exponent = (bits >> 10) & 0x1F;
    std::uint32_t mantissa = bits & 0x3FF;
    std::uint32_t word;
    if (exponent == 0x1F) {
        word = sign | 0x7F800000u | (mantissa << 13);  // inf or nan
    } else if (exponent != 0) {
        word = sign | (std::uint32_t(exponent - 15 + 127) << 23) | (mantissa << 13);
    } else if (mantissa == 0) {
        word = sign;
    } else {
        // Subnormal half: normalise it, since every half subnormal is a normal float.
        int e = -1;
        do {
            ++e;
            mantissa <<= 1;
        } while ((mantissa & 0x400) == 0);
        word = sign | (std::uint32_t(127 - 15 - e) << 23) | ((mantissa & 0x3FF) << 13);
    }
    float f;
    std::memcpy(&f, &word, 4);
    return f;
}

EventDecoder::EventDecoder() : m_arenaBlock(std::size_t(256) << 10) {
    google::protobuf::ArenaOptions options;
    options.initial_block = m_arenaBlock.data();
    options.initial_block_size = m_arenaBlock.size();
    m_arena = std::make_unique<google::protobuf::Arena>(options);
}
EventDecoder::~EventDecoder() = default;

void EventDecoder::setTagPlugin(std::string tag, std::string plugin) {
    m_plugins[std::move(tag)] = std::move(plugin);
}

bool EventDecoder::decode(std::string_view payload, DecodedEvent& out) {
    out.clear();
    m_arena->Reset();
    Event* event = google::protobuf::Arena::CreateMessage<Event>(m_arena.get());
    if (payload.size() > std::size_t(std::numeric_limits<int>::max()) ||
        !event->ParseFromArray(payload.data(), int(payload.size())))
        return false;
    const Event& e = *event;
    out.wallTime = e.wall_time();
    out.step = e.step();
    switch (e.what_case()) {
        case Event::kFileVersion:
            out.isFileVersion = true;
            break;
        case Event::kGraphDef:
        case Event::kMetaGraphDef:
        case Event::kTaggedRunMetadata:
            out.skipped.emplace_back("graph");
            break;
        case Event::kSessionLog:
            out.isSessionStart = e.session_log().status() == SessionLog::START;
            break;
        case Event::kSummary:
            for (const auto& value : e.summary().value())
                decodeSummaryValue(value, out);
            break;
        default:
            break;
    }
    return true;
}

void EventDecoder::decodeSummaryValue(const Summary_Value& value, DecodedEvent& out) {
    const std::string& tag = value.tag();
    const std::string* plugin = nullptr;
    if (value.has_metadata() && value.metadata().has_plugin_data()) {
        const auto& pd = value.metadata().plugin_data();
        if (pd.plugin_name() == kHParamsPlugin) {
            // The hparams payload is the metadata content itself; the value carries nothing.
            if (decodeHParams(pd.content(), out.hparams)) out.hasHParams = true;
            return;
        }
        auto it = m_plugins.find(tag);
        if (it == m_plugins.end() || it->second != pd.plugin_name())
            it = m_plugins.insert_or_assign(tag, pd.plugin_name()).first;
        plugin = &it->second;
    } else if (auto it = m_plugins.find(tag); it != m_plugins.end()) {
        plugin = &it->second;
    }

    switch (value.value_case()) {
        case Summary_Value::kSimpleValue:
            out.scalars.emplace_back(&tag, double(value.simple_value()));
            return;
        case Summary_Value::kImage: {
            const auto& image = value.image();
            if (image.encoded_image_string().empty()) return;
            out.images.push_back(
                {&tag, image.width(), image.height(), {image.encoded_image_string()}});
            return;
        }
        case Summary_Value::kHisto:
        case Summary_Value::kObsoleteOldStyleHistogram:
            out.skipped.emplace_back("histogram");
            return;
        case Summary_Value::kAudio:
            out.skipped.emplace_back("audio");
            return;
        case Summary_Value::kTensor:
            break;
        default:
            return;  // no payload (e.g. PyTorch hparams markers)
    }

    const TensorProto& t = value.tensor();
    if (plugin && *plugin == kTextPlugin) {
        out.texts.emplace_back(&tag, textOf(t));
        return;
    }
    if (plugin && *plugin == kImagesPlugin) {
        // tf.summary.image: a string tensor [width, height, encoded image...] as decimal text.
        if (t.string_val_size() > 2) {
            DecodedImages images{
                &tag, std::atoi(t.string_val(0).c_str()), std::atoi(t.string_val(1).c_str()), {}};
            for (int i = 2; i < t.string_val_size(); ++i)
                images.encoded.push_back(t.string_val(i));
            out.images.push_back(std::move(images));
        }
        return;
    }
    if (!plugin || plugin->empty() || *plugin == kScalarsPlugin) {
        if (auto v = scalarOf(t)) {
            out.scalars.emplace_back(&tag, *v);
            return;
        }
    }
    if (plugin && plugin->starts_with("graph"))
        out.skipped.emplace_back("graph");
    else if (plugin && !plugin->empty())
        out.skipped.push_back(*plugin == kScalarsPlugin ? "non-scalar scalars tensor" : *plugin);
    else
        out.skipped.emplace_back("tensor");
}

}  // namespace runlens::tb
