// MetricSummaries: last / min / max of every metric an importer logs, for formats whose source
// keeps no summary (TensorBoard, CSV). Kept in the import state so a re-import continues it.
#pragma once

#include <QJsonObject>
#include <map>
#include <string>

#include "core/model/run_sink.h"

namespace runlens {

/// Summary keys follow the runs table's convention (ui/models/run_columns.cpp):
/// "<metric>" is the last value, "<metric>.min" and "<metric>.max" the extremes.
class MetricSummaries {
public:
    /// Notes one logged point, in logging order (the last one noted is the summary value).
    void add(const std::string& key, double value);
    /// Writes the summaries changed since the last flush.
    void flush(RunSink& sink, RunId run);

    QJsonObject toJson() const;
    static MetricSummaries fromJson(const QJsonObject& o);

private:
    struct Entry {
        double last = 0;
        double min = 0;
        double max = 0;
        bool hasRange = false;  ///< min/max seen a number (NaN and infinities are left out)
        bool dirty = false;
    };
    std::map<std::string, Entry> m_entries;
};

}  // namespace runlens
