// One metrics CSV: header and rows read from the saved offset; a rewritten file (Lightning
// widens the header by rewriting it) is recognised by re-reading and comparing its rows.
#include "core/importers/csv/csv_run_reader.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>

#include "core/importers/csv/file_chunk_reader.h"
#include "core/importers/csv/hparams_yaml.h"
#include "core/importers/live_window.h"
#include "core/importers/tensorboard/crc32c.h"
#include "core/util/parse_number.h"

namespace runlens::csv {
namespace {

constexpr std::size_t kMaxHeader = std::size_t(16) << 20;

std::uint64_t hashBytes(std::string_view s) {
    std::uint64_t h = 0xcbf29ce484222325ull;  // FNV-1a
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ull;
    }
    return h;
}

std::uint64_t mix(std::uint64_t x) {
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

/// A cell as a number: decimal, nan/inf spellings, or a Python bool.
std::optional<double> cellNumber(std::string_view cell) {
    if (auto v = parseDouble(cell)) return v;
    if (cell == "True" || cell == "true") return 1.0;
    if (cell == "False" || cell == "false") return 0.0;
    return std::nullopt;
}

bool isBlank(const std::vector<std::string_view>& fields) {
    return fields.size() == 1 && trim(fields[0]).empty();
}

}  // namespace

const std::vector<std::string>& CsvRunReader::configFileNames() {
    // Lightning's hparams.yaml; YOLOv5's opt.yaml and hyp.yaml; Ultralytics' args.yaml.
    static const std::vector<std::string> names = {"hparams.yaml", "args.yaml", "opt.yaml",
                                                   "hyp.yaml"};
    return names;
}

void CsvRunReader::beginRunOnce() {
    if (m_begun) return;
    RunInfo info;
    info.uid = m_run->uid;
    info.name = m_run->name;
    info.sourceFormat = "csv";
    info.sourcePath = m_run->file.string();
    m_runId = m_pacer.sink().beginRun(info);
    m_begun = true;
}

std::int64_t CsvRunReader::pendingBytes(const CsvRunFile& run, RunSink& sink) {
    CsvRunState state = CsvRunState::fromJson(sink.importState(stateKey(run.uid)));
    std::error_code ec;
    auto size = std::int64_t(std::filesystem::file_size(run.file, ec));
    if (ec || state.replaced) return 0;
    // A file smaller than what was read has been rewritten: it is read again from the start.
    return size >= state.offset ? size - state.offset : size;
}

Result<void> CsvRunReader::importRun(const CsvRunFile& run) {
    m_run = &run;
    m_begun = false;
    m_badSteps = m_extraFields = m_rowsApplied = 0;
    m_nonNumeric.clear();
    RunSink& sink = m_pacer.sink();
    m_state = CsvRunState::fromJson(sink.importState(stateKey(run.uid)));
    if (m_state.replaced) return {};
    const bool fresh = !m_state.started();

    bool configChanged = false;
    for (const auto& name : configFileNames()) {
        std::string sig = fileSignature(run.file.parent_path() / name);
        auto it = m_state.yamlSignatures.find(name);
        if (sig != (it == m_state.yamlSignatures.end() ? std::string() : it->second))
            configChanged = true;
    }

    FileChunkReader reader;
    if (auto r = reader.open(run.file); !r) {
        beginRunOnce();
        sink.addImportNote(m_runId, NoteLevel::Error, r.error().toString());
        return {};
    }
    const std::int64_t size = reader.fileSize();
    if (!fresh && size == m_state.offset && !configChanged) {
        // A run stops running without its file changing: judged again on every pass.
        if (m_state.lastState == toString(RunState::Running)) {
            beginRunOnce();
            if (judgeState()) sink.saveImportState(stateKey(run.uid), m_state.toJson());
        }
        return {};
    }
    beginRunOnce();
    m_pacer.setMessage("Reading " + run.name);

    // The header: the first complete record after an optional BOM.
    std::size_t want = FileChunkReader::kChunk;
    std::size_t headerEnd = 0;
    for (;;) {
        bool more = reader.fill(want);
        std::string_view data = reader.available();
        std::size_t bom = bomLength(data);
        std::size_t lineEnd = data.find('\n', bom);
        if (lineEnd != std::string_view::npos) {
            m_parser.setDelimiter(fresh ? detectDelimiter(data.substr(bom, lineEnd - bom))
                                        : m_state.delimiter);
            std::size_t pos = bom;
            if (m_parser.next(data, pos, m_fields) == CsvStatus::Record) {
                headerEnd = pos;
                break;
            }
        }
        if (!more || want >= kMaxHeader) {
            if (fresh && m_state.partialNotedAt != 0) {
                m_state.partialNotedAt = 0;
                sink.addImportNote(
                    m_runId, NoteLevel::Info,
                    run.file.filename().string() + " has no complete header line yet.");
            }
            flush();
            if (fresh) ++m_pacer.stats().runs;
            return {};
        }
        want *= 2;
    }
    std::string_view headerBytes = reader.available().substr(0, headerEnd);
    const std::uint32_t headerCrc = tb::crc32c(headerBytes);

    CsvOptions choice = m_options;
    if (!fresh) {
        choice.rowIndexAsStep = m_state.rowIndexSteps;
        choice.stepColumn = m_state.stepColumn;
    }
    m_layout = analyzeHeader(m_fields, m_parser.delimiter(), choice);
    m_columnHashes.clear();
    for (const auto& name : m_layout.columns)
        m_columnHashes.push_back(mix(hashBytes(name)));

    Mode mode = Mode::Fresh;
    if (!fresh) {
        bool same = std::int64_t(headerEnd) == m_state.headerLength &&
                    headerCrc == m_state.headerCrc && size >= m_state.offset;
        if (same && m_state.tailLength > 0) {
            // The bytes of the last imported row must still be where they were.
            if (!reader.seek(m_state.offset - m_state.tailLength) ||
                !reader.fill(std::size_t(m_state.tailLength)) ||
                tb::crc32c(reader.available().substr(0, std::size_t(m_state.tailLength))) !=
                    m_state.tailCrc)
                same = false;
        }
        mode = same ? Mode::Continue : Mode::Verify;
    }
    if (mode == Mode::Continue) {
        reader.seek(m_state.offset);
    } else {
        reader.seek(std::int64_t(headerEnd));
    }
    if (mode == Mode::Fresh) {
        m_state.delimiter = m_parser.delimiter();
        m_state.rowIndexSteps = m_layout.stepColumn < 0;
        m_state.stepColumn = m_layout.stepColumn < 0
                                 ? std::string()
                                 : m_layout.columns[std::size_t(m_layout.stepColumn)];
        m_state.headerCrc = headerCrc;
        m_state.headerLength = std::int64_t(headerEnd);
        m_state.offset = std::int64_t(headerEnd);
        m_pacer.advance(std::int64_t(headerEnd));
        if (!m_layout.stepNote.empty())
            sink.addImportNote(m_runId, NoteLevel::Info, m_layout.stepNote);
    } else if (!m_state.rowIndexSteps && m_layout.stepColumn < 0) {
        sink.addImportNote(m_runId, NoteLevel::Warning,
                           "The step column '" + m_state.stepColumn +
                               "' disappeared from the header; new rows use row numbers.");
    }

    End end = readRows(reader, mode);
    if (end == End::Failed) return m_sinkError;
    if (end == End::Waiting) return {};  // a rewrite in progress: try again next time
    if (mode == Mode::Verify && !m_state.replaced) {
        m_state.headerCrc = headerCrc;
        m_state.headerLength = std::int64_t(headerEnd);
    }
    if (end == End::Cancelled) m_pacer.stats().cancelled = true;
    if (end == End::Done && !m_state.replaced && reader.available().size() > 0 &&
        m_state.partialNotedAt != m_state.offset) {
        m_state.partialNotedAt = m_state.offset;
        sink.addImportNote(m_runId, NoteLevel::Info,
                           "The last line (" + std::to_string(reader.available().size()) +
                               " bytes) has no line end yet; it is read once it is complete.");
    }
    flush();
    if (fresh || m_rowsApplied > 0 || configChanged) ++m_pacer.stats().runs;
    return {};
}

CsvRunReader::End CsvRunReader::readRows(FileChunkReader& reader, Mode mode) {
    ImportStats& stats = m_pacer.stats();
    std::int64_t row = mode == Mode::Continue ? m_state.rows : 0;
    std::uint64_t fingerprint = mode == Mode::Continue ? m_state.fingerprint : 0;
    const std::int64_t verifyRows = mode == Mode::Verify ? m_state.rows : 0;
    bool verifying = mode == Mode::Verify && verifyRows > 0;
    std::int64_t checks = 0;

    for (;;) {
        reader.fill(FileChunkReader::kChunk);
        std::string_view data = reader.available();
        std::size_t pos = 0;
        std::size_t lastStart = 0;
        std::size_t lastEnd = 0;
        bool stopped = false;
        bool checkpoint = false;
        while (!stopped) {
            std::size_t start = pos;
            if (m_parser.next(data, pos, m_fields) != CsvStatus::Record) break;
            if (isBlank(m_fields)) {
                lastStart = start;
                lastEnd = pos;
                continue;
            }
            if (verifying) {
                fingerprint = mix(fingerprint ^ rowHash(m_fields));
                ++row;
                if (row == verifyRows) {
                    verifying = false;
                    if (fingerprint != m_state.fingerprint) {
                        // Not a widened copy of what we imported: different data.
                        m_state.replaced = true;
                        m_pacer.sink().addImportNote(
                            m_runId, NoteLevel::Warning,
                            m_run->file.filename().string() +
                                " was replaced by a file with different rows; the rows imported "
                                "before are kept and the new file is not followed. Import the "
                                "folder afresh to read it.");
                        flush();
                        return End::Done;
                    }
                }
            } else {
                ++stats.records;
                ++m_rowsApplied;
                fingerprint = mix(fingerprint ^ rowHash(m_fields));
                std::int64_t index = row++;
                if (m_layout.stepColumn >= 0 &&
                    std::size_t(m_layout.stepColumn) < m_fields.size()) {
                    auto v = parseDouble(m_fields[std::size_t(m_layout.stepColumn)]);
                    if (v && std::isfinite(*v) && *v == std::floor(*v) && std::fabs(*v) < 9.0e18)
                        index = std::int64_t(*v);
                    else
                        ++m_badSteps;
                } else if (m_layout.stepColumn >= 0) {
                    ++m_badSteps;
                }
                applyRow(m_fields, index);
            }
            lastStart = start;
            lastEnd = pos;
            if ((++checks & 255) != 0) continue;
            if (m_pacer.cancelled()) stopped = true;
            if (!verifying && m_pacer.commitDue()) {
                checkpoint = true;
                break;
            }
        }
        if (!verifying && lastEnd > 0) {
            // Whole records up to `lastEnd` are applied: this is the position to save.
            m_state.tailCrc = tb::crc32c(data.substr(lastStart, lastEnd - lastStart));
            m_state.tailLength = std::int64_t(lastEnd - lastStart);
            m_state.rows = row;
            m_state.fingerprint = fingerprint;
        }
        reader.consume(pos);
        m_pacer.advance(std::int64_t(pos));
        if (!verifying) m_state.offset = reader.offset();
        if (stopped) return End::Cancelled;
        if (checkpoint) {
            flush();
            if (auto r = m_pacer.commit(); !r) {
                m_sinkError = r.error();
                return End::Failed;
            }
            continue;
        }
        // The rest is an unfinished record: read more, or stop if the file ends here.
        std::size_t left = reader.available().size();
        if (!reader.fill(left + 1)) break;
    }
    if (verifying) return End::Waiting;  // fewer rows than before: the rewrite is not done
    return End::Done;
}

void CsvRunReader::applyRow(const std::vector<std::string_view>& fields, std::int64_t step) {
    RunSink& sink = m_pacer.sink();
    const std::size_t n = std::min(fields.size(), m_layout.columns.size());
    double time = kNoTime;
    if (m_layout.timeColumn >= 0 && std::size_t(m_layout.timeColumn) < n) {
        if (auto t = parseDouble(fields[std::size_t(m_layout.timeColumn)])) time = *t;
    }
    if (!std::isnan(time)) {
        if (std::isnan(m_state.firstTime)) m_state.firstTime = time;
        m_state.lastTime = time;
    }
    std::int64_t points = 0;
    for (std::size_t c = 0; c < n; ++c) {
        if (int(c) == m_layout.stepColumn || int(c) == m_layout.timeColumn) continue;
        std::string_view cell = trim(fields[c]);
        if (cell.empty()) continue;  // sparse tables: not logged in this row
        if (auto v = cellNumber(cell)) {
            sink.logMetric(m_runId, m_layout.columns[c], step, *v, time);
            m_state.summaries.add(m_layout.columns[c], *v);
            ++points;
        } else {
            auto& [count, example] = m_nonNumeric[int(c)];
            if (count++ == 0) example = std::string(cell.substr(0, 40));
        }
    }
    m_pacer.stats().points += points;
    if (fields.size() > m_layout.columns.size()) ++m_extraFields;
}

std::uint64_t CsvRunReader::rowHash(const std::vector<std::string_view>& fields) const {
    // A sum over (column name, cell) pairs does not depend on the column order, so a header
    // widened or re-sorted by a rewrite gives the same value for the same rows.
    std::uint64_t sum = 0;
    const std::size_t n = std::min(fields.size(), m_layout.columns.size());
    for (std::size_t c = 0; c < n; ++c) {
        std::string_view cell = trim(fields[c]);
        if (!cell.empty()) sum += mix(m_columnHashes[c] ^ hashBytes(cell));
    }
    return sum;
}

void CsvRunReader::flushConfig() {
    RunSink& sink = m_pacer.sink();
    const auto dir = m_run->file.parent_path();
    std::map<std::string, std::string> signatures;
    for (const auto& name : configFileNames()) {
        std::string sig = fileSignature(dir / name);
        if (!sig.empty()) signatures[name] = sig;
    }
    if (signatures == m_state.yamlSignatures) return;
    std::set<std::string> keys;
    for (const auto& name : configFileNames()) {
        if (!signatures.count(name)) continue;
        auto entries = readHparamsYaml(dir / name);
        if (!entries) {
            sink.addImportNote(m_runId, NoteLevel::Warning,
                               name + " could not be read: " + entries.error().message);
            continue;
        }
        for (const auto& e : entries.value()) {
            sink.setConfig(m_runId, e.key, e.value);
            keys.insert(e.key);
        }
    }
    for (const auto& old : m_state.yamlKeys) {
        if (!keys.count(old)) sink.removeConfig(m_runId, old);
    }
    m_state.yamlKeys = std::move(keys);
    m_state.yamlSignatures = std::move(signatures);
}

void CsvRunReader::flush() {
    RunSink& sink = m_pacer.sink();
    flushConfig();
    if (m_badSteps > 0) {
        sink.addImportNote(m_runId, NoteLevel::Warning,
                           std::to_string(m_badSteps) + " rows have no whole-number step in '" +
                               m_state.stepColumn + "'; their row number is used as the step.");
    }
    if (m_extraFields > 0) {
        sink.addImportNote(m_runId, NoteLevel::Warning,
                           std::to_string(m_extraFields) +
                               " rows have more fields than the header; the extra fields are "
                               "not imported.");
    }
    for (const auto& [column, info] : m_nonNumeric) {
        sink.addImportNote(m_runId, NoteLevel::Info,
                           "Column '" + m_layout.columns[std::size_t(column)] + "': " +
                               std::to_string(info.first) + " cells are not numbers (e.g. '" +
                               info.second + "') and are not imported as points.");
    }
    m_badSteps = m_extraFields = 0;
    m_nonNumeric.clear();
    m_state.summaries.flush(sink, m_runId);
    judgeState();
    sink.saveImportState(stateKey(m_run->uid), m_state.toJson());
}

bool CsvRunReader::judgeState() {
    RunSink& sink = m_pacer.sink();
    const bool live = looksLive(fileWriteTime(m_run->file), m_state.lastTime, unixNow());
    const double runtime =
        std::isnan(m_state.firstTime) ? kNoTime : m_state.lastTime - m_state.firstTime;
    if (!std::isnan(m_state.firstTime)) {
        RunInfo info;
        info.startTime = m_state.firstTime;
        sink.updateRun(m_runId, info);
    }
    reportLiveness(sink, m_runId, live, m_state.lastTime, runtime);
    const std::string state(toString(live ? RunState::Running : RunState::Finished));
    const bool changed = state != m_state.lastState;
    m_state.lastState = state;
    return changed;
}

}  // namespace runlens::csv
