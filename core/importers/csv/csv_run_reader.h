// CsvRunReader: one incremental import pass over one metrics CSV file (one run).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/importers/csv/csv_layout.h"
#include "core/importers/csv/csv_parser.h"
#include "core/importers/csv/csv_run_state.h"
#include "core/importers/csv/file_chunk_reader.h"
#include "core/importers/csv/import_pacer.h"

namespace runlens::csv {

/// A CSV file to import as one run.
struct CsvRunFile {
    std::filesystem::path file;
    std::string uid;   ///< file path relative to the opened root
    std::string name;  ///< shown name
};

class CsvRunReader {
public:
    CsvRunReader(ImportPacer& pacer, const CsvOptions& options)
        : m_pacer(pacer), m_options(options) {}

    /// Reads what is new in the file since the previous pass and saves the new state.
    /// Only a sink failure is an Error.
    Result<void> importRun(const CsvRunFile& run);

    static std::string stateKey(const std::string& uid) { return "csv/" + uid; }
    /// Bytes of the file not read yet according to the state saved in `sink` (for progress).
    static std::int64_t pendingBytes(const CsvRunFile& run, RunSink& sink);

    /// Config files read from the CSV's folder, in the order they are applied.
    static const std::vector<std::string>& configFileNames();

private:
    enum class Mode { Fresh, Continue, Verify };
    enum class End { Done, Waiting, Cancelled, Failed };

    End readRows(FileChunkReader& reader, Mode mode);
    void applyRow(const std::vector<std::string_view>& fields, std::int64_t step);
    std::uint64_t rowHash(const std::vector<std::string_view>& fields) const;
    /// Writes config and notes, then saves the state (always before a commit).
    void flush();
    void flushConfig();
    void beginRunOnce();
    /// Sends start/end/runtime and whether the file is still written (CSV has no exit status:
    /// untouched for kLiveWindowSeconds means finished). Returns whether the state changed.
    bool judgeState();

    ImportPacer& m_pacer;
    const CsvOptions& m_options;
    const CsvRunFile* m_run = nullptr;
    RunId m_runId = 0;
    bool m_begun = false;
    CsvRunState m_state;
    CsvParser m_parser;
    CsvLayout m_layout;
    std::vector<std::uint64_t> m_columnHashes;
    std::vector<std::string_view> m_fields;
    Error m_sinkError;
    // Counted during the pass, reported by flush().
    std::int64_t m_badSteps = 0;
    std::int64_t m_extraFields = 0;
    std::int64_t m_rowsApplied = 0;
    std::map<int, std::pair<std::int64_t, std::string>> m_nonNumeric;  ///< column -> count, example
};

}  // namespace runlens::csv
