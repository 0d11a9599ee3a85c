// Media panels: images at steps of a small database, offscreen — the slider, runs that log at
// other steps, the enlarged view, the search and the cap on images shown.
#include <QBuffer>
#include <QImage>
#include <QLabel>
#include <QSlider>
#include <QTest>
#include <catch2/catch.hpp>

#include "charts_test_util.h"
#include "core/store/run_writer.h"
#include "tests/support/temp_dir.h"
#include "ui/plots/media_panel.h"
#include "ui/plots/media_section.h"
#include "ui/plots/media_viewer.h"
#include "ui/plots/metric_panel.h"

using namespace runlens;
using namespace runlens::test;
using ui::MediaCell;
using ui::MediaPanel;
using ui::MediaViewer;

namespace {

std::string png(QColor color, QSize size = {40, 30}) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(color);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes.toStdString();
}

/// Run "a" logs "samples" at steps 0, 10, 20 (two images at 20); run "b" at 5 and 15 only;
/// run "c" has no images; "wide" holds 60 images at one step of run "a".
std::string writeMediaDatabase(const test::TempDir& dir) {
    const std::string path = (dir / "media.runlens").string();
    auto w = RunWriter::open(path).value();
    RunId ids[3];
    for (int i = 0; i < 3; ++i) {
        RunInfo info;
        info.uid = info.name = std::string(1, char('a' + i));
        ids[i] = w->beginRun(info);
        w->logMetric(ids[i], "loss", 0, 1.0, kNoTime);
    }
    auto media = [&](QColor c) { return w->addMedia({"image/png", 40, 30, png(c)}); };
    const MediaId red = media(Qt::red), green = media(Qt::green), blue = media(Qt::blue);
    w->logMediaAtStep(ids[0], "samples", 0, {{red, "first"}});
    w->logMediaAtStep(ids[0], "samples", 10, {{green, ""}});
    w->logMediaAtStep(ids[0], "samples", 20, {{blue, "last"}, {red, "second"}});
    w->logMediaAtStep(ids[1], "samples", 5, {{green, ""}});
    w->logMediaAtStep(ids[1], "samples", 15, {{blue, ""}});
    std::vector<StepImage> many;
    for (int i = 0; i < 60; ++i)
        many.push_back({media(QColor(i * 4, 0, 0)), "#" + std::to_string(i)});
    w->logMediaAtStep(ids[0], "wide", 3, many);
    REQUIRE(w->commit().ok());
    return path;
}

void openMedia(ChartsPanel& charts, const std::string& path) {
    openCharts(charts, path, ChartSettings(), drawnRunsOf(path), {1200, 800});
    charts.setMediaKeys(RunStore::open(path).value().readMediaKeys().value());
    waitIdle(charts);
}

}  // namespace

TEST_CASE("a media panel per key; the slider walks the steps of every run", "[ui][media]") {
    test::TempDir dir;
    const std::string path = writeMediaDatabase(dir);
    ChartsPanel charts;
    openMedia(charts, path);
    ui::MediaSection* section = charts.mediaSection();
    REQUIRE(section->panels().size() == 2);
    MediaPanel* samples = section->panel("samples");
    REQUIRE(samples);
    CHECK(samples->hasItems());
    CHECK(samples->isVisible());

    // Opens at the last step: a's two images of step 20, then b's of step 15 (its latest).
    CHECK(samples->step() == 20);
    QList<MediaCell*> cells = samples->cells();
    REQUIRE(cells.size() == 3);
    CHECK(cells[0]->run().name == "a");
    CHECK(cells[0]->step() == 20);
    CHECK(cells[0]->image().caption == "last");
    CHECK(cells[1]->index() == 1);
    CHECK(cells[2]->run().name == "b");
    CHECK(cells[2]->step() == 15);
    CHECK(samples->imagesReady());  // decoded off the UI thread, then idle

    // Between two steps of a run, its last images before the slider; before its first, its
    // first.
    samples->setStep(10);
    cells = samples->cells();
    REQUIRE(cells.size() == 2);
    CHECK(cells[0]->step() == 10);
    CHECK(cells[1]->step() == 5);
    samples->setStep(0);
    CHECK(samples->cells()[1]->step() == 5);
    auto* slider = samples->findChild<QSlider*>();
    REQUIRE(slider);
    CHECK(slider->maximum() == 4);  // steps 0, 5, 10, 15, 20

    // Only the drawn runs: hiding a leaves b.
    DrawnRuns onlyB = drawnRunsOf(path);
    onlyB.runs.erase(onlyB.runs.begin());
    charts.setDrawnRuns(onlyB);
    REQUIRE(samples->cells().size() == 1);
    CHECK(samples->cells()[0]->run().name == "b");
}

TEST_CASE("clicking an image enlarges it; arrows walk the run's images", "[ui][media]") {
    test::TempDir dir;
    const std::string path = writeMediaDatabase(dir);
    ChartsPanel charts;
    openMedia(charts, path);
    MediaPanel* samples = charts.mediaSection()->panel("samples");
    REQUIRE(samples);
    samples->setStep(20);
    QTest::mouseClick(samples->cells()[1], Qt::LeftButton);
    auto* viewer = samples->findChild<MediaViewer*>();
    REQUIRE(viewer);
    CHECK(viewer->current() == 3);  // a: step 0, 10, then 20's two images
    CHECK(viewer->caption().contains("step 20"));
    CHECK(viewer->caption().contains("second"));
    CHECK(viewer->caption().contains("40×30"));
    QTest::keyClick(viewer, Qt::Key_Left);
    CHECK(viewer->caption().contains("last"));
    QTest::keyClick(viewer, Qt::Key_Left);
    CHECK(viewer->caption().contains("step 10"));
    viewer->close();
}

TEST_CASE("the charts' search filters media panels; many images are capped and counted",
          "[ui][media]") {
    test::TempDir dir;
    const std::string path = writeMediaDatabase(dir);
    ChartsPanel charts;
    openMedia(charts, path);
    ChartSettings s = charts.settings();
    s.search = "wide";
    charts.setSettings(s);
    MediaPanel* wide = charts.mediaSection()->panel("wide");
    MediaPanel* samples = charts.mediaSection()->panel("samples");
    REQUIRE(wide);
    CHECK(wide->isVisible());
    CHECK_FALSE(samples->isVisible());
    CHECK(charts.panel("loss")->isHidden());
    CHECK(wide->cells().size() == MediaPanel::kMaxImages);
    bool counted = false;
    for (auto* label : wide->findChildren<QLabel*>())
        counted = counted || label->text().contains("12 more image");
    CHECK(counted);
    waitIdle(charts);
}

TEST_CASE("a database without images has no media section", "[ui][media]") {
    test::TempDir dir;
    const std::string path = (dir / "plain.runlens").string();
    {
        auto w = RunWriter::open(path).value();
        RunInfo info;
        info.uid = "r";
        w->logMetric(w->beginRun(info), "loss", 0, 1.0, kNoTime);
        REQUIRE(w->commit().ok());
    }
    ChartsPanel charts;
    openMedia(charts, path);
    CHECK(charts.mediaSection()->panels().isEmpty());
    CHECK(charts.mediaSection()->isHidden());
}
