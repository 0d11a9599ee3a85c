// table_view_bench: a prediction table of 10^6 rows (id, image, label, pred, confidence, 10
// probabilities, caption) in a Runlens database — open to first rows painted, filter, sort,
// confusion matrix, a 3-run join — beside pandas on the same rows (python3-pandas, from a CSV).
// Prints "scenario metric value unit" lines. Not a test.
//   table_view_bench [--rows N]          generates the data in a temporary folder, then measures
//   table_view_bench --database DB --csv CSV   measures (in its own process, for peak memory)
#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <numeric>
#include <random>

#include "core/analysis/confusion.h"
#include "core/analysis/row_groups.h"
#include "core/analysis/table_join.h"
#include "core/query/bound_query.h"
#include "core/query/prediction_query_table.h"
#include "core/query/query.h"
#include "core/store/run_store.h"
#include "core/store/run_writer.h"
#include "ui/tables/prediction_table_model.h"
#include "ui/tables/table_rows.h"
#include "ui/tables/table_tab.h"
#include "ui/tables/tables_view.h"

using namespace runlens;

namespace {

constexpr const char* kFilter = "label != pred and confidence > 0.9";
constexpr int kClasses = 10;

// Peak resident memory of this process in MiB. VmHWM, not getrusage: ru_maxrss survives exec
// and would count the generating parent this process was forked from.
double peakRssMiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024.0;
    return 0;
}

void print(const char* scenario, const char* metric, double value, const char* unit) {
    std::printf("%s %s %.6g %s\n", scenario, metric, value, unit);
    std::fflush(stdout);
}

template <typename F>
double medianMs(F&& f, int repeat = 5) {
    std::vector<double> ms;
    for (int i = 0; i < repeat; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return ms[ms.size() / 2];
}

PredictionTable generate(std::size_t rows, const std::vector<MediaId>& images) {
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> unit(0, 1);
    PredictionTable t;
    t.name = "val/predictions";
    t.step = 10;
    t.columns.reserve(7);
    auto& id = t.addColumn("id", ColumnType::Number);
    auto& image = t.addColumn("image", ColumnType::Image);
    auto& label = t.addColumn("label", ColumnType::ClassLabel);
    auto& pred = t.addColumn("pred", ColumnType::ClassLabel);
    auto& confidence = t.addColumn("confidence", ColumnType::Number);
    auto& probs = t.addColumn("probs", ColumnType::NumberArray);
    auto& caption = t.addColumn("caption", ColumnType::String);
    for (int c = 0; c < kClasses; ++c)
        label.classNames.push_back("class_" + std::to_string(c));
    pred.classNames = label.classNames;
    for (std::size_t r = 0; r < rows; ++r) {
        const int truth = int(rng() % kClasses);
        const int guess = unit(rng) < 0.2 ? int(rng() % kClasses) : truth;
        const double c = 0.3 + 0.7 * unit(rng);
        std::vector<double> p(kClasses, (1 - c) / (kClasses - 1));
        p[std::size_t(guess)] = c;
        id.numbers.push_back(double(r));
        image.ints.push_back(images[r % images.size()]);
        label.ints.push_back(truth);
        pred.ints.push_back(guess);
        confidence.numbers.push_back(c);
        probs.arrays.push_back(std::move(p));
        caption.strings.push_back("a photo of " + label.classNames[std::size_t(truth)] + " #" +
                                  std::to_string(r % 997));
    }
    return t;
}

void writeCsv(const PredictionTable& t, const std::string& path) {
    std::ofstream out(path);
    out << "id,image,label,pred,confidence";
    for (int c = 0; c < kClasses; ++c)
        out << ",p" << c;
    out << ",caption\n";
    char buffer[32];
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        out << r << ",img_" << t.columns[1].ints[r] << ".png,"
            << t.columns[2].classNames[std::size_t(t.columns[2].ints[r])] << ','
            << t.columns[3].classNames[std::size_t(t.columns[3].ints[r])];
        std::snprintf(buffer, sizeof buffer, ",%.17g", t.columns[4].numbers[r]);
        out << buffer;
        for (double p : t.columns[5].arrays[r]) {
            std::snprintf(buffer, sizeof buffer, ",%.17g", p);
            out << buffer;
        }
        out << ',' << t.columns[6].strings[r] << '\n';
    }
}

