// CompareTab: one prediction table compared across runs, or across the steps of one run — the
// tables joined on a row key, each table's prediction side by side coloured right/wrong, with
// filters for where the runs disagree, all are wrong, B fixed or B broke what A had.
#pragma once

#include <QStringList>
#include <QWidget>
#include <memory>
#include <vector>

#include "core/analysis/table_join.h"
#include "core/model/prediction_table.h"
#include "ui/tasks/background.h"

class QComboBox;
class QLabel;
class QSortFilterProxyModel;
class QTableView;

namespace runlens::ui {

class CompareModel;

class CompareTab : public QWidget {
    Q_OBJECT
public:
    /// One compared table: its title (a run's name, or "step 10") and its id in the database.
    struct Input {
        QString title;
        std::int64_t tableId = 0;
    };
    CompareTab(QString tableName, std::vector<Input> inputs, QString databasePath,
               QWidget* parent = nullptr);
    ~CompareTab() override;

    const QString& tableName() const { return m_name; }
    bool isLoaded() const { return m_join != nullptr || !m_error.isEmpty(); }
    /// The key column joined on; empty for the row index.
    QString keyColumn() const;
    /// Joins on another column (empty: the row index).
    void setKeyColumn(const QString& column);
    void setFilter(analysis::JoinFilter filter, int a = 0, int b = 1);
    CompareModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QString statusText() const;

signals:
    /// The tables are read and joined (or failed: see statusText()).
    void loaded();

private:
    void load();
    void rejoin();
    void applyFilter();

    QString m_name;
    std::vector<Input> m_inputs;
    QString m_database;
    std::vector<std::shared_ptr<const PredictionTable>> m_tables;
    std::shared_ptr<const analysis::TableJoin> m_join;
    QString m_error;
    Generation m_generation;

    QComboBox* m_key = nullptr;
    QComboBox* m_show = nullptr;
    QComboBox* m_a = nullptr;
    QComboBox* m_b = nullptr;
    QLabel* m_status = nullptr;
    QTableView* m_view = nullptr;
    CompareModel* m_model = nullptr;
    QSortFilterProxyModel* m_proxy = nullptr;
};

}  // namespace runlens::ui
