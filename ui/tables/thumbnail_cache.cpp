// ThumbnailCache: workers pop the newest request, read the media row through their own read-only
// RunStore, decode and scale, and hand the image back to the UI thread.
#include "ui/tables/thumbnail_cache.h"

#include <QPointer>

#include "core/store/run_store.h"

namespace runlens::ui {
namespace {

constexpr int kWorkers = 2;
constexpr int kCacheKilobytes = 96 * 1024;  // ~96 MB of thumbnails

QImage decode(const RunStore& store, MediaId id) {
    auto media = store.readMedia(id);
    if (!media.ok()) return {};
    return QImage::fromData(reinterpret_cast<const uchar*>(media->bytes.data()),
                            int(media->bytes.size()));
}

}  // namespace

ThumbnailCache::ThumbnailCache(QString databasePath, QObject* parent)
    : QObject(parent),
      m_databasePath(std::move(databasePath)),
      m_alive(std::make_shared<bool>(true)) {
    m_cache.setMaxCost(kCacheKilobytes);
    m_pool.setMaxThreadCount(kWorkers);
}

ThumbnailCache::~ThumbnailCache() {
    {
        std::lock_guard lock(m_mutex);
        m_queue.clear();
    }
    *m_alive = false;
    m_pool.waitForDone();
}

std::size_t ThumbnailCache::pending() const {
    std::lock_guard lock(m_mutex);
    return m_queue.size();
}

QPixmap ThumbnailCache::thumbnail(MediaId id, int size) {
    if (id <= 0) return {};
    const Key key{id, size};
    if (QPixmap* hit = m_cache.object(key)) return *hit;
    bool start = false;
    {
        std::lock_guard lock(m_mutex);
        if (!m_queued.contains(key)) {
            m_queued.insert(key, true);
            m_queue.push_back(key);
            while (m_queue.size() > kQueueLimit) {  // scrolled past: not worth decoding now
                m_queued.remove(m_queue.front());
                m_queue.pop_front();
            }
        }
        if (m_workers < kWorkers) {
            ++m_workers;
            start = true;
        }
    }
    if (start) m_pool.start([this] { work(); });
    return {};
}

QImage ThumbnailCache::fullImage(MediaId id) const {
    auto store = RunStore::open(m_databasePath.toStdString());
    return store.ok() ? decode(store.value(), id) : QImage();
}

void ThumbnailCache::work() {
    auto store = RunStore::open(m_databasePath.toStdString());
    for (;;) {
        Key key{};
        {
            std::lock_guard lock(m_mutex);
            if (m_queue.empty() || !*m_alive) {
                --m_workers;
                return;
            }
            key = m_queue.back();  // what is on screen now was asked for last
            m_queue.pop_back();
        }
        QImage image = store.ok() ? decode(store.value(), key.id) : QImage();
        if (!image.isNull())
            image = image.scaled(key.size, key.size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        QMetaObject::invokeMethod(
            this,
            [this, key, image, alive = m_alive] {
                if (*alive) deliver(key, image);
            },
            Qt::QueuedConnection);
    }
}

void ThumbnailCache::deliver(Key key, QImage image) {
    {
        std::lock_guard lock(m_mutex);
        m_queued.remove(key);
    }
    auto* pixmap = new QPixmap(image.isNull() ? QPixmap(1, 1) : QPixmap::fromImage(image));
    if (image.isNull()) pixmap->fill(Qt::transparent);
    m_cache.insert(key, pixmap, std::max(1, int(pixmap->width() * pixmap->height() * 4 / 1024)));
    emit thumbnailReady(key.id);
}

}  // namespace runlens::ui
