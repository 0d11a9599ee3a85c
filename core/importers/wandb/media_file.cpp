// Image files of a W&B run folder read into MediaItems.
#include "core/importers/wandb/media_file.h"

#include <fstream>

#include "core/util/image_bytes.h"

namespace runlens::wandb {

std::optional<std::string> readFileBytes(const std::filesystem::path& path, std::int64_t maxBytes) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec || std::int64_t(size) > maxBytes) return std::nullopt;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::string bytes(size, '\0');
    in.read(bytes.data(), std::streamsize(size));
    if (in.gcount() != std::streamsize(size)) return std::nullopt;
    return bytes;
}

std::optional<MediaItem> readImageFile(const std::filesystem::path& path, int widthHint,
                                       int heightHint, const std::filesystem::path& typeName) {
    const std::string byName = imageMimeType(typeName.empty() ? path : typeName);
    auto bytes = readFileBytes(path, kMaxMediaBytes);
    if (!bytes) return std::nullopt;
    MediaItem item;
    item.mime = sniffImageType(*bytes);
    if (item.mime.empty()) item.mime = byName;
    if (item.mime.empty()) return std::nullopt;
    item.bytes = std::move(*bytes);
    auto [w, h] = imageSize(item.bytes);
    item.width = w > 0 ? w : widthHint;
    item.height = h > 0 ? h : heightHint;
    return item;
}

}  // namespace runlens::wandb
