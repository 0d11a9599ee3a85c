// EventFileWriter: builds TensorBoard event files for tests and benchmarks, with a protobuf
// encoder written by hand (independent of the importer's generated classes).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace runlens::test {

/// Protobuf wire encoding of one message, field by field.
class ProtoWriter {
public:
    ProtoWriter& varint(int field, std::uint64_t v);
    ProtoWriter& fixed64(int field, double v);
    ProtoWriter& fixed32(int field, float v);
    ProtoWriter& bytes(int field, std::string_view b);
    ProtoWriter& message(int field, const ProtoWriter& m) { return bytes(field, m.data()); }
    const std::string& data() const { return m_data; }

private:
    void raw(std::uint64_t v);
    std::string m_data;
};

/// One value of an hparams session start (google.protobuf.Value).
struct HParam {
    std::string key;
    enum class Kind { Number, String, Bool } kind = Kind::Number;
    double number = 0;
    std::string text;
    bool flag = false;

    static HParam num(std::string key, double v) {
        return {std::move(key), Kind::Number, v, {}, false};
    }
    static HParam str(std::string key, std::string v) {
        return {std::move(key), Kind::String, 0, std::move(v), false};
    }
    static HParam flagged(std::string key, bool v) {
        return {std::move(key), Kind::Bool, 0, {}, v};
    }
};

/// Builds serialized Event payloads and frames them as TFRecords.
class EventFileWriter {
public:
    /// The file_version record every writer starts with.
    void fileVersion(double wallTime);
    /// TF1 / PyTorch style: Summary.Value.simple_value.
    void simpleValue(double wallTime, std::int64_t step, const std::string& tag, float value);
    /// TF2 style: a rank-0 DT_FLOAT tensor in tensor_content, "scalars" metadata if asked.
    void tensorScalar(double wallTime, std::int64_t step, const std::string& tag, float value,
                      bool withMetadata);
    /// A rank-0 DT_DOUBLE tensor in double_val with "scalars" metadata.
    void doubleTensorScalar(double wallTime, std::int64_t step, const std::string& tag,
                            double value);
    /// Text plugin: DT_STRING tensor of shape [1].
    /// The first bytes of a PNG of that size: enough for its type and size, not for pixels.
    static std::string pngHeader(int width, int height);
    void text(double wallTime, std::int64_t step, const std::string& tag, const std::string& text);
    /// hparams plugin: experiment (metric tags), session start (values) and session end.
    void hparamsExperiment(double wallTime, const std::vector<std::string>& metricTags);
    void hparamsSessionStart(double wallTime, const std::vector<HParam>& values);
    void hparamsSessionEnd(double wallTime, int status, double endTime);
    /// A Summary.Image of 2×2 pixels, a tf.summary.image tensor of `count` images (3+i × 5
    /// pixels), and a graph_def record (skipped by the importer).
    void image(double wallTime, std::int64_t step, const std::string& tag);
    void imagesTensor(double wallTime, std::int64_t step, const std::string& tag, int count);
    void graph(double wallTime, std::size_t bytes);
    /// A record with any payload (e.g. garbage that is not an Event).
    void rawRecord(const std::string& payload);

    const std::string& bytes() const { return m_bytes; }
    /// Byte offset where each record starts, in order.
    const std::vector<std::size_t>& recordOffsets() const { return m_offsets; }
    void clear() {
        m_bytes.clear();
        m_offsets.clear();
    }

private:
    void event(const ProtoWriter& e);
    std::string m_bytes;
    std::vector<std::size_t> m_offsets;
};

/// Frames one payload as a TFRecord (length, masked CRCs), with a bitwise CRC-32C of its own.
std::string tfRecord(std::string_view payload);

}  // namespace runlens::test
