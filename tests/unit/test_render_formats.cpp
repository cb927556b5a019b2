#include <gongkai/render/formats.hpp>

#include <doctest/doctest.h>

namespace gongkai {

TEST_SUITE("render/formats") {
  TEST_CASE("report formats in output order, names joined for help and errors") {
    REQUIRE(report_formats().size() == 4);
    CHECK(report_format_names() == "md, html, xlsx, json");
    CHECK(report_format_names("、") == "md、html、xlsx、json");
    CHECK(find_report_format("html") != nullptr);
    CHECK(find_report_format("pdf") == nullptr);
  }

  TEST_CASE("a list comes back in table order without repeats") {
    Text error;
    const auto f = parse_report_formats(" json,md,,json ", error);
    REQUIRE(f.has_value());
    REQUIRE(f->size() == 2);
    CHECK((*f)[0]->name == "md");
    CHECK((*f)[1]->name == "json");
  }

  TEST_CASE("an unknown name: the known ones, and the close one when there is one") {
    Text error;
    CHECK_FALSE(parse_report_formats("md,pdf", error).has_value());
    CHECK(error.en == "unknown format 'pdf' (known: md, html, xlsx, json)");
    CHECK(error.zh == "未知的格式「pdf」（可用：md、html、xlsx、json）");
    CHECK_FALSE(parse_report_formats("xlxs", error).has_value());
    CHECK(error.en == "unknown format 'xlxs' (known: md, html, xlsx, json); did you mean 'xlsx'?");
    CHECK_FALSE(parse_report_formats(",", error).has_value());
    CHECK(error.en == "unknown format '' (known: md, html, xlsx, json)");
  }

  TEST_CASE("overview formats by the file's extension") {
    CHECK(find_overview_format("out/overview.csv") != nullptr);
    CHECK(find_overview_format("out/overview.xlsx")->extension == "xlsx");
    CHECK(find_overview_format("overview.pdf") == nullptr);
    CHECK(find_overview_format("overview") == nullptr);
    CHECK(overview_extensions(" or ") == ".md, .html, .csv, .json or .xlsx");
  }
}

}  // namespace gongkai
