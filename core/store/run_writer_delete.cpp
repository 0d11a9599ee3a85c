// RunWriter: deleting runs with everything they hold, for a source removed from a workspace.
#include <algorithm>
#include <string>

#include "core/store/run_writer.h"
#include "core/store/schema.h"

namespace runlens {

Result<void> RunWriter::deleteRuns(const std::vector<RunId>& runs) {
    if (auto r = commit(); !r.ok()) return r;  // buffered points of these runs go first
    for (auto it = m_series.begin(); it != m_series.end();)
        it = std::find(runs.begin(), runs.end(), it->second.runId) != runs.end()
                 ? m_series.erase(it)
                 : std::next(it);
    if (!ensureTransaction()) return *m_error;
    static const char* const kPerRun[] = {
        "DELETE FROM pred_chunks WHERE table_id IN (SELECT id FROM pred_tables WHERE run_id = ?1)",
        "DELETE FROM pred_columns WHERE table_id IN (SELECT id FROM pred_tables WHERE run_id = ?1)",
        "DELETE FROM pred_tables WHERE run_id = ?1",
        "DELETE FROM media_steps WHERE run_id = ?1",
        // A series' chunks are the rowid range [id << 24, (id + 1) << 24): no scan of chunks.
        "DELETE FROM chunks WHERE id IN (SELECT c.id FROM series s JOIN chunks c ON c.id >= "
        "(s.id << 24) AND c.id < ((s.id + 1) << 24) WHERE s.run_id = ?1)",
        "DELETE FROM series WHERE run_id = ?1",
        "DELETE FROM console WHERE run_id = ?1",
        "DELETE FROM import_notes WHERE run_id = ?1",
        "DELETE FROM config WHERE run_id = ?1",
        "DELETE FROM summary WHERE run_id = ?1",
        "DELETE FROM run_tags WHERE run_id = ?1",
        "DELETE FROM runs WHERE id = ?1",
    };
    static_assert(schema::kChunkSeqBits == 24, "the chunk statement shifts by kChunkSeqBits");
    for (const char* sql : kPerRun) {
        auto s = sqlite::Statement::prepare(m_db, sql);
        if (!s.ok()) {
            fail(s.error());
            break;
        }
        for (RunId run : runs) {
            s->reset();
            s->bind(1, run);
            if (!this->run(s.value())) break;
        }
    }
    return commit();
}

std::vector<std::string> RunWriter::importStateKeys() {
    std::vector<std::string> keys;
    auto s = sqlite::Statement::prepare(m_db, "SELECT source FROM import_state ORDER BY source");
    if (!s.ok()) {
        fail(s.error());
        return keys;
    }
    for (;;) {
        auto row = s->step();
        if (!row.ok()) {
            fail(row.error());
            break;
        }
        if (!row.value()) break;
        keys.push_back(s->text(0));
    }
    return keys;
}

void RunWriter::removeImportState(const std::string& sourceKey) {
    if (!ensureTransaction()) return;
    auto s = sqlite::Statement::prepare(m_db, "DELETE FROM import_state WHERE source = ?1");
    if (!s.ok()) return fail(s.error());
    s->bindText(1, sourceKey);
    run(s.value());
}

}  // namespace runlens
