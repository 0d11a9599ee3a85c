// Reading files of a W&B run folder: whole files, and images as MediaItems (bytes, type, size;
// see core/util/image_bytes.h).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "core/model/prediction_table.h"

namespace runlens::wandb {

/// Largest media file read into memory; bigger files are skipped with a note.
inline constexpr std::int64_t kMaxMediaBytes = 64 * 1024 * 1024;

/// Reads a whole file, or nullopt if it is missing, unreadable or larger than maxBytes.
std::optional<std::string> readFileBytes(const std::filesystem::path& path, std::int64_t maxBytes);

/// Reads an image file. The type comes from its content, else from the extension of typeName
/// (default: the file's own name; artifact cache files have no extension). width/height come
/// from the file header, else from the hints. nullopt if it does not exist, cannot be read, is
/// not an image, or is too large.
std::optional<MediaItem> readImageFile(const std::filesystem::path& path, int widthHint = 0,
                                       int heightHint = 0,
                                       const std::filesystem::path& typeName = {});

}  // namespace runlens::wandb
