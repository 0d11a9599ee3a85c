// writeTableDatabase: deterministic tables, so tests can compute what each filter must show.
#include "tests/ui/tables/table_test_data.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <catch2/catch.hpp>

#include "core/store/run_writer.h"

namespace runlens::test {
namespace {

const std::vector<std::string> kClasses = {"cat", "dog", "bird"};

MediaItem png(int shade) {
    QImage image(24, 24, QImage::Format_RGB32);
    image.fill(QColor(shade, 255 - shade, 128));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    MediaItem media;
    media.mime = "image/png";
    media.width = media.height = 24;
    media.bytes = bytes.toStdString();
    return media;
}

}  // namespace

PredictionTable sampleTable(int run, int step, int rows) {
    PredictionTable table;
    table.name = "val/predictions";
    table.step = step;
    table.columns.reserve(7);
    TableColumn& id = table.addColumn("id", ColumnType::Number);
    TableColumn& image = table.addColumn("image", ColumnType::Image);
    TableColumn& label = table.addColumn("label", ColumnType::ClassLabel);
    TableColumn& pred = table.addColumn("pred", ColumnType::ClassLabel);
    TableColumn& confidence = table.addColumn("confidence", ColumnType::Number);
    TableColumn& probs = table.addColumn("probs", ColumnType::NumberArray);
    TableColumn& caption = table.addColumn("caption", ColumnType::String);
    label.classNames = pred.classNames = kClasses;
    for (int r = 0; r < rows; ++r) {
        const int truth = r % 3;
        const bool wrong = (r + run + step) % 4 == 0;
        const int guess = wrong ? (truth + 1) % 3 : truth;
        id.numbers.push_back(r);
        image.ints.push_back(0);
        label.ints.push_back(truth);
        pred.ints.push_back(guess);
        const double c = 0.4 + 0.5 * double((r * 7) % 10) / 10.0;
        confidence.numbers.push_back(c);
        std::vector<double> p(3, (1.0 - c) / 2.0);
        p[std::size_t(guess)] = c;
        probs.arrays.push_back(p);
        caption.strings.push_back(r % 7 == 0 ? std::string()
                                             : "a photo of a " + kClasses[std::size_t(truth)]);
    }
    return table;
}

ui::DrawnRuns drawnTableRuns(int runs) {
    ui::DrawnRuns out;
    for (int k = 0; k < runs; ++k)
        out.runs.push_back({RunId(k + 1),
                            QStringLiteral("run-%1").arg(k),
                            QStringLiteral("run-%1").arg(k),
                            Qt::blue,
                            {},
                            {},
                            NAN});
    return out;
}

void writeTableDatabase(const std::string& path, int runs, int rows) {
    auto writer = RunWriter::open(path);
    REQUIRE(writer.ok());
    std::vector<MediaId> images;
    for (int i = 0; i < 8; ++i)
        images.push_back((*writer)->addMedia(png(i * 30)));
    for (int k = 0; k < runs; ++k) {
        RunInfo info;
        info.uid = "run-" + std::to_string(k);
        info.name = info.uid;
        const RunId run = (*writer)->beginRun(info);
        (*writer)->logMetric(run, "loss", 0, 1.0, 1.7e9);
        for (int step : {1, 2}) {
            PredictionTable table = sampleTable(k, step, rows);
            for (int r = 0; r < rows; ++r)
                table.columns[1].ints[std::size_t(r)] = images[std::size_t(r) % images.size()];
            (*writer)->logTable(run, table);
        }
    }
    REQUIRE((*writer)->commit().ok());
}

}  // namespace runlens::test
