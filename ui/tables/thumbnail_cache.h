// ThumbnailCache: images of prediction tables, decoded off the UI thread, newest requests first,
// kept in a bounded cache — so scrolling through a million rows with images never waits.
#pragma once

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QThreadPool>
#include <deque>
#include <memory>
#include <mutex>

#include "core/model/prediction_table.h"

namespace runlens::ui {

class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailCache(QString databasePath, QObject* parent = nullptr);
    ~ThumbnailCache() override;

    /// The image `id` scaled to fit `size` × `size`, or a null pixmap while it is decoded
    /// (thumbnailReady(id) follows; a failed decode gives an empty, non-null placeholder).
    QPixmap thumbnail(MediaId id, int size);
    /// The whole image at its own size, decoded on the calling thread (for the enlarged view).
    QImage fullImage(MediaId id) const;

    /// Requests older than the newest `limit` are dropped: rows scrolled past are not decoded.
    static constexpr std::size_t kQueueLimit = 256;
    std::size_t pending() const;

signals:
    void thumbnailReady(qint64 id);

private:
    struct Key {
        MediaId id;
        int size;
        bool operator==(const Key& o) const { return id == o.id && size == o.size; }
    };
    friend size_t qHash(const Key& k, size_t seed) { return qHashMulti(seed, k.id, k.size); }

    void work();
    void deliver(Key key, QImage image);

    QString m_databasePath;
    QCache<Key, QPixmap> m_cache;
    QThreadPool m_pool;
    mutable std::mutex m_mutex;
    std::deque<Key> m_queue;    ///< newest at the back
    QHash<Key, bool> m_queued;  ///< in m_queue or being decoded
    int m_workers = 0;
    std::shared_ptr<bool> m_alive;
};

}  // namespace runlens::ui
