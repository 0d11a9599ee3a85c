// RunFolderImporter: resumable log reading with checkpoints, files/ merge, and run lifecycle.
#include "core/importers/wandb/run_folder_importer.h"

#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include "core/importers/live_window.h"
#include "core/importers/wandb/log_reader.h"
#include "core/importers/wandb/run_context.h"
#include "core/importers/wandb/run_files_reader.h"
#include "core/importers/wandb/run_log_applier.h"
#include "core/importers/wandb/run_log_state.h"
#include "core/importers/wandb/run_media.h"

namespace runlens::wandb {
namespace {

constexpr std::int64_t kHeadBytes = 4096;
constexpr std::int64_t kReadSize = 1 << 20;
constexpr int kMaxDamageNotes = 10;

bool allDigits(const std::string& s, std::size_t from, std::size_t count) {
    if (from + count > s.size()) return false;
    return std::all_of(s.begin() + std::ptrdiff_t(from), s.begin() + std::ptrdiff_t(from + count),
                       [](char c) { return c >= '0' && c <= '9'; });
}

std::uint32_t headCrc(std::ifstream& in, std::int64_t bytes) {
    std::string head(std::size_t(bytes), '\0');
    in.clear();
    in.seekg(0);
    in.read(head.data(), std::streamsize(bytes));
    head.resize(std::size_t(std::max<std::streamsize>(in.gcount(), 0)));
    return std::uint32_t(crc32(0L, reinterpret_cast<const Bytef*>(head.data()), uInt(head.size())));
}

}  // namespace

bool parseRunFolderName(const std::string& name, std::string* uid, std::string* timestamp) {
    std::string rest = name;
    if (rest.rfind("offline-", 0) == 0) rest = rest.substr(8);
    if (rest.rfind("run-", 0) != 0) return false;
    // run-YYYYMMDD_HHMMSS-<id>[-suffix]
    if (rest.size() < 4 + 15 + 2 || !allDigits(rest, 4, 8) || rest[12] != '_' ||
        !allDigits(rest, 13, 6) || rest[19] != '-')
        return false;
    std::string id = rest.substr(20);
    if (auto dash = id.find('-'); dash != std::string::npos) id.resize(dash);
    if (id.empty()) return false;
    if (uid) *uid = id;
    if (timestamp) *timestamp = rest.substr(4, 15);
    return true;
}

std::string importStateKey(const RunFolder& folder) {
    std::error_code ec;
    const auto& p = folder.log.empty() ? folder.dir : folder.log;
    auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(p, ec), ec);
    return "wandb:" + (canonical.empty() ? p.string() : canonical.string());
}

RunFolderImporter::RunFolderImporter(RunSink& sink, ImportStats& stats, Progress* progress,
                                     const WandbImportOptions& options)
    : m_sink(sink), m_stats(stats), m_progress(progress), m_options(options) {}

bool RunFolderImporter::commit() {
    auto result = m_sink.commit();
    if (!result.ok()) {
        m_error = result.error();
        return false;
    }
    return true;
}

