// Image bytes as importers meet them (W&B media files, TensorBoard image summaries): the type
// and the pixel size, read from the header without decoding.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

namespace runlens {

/// MIME type from a file name's extension ("image/png", ...), empty if not an image.
std::string imageMimeType(const std::filesystem::path& path);

/// Pixel size read from a PNG, JPEG or GIF header; {0, 0} if unknown.
std::pair<int, int> imageSize(std::string_view bytes);

/// MIME type from the first bytes of a PNG, JPEG, GIF, BMP or WebP file; empty if unknown.
std::string sniffImageType(std::string_view bytes);

}  // namespace runlens
