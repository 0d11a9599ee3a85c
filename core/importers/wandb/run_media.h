// RunMedia: images and W&B Tables referenced by a run's history, read from files/ or artifacts.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/importers/wandb/run_context.h"
#include "core/importers/wandb/wandb_table.h"
#include "core/util/json_value.h"

namespace runlens::wandb {

/// Turns media references ({"_type": "image-file" | "images/separated" | "table-file" | ...})
/// into sink media, images at steps and prediction tables; joined and partitioned tables are
/// read from the parts their artifact holds.
///
/// The images logged under key k at step s (one, or a list) become media at step s of k, with
/// their captions: the charts show them in a media panel with a step slider. A W&B Table becomes a
/// PredictionTable named after its key. Tables are read at flush() rather than at once, because the
/// artifact record that points at the full copy of a table (the run folder only has a preview: at
/// most 10,000 rows, images replaced by the word "Image") may come later in the log.
class RunMedia {
public:
    explicit RunMedia(RunContext& ctx) : m_ctx(ctx) {}

    void addReference(const std::string& key, std::int64_t step, const JsonValue& media);
    /// Artifact entries (from an artifact record's manifest) that may hold full tables and their
    /// images. Tables read earlier from a preview are read again if their full copy is here.
    void addArtifactEntries(const std::string& clientId, std::vector<ArtifactEntry> entries);
    /// Reads and logs the tables referenced since the last flush.
    void flush();

    /// Logs a table file of the run folder that no log record referenced (log-less runs).
    void addUnreferencedTable(const std::string& relativePath);

private:
    struct TableRef {
        std::string key;
        std::int64_t step;
        JsonValue ref;
    };

    enum class Composite { None, Joined, Partitioned };
    /// What a joined-table or partitioned-table document names: the local files of its parts
    /// (joined: two tables and their keys; partitioned: every part, in path order).
    struct CompositeParts {
        Composite kind = Composite::None;
        std::vector<std::string> files;  ///< local paths; empty where the entry is missing
        std::vector<std::string> names;  ///< the parts' paths inside the artifact
        std::pair<std::string, std::string> keys;
    };
    static CompositeParts compositeParts(const std::string& text,
                                         const std::vector<ArtifactEntry>& entries);
    bool logCompositeTable(const TableRef& t, const CompositeParts& parts,
                           const ImageResolver& resolve);

    void addImages(const std::string& key, std::int64_t step, const JsonValue& media);
    bool logTable(const TableRef& t, bool onlyIfFull);
    MediaId storeImage(const std::filesystem::path& file, const JsonValue& hints,
                       const std::filesystem::path& typeName = {});
    const ArtifactEntry* artifactEntry(const std::string& artifactPath,
                                       const std::vector<ArtifactEntry>** all) const;

    RunContext& m_ctx;
    std::vector<TableRef> m_tables;
};

}  // namespace runlens::wandb
