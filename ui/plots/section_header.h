// SectionHeader: the header row of a charts-area section — a bold button with an arrow that
// toggles the section, how many panels it shows, and a rule to the right edge.
#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace runlens::ui {

/// Whether a panel's key contains every search word (any case): the charts' search.
bool matchesWords(const QString& key, const QStringList& words);

class SectionHeader : public QWidget {
    Q_OBJECT
public:
    SectionHeader(const QString& title, QWidget* parent = nullptr);

    /// Arrow right when collapsed, down when open.
    void setCollapsed(bool collapsed);
    /// "12", or "3 of 12" while a search hides some.
    void setCount(int matching, int total);

signals:
    void clicked();

private:
    QToolButton* m_button = nullptr;
    QLabel* m_count = nullptr;
};

}  // namespace runlens::ui