bool RunFolderImporter::import(const RunFolder& folder) {
    const std::string key = importStateKey(folder);
    RunLogState state = RunLogState::fromJsonText(m_sink.importState(key));
    RunContext ctx(m_sink, state, folder.dir, folder.uid, m_stats);
    ctx.setSweepUid(folder.sweepUid);
    RunMedia media(ctx);
    RunLogApplier applier(ctx, media);
    const std::int64_t pointsBefore = applier.points();

    auto checkpoint = [&](std::int64_t offset) {
        applier.flush();
        applier.saveConsoleState();
        state.offset = offset;
        m_sink.saveImportState(key, state.toJsonText());
        return commit();
    };

    bool logUsable = false;
    std::error_code ec;
    if (!folder.log.empty()) {
        const std::int64_t size = std::int64_t(std::filesystem::file_size(folder.log, ec));
        std::ifstream in(folder.log, std::ios::binary);
        if (ec || !in) {
            ctx.note(NoteLevel::Error, "the log " + folder.log.filename().string() +
                                           " cannot be read; the run is read from files/ alone");
        } else if (size == 0) {
            ctx.note(NoteLevel::Info, "the log " + folder.log.filename().string() +
                                          " is empty; the run is read from files/ alone");
        } else {
            // A log that shrank or whose start changed is a different file: read it again.
            if (state.offset > 0 &&
                (size < state.sizeSeen || headCrc(in, state.headBytes) != state.headCrc)) {
                ctx.note(NoteLevel::Warning,
                         "the log was replaced or truncated since the last import and was read "
                         "again from the start; earlier data may appear twice");
                RunLogState fresh;
                fresh.notes = state.notes;
                fresh.uid = state.uid;
                state = std::move(fresh);
            }
            state.headBytes = std::min(size, kHeadBytes);
            state.headCrc = headCrc(in, state.headBytes);

            LogReader reader(state.offset);
            in.clear();
            in.seekg(state.offset);
            // Read no more than a commit's worth at a time, so commits and cancellation happen
            // at the intended pace.
            std::string buffer(std::size_t(std::clamp<std::int64_t>(m_options.commitEveryBytes,
                                                                    kChunkHeaderSize, kReadSize)),
                               '\0');
            std::int64_t sinceCommit = 0;
            int damageNotes = 0;
            bool bad = false;
            const std::int64_t startOffset = state.offset;
            m_progressDone += startOffset;
            while (!bad) {
                in.read(buffer.data(), std::streamsize(buffer.size()));
                const std::streamsize n = in.gcount();
                if (n <= 0) break;
                reader.feed(std::string_view(buffer.data(), std::size_t(n)));
                m_stats.bytesRead += n;
                sinceCommit += n;
                for (bool more = true; more;) {
                    switch (reader.next()) {
                        case LogReader::Event::Record:
                            ++m_stats.records;
                            if (!applier.apply(reader.record())) {
                                ++m_stats.skipped;
                                ctx.note(NoteLevel::Warning,
                                         "the record at offset " +
                                             std::to_string(reader.recordOffset()) +
                                             " has a valid checksum but could not be decoded; "
                                             "skipped");
                            }
                            break;
                        case LogReader::Event::Damage:
                            ++m_stats.skipped;
                            if (++damageNotes <= kMaxDamageNotes)
                                ctx.note(NoteLevel::Warning,
                                         "damaged log data at offset " +
                                             std::to_string(reader.damageOffset()) + " (" +
                                             reader.damageReason() +
                                             "); reading resumed at the next 32 KiB block");
                            break;
                        case LogReader::Event::BadHeader:
                            ctx.note(NoteLevel::Error,
                                     folder.log.filename().string() +
                                         " does not start with the W&B log header; the run is "
                                         "read from files/ alone");
                            bad = true;
                            more = false;
                            break;
                        case LogReader::Event::NeedMore:
                            more = false;
                            break;
                    }
                }
                m_progressDone += n;
                reportProgress(m_progress, std::min(m_progressDone, m_progressTotal),
                               m_progressTotal);
                if (sinceCommit >= m_options.commitEveryBytes && !bad) {
                    sinceCommit = 0;
                    if (!checkpoint(reader.resumeOffset())) return false;
                    if (isCancelled(m_progress)) {
                        m_stats.cancelled = true;
                        return false;
                    }
                }
            }
            if (damageNotes > kMaxDamageNotes)
                ctx.note(NoteLevel::Warning, std::to_string(damageNotes) +
                                                 " damaged parts of the log were skipped in all");
            logUsable = !bad;
            if (!bad) state.offset = reader.resumeOffset();
            state.sizeSeen = size;
            m_progressDone += std::max<std::int64_t>(0, size - reader.fedEnd());
        }
    }

    // Send the log's summary before files/ is compared with it.
    applier.flush();
    RunFilesReader files(ctx, applier, media);
    m_stats.bytesRead += files.read(logUsable);
    m_stats.points += applier.points() - pointsBefore;

    // A run without an exit record: still running, or gone without a word.
    // Judged again on every pass (a run stops being "running" without its files changing);
    // state.uid is set once the run exists in the sink.
    if (!state.exited && !state.uid.empty() && folder.latestSegment) {
        double newest = kNoTime;
        for (const auto& p :
             {folder.log, folder.dir / "files" / "output.log",
              folder.dir / "files" / "wandb-summary.json",
              folder.dir / "logs" / "debug-internal.log", folder.dir / "logs" / "debug.log"}) {
            const double t = p.empty() ? kNoTime : fileWriteTime(p);
            if (!std::isnan(t) && (std::isnan(newest) || t > newest)) newest = t;
        }
        const double now = m_options.now ? m_options.now() : unixNow();
        const RunState runState =
            looksLive(newest, state.lastTimestamp, now, m_options.liveWindowSeconds)
                ? RunState::Running
                : RunState::Crashed;
        const std::string name(toString(runState));
        const bool runtimeGrew =
            !std::isnan(state.lastRuntime) && !(state.lastRuntime == state.runtimeSent);
        if (name != state.lastState || runtimeGrew) {
            RunInfo info;
            info.state = runState;
            info.runtime = state.lastRuntime;
            if (runState == RunState::Crashed) info.endTime = state.lastTimestamp;
            ctx.updateInfo(info);
            state.lastState = name;
            state.runtimeSent = state.lastRuntime;
        }
        if (runState == RunState::Crashed)
            ctx.note(NoteLevel::Info,
                     "the run has no exit record: it crashed, was killed, or its folder was "
                     "copied while it ran");
    }

    if (!checkpoint(state.offset)) return false;
    if (isCancelled(m_progress)) {
        m_stats.cancelled = true;
        return false;
    }
    return true;
}

}  // namespace runlens::wandb
