// Encoding of stored metric chunks: the packed point arrays and their per-block summaries.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/series.h"
#include "core/util/result.h"

namespace runlens::chunk_codec {

/// Packs points [begin, end) of a series (see SCHEMA.md, "chunks.data"): values as float32 when
/// every value survives the round trip (else float64), steps as zigzag varint deltas, times as
/// varint deltas of whole microseconds (raw float64 when some are NaN; omitted when all are).
std::string encodePoints(const Series& series, std::size_t begin, std::size_t end);

enum class Fields { All, StepsAndValues };

/// Where decodeInto writes a blob's points: arrays of pointCount(blob) elements each; a null
/// array is not filled (and its column not converted).
struct PointArrays {
    std::int64_t* steps = nullptr;
    double* stepsAsDouble = nullptr;  ///< the steps as doubles (exact up to 2^53), for x = step
    double* times = nullptr;          ///< NaN where unknown
    double* values = nullptr;
};

/// The number of points of a data blob (from its header), or an Error if the header is damaged.
Result<std::size_t> pointCount(std::string_view blob);

/// Decodes a data blob straight into caller-owned arrays (see PointArrays), so that readers can
/// fill their own buffers without an intermediate Series. Times are not parsed unless asked for.
/// A damaged blob gives an Error; the arrays may then hold partial data.
Result<void> decodeInto(std::string_view blob, const PointArrays& out);

/// Appends the points of a data blob to `out`. With Fields::StepsAndValues, times are not
/// decoded (out.times gets NaN), which is faster when drawing against steps.
/// A damaged blob gives an Error and leaves `out` as it was.
Result<void> decodePoints(std::string_view blob, Series& out, Fields fields = Fields::All);

/// Summaries of consecutive blocks of `blockSize` points of [begin, end) (the last may be short),
/// packed as fixed-size records (see SCHEMA.md, "chunks.blocks").
std::string encodeBlocks(const Series& series, std::size_t begin, std::size_t end, int blockSize);

/// Appends the block summaries of a blocks blob to `out`; Error if damaged.
Result<void> decodeBlocks(std::string_view blob, std::vector<PointSummary>& out);

}  // namespace runlens::chunk_codec
