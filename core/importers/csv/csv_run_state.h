// CsvRunState: what an incremental CSV import remembers about one file.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "core/importers/metric_summaries.h"
#include "core/model/run_info.h"

namespace runlens::csv {

struct CsvRunState {
    std::int64_t offset = 0;        ///< bytes read and applied (header and whole records)
    std::int64_t rows = 0;          ///< data rows applied
    std::uint32_t headerCrc = 0;    ///< CRC-32C of the header line as read
    std::int64_t headerLength = 0;  ///< bytes of the header line, BOM and line end included
    std::uint32_t tailCrc = 0;      ///< CRC-32C of the last applied record's bytes
    std::int64_t tailLength = 0;
    std::uint64_t fingerprint = 0;  ///< of the applied rows' (column, cell) pairs; see CsvRunReader
    char delimiter = ',';
    bool rowIndexSteps = false;  ///< steps are row numbers
    std::string stepColumn;      ///< the step column's name, when not rowIndexSteps
    std::map<std::string, std::string> yamlSignatures;  ///< config file name -> signature
    std::set<std::string> yamlKeys;                     ///< config keys those files set
    bool replaced = false;             ///< the file was replaced by different data: not followed
    std::int64_t partialNotedAt = -1;  ///< offset whose unfinished last line was reported
    MetricSummaries summaries;         ///< last/min/max of every metric column
    double firstTime = kNoTime;        ///< of the time column, when there is one
    double lastTime = kNoTime;
    std::string lastState;  ///< state last sent ("running", "finished"), if any

    bool started() const { return headerLength > 0; }
    std::string toJson() const;
    /// A fresh state for empty or unreadable text.
    static CsvRunState fromJson(const std::string& text);
};

}  // namespace runlens::csv
