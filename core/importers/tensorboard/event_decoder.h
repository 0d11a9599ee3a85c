// EventDecoder: one serialized TensorBoard Event -> scalar points, hparams, text, images and
// what was skipped. Pure (no I/O); remembers each tag's plugin, since writers name it only once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/model/value.h"

namespace google::protobuf {
class Arena;
}

namespace runlens::tb {

class Event;  // generated from tensorboard_event.proto
class Summary_Value;

/// hparams plugin data found in one event (TensorBoard's HParamsPluginData).
struct HParamsData {
    bool hasSessionStart = false;
    KeyValues hparams;  ///< SessionStartInfo.hparams, in wire order
    std::string groupName;
    double startTimeSecs = 0;
    bool hasSessionEnd = false;
    int endStatus = 0;  ///< 0 unknown, 1 success, 2 failure, 3 running
    double endTimeSecs = 0;
    std::vector<std::string> metricTags;  ///< Experiment.metric_infos, "group/tag" if grouped
};

/// Encoded images (PNG, JPEG, GIF) logged under one tag: Summary.Image, or the images plugin's
/// string tensor [width, height, image...].
struct DecodedImages {
    const std::string* tag = nullptr;
    int width = 0;
    int height = 0;
    std::vector<std::string> encoded;
};

/// Everything Runlens takes from one event. Tag pointers point into the decoder and stay valid
/// until the next decode().
struct DecodedEvent {
    double wallTime = 0;
    std::int64_t step = 0;
    bool isFileVersion = false;
    bool isSessionStart = false;  ///< SessionLog START: the writer (re)started at `step`
    std::vector<std::pair<const std::string*, double>> scalars;     ///< (tag, value)
    std::vector<std::pair<const std::string*, std::string>> texts;  ///< text plugin (tag, text)
    std::vector<DecodedImages> images;
    HParamsData hparams;
    bool hasHParams = false;
    /// What was present but not imported: "graph", "histogram", "audio", or the name
    /// of another plugin; one entry per summary value.
    std::vector<std::string> skipped;

    void clear();
};

class EventDecoder {
public:
    EventDecoder();
    ~EventDecoder();
    EventDecoder(const EventDecoder&) = delete;
    EventDecoder& operator=(const EventDecoder&) = delete;

    /// Decodes one Event payload into `out` (cleared first). False if the bytes are not a
    /// valid Event; `out` is then empty.
    bool decode(std::string_view payload, DecodedEvent& out);

    /// Tag -> plugin name, as learned from metadata so far (saved between imports).
    const std::unordered_map<std::string, std::string>& tagPlugins() const { return m_plugins; }
    void setTagPlugin(std::string tag, std::string plugin);
    void clearTagPlugins() { m_plugins.clear(); }

private:
    void decodeSummaryValue(const Summary_Value& value, DecodedEvent& out);

    // Each event is parsed into an arena that is reset before the next one: protobuf deletes
    // cleared sub-messages of a reused object, an arena makes that allocation free.
    std::vector<char> m_arenaBlock;
    std::unique_ptr<google::protobuf::Arena> m_arena;
    std::unordered_map<std::string, std::string> m_plugins;
};

/// Converts an IEEE half-precision bit pattern to float.
float halfToFloat(std::uint16_t bits);

}  // namespace runlens::tb
