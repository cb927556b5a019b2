#include <gongkai/check/derive.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/xlsx_formulas.hpp>

#include <doctest/doctest.h>

#include <filesystem>

using namespace gongkai;

namespace {

std::shared_ptr<const Form> form_2021() {
  static const FormSet forms = load_forms(std::filesystem::path(GONGKAI_SOURCE_DIR) / "report-templates");
  return forms.by_id("2021");
}

void give(Report& r, const std::string& id, std::int64_t v) {
  const CellDef* c = r.form->cell(id);
  REQUIRE(c != nullptr);
  r.at(*c) = CellValue{CellState::value, v, false, {}};
}

std::size_t idx(const Report& r, const std::string& id) { return r.form->cell(id)->index; }

// Table 四 placed as the official single row: B4..P4 for review, litigation_direct, after_review.
std::map<std::size_t, SheetPos> place_review_row(const Report& r) {
  std::map<std::size_t, SheetPos> placed;
  std::uint32_t col = 0;
  for (const char* row : {"review", "litigation_direct", "litigation_after_review"})
    for (const char* c : {"upheld", "corrected", "other", "pending", "total"})
      placed[idx(r, std::string("review_litigation.") + row + "." + c)] = SheetPos{3, col++};
  return placed;
}

}  // namespace

TEST_SUITE("render/xlsx_formulas") {
  TEST_CASE("A1 references count columns in base 26 without a zero") {
    CHECK(a1_ref({0, 0}) == "A1");
    CHECK(a1_ref({4, 25}) == "Z5");
    CHECK(a1_ref({4, 26}) == "AA5");
    CHECK(a1_ref({9, 27}) == "AB10");
    CHECK(a1_ref({0, 701}) == "ZZ1");
    CHECK(a1_ref({0, 702}) == "AAA1");
  }

  TEST_CASE("a computed 总计 becomes a SUM of its parts in the same row") {
    Report r(form_2021());
    give(r, "review_litigation.review.upheld", 10);
    give(r, "review_litigation.review.corrected", 1);
    Diagnostics ds;
    derive_totals(r, ds);
    auto f = total_formulas(r, place_review_row(r));
    CHECK(f.at(idx(r, "review_litigation.review.total")) == "SUM(A4:D4)");
    CHECK(f.at(idx(r, "review_litigation.litigation_direct.total")) == "SUM(F4:I4)");
    CHECK(f.at(idx(r, "review_litigation.litigation_after_review.total")) == "SUM(K4:N4)");
    CHECK(f.size() == 3);  // only totals, never a leaf
  }

  TEST_CASE("a given total equal to its parts is a formula too") {
    Report r(form_2021());
    give(r, "review_litigation.review.upheld", 10);
    give(r, "review_litigation.review.corrected", 1);
    give(r, "review_litigation.review.total", 11);
    auto f = total_formulas(r, place_review_row(r));
    CHECK(f.at(idx(r, "review_litigation.review.total")) == "SUM(A4:D4)");
  }

  TEST_CASE("a given total that differs from its parts keeps the report's figure, no formula") {
    Report r(form_2021());
    give(r, "review_litigation.review.upheld", 10);
    give(r, "review_litigation.review.corrected", 1);
    give(r, "review_litigation.review.total", 0);  // a district's 2023 report: 0 over 10+1+0+0
    auto f = total_formulas(r, place_review_row(r));
    CHECK_FALSE(f.contains(idx(r, "review_litigation.review.total")));
  }

  TEST_CASE("a total with no figure gets no formula") {
    Report r(form_2021());
    auto f = total_formulas(r, place_review_row(r));
    CHECK(f.empty());
  }

  TEST_CASE("an unprinted category row is replaced by its sub-rows and column runs fold into ranges") {
    Report r(form_2021());
    const Form& form = *r.form;
    // Column B (col 1) of table 三, rows in form order from row 5, category rows not placed.
    std::map<std::size_t, SheetPos> placed;
    std::uint32_t row = 4;
    for (const auto& rd : form.table("applications")->rows) {
      if (!rd.has_cells) continue;
      if (rd.optional) continue;  // the categories （三）…（六） have no printed cells
      placed[idx(r, "applications." + rd.id + ".natural_person")] = SheetPos{row++, 1};
    }
    give(r, "applications.granted.natural_person", 5);
    give(r, "applications.refused.third_party.natural_person", 2);
    give(r, "applications.other.other.natural_person", 1);
    Diagnostics ds;
    derive_totals(r, ds);
    REQUIRE(r.at(*form.cell("applications.handled_total.natural_person")).raw == 8);
    auto f = total_formulas(r, placed);
    // received B5, carried_over B6, granted B7 … other.other B27, handled_total B28.
    CHECK(f.at(idx(r, "applications.handled_total.natural_person")) == "SUM(B7:B27)");
  }

  TEST_CASE("a given category that differs from its sub-rows blocks the formula through it") {
    Report r(form_2021());
    std::map<std::size_t, SheetPos> placed;
    std::uint32_t row = 0;
    for (const char* id : {"granted", "partly_granted", "refused.state_secret", "handled_total"})
      placed[idx(r, std::string("applications.") + id + ".natural_person")] = SheetPos{row++, 0};
    give(r, "applications.granted.natural_person", 5);
    give(r, "applications.refused.natural_person", 3);  // given, unplaced; its sub-rows sum to 0
    give(r, "applications.handled_total.natural_person", 8);
    auto f = total_formulas(r, placed);
    CHECK_FALSE(f.contains(idx(r, "applications.handled_total.natural_person")));
  }
}
