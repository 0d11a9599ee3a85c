// Confusion matrix and per-class metrics of a prediction table's truth and prediction columns,
// over any subset of its rows (the filtered ones). Headless: the Tables view only shows it.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/model/prediction_table.h"

namespace runlens::analysis {

struct ClassMetrics {
    std::string name;
    double precision = 0;        ///< of the rows predicted as the class, the share that are it
    double recall = 0;           ///< of the rows that are the class, the share predicted so
    double f1 = 0;               ///< harmonic mean of precision and recall (0 when both are)
    std::int64_t support = 0;    ///< rows whose truth is the class
    std::int64_t predicted = 0;  ///< rows predicted as the class
};

struct Averages {
    double precision = 0;
    double recall = 0;
    double f1 = 0;
};

struct Confusion {
    /// Every class seen in either column: a class-label column's own order, else numbers by
    /// value, else names in natural order ("2" before "10").
    std::vector<std::string> classes;
    std::vector<std::int64_t> counts;  ///< truth-major: counts[t * classes.size() + p]
    /// Class index of each table row (all rows, not only those counted); -1 when missing.
    std::vector<std::int32_t> truthClass;
    std::vector<std::int32_t> predClass;
    std::int64_t counted = 0;  ///< rows with both a truth and a prediction
    std::int64_t correct = 0;
    std::int64_t missing = 0;  ///< rows given but lacking a truth or a prediction
    std::vector<ClassMetrics> perClass;
    Averages macro;     ///< unweighted mean over classes with support or predictions
    Averages weighted;  ///< weighted by support

    std::size_t size() const { return classes.size(); }
    std::int64_t count(std::size_t truth, std::size_t pred) const {
        return counts[truth * classes.size() + pred];
    }
    std::int64_t rowTotal(std::size_t truth) const;
    double accuracy() const { return counted ? double(correct) / double(counted) : 0; }
};

/// The confusion of columns `truth` and `prediction` over `rows` (indices into the table).
/// Cells compare as text, so a class-label truth and a string prediction agree on "cat".
Confusion computeConfusion(const PredictionTable& table, int truth, int prediction,
                           std::span<const std::uint32_t> rows);

/// The rows among `rows` whose truth is class t and prediction class p.
std::vector<std::uint32_t> rowsInCell(const Confusion& confusion,
                                      std::span<const std::uint32_t> rows, int t, int p);

}  // namespace runlens::analysis
