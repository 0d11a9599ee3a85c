// MediaSection: the "Media" section under the metric sections of the charts area — one media
// panel per key that holds images at steps, read in the background and shown for the drawn runs;
// panels flow side by side, each as wide as its images.
#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QWidget>
#include <memory>
#include <vector>

#include "core/model/step_media.h"
#include "ui/plots/drawn_run.h"

namespace runlens::ui {

class FlowLayout;
class MediaPanel;
class SectionHeader;
class ThumbnailCache;

class MediaSection : public QWidget {
    Q_OBJECT
public:
    explicit MediaSection(QWidget* parent = nullptr);
    ~MediaSection() override;

    void setDatabase(const QString& databasePath);
    /// The keys with images; panels of keys that stay keep their slider. Each panel's images
    /// are read again (the database has new data).
    void setKeys(const std::vector<MediaKeyInfo>& keys);
    void setDrawnRuns(std::shared_ptr<const DrawnRuns> runs);

    bool isCollapsed() const { return m_collapsed; }
    void setCollapsed(bool collapsed);
    /// Shows the panels whose key contains every word; hides the section when none does.
    /// Returns the count shown.
    int applyFilter(const QStringList& words);
    /// True when every panel has its images read and the visible ones decoded.
    bool isIdle() const;

    QList<MediaPanel*> panels() const { return m_panels; }
    MediaPanel* panel(const QString& key) const;

signals:
    void collapsedToggled(bool collapsed);
    /// Something was read or decoded (the charts check whether they are idle).
    void changed();

private:
    void load(MediaPanel* panel);
    void updateHeader();

    QString m_database;
    std::unique_ptr<ThumbnailCache> m_images;
    std::shared_ptr<const DrawnRuns> m_drawn;
    QList<MediaPanel*> m_panels;
    QSet<const MediaPanel*> m_pending;  ///< panels whose images are being read
    bool m_collapsed = false;
    int m_matching = 0;

    SectionHeader* m_header = nullptr;
    QWidget* m_body = nullptr;
    FlowLayout* m_bodyLayout = nullptr;
};

}  // namespace runlens::ui
