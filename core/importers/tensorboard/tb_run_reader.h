// TbRunReader: one incremental import pass over one TensorBoard run folder.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/importers/csv/import_pacer.h"
#include "core/importers/tensorboard/event_decoder.h"
#include "core/importers/tensorboard/tb_run_state.h"

namespace runlens::tb {

/// A folder that directly holds event files.
struct TbRunFolder {
    std::filesystem::path dir;
    std::string uid;   ///< path relative to the opened root, the folder name for the root
    std::string name;  ///< shown name
    std::vector<std::string> files;  ///< event file names, in reading (name) order
};

class TbRunReader {
public:
    explicit TbRunReader(ImportPacer& pacer) : m_pacer(pacer) {}

    /// Reads what is new in `run` since the state saved by the previous pass, and saves the new
    /// state. Damaged data is noted on the run; only a sink failure is an Error.
    Result<void> importRun(const TbRunFolder& run);

    /// Bytes of `run` not read yet according to the state saved in `sink` (for progress).
    static std::int64_t pendingBytes(const TbRunFolder& run, RunSink& sink);

    /// The RunSink import-state key of a run.
    static std::string stateKey(const std::string& uid) { return "tensorboard/" + uid; }

private:
    enum class FileEnd { Done, Cancelled, Failed };
    FileEnd readFile(const std::string& name, TbFileState& fs);
    void apply(const DecodedEvent& e);
    void applyText(const std::string& tag, const std::string& text);
    /// Stores the images of a tag at a step as media at that step.
    void applyImages(const DecodedImages& images, std::int64_t step);
    /// Writes the pending config, summaries and notes, then the state (before any commit).
    void flush();
    void flushConfig();
    Result<void> checkpoint();
    /// Sends start/end/runtime and judges whether the run still runs (no event file written for
    /// kLiveWindowSeconds: finished, as TensorBoard has no exit status). Returns whether the state
    /// changed.
    bool judgeState();
    void noteDamage(const std::string& file, const std::string& what);

    ImportPacer& m_pacer;
    const TbRunFolder* m_run = nullptr;
    RunId m_runId = 0;
    TbRunState m_state;
    EventDecoder m_decoder;
    DecodedEvent m_event;
    Error m_sinkError;
    bool m_sinkFailed = false;
    // Gathered during the pass, written by flush().
    KeyValues m_pendingHParams;
    std::map<std::string, int> m_skipped;
    std::map<std::string, int> m_textCounts;
    int m_damageNotes = 0;
    std::int64_t m_recordsRead = 0;
    bool m_configChanged = false;
};

}  // namespace runlens::tb