std::size_t rawBytes(const PredictionTable& t) {
    std::size_t bytes = 0;
    for (const TableColumn& c : t.columns) {
        bytes += c.numbers.size() * sizeof(double) + c.ints.size() * sizeof(std::int64_t);
        for (const auto& s : c.strings)
            bytes += s.size();
        for (const auto& a : c.arrays)
            bytes += a.size() * sizeof(double);
    }
    return bytes;
}

int generateAndMeasure(const QString& self, std::size_t rows) {
    QTemporaryDir dir;
    const std::string db = dir.filePath("predictions.runlens").toStdString();
    const std::string csv = dir.filePath("predictions.csv").toStdString();
    {
        auto writer = RunWriter::open(db);
        if (!writer.ok()) {
            std::fprintf(stderr, "%s\n", writer.error().toString().c_str());
            return 1;
        }
        std::vector<MediaId> images;
        for (int i = 0; i < 16; ++i)  // tiny stand-ins: the bench measures the table, not decoding
            images.push_back((*writer)->addMedia({"image/png", 1, 1, "png " + std::to_string(i)}));
        QElapsedTimer t;
        t.start();
        const PredictionTable table = generate(rows, images);
        print("generate", "wall_ms", double(t.elapsed()), "ms");
        print("generate", "raw_column_bytes", double(rawBytes(table)) / 1048576.0, "MiB");
        for (const char* uid : {"run-a", "run-b", "run-c"}) {
            RunInfo info;
            info.uid = info.name = uid;
            const RunId run = (*writer)->beginRun(info);
            t.restart();
            (*writer)->logTable(run, table);
            if (auto r = (*writer)->commit(); !r.ok()) {
                std::fprintf(stderr, "%s\n", r.error().toString().c_str());
                return 1;
            }
            if (std::string(uid) == "run-a")
                print("store-table", "wall_ms", double(t.elapsed()), "ms");
        }
        writeCsv(table, csv);
    }
    QProcess measure;
    measure.setProcessChannelMode(QProcess::ForwardedChannels);
    measure.start(self,
                  {"--database", QString::fromStdString(db), "--csv", QString::fromStdString(csv)});
    measure.waitForFinished(-1);
    return measure.exitCode();
}

// pandas on the CSV: its lines are printed as they are and kept for the ratios.
std::map<std::string, double> runPandas(const QString& csv) {
    std::map<std::string, double> ms;
    QProcess python;
    python.start("/usr/bin/python3", {QStringLiteral(RUNLENS_PANDAS_SCRIPT), csv});
    if (!python.waitForFinished(-1) || python.exitCode() != 0) {
        std::printf("pandas skipped: %s\n",
                    python.readAllStandardError().trimmed().toStdString().c_str());
        return ms;
    }
    for (const QByteArray& line : python.readAllStandardOutput().split('\n')) {
        if (line.isEmpty()) continue;
        std::printf("%s\n", line.constData());
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() == 4 && parts[1] == "wall_ms")
            ms[parts[0].toStdString()] = parts[2].toDouble();
    }
    std::fflush(stdout);
    return ms;
}

void ratio(const char* scenario, double ours, const std::map<std::string, double>& pandas,
           const char* peer) {
    auto it = pandas.find(peer);
    if (it != pandas.end() && ours > 0)
        print(scenario, "pandas_over_runlens", it->second / ours, "x");
}

