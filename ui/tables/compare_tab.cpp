// CompareTab: the tables are read, and joined again whenever the key changes, off the UI thread;
// filters run on the UI thread (one pass over the joined rows' outcomes).
#include "ui/tables/compare_tab.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

#include "core/store/run_store.h"
#include "ui/tables/compare_model.h"
#include "ui/tables/table_rows.h"

namespace runlens::ui {
namespace {

struct Loaded {
    std::vector<std::shared_ptr<const PredictionTable>> tables;
    std::string guessedKey;  ///< guessed on the worker: it joins each table alone to check keys
    QString error;
};

std::vector<analysis::JoinInput> joinInputs(
    const std::vector<std::shared_ptr<const PredictionTable>>& tables) {
    std::vector<analysis::JoinInput> inputs;
    for (const auto& t : tables) {
        const auto [truth, prediction] = guessTruthPrediction(*t);
        inputs.push_back({t.get(), truth, prediction});
    }
    return inputs;
}

struct Joined {
    std::shared_ptr<const analysis::TableJoin> join;
    QString error;
};

}  // namespace

CompareTab::CompareTab(QString tableName, std::vector<Input> inputs, QString databasePath,
                       QWidget* parent)
    : QWidget(parent),
      m_name(std::move(tableName)),
      m_inputs(std::move(inputs)),
      m_database(std::move(databasePath)) {
    m_key = new QComboBox(this);
    m_key->setToolTip(
        tr("The column rows are matched on across the tables (unique in each), or "
           "the row index"));
    m_show = new QComboBox(this);
    m_show->addItem(tr("All rows"), int(analysis::JoinFilter::All));
    m_show->addItem(tr("Runs disagree"), int(analysis::JoinFilter::Disagree));
    m_show->addItem(tr("All wrong"), int(analysis::JoinFilter::AllWrong));
    m_show->addItem(tr("Fixed in B (wrong in A, right in B)"), int(analysis::JoinFilter::Fixed));
    m_show->addItem(tr("Broken in B (right in A, wrong in B)"), int(analysis::JoinFilter::Broken));
    m_a = new QComboBox(this);
    m_b = new QComboBox(this);
    for (const Input& in : m_inputs) {
        m_a->addItem(in.title);
        m_b->addItem(in.title);
    }
    m_b->setCurrentIndex(m_inputs.size() > 1 ? 1 : 0);
    m_a->setToolTip(tr("A: the table the fixed / broken filters compare from"));
    m_b->setToolTip(tr("B: the table the fixed / broken filters compare to"));
    m_status = new QLabel(tr("Reading %n table(s)…", nullptr, int(m_inputs.size())), this);
    m_status->setObjectName(QStringLiteral("compareStatus"));

    m_model = new CompareModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CompareModel::SortRole);
    m_view = new QTableView(this);
    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(-1, Qt::AscendingOrder);
    m_view->setAlternatingRowColors(false);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setWordWrap(false);

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Key"), this));
    bar->addWidget(m_key);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Show"), this));
    bar->addWidget(m_show);
    bar->addWidget(new QLabel(tr("A"), this));
    bar->addWidget(m_a);
    bar->addWidget(new QLabel(tr("B"), this));
    bar->addWidget(m_b);
    bar->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_key, &QComboBox::activated, this, [this] { rejoin(); });
    for (QComboBox* box : {m_show, m_a, m_b})
        connect(box, &QComboBox::activated, this, [this] { applyFilter(); });
    load();
}

CompareTab::~CompareTab() = default;

