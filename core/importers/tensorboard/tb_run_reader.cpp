// One TensorBoard run folder: event files read from their saved offsets, events applied to the
// sink, hparams.yaml merged with the hparams plugin.
#include "core/importers/tensorboard/tb_run_reader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <chrono>
#include <cmath>

#include "core/importers/csv/file_chunk_reader.h"
#include "core/importers/csv/hparams_yaml.h"
#include "core/importers/live_window.h"
#include "core/importers/tensorboard/crc32c.h"
#include "core/importers/tensorboard/tf_record.h"
#include "core/util/image_bytes.h"

namespace runlens::tb {
namespace {

constexpr std::size_t kHeadBytes = 64;
constexpr int kMaxDamageNotes = 20;  // per run and pass; the rest are counted
constexpr std::string_view kTextSuffix = "/text_summary";

/// "1 image", "168 images", "2 audio".
std::string counted(int n, const std::string& kind) {
    bool addS = n != 1 && kind != "audio" && !kind.ends_with("s");
    return std::to_string(n) + " " + kind + (addS ? "s" : "");
}

RunState endState(int status) {
    switch (status) {
        case 1:
            return RunState::Finished;
        case 2:
            return RunState::Failed;
        case 3:
            return RunState::Running;
        default:
            return RunState::Unknown;
    }
}

Value jsonToValue(const QJsonValue& v) {
    switch (v.type()) {
        case QJsonValue::Bool:
            return Value::boolean(v.toBool());
        case QJsonValue::Double:
            return Value::number(v.toDouble());
        case QJsonValue::String:
            return Value::string(v.toString().toStdString());
        case QJsonValue::Array:
            return Value::json(
                QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact).toStdString());
        case QJsonValue::Object:
            return Value::json(
                QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).toStdString());
        default:
            return Value();
    }
}

}  // namespace

std::int64_t TbRunReader::pendingBytes(const TbRunFolder& run, RunSink& sink) {
    TbRunState state = TbRunState::fromJson(sink.importState(stateKey(run.uid)));
    std::int64_t pending = 0;
    for (const auto& name : run.files) {
        std::error_code ec;
        auto size = std::int64_t(std::filesystem::file_size(run.dir / name, ec));
        if (ec) continue;
        std::int64_t offset = 0;
        for (const auto& f : state.files) {
            if (f.name == name) offset = f.replaced ? size : f.offset;
        }
        pending += std::max<std::int64_t>(0, size - offset);
    }
    return pending;
}

Result<void> TbRunReader::importRun(const TbRunFolder& run) {
    m_run = &run;
    RunSink& sink = m_pacer.sink();
    m_state = TbRunState::fromJson(sink.importState(stateKey(run.uid)));
    m_decoder.clearTagPlugins();
    for (const auto& [tag, plugin] : m_state.tagPlugins)
        m_decoder.setTagPlugin(tag, plugin);
    m_pendingHParams.clear();
    m_skipped.clear();
    m_textCounts.clear();
    m_damageNotes = 0;
    m_recordsRead = 0;
    m_configChanged = false;

    // Is there anything to do? A new run is always created, even without data yet.
    bool fresh = m_state.empty();
    bool changed = fresh || fileSignature(run.dir / "hparams.yaml") != m_state.yamlSignature;
    for (const auto& name : run.files) {
        std::error_code ec;
        auto size = std::int64_t(std::filesystem::file_size(run.dir / name, ec));
        if (ec) continue;
        const TbFileState* fs = nullptr;
        for (const auto& f : m_state.files) {
            if (f.name == name) fs = &f;
        }
        if (!fs || (!fs->replaced && size != fs->offset)) changed = true;
    }
    if (!changed) {
        // A run stops running without its files changing: judged again on every pass.
        if (m_state.lastState == toString(RunState::Running)) {
            RunInfo info;
            info.uid = run.uid;
            m_runId = sink.beginRun(info);
            if (judgeState()) sink.saveImportState(stateKey(run.uid), m_state.toJson());
        }
        return {};
    }

    RunInfo info;
    info.uid = run.uid;
    info.name = run.name;
    info.sourceFormat = "tensorboard";
    info.sourcePath = run.dir.string();
    m_runId = sink.beginRun(info);
    m_pacer.setMessage("Reading " + run.name);

    bool cancelled = false;
    for (const auto& name : run.files) {
        FileEnd end = readFile(name, m_state.file(name));
        if (end == FileEnd::Failed) return m_sinkError;
        if (end == FileEnd::Cancelled) {
            cancelled = true;
            break;
        }
    }
    flush();
    if (fresh || m_recordsRead > 0 || m_configChanged) ++m_pacer.stats().runs;
    if (cancelled) m_pacer.stats().cancelled = true;
    return {};
}

