// RunWriter's media (stored once by content hash), images at steps, prediction tables and
// artifacts.
#include <QCryptographicHash>

#include "core/store/run_writer.h"
#include "core/store/run_writer_statements.h"
#include "core/store/schema.h"
#include "core/store/table_codec.h"
#include "core/util/json_value.h"

namespace runlens {

using namespace writer_sql;

namespace {

std::string sha256Hex(const std::string& bytes) {
    QByteArray hash = QCryptographicHash::hash(
        QByteArrayView(bytes.data(), qsizetype(bytes.size())), QCryptographicHash::Sha256);
    return hash.toHex().toStdString();
}

// Class names are stored as a JSON list of strings.
std::string classNamesJson(const std::vector<std::string>& names) {
    std::string out = "[";
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += ',';
        appendJsonString(out, names[i]);
    }
    return out + "]";
}

}  // namespace

MediaId RunWriter::addMedia(const MediaItem& media) {
    if (!ensureTransaction()) return 0;
    const std::string hash = sha256Hex(media.bytes);
    if (auto it = m_mediaByHash.find(hash); it != m_mediaByHash.end()) return it->second;
    auto& find = stmt(kFindMedia);
    find.bindText(1, hash);
    auto row = find.step();
    if (!row.ok()) {
        fail(row.error());
        return 0;
    }
    MediaId id = 0;
    if (row.value()) {
        id = find.int64(0);
        find.reset();
    } else {
        find.reset();
        auto& insert = stmt(kInsertMedia);
        insert.bindText(1, hash).bindText(2, media.mime).bind(3, media.width).bind(4, media.height);
        insert.bindBlob(5, media.bytes.data(), media.bytes.size());
        if (!run(insert)) return 0;
        id = m_db.lastInsertRowid();
    }
    m_mediaByHash.emplace(hash, id);
    return id;
}

void RunWriter::logMediaAtStep(RunId r, const std::string& key, std::int64_t step,
                               const std::vector<StepImage>& images) {
    if (!ensureTransaction()) return;
    if (!run(stmt(kDeleteMediaStep).bind(1, r).bindText(2, key).bind(3, step))) return;
    for (std::size_t i = 0; i < images.size(); ++i) {
        auto& insert = stmt(kInsertMediaStep);
        insert.bind(1, r).bindText(2, key).bind(3, step).bind(4, std::int64_t(i));
        insert.bind(5, images[i].media).bindText(6, images[i].caption);
        if (!run(insert)) return;
    }
}

void RunWriter::logTable(RunId r, const PredictionTable& table) {
    if (!ensureTransaction()) return;
    if (std::string problem = table.validate(); !problem.empty()) {
        fail(makeError("table '" + table.name + "': " + problem, m_db.path()));
        return;
    }
    auto& find = stmt(kFindTable);
    find.bind(1, r).bindText(2, table.name).bind(3, table.step);
    auto row = find.step();
    if (!row.ok()) {
        fail(row.error());
        return;
    }
    if (row.value()) {
        const std::int64_t old = find.int64(0);
        find.reset();
        run(stmt(kDeleteTableChunks).bind(1, old));
        run(stmt(kDeleteTableColumns).bind(1, old));
        run(stmt(kDeleteTable).bind(1, old));
    } else {
        find.reset();
    }
    auto& insert = stmt(kInsertTable);
    insert.bind(1, r).bindText(2, table.name).bind(3, table.step);
    insert.bind(4, std::int64_t(table.rowCount()));
    if (!run(insert)) return;
    const std::int64_t tableId = m_db.lastInsertRowid();

    const std::size_t rows = table.rowCount();
    for (std::size_t c = 0; c < table.columns.size() && !failed(); ++c) {
        const TableColumn& column = table.columns[c];
        auto& col = stmt(kInsertColumn);
        col.bind(1, tableId).bind(2, std::int64_t(c)).bindText(3, column.name);
        col.bind(4, int(column.type)).bindText(5, classNamesJson(column.classNames));
        if (!run(col)) return;
        std::int64_t seq = 0;
        for (std::size_t begin = 0; begin < rows; begin += schema::kTableChunkRows, ++seq) {
            const std::size_t end = std::min(rows, begin + std::size_t(schema::kTableChunkRows));
            const std::string data = table_codec::encodeColumnChunk(column, begin, end);
            auto& chunk = stmt(kInsertTableChunk);
            chunk.bind(1, tableId).bind(2, std::int64_t(c)).bind(3, seq);
            chunk.bind(4, std::int64_t(end - begin)).bindBlob(5, data.data(), data.size());
            if (!run(chunk)) return;
        }
    }
}

void RunWriter::addArtifact(const Artifact& a) {
    if (!ensureTransaction()) return;
    auto& upsert = stmt(kUpsertArtifact);
    upsert.bindText(1, a.name).bindText(2, a.version).bindText(3, a.type).bindText(4, a.digest);
    upsert.bindText(5, a.description).bindText(6, a.metadataJson);
    if (a.size >= 0)
        upsert.bind(7, a.size);
    else
        upsert.bindNull(7);
    upsert.bindText(8, a.producerRunUid);
    if (!run(upsert)) return;
    auto& find = stmt(kFindArtifact);
    find.bindText(1, a.name).bindText(2, a.version);
    auto row = find.step();
    if (!row.ok() || !row.value()) {
        if (!row.ok()) fail(row.error());
        find.reset();
        return;
    }
    const std::int64_t id = find.int64(0);
    find.reset();
    for (const std::string& alias : a.aliases)
        run(stmt(kInsertAlias).bind(1, id).bindText(2, alias));
    for (const ArtifactFile& f : a.files) {
        auto& file = stmt(kInsertArtifactFile);
        file.bind(1, id).bindText(2, f.path).bindText(3, f.digest);
        if (f.size >= 0)
            file.bind(4, f.size);
        else
            file.bindNull(4);
        run(file);
    }
    for (const std::string& uid : a.consumerRunUids)
        run(stmt(kInsertArtifactUse).bind(1, id).bindText(2, uid));
}

}  // namespace runlens
