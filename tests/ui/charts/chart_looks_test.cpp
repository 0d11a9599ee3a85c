// How charts look: legend text drawn whole (underscores and descenders, #17) and runs selected in
// the table drawn over the others (#17).
#include <QImage>
#include <catch2/catch.hpp>
#include <cmath>

#include "tests/support/fixtures.h"
#include "ui/plots/chart_plot.h"
#include "ui/plots/chart_renderer.h"

using namespace runlens::ui;

namespace {

std::shared_ptr<DrawnRuns> namedRuns(const QStringList& names) {
    auto runs = std::make_shared<DrawnRuns>();
    const QColor colors[] = {QColor(31, 119, 180), QColor(44, 160, 44), QColor(214, 39, 40)};
    for (int i = 0; i < names.size(); ++i) {
        DrawnRun run;
        run.id = i + 1;
        run.uid = run.name = names[i];
        run.color = colors[i % 3];
        runs->runs.push_back(run);
    }
    return runs;
}

std::shared_ptr<runlens::series::ChartData> lines(std::size_t count) {
    auto data = std::make_shared<runlens::series::ChartData>();
    data->runs.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        data->runs[i].index = i;
        data->runs[i].runId = runlens::RunId(i + 1);
        data->runs[i].line = {{0, 1, 2}, {1.0 + double(i), 2.0 + double(i), 3.0 + double(i)}};
    }
    data->x0 = 0;
    data->x1 = 2;
    data->y = {0, 10};
    return data;
}

bool dark(QRgb p) {
    return qGray(p) < 160;
}

}  // namespace

TEST_CASE("legend text keeps underscores and descenders (#17)", "[ui][charts]") {
    ChartPlot plot;
    plot.resize(500, 300);
    ChartSettings settings;
    settings.legend = true;
    ChartContext context = makeChartContext(namedRuns({"small_test", "optimal_run"}), settings, 0);
    renderChart(plot, lines(2), context, QCPRange(0, 2));
    plot.replot();
    const QImage image = plot.toPixmap(500, 300, 1.0).toImage();
    image.save(QString::fromStdString((runlens::test::testOutputDir() / "legend.png").string()));
    REQUIRE(plot.legend->itemCount() >= 1);
    auto* item = qobject_cast<QCPPlottableLegendItem*>(plot.legend->item(0));
    REQUIRE(item);
    CHECK(item->plottable()->name() == QLatin1String("small_test"));
    const QFontMetrics fm(plot.legend->font());
    const QRect r = item->rect();
    const int textX = r.x() + plot.legend->iconSize().width() + plot.legend->iconTextPadding();
    const int baseline = r.y() + fm.ascent();
    // The underscore: ink below the baseline between "small" and "test".
    const int x0 = textX + fm.horizontalAdvance(QStringLiteral("small"));
    const int x1 = textX + fm.horizontalAdvance(QStringLiteral("small_"));
    int ink = 0;
    for (int x = x0; x < x1; ++x)
        for (int y = baseline; y <= baseline + fm.descent(); ++y)
            ink += dark(image.pixel(x, y));
    CHECK(ink > 0);
}
