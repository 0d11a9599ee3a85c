// Chunk blobs: layout documented in SCHEMA.md. Little-endian hosts only (checked at compile time).
#include "core/store/chunk_codec.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <vector>

#include "core/store/varint.h"

static_assert(std::endian::native == std::endian::little, "chunk blobs are little-endian");

namespace runlens::chunk_codec {
namespace {

constexpr std::uint8_t kVersion = 1;
constexpr std::uint8_t kFloat32Values = 1;
constexpr std::uint8_t kRawTimes = 2;
constexpr std::uint8_t kNoTimes = 4;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool fitsFloat(double v) {
    if (std::isnan(v) || std::isinf(v)) return true;
    return std::abs(v) <= double(std::numeric_limits<float>::max()) && double(float(v)) == v;
}

// Times that are not whole microseconds of a sane epoch are kept raw rather than rounded badly.
bool oddTime(double t) {
    return !std::isfinite(t) || std::abs(t) > 9e12;
}

std::int64_t toMicros(double t) {
    return std::llround(t * 1e6);
}

}  // namespace

std::string encodePoints(const Series& s, std::size_t begin, std::size_t end) {
    const std::size_t n = end - begin;
    bool allFloat = true, anyOddTime = false, allNaNTime = true;
    for (std::size_t i = begin; i < end; ++i) {
        allFloat = allFloat && fitsFloat(s.values[i]);
        anyOddTime = anyOddTime || oddTime(s.times[i]);
        allNaNTime = allNaNTime && std::isnan(s.times[i]);
    }
    std::uint8_t flags = 0;
    if (allFloat) flags |= kFloat32Values;
    if (allNaNTime)
        flags |= kNoTimes;
    else if (anyOddTime)
        flags |= kRawTimes;

    std::string out;
    out.reserve(2 + 10 + n * (allFloat ? 4 : 8) + n * 4);
    out.push_back(char(kVersion));
    out.push_back(char(flags));
    varint::put(out, n);
    for (std::size_t i = begin; i < end; ++i) {
        if (allFloat)
            varint::putRaw(out, float(s.values[i]));
        else
            varint::putRaw(out, s.values[i]);
    }
    std::int64_t prev = 0;
    for (std::size_t i = begin; i < end; ++i) {
        varint::putSigned(out, s.steps[i] - prev);
        prev = s.steps[i];
    }
    if (flags & kRawTimes) {
        for (std::size_t i = begin; i < end; ++i)
            varint::putRaw(out, s.times[i]);
    } else if (!(flags & kNoTimes)) {
        prev = 0;
        for (std::size_t i = begin; i < end; ++i) {
            std::int64_t us = toMicros(s.times[i]);
            varint::putSigned(out, us - prev);
            prev = us;
        }
    }
    return out;
}

namespace {

struct Header {
    std::uint8_t flags = 0;
    std::size_t count = 0;
};

// Reads the header and leaves `in` at the values.
Result<Header> readHeader(varint::Reader& in) {
    const auto version = in.getRaw<std::uint8_t>();
    const auto flags = in.getRaw<std::uint8_t>();
    const std::uint64_t n = in.get();
    if (in.failed() || version != kVersion)
        return makeError("damaged metric chunk (unknown layout " + std::to_string(version) + ")");
    const std::size_t valueBytes = (flags & kFloat32Values) ? 4 : 8;
    if (n > in.remaining() / valueBytes) return makeError("damaged metric chunk (bad point count)");
    return Header{flags, std::size_t(n)};
}

// Decodes n step deltas; writes whichever of the two outputs is given.
bool decodeSteps(varint::Reader& in, std::size_t n, std::int64_t* steps, double* asDouble) {
    if (steps) {
        in.getDeltas(n, 0, steps);
        if (in.failed()) return false;
        if (asDouble)
            for (std::size_t i = 0; i < n; ++i)
                asDouble[i] = double(steps[i]);
        return true;
    }
    if (asDouble) {
        in.getDeltas(n, 0, asDouble);
        return !in.failed();
    }
    in.skipVarints(n);
    return !in.failed();
}

}  // namespace

Result<std::size_t> pointCount(std::string_view blob) {
    varint::Reader in(blob);
    auto header = readHeader(in);
    if (!header.ok()) return header.error();
    return header->count;
}

Result<void> decodeInto(std::string_view blob, const PointArrays& out) {
    varint::Reader in(blob);
    auto header = readHeader(in);
    if (!header.ok()) return header.error();
    const std::size_t n = header->count;
    const std::uint8_t flags = header->flags;
    const std::string_view values = in.bytes(n * ((flags & kFloat32Values) ? 4 : 8));
    if (out.values) {
        if (flags & kFloat32Values) {
            for (std::size_t i = 0; i < n; ++i) {
                float f;
                std::memcpy(&f, values.data() + i * 4, 4);
                out.values[i] = f;
            }
        } else {
            std::memcpy(out.values, values.data(), n * 8);
        }
    }
    const bool wantTimes = out.times != nullptr;
    if (!out.steps && !out.stepsAsDouble && !wantTimes) return {};
    if (!decodeSteps(in, n, out.steps, out.stepsAsDouble))
        return makeError("damaged metric chunk (data ends early)");
    if (!wantTimes) return {};
    if (flags & kNoTimes) {
        std::fill(out.times, out.times + n, kNaN);
    } else if (flags & kRawTimes) {
        for (std::size_t i = 0; i < n; ++i)
            out.times[i] = in.getRaw<double>();
    } else {
        thread_local std::vector<std::int64_t> micros;
        micros.resize(n);
        in.getDeltas(n, 0, micros.data());
        for (std::size_t i = 0; i < n && !in.failed(); ++i)
            out.times[i] = double(micros[i]) / 1e6;
    }
    if (in.failed()) return makeError("damaged metric chunk (data ends early)");
    return {};
}

Result<void> decodePoints(std::string_view blob, Series& out, Fields fields) {
    auto count = pointCount(blob);
    if (!count.ok()) return count.error();
    const std::size_t base = out.size();
    const std::size_t n = count.value();
    out.values.resize(base + n);
    out.steps.resize(base + n);
    out.times.resize(base + n);
    PointArrays arrays;
    arrays.values = out.values.data() + base;
    arrays.steps = out.steps.data() + base;
    if (fields == Fields::All) arrays.times = out.times.data() + base;
    auto r = decodeInto(blob, arrays);
    if (r.ok() && fields == Fields::StepsAndValues)
        std::fill(out.times.begin() + std::ptrdiff_t(base), out.times.end(), kNaN);
    if (!r.ok()) {
        out.values.resize(base);
        out.steps.resize(base);
        out.times.resize(base);
    }
    return r;
}

std::string encodeBlocks(const Series& s, std::size_t begin, std::size_t end, int blockSize) {
    std::string out;
    out.reserve((end - begin + std::size_t(blockSize) - 1) / std::size_t(blockSize) * 72);
    for (std::size_t b = begin; b < end; b += std::size_t(blockSize)) {
        const PointSummary p = summarize(s, b, std::min(end, b + std::size_t(blockSize)));
        varint::putRaw(out, std::uint32_t(p.count));
        varint::putRaw(out, std::uint32_t(p.nanCount));
        varint::putRaw(out, p.stepMin);
        varint::putRaw(out, p.stepMax);
        varint::putRaw(out, p.timeMin);
        varint::putRaw(out, p.timeMax);
        varint::putRaw(out, p.min);
        varint::putRaw(out, p.max);
        varint::putRaw(out, p.first);
        varint::putRaw(out, p.last);
    }
    return out;
}

Result<void> decodeBlocks(std::string_view blob, std::vector<PointSummary>& out) {
    constexpr std::size_t kRecord = 4 + 4 + 8 * 8;
    if (blob.size() % kRecord != 0) return makeError("damaged metric chunk (block summaries)");
    varint::Reader in(blob);
    out.reserve(out.size() + blob.size() / kRecord);
    while (!in.atEnd()) {
        PointSummary p;
        p.count = in.getRaw<std::uint32_t>();
        p.nanCount = in.getRaw<std::uint32_t>();
        p.stepMin = in.getRaw<std::int64_t>();
        p.stepMax = in.getRaw<std::int64_t>();
        p.timeMin = in.getRaw<double>();
        p.timeMax = in.getRaw<double>();
        p.min = in.getRaw<double>();
        p.max = in.getRaw<double>();
        p.first = in.getRaw<double>();
        p.last = in.getRaw<double>();
        out.push_back(p);
    }
    return {};
}

}  // namespace runlens::chunk_codec