int measure(const QString& database, const QString& csv) {
    ui::TablesView view;
    view.resize(1400, 900);
    view.show();
    ui::DrawnRuns runs;
    for (RunId id = 1; id <= 3; ++id) {
        const QString uid = QStringLiteral("run-") + QChar(char16_t(u'a' + id - 1));
        runs.runs.push_back({id, uid, uid, Qt::blue, {}, {}, NAN});
    }
    view.setRuns(runs);

    print("process", "peak_rss_before_open", peakRssMiB(), "MiB");

    QElapsedTimer t;
    t.start();
    view.setDatabase(database);
    QSignalSpy listed(&view, &ui::TablesView::listLoaded);
    if (!view.isListLoaded() && !listed.wait(60000)) return 1;
    ui::TableTab* tab = view.openTableSpec("run-a/val/predictions");
    if (!tab) return 1;
    QSignalSpy loaded(tab, &ui::TableTab::loaded);
    if (!tab->isLoaded() && !loaded.wait(120000)) return 1;
    QApplication::processEvents();
    tab->view()->viewport()->repaint();
    print("open-table", "first_rows_painted_ms", double(t.elapsed()), "ms");
    const PredictionTable& table = *tab->model()->table();
    print("open-table", "rows", double(table.rowCount()), "rows");

    // Filter: the core query alone, and through the tab (model reset included).
    const query::PredictionQueryTable queryTable(table);
    const auto bound = query::BoundQuery::bind(query::Query::parse(kFilter), queryTable);
    if (!bound.ok()) return 1;
    print("filter", "rows", double(bound.filter().size()), "rows");
    const double filterMs = medianMs([&] { (void)bound.filter(); });
    print("filter", "wall_ms", filterMs, "ms");
    print("filter-tab", "wall_ms", medianMs([&] {
                                       tab->setFilter(kFilter);
                                       tab->setFilter(QString());
                                   }) / 2,
          "ms");

    {  // grouping on, then off again, unsorted: each through the tab (model reset included)
        std::vector<double> on, off;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer g;
            g.start();
            tab->setGroupColumn("label");
            on.push_back(double(g.nsecsElapsed()) / 1e6);
            g.restart();
            tab->setGroupColumn(QString());
            off.push_back(double(g.nsecsElapsed()) / 1e6);
        }
        std::sort(on.begin(), on.end());
        std::sort(off.begin(), off.end());
        print("group-tab", "wall_ms", on[2], "ms");
        print("ungroup-tab", "wall_ms", off[2], "ms");
    }

    std::vector<std::uint32_t> all(table.rowCount());
    std::iota(all.begin(), all.end(), 0u);
    const double sortMs = medianMs([&] {
        std::vector<std::uint32_t> rows = all;
        ui::sortRows(table, 4, true, rows);
    });
    print("sort-confidence", "wall_ms", sortMs, "ms");
    print("sort-tab", "wall_ms",
          medianMs([&] { emit tab->view()->horizontalHeader()->sectionClicked(4); }), "ms");

    const double groupMs = medianMs([&] {  // counts per label: what a group header shows
        std::vector<std::int64_t> counts(table.columns[2].classNames.size() + 1, 0);
        for (std::int64_t v : table.columns[2].ints)
            ++counts[std::size_t(v + 1)];
    });
    print("group-label-counts", "wall_ms", groupMs, "ms");
    const double groupCoreMs = medianMs([&] { (void)analysis::groupRows(table, 2, all); });
    print("group-core", "wall_ms", groupCoreMs, "ms");
    const double confusionMs =
        medianMs([&] { (void)analysis::computeConfusion(table, 2, 3, all); });
    print("confusion", "wall_ms", confusionMs, "ms");

    // Memory with the table open, filtered and sorted (the join below reads two more tables).
    print("process", "peak_rss_table_open", peakRssMiB(), "MiB");

    auto store = RunStore::open(database.toStdString());
    std::vector<PredictionTable> others;
    for (const TableInfo& info : store->readTableInfos().value())
        if (info.runId != tab->entry().run) others.push_back(store->readTable(info.id).value());
    std::vector<analysis::JoinInput> inputs = {{&table, 2, 3}};
    for (const PredictionTable& other : others)
        inputs.push_back({&other, 2, 3});
    print("join-3-runs", "wall_ms", medianMs([&] { (void)analysis::joinTables(inputs, "id"); }, 3),
          "ms");
    others.clear();

    print("process", "peak_rss", peakRssMiB(), "MiB");
    print("process", "raw_column_bytes", double(rawBytes(table)) / 1048576.0, "MiB");

    const auto pandas = runPandas(csv);
    ratio("filter", filterMs, pandas, "pandas-filter");
    ratio("sort-confidence", sortMs, pandas, "pandas-sort");
    ratio("group-core", groupCoreMs, pandas, "pandas-group");
    ratio("confusion", confusionMs, pandas, "pandas-crosstab");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int db = int(args.indexOf("--database")), csv = int(args.indexOf("--csv"));
    if (db > 0 && csv > 0 && csv + 1 < args.size() && db + 1 < args.size())
        return measure(args[db + 1], args[csv + 1]);
    std::size_t rows = 1'000'000;
    if (const int at = int(args.indexOf("--rows")); at > 0 && at + 1 < args.size())
        rows = std::size_t(std::max(1LL, args[at + 1].toLongLong()));
    return generateAndMeasure(app.applicationFilePath(), rows);
}