void CompareTab::load() {
    std::vector<std::int64_t> ids;
    for (const Input& in : m_inputs)
        ids.push_back(in.tableId);
    runInBackground(
        this,
        [path = m_database.toStdString(), ids] {
            auto out = std::make_shared<Loaded>();
            auto store = RunStore::open(path);
            if (!store.ok()) {
                out->error = QString::fromStdString(store.error().toString());
                return out;
            }
            for (std::int64_t id : ids) {
                auto table = store->readTable(id);
                if (!table.ok()) {
                    out->error = QString::fromStdString(table.error().toString());
                    return out;
                }
                out->tables.push_back(
                    std::make_shared<const PredictionTable>(std::move(table.value())));
            }
            out->guessedKey = analysis::guessJoinKey(joinInputs(out->tables));
            return out;
        },
        [this](std::shared_ptr<Loaded> result) {
            if (!result->error.isEmpty()) {
                m_error = result->error;
                m_status->setText(tr("Cannot read the tables: %1").arg(m_error));
                emit loaded();
                return;
            }
            m_tables = std::move(result->tables);
            const std::string& guessed = result->guessedKey;
            // The choices: the first table's columns that can be keys, and the row index.
            const PredictionTable& first = *m_tables.front();
            for (const TableColumn& c : first.columns)
                if (c.type != ColumnType::NumberArray)
                    m_key->addItem(QString::fromStdString(c.name), QString::fromStdString(c.name));
            m_key->addItem(tr("row index"), QString());
            const int at = m_key->findData(QString::fromStdString(guessed));
            m_key->setCurrentIndex(at >= 0 ? at : m_key->count() - 1);
            rejoin();
        });
}

QString CompareTab::keyColumn() const {
    return m_key->currentData().toString();
}

void CompareTab::setKeyColumn(const QString& column) {
    const int at = m_key->findData(column);
    if (at < 0) return;
    m_key->setCurrentIndex(at);
    rejoin();
}

void CompareTab::rejoin() {
    if (m_tables.empty()) return;
    const quint64 generation = m_generation.next();
    m_join.reset();
    m_error.clear();
    m_status->setText(tr("Joining…"));
    runInBackground(
        this,
        [tables = m_tables, key = keyColumn().toStdString()] {
            auto join = analysis::joinTables(joinInputs(tables), key);
            if (!join.ok()) return Joined{nullptr, QString::fromStdString(join.error().message)};
            return Joined{std::make_shared<const analysis::TableJoin>(std::move(join.value())), {}};
        },
        [this, generation](Joined joined) {
            if (!m_generation.isCurrent(generation)) return;
            m_join = joined.join;
            m_error = joined.error;
            QStringList titles;
            for (const Input& in : m_inputs)
                titles << in.title;
            m_model->setJoin(m_join, joinInputs(m_tables), titles, {});
            applyFilter();
            emit loaded();
        });
}

void CompareTab::setFilter(analysis::JoinFilter filter, int a, int b) {
    m_show->setCurrentIndex(m_show->findData(int(filter)));
    m_a->setCurrentIndex(a);
    m_b->setCurrentIndex(b);
    applyFilter();
}

void CompareTab::applyFilter() {
    const bool pair = m_show->currentData().toInt() >= int(analysis::JoinFilter::Fixed);
    m_a->setEnabled(pair);
    m_b->setEnabled(pair);
    if (!m_error.isEmpty()) {
        m_status->setText(
            QStringLiteral("<span style='color:#b02020'>%1</span>").arg(m_error.toHtmlEscaped()));
        return;
    }
    if (!m_join) return;
    const auto filter = analysis::JoinFilter(m_show->currentData().toInt());
    m_model->setRows(
        analysis::filterJoin(*m_join, filter, m_a->currentIndex(), m_b->currentIndex()));
    m_view->resizeColumnsToContents();
    const QLocale locale;
    QString text =
        tr("%1 of %2 rows")
            .arg(locale.toString(m_model->rowCount()), locale.toString(qlonglong(m_join->size())));
    if (const std::int64_t partial = m_join->partial(); partial > 0)
        text += tr(" · %1 missing from some tables").arg(locale.toString(qlonglong(partial)));
    text += m_join->keyColumn.empty()
                ? tr(" · joined by row index")
                : tr(" · joined on %1").arg(QString::fromStdString(m_join->keyColumn));
    m_status->setText(text);
}

QString CompareTab::statusText() const {
    return m_status->text();
}

}  // namespace runlens::ui
