// Summary media: W&B image-file entries resolved against the run's files folder, and nothing else.
#include <catch2/catch.hpp>
#include <fstream>

#include "core/model/summary_media.h"
#include "tests/support/temp_dir.h"

using namespace runlens;

TEST_CASE("an image-file summary value resolves inside the run's files folder", "[model][media]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir / "run" / "files" / "media" / "images");
    std::ofstream(dir / "run" / "files" / "media" / "images" / "cm_11.png") << "png";
    RunInfo run;
    run.sourcePath = (dir / "run").string();
    const Value cm = Value::json(
        R"({"_type":"image-file","path":"media/images/cm_11.png","width":1000,"height":800})");

    const auto image = summaryImage(run, "Confusion Matrix", cm);
    REQUIRE(image);
    CHECK(image->key == "Confusion Matrix");
    CHECK(image->exists);
    CHECK(image->width == 1000);
    CHECK(image->height == 800);
    CHECK(image->path == (dir / "run" / "files" / "media" / "images" / "cm_11.png").string());
    CHECK(describeSummaryMedia(cm) == "image 1000×800");

    SECTION("a file not on disk is still an image, marked missing") {
        const auto gone = summaryImage(
            run, "gone", Value::json(R"({"_type":"image-file","path":"media/images/x.png"})"));
        REQUIRE(gone);
        CHECK_FALSE(gone->exists);
        CHECK(describeSummaryMedia(
                  Value::json(R"({"_type":"image-file","path":"media/images/x.png"})")) == "image");
    }
    SECTION("a path leaving the run is never read") {
        const auto out = summaryImage(
            run, "evil", Value::json(R"({"_type":"image-file","path":"../../etc/passwd"})"));
        REQUIRE(out);
        CHECK(out->path.empty());
        CHECK_FALSE(out->exists);
        const auto absolute =
            summaryImage(run, "abs", Value::json(R"({"_type":"image-file","path":"/etc/passwd"})"));
        REQUIRE(absolute);
        CHECK_FALSE(absolute->exists);
    }
    SECTION("other values are not media") {
        CHECK_FALSE(summaryImage(run, "acc", Value::number(0.9)));
        CHECK_FALSE(summaryImage(run, "t", Value::json(R"({"_type":"table-file","path":"a"})")));
        CHECK_FALSE(summaryImage(run, "s", Value::string("image-file")));
        CHECK_FALSE(summaryImage(run, "bad", Value::json("{image-file")));  // broken JSON
        CHECK(describeSummaryMedia(Value::number(1)).empty());
    }
    SECTION("summaryImages keeps summary order") {
        KeyValues summary{{"acc", Value::number(0.9)}, {"b", cm}, {"a", cm}};
        const auto images = summaryImages(run, summary);
        REQUIRE(images.size() == 2);
        CHECK(images[0].key == "b");
        CHECK(images[1].key == "a");
    }
}
