#include "test_support.hpp"

#include <gongkai/prose/prose_extras.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

TEST_SUITE("prose_prose_extras") {
  TEST_CASE("fees and a work-plan file name are read from the report's YAML, the rest ignored") {
    Diagnostics out;
    ProseExtras x = read_prose_extras("report.yaml",
                                      "agency: 示例局\n"
                                      "year: 2023\n"
                                      "fees: {notices: 2, charged: 300.00, collected: 200.5, unit: 元}\n"
                                      "work_plan: workplan.yaml\n",
                                      out);
    CHECK(out.empty());
    REQUIRE(x.fees.has_value());
    CHECK(x.fees->notices == 2);
    CHECK(x.fees->charged.micro() == 30'000);
    CHECK(x.fees->collected.micro() == 20'050);
    CHECK(x.fees->unit == FeeUnit::yuan);
    CHECK(x.work_plan_file == "workplan.yaml");
    CHECK_FALSE(x.work_plan.has_value());
  }

  TEST_CASE("fees: none, and a work plan given inline") {
    Diagnostics out;
    ProseExtras x = read_prose_extras("r.yaml",
                                      "fees: none\n"
                                      "work_plan:\n"
                                      "  tasks:\n"
                                      "    - {task: 公开预算, lead: 财务处, status: 完成}\n",
                                      out);
    CHECK(out.empty());
    CHECK(x.fees->none);
    REQUIRE(x.work_plan.has_value());
    CHECK(x.work_plan->tasks.size() == 1);
    CHECK_FALSE(x.work_plan_file.has_value());
  }

  TEST_CASE("amounts in 万元 are exact to the fen") {
    Diagnostics out;
    ProseExtras x =
        read_prose_extras("r.yaml", "fees: {notices: 1, charged: 0.0315, collected: 0.0315, unit: 万元}\n", out);
    CHECK(out.empty());
    CHECK(x.fees->charged.micro() == 31'500);
    CHECK(render_fee_statement(*x.fees, *test::forms().by_id("2021")) ==
          "本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），向申请人发出收费通知1件，"
          "应收取信息处理费0.0315万元，实际收取0.0315万元。\n");
  }

  TEST_CASE("an amount without a unit is refused: 元 and 万元 are never guessed") {
    Diagnostics out;
    ProseExtras x = read_prose_extras("r.yaml", "fees:\n  notices: 1\n  charged: 300\n", out);
    CHECK_FALSE(x.fees.has_value());
    CHECK(render_diagnostics_text(out, Lang::en) ==
          "r.yaml:2:3: error[fee-statement]: the fees give an amount but no unit: add 'unit: 元' or 'unit: 万元'\n");
  }

  TEST_CASE("bad fee figures are reported where they are") {
    Diagnostics out;
    (void)read_prose_extras("r.yaml", "fees: {notices: -1, charged: 1.005, unit: 元, paid: 3}\n", out);
    CHECK(render_diagnostics_text(out, Lang::en) ==
          "r.yaml:1:46: error[unknown-key]: unknown key 'paid' in fees; known keys: notices, charged, collected, unit\n"
          "r.yaml:1:17: error[fee-statement]: 'notices' must be a whole number >= 0, found '-1'\n"
          "r.yaml:1:30: error[fee-statement]: fees 'charged' must be an amount >= 0 in 元 to the fen (0.01 元), found "
          "'1.005'\n");
  }

  TEST_CASE("more collected than charged, or a charge without a notice, is an error") {
    Diagnostics out;
    (void)read_prose_extras("r.yaml", "fees: {notices: 1, charged: 100, collected: 150, unit: 元}\n", out);
    CHECK(render_diagnostics_text(out, Lang::zh) ==
          "r.yaml:1:45: error[fee-statement]: 实际收取的信息处理费 150.00元 超过应收取的 100.00元\n");
    Diagnostics out2;
    (void)read_prose_extras("r.yaml", "fees: {notices: 0, charged: 100, unit: 元}\n", out2);
    CHECK(render_diagnostics_text(out2, Lang::en) ==
          "r.yaml:1:29: error[fee-statement]: fees of 100.00 元 were charged but no notice was sent ('notices' is "
          "0)\n");
  }

  TEST_CASE("no notice and nothing collected reads as 未收取") {
    FeeStatement f;
    CHECK(render_fee_statement(f, *test::forms().by_id("2021")) == "本年度未收取信息处理费。\n");
    f.none = true;
    CHECK(render_fee_statement(f, *test::forms().by_id("2021")) == "本年度未收取信息处理费。\n");
  }

  TEST_CASE("元 always print two decimals") {
    CHECK(format_fee_amount(Decimal::from_micro(30'000), FeeUnit::yuan) == "300.00");
    CHECK(format_fee_amount(Decimal::from_micro(5), FeeUnit::yuan) == "0.05");
    CHECK(format_fee_amount(Decimal::from_micro(30'000), FeeUnit::wan_yuan) == "0.03");
  }
}
