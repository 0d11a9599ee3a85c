// Image bytes: MIME type by extension or by content, pixel size from the PNG/JPEG/GIF header.
#include "core/util/image_bytes.h"

#include <algorithm>
#include <cctype>

namespace runlens {
namespace {

unsigned byteAt(std::string_view s, std::size_t i) {
    return i < s.size() ? static_cast<unsigned char>(s[i]) : 0;
}

std::pair<int, int> jpegSize(std::string_view b) {
    std::size_t i = 2;
    while (i + 9 < b.size()) {
        if (byteAt(b, i) != 0xFF) return {0, 0};
        const unsigned marker = byteAt(b, i + 1);
        if (marker == 0xFF) {  // fill byte
            ++i;
            continue;
        }
        const std::size_t length = byteAt(b, i + 2) << 8 | byteAt(b, i + 3);
        const bool startOfFrame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) {
            const int h = int(byteAt(b, i + 5) << 8 | byteAt(b, i + 6));
            const int w = int(byteAt(b, i + 7) << 8 | byteAt(b, i + 8));
            return {w, h};
        }
        if (length < 2) return {0, 0};
        i += 2 + length;
    }
    return {0, 0};
}

}  // namespace

std::string imageMimeType(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    if (ext == ".png") return "image/png";
    if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
    if (ext == ".gif") return "image/gif";
    if (ext == ".bmp") return "image/bmp";
    if (ext == ".webp") return "image/webp";
    if (ext == ".svg") return "image/svg+xml";
    return {};
}

std::pair<int, int> imageSize(std::string_view b) {
    if (b.size() >= 24 && b.substr(0, 8) == "\x89PNG\r\n\x1a\n" && b.substr(12, 4) == "IHDR") {
        auto be32 = [&](std::size_t i) {
            return int(byteAt(b, i) << 24 | byteAt(b, i + 1) << 16 | byteAt(b, i + 2) << 8 |
                       byteAt(b, i + 3));
        };
        return {be32(16), be32(20)};
    }
    if (b.size() >= 4 && byteAt(b, 0) == 0xFF && byteAt(b, 1) == 0xD8) return jpegSize(b);
    if (b.size() >= 10 && (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a"))
        return {int(byteAt(b, 6) | byteAt(b, 7) << 8), int(byteAt(b, 8) | byteAt(b, 9) << 8)};
    return {0, 0};
}

std::string sniffImageType(std::string_view b) {
    if (b.substr(0, 8) == "\x89PNG\r\n\x1a\n") return "image/png";
    if (b.size() >= 3 && byteAt(b, 0) == 0xFF && byteAt(b, 1) == 0xD8 && byteAt(b, 2) == 0xFF)
        return "image/jpeg";
    if (b.substr(0, 6) == "GIF87a" || b.substr(0, 6) == "GIF89a") return "image/gif";
    if (b.substr(0, 2) == "BM") return "image/bmp";
    if (b.size() >= 12 && b.substr(0, 4) == "RIFF" && b.substr(8, 4) == "WEBP") return "image/webp";
    return {};
}

}  // namespace runlens
