#include "test_support.hpp"

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/render/overview.hpp>
#include <gongkai/render/overview_xlsx.hpp>

#include <doctest/doctest.h>
#include <zip.h>

#include <string>
#include <vector>

using namespace gongkai;

namespace {

std::string part(const std::string& bytes, const char* name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  REQUIRE(src != nullptr);
  zip_t* archive = zip_open_from_source(src, ZIP_RDONLY, &error);
  REQUIRE(archive != nullptr);
  zip_stat_t st;
  REQUIRE(zip_stat(archive, name, 0, &st) == 0);
  zip_file_t* f = zip_fopen(archive, name, 0);
  REQUIRE(f != nullptr);
  std::string data(static_cast<std::size_t>(st.size), '\0');
  REQUIRE(zip_fread(f, data.data(), st.size) == static_cast<zip_int64_t>(st.size));
  zip_fclose(f);
  zip_close(archive);
  return data;
}

std::vector<UnitSummary> hostile_units() {
  const Diagnostics none;
  const auto cols = key_figures(test::forms());
  return {summarize_unit(0, "=HYPERLINK(\"http://x\",\"y\")", "a.yaml", nullptr, none, true, cols),
          summarize_unit(1, "+cmd|' /C calc'!A0", "b.yaml", nullptr, none, true, cols),
          summarize_unit(2, "-2+3", "c.yaml", nullptr, none, true, cols),
          summarize_unit(3, "@SUM(A1)", "d.yaml", nullptr, none, true, cols),
          summarize_unit(4, "某局", "=e.yaml", nullptr, none, true, cols)};
}

bool has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

}  // namespace

TEST_SUITE("render/overview safe content") {
  TEST_CASE("the overview CSV keeps formula-like names as text with a leading quote") {
    const std::string csv = render_overview_csv(hostile_units(), Lang::en);
    CHECK(has(csv, "\n\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","));
    CHECK(has(csv, "\n'+cmd|' /C calc'!A0,"));
    CHECK(has(csv, "\n'-2+3,"));
    CHECK(has(csv, "\n'@SUM(A1),"));
    CHECK_FALSE(has(csv, "\n="));
    CHECK_FALSE(has(csv, ",="));
  }

  TEST_CASE("the overview XLSX writes names as strings, never as formulas") {
    const std::string bytes = render_overview_xlsx(hostile_units(), Lang::en, "overview");
    const std::string ss = part(bytes, "xl/sharedStrings.xml");
    CHECK(has(ss, "<t>=HYPERLINK("));
    CHECK(has(ss, "<t>+cmd|' /C calc'!A0</t>"));
    CHECK_FALSE(has(part(bytes, "xl/worksheets/sheet1.xml"), "<f>"));
  }
}
