#include "test_support.hpp"

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_loader.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

namespace {
std::size_t cells_in(const Form& f, std::string_view table) {
  std::size_t n = 0;
  for (const auto& c : f.cells())
    if (c.table->id == table) ++n;
  return n;
}
}  // namespace

TEST_SUITE("forms/form_loader") {
  TEST_CASE("form 2021 has the spec's rows, columns and verbatim labels") {
    auto f = test::forms().by_id("2021");
    REQUIRE(f);
    CHECK(f->title == "国办公开办函〔2021〕30号");
    CHECK(cells_in(*f, "proactive") == 10);  // 6 + 1 + 2 + 1
    // 25 rows of 7 columns, plus the four optional category figures.
    CHECK(cells_in(*f, "applications") == (25 + 4) * 7);
    CHECK(cells_in(*f, "review_litigation") == 15);
    const CellDef* c = f->cell("applications.refused.security_stability.natural_person");
    REQUIRE(c);
    CHECK(c->row->label == "3.危及“三安全一稳定”");
    CHECK(c->row_path == std::vector<std::string>{"三、本年度办理结果", "（三）不予公开", "3.危及“三安全一稳定”"});
    CHECK(f->cell("proactive.fees.amount")->column->label == "本年收费金额（单位：万元）");
    CHECK(f->cell("proactive.fees.amount")->column->kind == ValueKind::amount);
    CHECK(f->cell("applications.other.no_correction.total")->row->label ==
          "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
    std::vector<std::string> headings;
    for (const auto& s : f->sections) headings.push_back(s.heading);
    CHECK(headings == std::vector<std::string>{"一、总体情况", "二、主动公开政府信息情况",
                                               "三、收到和处理政府信息公开申请情况",
                                               "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                               "六、其他需要报告的事项"});
  }

  TEST_CASE("derived totals and optional categories are marked") {
    auto f = test::forms().by_id("2021");
    CHECK(f->cell("applications.received.total")->derived);
    CHECK(f->cell("applications.handled_total.natural_person")->derived);
    CHECK(f->cell("applications.refused.business")->derived);
    CHECK(f->cell("applications.refused.business")->optional);
    CHECK_FALSE(f->cell("applications.received.natural_person")->derived);
    CHECK(f->cell("review_litigation.litigation_direct.total")->derived);
    CHECK_FALSE(f->cell("proactive.regulations.in_force")->derived);
  }

  TEST_CASE("form 2019 has its own rows") {
    auto f = test::forms().by_id("2019");
    REQUIRE(f);
    CHECK(cells_in(*f, "proactive") == 22);  // 6 + 6 + 6 + 2 + 2
    CHECK(cells_in(*f, "applications") == (23 + 3) * 7);
    CHECK(f->cell("applications.other.natural_person") != nullptr);
    CHECK(f->cell("applications.other.other.natural_person") == nullptr);
    CHECK(f->cell("proactive.licensing.change")->column->kind == ValueKind::signed_count);
    CHECK(f->cell("proactive.normative_docs.made")->row->label == "规范性文件");
  }

  TEST_CASE("the form in force is chosen by year") {
    CHECK(test::forms().for_year(2019)->id == "2019");
    CHECK(test::forms().for_year(2020)->id == "2019");
    CHECK(test::forms().for_year(2021)->id == "2021");
    CHECK(test::forms().for_year(2030)->id == "2021");
    CHECK(test::forms().for_year(2018) == nullptr);
  }

  TEST_CASE("a broken form definition names the line") {
    const char* text =
        "id: x\ntitle: t\nyears: {from: 2030}\nsections:\n  - {id: a, number: 一, heading: h, kind: prose}\n"
        "tables:\n  - id: a\n    layout: spiral\n    rows: []\n";
    try {
      (void)load_form("new.yaml", text);
      FAIL("expected an InputError");
    } catch (const InputError& e) {
      CHECK(e.where().to_string() == "new.yaml:8:13");
      CHECK(e.message().en == "bad form definition: unknown layout 'spiral'");
    }
  }

  TEST_CASE("a new form is data: a minimal form loads without code changes") {
    const char* text =
        "id: \"2031\"\ntitle: 未来表式\nyears: {from: 2031}\n"
        "sections:\n  - {id: t, number: 一, heading: 一、表, kind: table}\n"
        "tables:\n  - id: t\n    layout: grid\n    columns: [{id: a, label: 甲}, {id: total, label: 总计}]\n"
        "    rows: [{id: r, label: 行}]\n"
        "    rules: [{rule: column-total, kind: column-sum, total: total, parts: [a]}]\n"
        "key_figures: [{id: a, label: 甲, en: a, cells: [t.r.total]}]\n"
        "deadlines: [{level: department, month: 1, day: 31}, {level: government, month: 3, day: 31}]\n"
        "phrases: {fee_statement.none: 无。, fee_statement.charged: '{notices}件'}\n";
    auto f = load_form("f.yaml", text);
    CHECK(f->cells().size() == 2);
    CHECK(f->cell("t.r.total")->derived);
  }
}
