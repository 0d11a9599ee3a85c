// Locating the real data in ../shared/fixtures; tests that need it are skipped when it is absent.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace runlens::test {

/// The fixtures folder configured at build time (RUNLENS_FIXTURES_DIR), possibly missing.
std::filesystem::path fixturesDir();

/// fixturesDir()/relative if it exists; otherwise prints why and exits the test program with the
/// skip code, so CTest reports the test as skipped rather than failed.
std::filesystem::path requireFixture(const std::string& relative);

/// One line of fixtures/MANIFEST.tsv: its kind ("wandb", "mlflow", ...) and local path.
struct ManifestEntry {
    std::string kind;
    std::string localPath;  ///< relative to the fixtures folder
};

/// The entries of `fixtures`/MANIFEST.tsv in file order (none when it is missing).
std::vector<ManifestEntry> manifestEntries(const std::filesystem::path& fixtures);

/// A folder for files a test leaves behind for people to look at (screenshots, PDFs):
/// $RUNLENS_TEST_OUTPUT, else ./test-output. Created if needed.
std::filesystem::path testOutputDir();

}  // namespace runlens::test
