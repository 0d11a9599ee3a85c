// TableTab: one prediction table open in the Tables view — step choice, filter (the runs table's
// language), Wrong only, sorting, thumbnails, enlarged images, copy and CSV export, a status line,
// and a confusion matrix beside it whose cells filter the rows.
#pragma once

#include <QSet>
#include <QVariantMap>
#include <QWidget>
#include <memory>
#include <optional>

#include "core/analysis/confusion.h"
#include "core/model/prediction_table.h"
#include "ui/tables/table_list_model.h"
#include "ui/tasks/background.h"

class QComboBox;
class QHBoxLayout;
class QLabel;
class QSlider;
class QSplitter;
class QTableView;
class QToolButton;

namespace runlens::ui {

class ConfusionPanel;
class FilterLineEdit;
class PredictionTableModel;
class TableCellDelegate;
class ThumbnailCache;

class TableTab : public QWidget {
    Q_OBJECT
public:
    TableTab(TableEntry entry, QString databasePath, ThumbnailCache* thumbnails,
             QWidget* parent = nullptr);
    ~TableTab() override;

    const TableEntry& entry() const { return m_entry; }
    /// Shows the table as logged at `step` (one of the entry's steps).
    void showStep(std::int64_t step);
    std::int64_t step() const { return m_step; }
    /// Applies a filter expression (as typed in the box).
    void setFilter(const QString& text);
    void setWrongOnly(bool on);
    bool wrongOnly() const;
    /// Groups the rows by a column (empty: no grouping): a header row per value with its count
    /// and the mean of each numeric column; clicking a header (or Space on it) folds the group.
    void setGroupColumn(const QString& column);
    QString groupColumn() const { return m_groupColumn; }
    /// Folds or unfolds the group whose header is view row `row`.
    void toggleGroup(int row);
    /// Truth and prediction columns by index (-1: none), overriding the guess by name.
    void setTruthPrediction(int truth, int prediction);
    /// Shows or hides the confusion matrix beside the rows (Ctrl+M).
    void setConfusionShown(bool shown);
    bool confusionShown() const;
    ConfusionPanel* confusionPanel() const { return m_confusionPanel; }
    /// Shows only the rows of one confusion cell (class indices of the matrix shown now).
    void showConfusionCell(int truth, int prediction);
    void clearConfusionCell();
    /// The cell whose rows are shown (truth and predicted class names), if any.
    std::optional<std::pair<QString, QString>> confusionCell() const { return m_cell; }

    bool isLoaded() const { return m_table != nullptr; }
    PredictionTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    FilterLineEdit* filterEdit() const { return m_filter; }
    QString statusText() const;
    /// Writes the shown rows and columns as CSV; an error message, or empty on success.
    QString exportCsv(const QString& path) const;

    /// What is remembered per table and source: filter, wrong only, sort, columns, sizes.
    QVariantMap saveState() const;
    void restoreState(const QVariantMap& state);

signals:
    /// The table at the chosen step is loaded and shown (or failed: see statusText()).
    void loaded();
    void stateChanged();
    /// Compare asked for: this table across the shown runs, or across its own steps.
    void compareRequested(bool acrossSteps);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QHBoxLayout* buildToolbar();
    void load(std::int64_t tableId);
    void onLoaded(std::shared_ptr<const PredictionTable> table, const QString& error);
    void applyRows();
    /// The group-by choices: the loaded table's columns that hold single values.
    void fillGroupChoices();
    /// Group header rows: the title spanning the columns before the first mean, one line high.
    void layoutGroupHeaders();
    void sortBy(int column, Qt::SortOrder order);
    void updateStatus();
    void chooseTruthPrediction();
    void setThumbnailSize(int pixels);
    void enlarge(const QModelIndex& index);
    void copySelection() const;
    void exportDialog();
    void showHeaderMenu(const QPoint& pos);

    TableEntry m_entry;
    QString m_databasePath;
    ThumbnailCache* m_thumbnails;
    std::int64_t m_step = 0;
    std::shared_ptr<const PredictionTable> m_table;
    QString m_error;
    Generation m_loadGeneration;

    QComboBox* m_stepBox = nullptr;
    FilterLineEdit* m_filter = nullptr;
    QLabel* m_filterError = nullptr;
    QToolButton* m_wrongOnly = nullptr;
    QToolButton* m_truthButton = nullptr;
    QToolButton* m_confusionButton = nullptr;
    QToolButton* m_cellChip = nullptr;
    ConfusionPanel* m_confusionPanel = nullptr;
    QSplitter* m_split = nullptr;
    std::optional<std::pair<QString, QString>> m_cell;
    QSlider* m_thumbSlider = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_view = nullptr;
    PredictionTableModel* m_model = nullptr;
    TableCellDelegate* m_delegate = nullptr;

    QString m_filterText;
    QComboBox* m_groupBox = nullptr;
    QString m_groupColumn;
    QSet<QString> m_collapsedGroups;  ///< group titles folded by the user
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    bool m_userTruthPrediction = false;
    QVariantMap m_pendingState;  ///< restored once the table is loaded
};

}  // namespace runlens::ui
