// Hand-rolled protobuf and TFRecord encoding for generated test data.
#include "tests/core/importers/tensorboard/event_file_writer.h"

#include <cstring>

namespace runlens::test {
namespace {

// Bitwise CRC-32C: slow and obviously right, unlike the importer's table version.
std::uint32_t crc32cBitwise(std::string_view data) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (unsigned char byte : data) {
        c ^= byte;
        for (int k = 0; k < 8; ++k)
            c = (c & 1) ? (c >> 1) ^ 0x82F63B78u : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

std::uint32_t masked(std::uint32_t crc) {
    return ((crc >> 15) | (crc << 17)) + 0xA282EAD8u;
}

void appendLe(std::string& out, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i)
        out += char((v >> (8 * i)) & 0xFF);
}

ProtoWriter pluginMetadata(const std::string& plugin, const std::string& content = {}) {
    ProtoWriter pluginData;
    pluginData.bytes(1, plugin);
    if (!content.empty()) pluginData.bytes(2, content);
    ProtoWriter metadata;
    metadata.message(1, pluginData);
    return metadata;
}

ProtoWriter hparamsValue(const std::string& tag, const ProtoWriter& pluginData) {
    ProtoWriter value;
    value.bytes(1, tag);
    value.message(9, pluginMetadata("hparams", pluginData.data()));
    return value;
}

}  // namespace

void ProtoWriter::raw(std::uint64_t v) {
    while (v >= 0x80) {
        m_data += char((v & 0x7F) | 0x80);
        v >>= 7;
    }
    m_data += char(v);
}

ProtoWriter& ProtoWriter::varint(int field, std::uint64_t v) {
    raw(std::uint64_t(field) << 3 | 0);
    raw(v);
    return *this;
}

ProtoWriter& ProtoWriter::fixed64(int field, double v) {
    raw(std::uint64_t(field) << 3 | 1);
    std::uint64_t bits;
    std::memcpy(&bits, &v, 8);
    appendLe(m_data, bits, 8);
    return *this;
}

ProtoWriter& ProtoWriter::fixed32(int field, float v) {
    raw(std::uint64_t(field) << 3 | 5);
    std::uint32_t bits;
    std::memcpy(&bits, &v, 4);
    appendLe(m_data, bits, 4);
    return *this;
}

ProtoWriter& ProtoWriter::bytes(int field, std::string_view b) {
    raw(std::uint64_t(field) << 3 | 2);
    raw(b.size());
    m_data.append(b);
    return *this;
}

std::string tfRecord(std::string_view payload) {
    std::string out;
    std::string length;
    appendLe(length, payload.size(), 8);
    out += length;
    appendLe(out, masked(crc32cBitwise(length)), 4);
    out.append(payload);
    appendLe(out, masked(crc32cBitwise(payload)), 4);
    return out;
}

void EventFileWriter::event(const ProtoWriter& e) {
    m_offsets.push_back(m_bytes.size());
    m_bytes += tfRecord(e.data());
}

void EventFileWriter::rawRecord(const std::string& payload) {
    m_offsets.push_back(m_bytes.size());
    m_bytes += tfRecord(payload);
}

void EventFileWriter::fileVersion(double wallTime) {
    ProtoWriter e;
    e.fixed64(1, wallTime).bytes(3, "brain.Event:2");
    event(e);
}

void EventFileWriter::simpleValue(double wallTime, std::int64_t step, const std::string& tag,
                                  float value) {
    ProtoWriter v;
    v.bytes(1, tag).fixed32(2, value);
    ProtoWriter summary;
    summary.message(1, v);
    ProtoWriter e;
    e.fixed64(1, wallTime);
    if (step != 0) e.varint(2, std::uint64_t(step));  // writers omit a zero step
    e.message(5, summary);
    event(e);
}

void EventFileWriter::tensorScalar(double wallTime, std::int64_t step, const std::string& tag,
                                   float value, bool withMetadata) {
    std::string content(4, '\0');
    std::memcpy(content.data(), &value, 4);
    ProtoWriter tensor;
    tensor.varint(1, 1).message(2, ProtoWriter()).bytes(4, content);
    ProtoWriter v;
    v.bytes(1, tag);
    if (withMetadata) v.message(9, pluginMetadata("scalars"));
    v.message(8, tensor);
    ProtoWriter summary;
    summary.message(1, v);
    ProtoWriter e;
    e.fixed64(1, wallTime).varint(2, std::uint64_t(step)).message(5, summary);
    event(e);
}

void EventFileWriter::doubleTensorScalar(double wallTime, std::int64_t step, const std::string& tag,
                                         double value) {
    ProtoWriter packed;
    std::uint64_t bits;
    std::memcpy(&bits, &value, 8);
    std::string b;
    appendLe(b, bits, 8);
    ProtoWriter tensor;
    tensor.varint(1, 2).bytes(6, b);  // double_val, packed
    ProtoWriter v;
    v.bytes(1, tag).message(9, pluginMetadata("scalars")).message(8, tensor);
    ProtoWriter summary;
    summary.message(1, v);
    ProtoWriter e;
    e.fixed64(1, wallTime).varint(2, std::uint64_t(step)).message(5, summary);
    event(e);
}

void EventFileWriter::text(double wallTime, std::int64_t step, const std::string& tag,
                           const std::string& text) {
    ProtoWriter dim;
    dim.varint(1, 1);
    ProtoWriter shape;
    shape.message(2, dim);
    ProtoWriter tensor;
    tensor.varint(1, 7).message(2, shape).bytes(8, text);
    ProtoWriter v;
    v.bytes(1, tag).message(9, pluginMetadata("text")).message(8, tensor);
    ProtoWriter summary;
    summary.message(1, v);
    ProtoWriter e;
    e.fixed64(1, wallTime).varint(2, std::uint64_t(step)).message(5, summary);
    event(e);
}

void EventFileWriter::hparamsExperiment(double wallTime,
                                        const std::vector<std::string>& metricTags) {
    ProtoWriter experiment;
    for (const auto& tag : metricTags) {
        ProtoWriter name;
        name.bytes(2, tag);
        ProtoWriter info;
        info.message(1, name);
        experiment.message(5, info);
    }
    ProtoWriter data;
    data.message(2, experiment);
    ProtoWriter summary;
    summary.message(1, hparamsValue("_hparams_/experiment", data));
    ProtoWriter e;
    e.fixed64(1, wallTime).message(5, summary);
    event(e);
}

void EventFileWriter::hparamsSessionStart(double wallTime, const std::vector<HParam>& values) {
    ProtoWriter ssi;
    for (const auto& h : values) {
        ProtoWriter value;
        switch (h.kind) {
            case HParam::Kind::Number:
                value.fixed64(2, h.number);
                break;
            case HParam::Kind::String:
                value.bytes(3, h.text);
                break;
            case HParam::Kind::Bool:
                value.varint(4, h.flag ? 1 : 0);
                break;
        }
        ProtoWriter entry;
        entry.bytes(1, h.key).message(2, value);
        ssi.message(1, entry);
    }
    ProtoWriter data;
    data.message(3, ssi);
    ProtoWriter summary;
    summary.message(1, hparamsValue("_hparams_/session_start_info", data));
    ProtoWriter e;
    e.fixed64(1, wallTime).message(5, summary);
    event(e);
}

void EventFileWriter::hparamsSessionEnd(double wallTime, int status, double endTime) {
    ProtoWriter sei;
    sei.varint(1, std::uint64_t(status));
    if (endTime > 0) sei.fixed64(2, endTime);
    ProtoWriter data;
    data.message(4, sei);
    ProtoWriter summary;
    summary.message(1, hparamsValue("_hparams_/session_end_info", data));
    ProtoWriter e;
    e.fixed64(1, wallTime).message(5, summary);
    event(e);
}

std::string EventFileWriter::pngHeader(int width, int height) {
    std::string png("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (int v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8)
            png += char((v >> shift) & 0xFF);
    return png + std::string("\x08\x02\0\0\0", 5);  // 8-bit RGB; no pixel data follows
}

void EventFileWriter::image(double wallTime, std::int64_t step, const std::string& tag) {
    ProtoWriter img;
    img.varint(1, 2).varint(2, 2).varint(3, 3).bytes(4, pngHeader(2, 2));
    ProtoWriter v;
    v.bytes(1, tag).message(4, img);
    ProtoWriter summary;
    summary.message(1, v);
    ProtoWriter e;
    e.fixed64(1, wallTime).varint(2, std::uint64_t(step)).message(5, summary);
    event(e);
}

void EventFileWriter::imagesTensor(double wallTime, std::int64_t step, const std::string& tag,
                                   int count) {
    ProtoWriter dim;
    dim.varint(1, std::uint64_t(count + 2));
    ProtoWriter shape;
    shape.message(2, dim);
    ProtoWriter tensor;
    tensor.varint(1, 7).message(2, shape).bytes(8, "3").bytes(8, "5");
    for (int i = 0; i < count; ++i)
        tensor.bytes(8, pngHeader(3 + i, 5));
    ProtoWriter v;
    v.bytes(1, tag).message(9, pluginMetadata("images")).message(8, tensor);
    ProtoWriter summary;
    summary.message(1, v);
    ProtoWriter e;
    e.fixed64(1, wallTime).varint(2, std::uint64_t(step)).message(5, summary);
    event(e);
}

void EventFileWriter::graph(double wallTime, std::size_t bytes) {
    ProtoWriter e;
    e.fixed64(1, wallTime).bytes(4, std::string(bytes, 'g'));
    event(e);
}

}  // namespace runlens::test