TbRunReader::FileEnd TbRunReader::readFile(const std::string& name, TbFileState& fs) {
    RunSink& sink = m_pacer.sink();
    ImportStats& stats = m_pacer.stats();
    const auto path = m_run->dir / name;
    if (fs.replaced) return FileEnd::Done;
    FileChunkReader reader;
    if (auto opened = reader.open(path, 0); !opened) {
        sink.addImportNote(m_runId, NoteLevel::Warning, opened.error().toString());
        return FileEnd::Done;
    }
    const std::int64_t size = reader.fileSize();
    if (size == fs.offset) return FileEnd::Done;

    // An event file only grows. If it shrank or its first bytes changed, it was replaced:
    // what was imported from it cannot be taken back, so it is left alone.
    bool replaced = size < fs.offset;
    if (!replaced && fs.offset > 0 && fs.headLength > 0) {
        reader.fill(std::size_t(fs.headLength));
        std::string_view head = reader.available().substr(0, std::size_t(fs.headLength));
        replaced = head.size() != std::size_t(fs.headLength) || crc32c(head) != fs.headCrc;
    }
    if (replaced) {
        fs.replaced = true;
        sink.addImportNote(m_runId, NoteLevel::Warning,
                           name + " was replaced or truncated after " + std::to_string(fs.offset) +
                               " bytes had been imported; it is not read again. Import the "
                               "folder afresh to read the new file.");
        return FileEnd::Done;
    }
    if (fs.offset == 0) {
        reader.fill(kHeadBytes);
        std::string_view head = reader.available().substr(0, kHeadBytes);
        fs.headLength = std::int64_t(head.size());
        fs.headCrc = crc32c(head);
    }
    if (!reader.seek(fs.offset)) return FileEnd::Done;

    std::int64_t records = 0;
    for (;;) {
        if ((++records & 255) == 0 && m_pacer.cancelled()) return FileEnd::Cancelled;
        if (!reader.fill(kTfRecordHeader)) break;  // clean end, or a header still being written
        TfRecord rec = readTfRecord(reader.available());
        const std::int64_t at = reader.offset();
        switch (rec.status) {
            case TfRecordStatus::Ok:
                ++stats.records;
                ++m_recordsRead;
                if (m_decoder.decode(rec.payload, m_event)) {
                    apply(m_event);
                } else {
                    ++stats.skipped;
                    noteDamage(name, "the record at byte " + std::to_string(at) +
                                         " has valid checksums but is not a TensorBoard event; "
                                         "skipped");
                }
                reader.consume(std::size_t(rec.size));
                m_pacer.advance(std::int64_t(rec.size));
                break;
            case TfRecordStatus::Truncated:
                // The writer has not finished this record: stop here and resume next time.
                if (rec.size > 0 && reader.fill(std::size_t(rec.size))) continue;
                fs.offset = reader.offset();
                return FileEnd::Done;
            case TfRecordStatus::BadDataCrc:
                // The length was intact, so the next record starts right after this one.
                ++stats.skipped;
                noteDamage(name, "the record at byte " + std::to_string(at) + " (" +
                                     std::to_string(rec.length) +
                                     " bytes) fails its checksum; skipped");
                reader.consume(std::size_t(rec.size));
                m_pacer.advance(std::int64_t(rec.size));
                break;
            case TfRecordStatus::TooLarge:
                if (at + std::int64_t(rec.size) > reader.fileSize()) {
                    fs.offset = at;
                    return FileEnd::Done;
                }
                ++stats.skipped;
                noteDamage(name, "the record at byte " + std::to_string(at) + " is " +
                                     std::to_string(rec.length) +
                                     " bytes long, too large to load; skipped");
                reader.seek(at + std::int64_t(rec.size));
                m_pacer.advance(std::int64_t(rec.size));
                break;
            case TfRecordStatus::BadLengthCrc: {
                // Framing is lost. TensorBoard stops reading the file here; we look for the
                // next position where a whole record checks out and continue from there.
                std::size_t from = 1;
                bool found = false;
                for (;;) {
                    std::string_view window = reader.available();
                    std::size_t p = findTfRecord(window, from);
                    if (p != std::string_view::npos) {
                        reader.consume(p);
                        found = true;
                        break;
                    }
                    std::size_t keep = kTfRecordHeader - 1;
                    if (window.size() > keep) reader.consume(window.size() - keep);
                    from = 0;
                    if (!reader.fill(keep + 1)) break;
                    if (reader.available().size() <= keep) break;
                }
                if (found) {
                    ++stats.skipped;
                    noteDamage(name, "bytes " + std::to_string(at) + " to " +
                                         std::to_string(reader.offset()) +
                                         " are damaged (bad length checksum); skipped to the "
                                         "next valid record");
                    m_pacer.advance(reader.offset() - at);
                    break;
                }
                // No valid record after the damage (yet): keep the position, and report it once.
                if (fs.damageNoted != at) {
                    ++stats.skipped;
                    fs.damageNoted = at;
                    noteDamage(name, "bytes from " + std::to_string(at) +
                                         " on are damaged (bad length checksum) and no valid "
                                         "record follows; reading of this file stops there and "
                                         "resumes if valid records are appended");
                }
                fs.offset = at;
                return FileEnd::Done;
            }
        }
        fs.offset = reader.offset();
        if ((records & 255) == 0 && m_pacer.commitDue()) {
            if (auto r = checkpoint(); !r) {
                m_sinkError = r.error();
                return FileEnd::Failed;
            }
        }
    }
    fs.offset = reader.offset();
    return FileEnd::Done;
}

