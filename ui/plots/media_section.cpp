// MediaSection: each panel's images are read on a worker thread (RunStore::readStepMedia), again
// only when its key gained images; a reply for a panel that is gone is dropped with the panel.
#include "ui/plots/media_section.h"

#include <QVBoxLayout>

#include "core/store/run_store.h"
#include "ui/plots/flow_layout.h"
#include "ui/plots/media_panel.h"
#include "ui/plots/section_header.h"
#include "ui/tables/thumbnail_cache.h"
#include "ui/tasks/background.h"

namespace runlens::ui {

MediaSection::MediaSection(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("mediaSection"));
    m_header = new SectionHeader(tr("Media"), this);
    m_body = new QWidget(this);
    m_bodyLayout = new FlowLayout(m_body);
    m_bodyLayout->setContentsMargins(2, 2, 2, 8);
    m_bodyLayout->setSpacing(8);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_header);
    layout->addWidget(m_body);
    connect(m_header, &SectionHeader::clicked, this, [this] {
        setCollapsed(!m_collapsed);
        emit collapsedToggled(m_collapsed);
    });
    setVisible(false);
}

MediaSection::~MediaSection() = default;

void MediaSection::setDatabase(const QString& databasePath) {
    if (databasePath == m_database) return;
    m_database = databasePath;
    setKeys({});
    m_images = databasePath.isEmpty() ? nullptr : std::make_unique<ThumbnailCache>(databasePath);
}

void MediaSection::setKeys(const std::vector<MediaKeyInfo>& keys) {
    QList<MediaPanel*> kept, changedPanels;
    for (const MediaKeyInfo& key : keys) {
        MediaPanel* p = panel(QString::fromStdString(key.key));
        if (p) {
            m_panels.removeOne(p);
            if (p->keyInfo() == key) {  // nothing new under this key: keep what was read
                m_bodyLayout->addWidget(p);
                kept.append(p);
                continue;
            }
            p->setKeyInfo(key);
        } else if (m_images) {
            p = new MediaPanel(key, m_images.get(), m_body);
            p->setDrawnRuns(m_drawn);
            connect(p, &MediaPanel::imagesChanged, this, &MediaSection::changed);
        } else {
            continue;
        }
        m_bodyLayout->addWidget(p);  // in key order
        kept.append(p);
        changedPanels.append(p);
    }
    for (MediaPanel* gone : std::as_const(m_panels))
        m_pending.remove(gone);
    qDeleteAll(m_panels);
    m_panels = kept;
    for (MediaPanel* p : std::as_const(changedPanels))
        load(p);
    m_matching = int(m_panels.size());
    setVisible(!m_panels.isEmpty());
    updateHeader();
    emit changed();
}

void MediaSection::load(MediaPanel* panel) {
    m_pending.insert(panel);
    const std::string path = m_database.toStdString();
    const std::string key = panel->keyName().toStdString();
    runInBackground(
        panel,
        [path, key] {
            auto store = RunStore::open(path);
            if (!store.ok()) return std::vector<StepMediaItem>();
            auto items = store->readStepMedia(key);
            return items.ok() ? std::move(items.value()) : std::vector<StepMediaItem>();
        },
        [this, panel](std::vector<StepMediaItem> items) {
            panel->setItems(std::move(items));
            m_pending.remove(panel);
            emit changed();
        });
}

void MediaSection::setDrawnRuns(std::shared_ptr<const DrawnRuns> runs) {
    m_drawn = std::move(runs);
    for (MediaPanel* p : std::as_const(m_panels))
        p->setDrawnRuns(m_drawn);
}

void MediaSection::setCollapsed(bool collapsed) {
    m_collapsed = collapsed;
    m_body->setVisible(!collapsed);
    updateHeader();
}

int MediaSection::applyFilter(const QStringList& words) {
    m_matching = 0;
    for (MediaPanel* p : std::as_const(m_panels)) {
        const bool match = matchesWords(p->keyName(), words);
        p->setVisible(match);
        m_matching += match ? 1 : 0;
    }
    setVisible(m_matching > 0);
    updateHeader();
    return m_matching;
}

bool MediaSection::isIdle() const {
    if (!m_pending.isEmpty()) return false;
    if (m_collapsed || !isVisible()) return true;
    for (const MediaPanel* p : m_panels)
        if (p->isVisible() && !p->imagesReady()) return false;
    return true;
}

MediaPanel* MediaSection::panel(const QString& key) const {
    for (MediaPanel* p : m_panels)
        if (p->keyName() == key) return p;
    return nullptr;
}

void MediaSection::updateHeader() {
    m_header->setCollapsed(m_collapsed);
    m_header->setCount(m_matching, int(m_panels.size()));
}

}  // namespace runlens::ui
