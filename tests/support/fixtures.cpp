// Fixture and output folder lookup for tests.
#include "tests/support/fixtures.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace runlens::test {

std::filesystem::path fixturesDir() {
    return std::filesystem::path(RUNLENS_FIXTURES_DIR);
}

std::filesystem::path requireFixture(const std::string& relative) {
    std::filesystem::path p = fixturesDir() / relative;
    std::error_code ec;
    if (!std::filesystem::exists(p, ec)) {
        std::fprintf(stderr, "skipped: fixture %s is not available\n", p.string().c_str());
        std::exit(RUNLENS_SKIP_CODE);
    }
    return p;
}

std::filesystem::path testOutputDir() {
    const char* env = std::getenv("RUNLENS_TEST_OUTPUT");
    std::filesystem::path dir =
        env && *env ? std::filesystem::path(env) : std::filesystem::path("test-output");
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    return dir;
}

std::vector<ManifestEntry> manifestEntries(const std::filesystem::path& fixtures) {
    std::vector<ManifestEntry> out;
    std::ifstream manifest(fixtures / "MANIFEST.tsv");
    std::string line;
    std::getline(manifest, line);  // header
    while (std::getline(manifest, line)) {
        std::istringstream fields(line);
        ManifestEntry e;
        std::getline(fields, e.kind, '\t');
        std::getline(fields, e.localPath, '\t');
        if (!e.kind.empty()) out.push_back(std::move(e));
    }
    return out;
}

}  // namespace runlens::test
