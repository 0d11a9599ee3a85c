// LEB128 varints and zigzag encoding for compact integer columns in stored blobs.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace runlens::varint {

inline std::uint64_t zigzag(std::int64_t v) {
    return (std::uint64_t(v) << 1) ^ std::uint64_t(v >> 63);
}
inline std::int64_t unzigzag(std::uint64_t v) {
    return std::int64_t(v >> 1) ^ -std::int64_t(v & 1);
}

inline void put(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(char(v | 0x80));
        v >>= 7;
    }
    out.push_back(char(v));
}

inline void putSigned(std::string& out, std::int64_t v) {
    put(out, zigzag(v));
}

template <typename T>
void putRaw(std::string& out, T v) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    out.append(bytes, sizeof(T));
}

/// Decodes one varint at p (never reading at or past end). Returns the position after it, or
/// nullptr when the data ends early or the varint is longer than 10 bytes. Fast path for the
/// common one-byte case, and no per-byte bounds checks when 10 bytes are available.
inline const unsigned char* decode(const unsigned char* p, const unsigned char* end,
                                   std::uint64_t& v) {
    if (p < end && *p < 0x80) {
        v = *p;
        return p + 1;
    }
    v = 0;
    if (end - p >= 10) {
        for (int shift = 0; shift < 70; shift += 7) {
            const unsigned char byte = *p++;
            v |= std::uint64_t(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return p;
        }
        return nullptr;
    }
    for (int shift = 0; shift < 70 && p < end; shift += 7) {
        const unsigned char byte = *p++;
        v |= std::uint64_t(byte & 0x7F) << shift;
        if (!(byte & 0x80)) return p;
    }
    return nullptr;
}

/// Sequential reader over a blob; every read checks bounds and sets failed() instead of
/// overrunning.
class Reader {
public:
    explicit Reader(std::string_view data) : m_p(data.data()), m_end(data.data() + data.size()) {}

    std::uint64_t get() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_p >= m_end) {
                m_failed = true;
                return 0;
            }
            auto byte = std::uint8_t(*m_p++);
            v |= std::uint64_t(byte & 0x7F) << shift;
            if (!(byte & 0x80)) return v;
        }
        m_failed = true;
        return 0;
    }
    std::int64_t getSigned() { return unzigzag(get()); }

    template <typename T>
    T getRaw() {
        T v{};
        if (std::size_t(m_end - m_p) < sizeof(T)) {
            m_failed = true;
            m_p = m_end;
            return v;
        }
        std::memcpy(&v, m_p, sizeof(T));
        m_p += sizeof(T);
        return v;
    }
    /// Returns n raw bytes, or an empty view (and failed()) if fewer remain.
    std::string_view bytes(std::size_t n) {
        if (std::size_t(m_end - m_p) < n) {
            m_failed = true;
            m_p = m_end;
            return {};
        }
        std::string_view v(m_p, n);
        m_p += n;
        return v;
    }
    std::size_t remaining() const { return std::size_t(m_end - m_p); }

    /// Decodes n zigzag varint deltas into out[0..n) as running sums starting from `base`
    /// (the layout of step and time columns), converted to Out (std::int64_t or double).
    /// Marks the reader failed on damage.
    template <typename Out>
    void getDeltas(std::size_t n, std::int64_t base, Out* out) {
        auto p = reinterpret_cast<const unsigned char*>(m_p);
        const auto end = reinterpret_cast<const unsigned char*>(m_end);
        std::int64_t value = base;
        for (std::size_t i = 0; i < n; ++i) {
            std::uint64_t raw;
            p = decode(p, end, raw);
            if (!p) {
                m_failed = true;
                m_p = m_end;
                return;
            }
            value += unzigzag(raw);
            out[i] = Out(value);
        }
        m_p = reinterpret_cast<const char*>(p);
    }
    /// Steps over n varints. Marks the reader failed on damage.
    void skipVarints(std::size_t n) {
        auto p = reinterpret_cast<const unsigned char*>(m_p);
        const auto end = reinterpret_cast<const unsigned char*>(m_end);
        for (std::size_t i = 0; i < n; ++i) {
            std::uint64_t raw;
            p = decode(p, end, raw);
            if (!p) {
                m_failed = true;
                m_p = m_end;
                return;
            }
        }
        m_p = reinterpret_cast<const char*>(p);
    }
    bool failed() const { return m_failed; }
    bool atEnd() const { return m_p == m_end; }

private:
    const char* m_p;
    const char* m_end;
    bool m_failed = false;
};

}  // namespace runlens::varint
