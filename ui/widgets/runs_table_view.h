// RunsTableView: the runs tree with its Name column frozen at the left (an overlay view sharing
// model and selection, as in Qt's "Frozen Column" example) and rows of one fixed height.
#pragma once

#include <QTreeView>

namespace runlens::ui {

class RunsTableView : public QTreeView {
    Q_OBJECT
public:
    explicit RunsTableView(QWidget* parent = nullptr);

    void setModel(QAbstractItemModel* model) override;
    void setSelectionModel(QItemSelectionModel* selectionModel) override;
    void scrollTo(const QModelIndex& index, ScrollHint hint = EnsureVisible) override;

    /// The overlay that shows column 0 while the other columns scroll under it.
    QTreeView* frozenView() const { return m_frozen; }
    /// Copies what the panel set on this view after a model reset (decoration, expanded groups,
    /// spanned group rows) to the overlay, and hides every other column in it.
    void syncFrozen();
    /// One line of text beside the check box and swatch: the height of every row.
    int lineRowHeight() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void updateGeometries() override;

private:
    void updateFrozenGeometry();

    QTreeView* m_frozen = nullptr;
};

}  // namespace runlens::ui