void TbRunReader::apply(const DecodedEvent& e) {
    RunSink& sink = m_pacer.sink();
    if (e.wallTime > 0) {
        if (std::isnan(m_state.firstWallTime)) m_state.firstWallTime = e.wallTime;
        m_state.lastWallTime = std::max(e.wallTime, m_state.lastWallTime);
        if (std::isnan(m_state.lastWallTime)) m_state.lastWallTime = e.wallTime;
    }
    if (!m_state.startTimeSet && e.wallTime > 0) {
        RunInfo info;
        info.startTime = e.wallTime;
        sink.updateRun(m_runId, info);
        m_state.startTimeSet = true;
    }
    for (const auto& [tag, value] : e.scalars) {
        sink.logMetric(m_runId, *tag, e.step, value, e.wallTime);
        ++m_pacer.stats().points;
        m_state.summaries.add(*tag, value);
    }
    for (const auto& [tag, text] : e.texts)
        applyText(*tag, text);
    for (const auto& images : e.images)
        applyImages(images, e.step);
    for (const auto& kind : e.skipped)
        ++m_skipped[kind];
    if (e.isSessionStart && e.step > 0) {
        sink.addImportNote(m_runId, NoteLevel::Info,
                           "The writer restarted at step " + std::to_string(e.step) +
                               ". TensorBoard hides earlier points with larger steps; "
                               "Runlens keeps them all.");
    }
    if (e.hasHParams) {
        const HParamsData& h = e.hparams;
        for (const auto& kv : h.hparams)
            m_pendingHParams.push_back(kv);
        if (!h.groupName.empty()) {
            RunInfo info;
            info.group = h.groupName;
            sink.updateRun(m_runId, info);
        }
        for (const auto& tag : h.metricTags)
            m_state.metricTags.insert(tag);
        if (h.hasSessionEnd && h.endTimeSecs > 0 && endState(h.endStatus) != RunState::Running) {
            // PyTorch writes a session end record at the start, without a time: only a
            // record with an end time says the run ended.
            const double runtime =
                std::isnan(m_state.firstWallTime) ? kNoTime : h.endTimeSecs - m_state.firstWallTime;
            sink.finishRun(m_runId, endState(h.endStatus), std::nullopt, h.endTimeSecs, runtime);
            m_state.ended = true;
        }
    }
}

void TbRunReader::applyText(const std::string& tag, const std::string& text) {
    // Text summaries are kept as config: HF Trainer writes its arguments and the model config
    // as JSON text ("args/text_summary"), whose fields become "args/<field>" entries.
    std::string key = tag;
    if (key.ends_with(kTextSuffix)) key.resize(key.size() - kTextSuffix.size());
    ++m_textCounts[key];
    QJsonParseError error;
    QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    RunSink& sink = m_pacer.sink();
    if (error.error == QJsonParseError::NoError && doc.isObject()) {
        QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it)
            sink.setConfig(m_runId, key + "/" + it.key().toStdString(), jsonToValue(it.value()));
    } else {
        sink.setConfig(m_runId, key, Value::string(text));
    }
}

