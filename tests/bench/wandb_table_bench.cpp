// wandb_table_bench: a W&B Table JSON of N rows (default 200,000: id, label, pred, confidence,
// ten probabilities, caption, a NaN now and then) parsed and read into a prediction table.
// Prints "scenario metric value unit" lines. Not a test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

#include "core/importers/wandb/wandb_table.h"
#include "core/util/json_value.h"

using namespace runlens;

namespace {

std::string tableJson(std::size_t rows) {
    std::mt19937_64 rng(11);
    std::uniform_real_distribution<double> unit(0, 1);
    std::string out =
        "{\"columns\": [\"id\", \"label\", \"pred\", \"confidence\", \"probs\", \"caption\"], "
        "\"data\": [";
    char number[32];
    for (std::size_t r = 0; r < rows; ++r) {
        if (r) out += ", ";
        const int truth = int(rng() % 10), guess = unit(rng) < 0.2 ? int(rng() % 10) : truth;
        out += "[" + std::to_string(r) + ", \"class_" + std::to_string(truth) + "\", \"class_" +
               std::to_string(guess) + "\", ";
        if (r % 1000 == 7) {
            out += "NaN";
        } else {
            std::snprintf(number, sizeof number, "%.17g", unit(rng));
            out += number;
        }
        out += ", [";
        for (int k = 0; k < 10; ++k) {
            std::snprintf(number, sizeof number, "%s%.6g", k ? ", " : "", unit(rng));
            out += number;
        }
        out += "], \"a photo of class " + std::to_string(truth) + ", \\\"quoted\\\"\"]";
    }
    return out + "]}";
}

double seconds(std::chrono::steady_clock::duration d) {
    return std::chrono::duration<double>(d).count();
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t rows = argc > 1 ? std::size_t(std::max(1L, std::atol(argv[1]))) : 200000;
    const std::string json = tableJson(rows);
    const double mb = double(json.size()) / (1024.0 * 1024.0);
    std::printf("table-json size %.1f MB\n", mb);
    // The table reader (rapidjson's DOM, straight into columns), and the general JsonValue
    // reader (rapidjson's SAX into JsonValue) on the same text for comparison.
    double best = 1e9, bestValue = 1e9;
    std::size_t read = 0;
    for (int repeat = 0; repeat < 3; ++repeat) {
        const auto start = std::chrono::steady_clock::now();
        auto table = wandb::readWandbTable({json}, "t", 0, nullptr);
        const auto done = std::chrono::steady_clock::now();
        if (!table.ok()) {
            std::fprintf(stderr, "%s\n", table.error().message.c_str());
            return 1;
        }
        read = table->table.rowCount();
        best = std::min(best, seconds(done - start));
        const auto valueStart = std::chrono::steady_clock::now();
        auto doc = parseJson(json);
        if (!doc.ok()) return 1;
        bestValue = std::min(bestValue, seconds(std::chrono::steady_clock::now() - valueStart));
    }
    std::printf("table-json rows %zu rows\n", read);
    std::printf("table-json import_throughput %.1f MB/s\n", mb / best);
    std::printf("table-json import_ms %.1f ms\n", best * 1000);
    std::printf("json-value parse_throughput %.1f MB/s\n", mb / bestValue);
    return 0;
}