void TbRunReader::flushConfig() {
    RunSink& sink = m_pacer.sink();
    const auto yamlPath = m_run->dir / "hparams.yaml";
    std::string signature = fileSignature(yamlPath);
    bool yamlChanged = signature != m_state.yamlSignature;
    if (!yamlChanged && m_pendingHParams.empty()) return;
    m_configChanged = true;

    for (const auto& kv : m_pendingHParams)
        m_state.hparamKeys.insert(kv.first);
    std::map<std::string, const YamlParam*> yaml;
    std::vector<YamlParam> entries;
    if (!signature.empty()) {
        auto parsed = readHparamsYaml(yamlPath);
        if (parsed) {
            entries = std::move(parsed.value());
        } else if (yamlChanged) {
            sink.addImportNote(m_runId, NoteLevel::Warning,
                               "hparams.yaml could not be read: " + parsed.error().message);
        }
    }
    for (const auto& e : entries)
        yaml[e.key] = &e;

    // Lightning writes the same hyperparameters twice: hparams.yaml keeps their types (lists,
    // bools) while the plugin has strings; the plugin's text is better only for Python objects
    // the YAML names by type.
    if (yamlChanged) {
        std::set<std::string> keys;
        for (const auto& e : entries) {
            keys.insert(e.key);
            if (e.opaque && m_state.hparamKeys.count(e.key)) continue;
            sink.setConfig(m_runId, e.key, e.value);
        }
        for (const auto& old : m_state.yamlKeys) {
            if (!keys.count(old) && !m_state.hparamKeys.count(old)) sink.removeConfig(m_runId, old);
        }
        m_state.yamlKeys = std::move(keys);
        m_state.yamlSignature = signature;
    }
    for (const auto& [key, value] : m_pendingHParams) {
        auto it = yaml.find(key);
        if (it != yaml.end() && !it->second->opaque) continue;
        sink.setConfig(m_runId, key, value);
    }
    m_pendingHParams.clear();
}

void TbRunReader::flush() {
    RunSink& sink = m_pacer.sink();
    flushConfig();
    // Remember the plugins that decide how later values of a tag are read ("scalars" is what
    // an unknown tag with a one-number tensor is taken for anyway).
    for (const auto& [tag, plugin] : m_decoder.tagPlugins()) {
        if (plugin != "scalars") m_state.tagPlugins[tag] = plugin;
    }
    // Every tag gets a summary (hparams metric tags such as hp_metric among them).
    m_state.summaries.flush(sink, m_runId);
    judgeState();
    if (!m_skipped.empty()) {
        std::string list;
        for (const auto& [kind, count] : m_skipped) {
            if (!list.empty()) list += ", ";
            list += counted(count, kind);
        }
        sink.addImportNote(
            m_runId, NoteLevel::Info,
            "Not imported (Runlens reads scalars, hparams, text and images so far): " + list + ".");
        m_skipped.clear();
    }
    for (const auto& [key, count] : m_textCounts) {
        if (count > 1) {
            sink.addImportNote(m_runId, NoteLevel::Info,
                               "Text '" + key + "' was logged " + std::to_string(count) +
                                   " times; the config keeps the latest.");
        }
    }
    m_textCounts.clear();
    if (m_damageNotes > kMaxDamageNotes) {
        sink.addImportNote(m_runId, NoteLevel::Warning,
                           std::to_string(m_damageNotes - kMaxDamageNotes) +
                               " more damaged records were skipped.");
    }
    m_damageNotes = 0;
    sink.saveImportState(stateKey(m_run->uid), m_state.toJson());
}

Result<void> TbRunReader::checkpoint() {
    flush();
    return m_pacer.commit();
}

bool TbRunReader::judgeState() {
    if (m_state.ended || std::isnan(m_state.lastWallTime)) return false;
    RunSink& sink = m_pacer.sink();
    double newest = kNoTime;
    for (const auto& name : m_run->files) {
        const double t = fileWriteTime(m_run->dir / name);
        if (std::isnan(newest) || t > newest) newest = t;
    }
    const bool live = looksLive(newest, m_state.lastWallTime, unixNow());
    const double runtime =
        std::isnan(m_state.firstWallTime) ? kNoTime : m_state.lastWallTime - m_state.firstWallTime;
    const std::string state(toString(live ? RunState::Running : RunState::Finished));
    reportLiveness(sink, m_runId, live, m_state.lastWallTime, runtime);
    const bool changed = state != m_state.lastState;
    m_state.lastState = state;
    return changed;
}

void TbRunReader::applyImages(const DecodedImages& images, std::int64_t step) {
    RunSink& sink = m_pacer.sink();
    std::vector<StepImage> stored;
    for (const std::string& encoded : images.encoded) {
        MediaItem item;
        item.mime = sniffImageType(encoded);
        if (item.mime.empty()) {
            ++m_skipped["image in an unknown format"];
            continue;
        }
        const auto [w, h] = imageSize(encoded);
        item.width = w > 0 ? w : images.width;
        item.height = h > 0 ? h : images.height;
        item.bytes = encoded;
        if (const MediaId id = sink.addMedia(item)) stored.push_back({id, {}});
    }
    if (!stored.empty()) sink.logMediaAtStep(m_runId, *images.tag, step, stored);
}

void TbRunReader::noteDamage(const std::string& file, const std::string& what) {
    if (++m_damageNotes > kMaxDamageNotes) return;
    m_pacer.sink().addImportNote(m_runId, NoteLevel::Warning, file + ": " + what + ".");
}

}  // namespace runlens::tb
