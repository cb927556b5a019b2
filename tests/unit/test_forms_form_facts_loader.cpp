#include "test_support.hpp"

#include <gongkai/aggregate/unit_summary.hpp>
#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_loader.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using namespace gongkai;

namespace {

// A minimal form with one table (ten lines), followed by `facts` (the keys of form_facts_loader).
// Columns in messages count characters, as every YAML message does (core/yaml_source): 甲 is one.
std::string minimal_form(const std::string& facts) {
  return "id: \"2031\"\ntitle: 未来表式\nyears: {from: 2031}\n"
         "sections:\n  - {id: t, number: 一, heading: 一、表, kind: table}\n"
         "tables:\n  - id: t\n    layout: grid\n"
         "    columns: [{id: a, label: 甲}, {id: fee, label: 金额, kind: amount, unit: 万元}]\n"
         "    rows: [{id: r, label: 行}]\n" +
         facts;
}

// Deadlines and phrases, after the key figures.
const std::string kDeadlines =
    "deadlines: [{level: department, month: 1, day: 31}, {level: government, month: 3, day: 31}]\n"
    "phrases: {fee_statement.none: 无。, fee_statement.charged: '{notices}件'}\n";

// The InputError a form text raises (its English message and place), or "" when it loads.
std::string load_error(const std::string& text) {
  try {
    (void)load_form("f.yaml", text);
  } catch (const InputError& e) {
    return e.where().to_string() + " " + e.message().en;
  }
  return {};
}

struct Expected {
  const char* id;
  const char* zh;
  const char* en;
  std::vector<std::string> cells;
  bool amount;
};

// The overview's key figures as they were written in aggregate/unit_summary.cpp before they
// became form data.
const std::vector<Expected> kBefore{
    {"received", "本年新收申请", "received", {"applications.received.total"}, false},
    {"granted", "予以公开", "granted", {"applications.granted.total"}, false},
    {"refused", "不予公开", "refused", {"applications.refused.total"}, false},
    {"carried_forward", "结转下年度", "carried forward", {"applications.carried_forward.total"}, false},
    {"reviews", "行政复议", "reviews", {"review_litigation.review.total"}, false},
    {"suits",
     "行政诉讼",
     "lawsuits",
     {"review_litigation.litigation_direct.total", "review_litigation.litigation_after_review.total"},
     false},
    {"fees", "收费金额（万元）", "fees (万元)", {"proactive.fees.amount"}, true},
};

}  // namespace

TEST_SUITE("forms/form_facts_loader") {
  TEST_CASE("both shipped forms give the overview's key figures as they were in code") {
    for (const char* id : {"2019", "2021"}) {
      CAPTURE(id);
      auto f = test::forms().by_id(id);
      REQUIRE(f);
      REQUIRE(f->key_figures.size() == kBefore.size());
      for (std::size_t i = 0; i < kBefore.size(); ++i) {
        const auto& k = f->key_figures[i];
        CHECK(k.id == kBefore[i].id);
        CHECK(k.label == kBefore[i].zh);
        CHECK(k.en == kBefore[i].en);
        CHECK(k.amount == kBefore[i].amount);
        // Form 2019 has no fee amount: the cell the code named did not exist there either.
        std::vector<std::string> cells;
        for (const auto& c : kBefore[i].cells)
          if (f->cell(c) != nullptr) cells.push_back(c);
        CHECK(k.cells == cells);
      }
    }
    std::vector<std::string> ids;
    for (const auto& k : key_figures(test::forms())) ids.push_back(k.id);
    CHECK(ids ==
          std::vector<std::string>{"received", "granted", "refused", "carried_forward", "reviews", "suits", "fees"});
    CHECK(key_figures(test::forms()).back().label.zh == "收费金额（万元）");
    CHECK(key_figures(test::forms()).back().amount);
  }

  TEST_CASE("both shipped forms give the publication deadlines of 条例第四十九条") {
    for (const char* id : {"2019", "2021"}) {
      CAPTURE(id);
      auto f = test::forms().by_id(id);
      REQUIRE(f->deadline("department") != nullptr);
      CHECK(f->deadline("department")->month == 1);
      CHECK(f->deadline("department")->day == 31);
      REQUIRE(f->deadline("government") != nullptr);
      CHECK(f->deadline("government")->month == 3);
      CHECK(f->deadline("government")->day == 31);
    }
  }

  TEST_CASE("a form without key figures or deadlines does not load") {
    CHECK(load_error(minimal_form(kDeadlines)) == "f.yaml:1:1 bad form definition: missing key 'key_figures'");
    CHECK(load_error(minimal_form("key_figures: []\n")) == "f.yaml:1:1 bad form definition: missing key 'deadlines'");
    CHECK(load_error(minimal_form("key_figures: []\n" + kDeadlines)).empty());
    CHECK(load_error(minimal_form("key_figures: []\ndeadlines: [{level: department, month: 1, day: 31}]\n")) ==
          "f.yaml:12:12 bad form definition: 'deadlines' gives none for 'government'");
  }

  TEST_CASE("a key figure names cells of its form, of its kind") {
    CHECK(load_error(minimal_form("key_figures: [{id: x, label: 甲, en: x, cells: [t.r.b]}]\n" + kDeadlines)) ==
          "f.yaml:11:48 bad form definition: key figure 'x': the form has no cell 't.r.b'");
    CHECK(load_error(minimal_form("key_figures: [{id: x, label: 甲, en: x, cells: [t.r.fee]}]\n" + kDeadlines)) ==
          "f.yaml:11:48 bad form definition: key figure 'x' is count, but cell 't.r.fee' is an amount");
    CHECK(load_error(minimal_form("key_figures: [{id: x, label: 甲, en: x}]\n" + kDeadlines)) ==
          "f.yaml:11:15 bad form definition: missing key 'cells'");
    CHECK(load_error(minimal_form("key_figures: [{id: x, label: 甲, en: x, cells: []}, "
                                  "{id: x, label: 乙, en: y, kind: amount, cells: [t.r.fee]}]\n" +
                                  kDeadlines)) == "f.yaml:11:52 bad form definition: duplicate key figure 'x'");
    auto f = load_form("f.yaml", minimal_form("key_figures: [{id: x, label: 甲, en: x, kind: amount, cells: "
                                              "[t.r.fee]}]\n" +
                                              kDeadlines));
    REQUIRE(f->key_figures.size() == 1);
    CHECK(f->key_figures[0].amount);
  }

  TEST_CASE("a form gives the phrases the code writes") {
    const std::string head =
        "key_figures: []\n"
        "deadlines: [{level: department, month: 1, day: 31}, {level: government, month: 3, "
        "day: 31}]\n";
    CHECK(load_error(minimal_form(head)) == "f.yaml:1:1 bad form definition: missing key 'phrases'");
    CHECK(load_error(minimal_form(head + "phrases: {fee_statement.none: 无。}\n")) ==
          "f.yaml:13:10 bad form definition: 'phrases' gives no 'fee_statement.charged'");
    for (const char* id : {"2019", "2021"}) {
      CAPTURE(id);
      auto f = test::forms().by_id(id);
      CHECK(f->phrase("fee_statement.none") == "本年度未收取信息处理费。");
      CHECK(f->phrase("fee_statement.charged").find("《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）") !=
            std::string_view::npos);
    }
  }

  TEST_CASE("a deadline is a real month and day") {
    CHECK(load_error(minimal_form("key_figures: []\ndeadlines: [{level: department, month: 2, day: 30}]\n")) ==
          "f.yaml:12:48 bad form definition: 'day' must be a whole number from 1 to 29");
    CHECK(load_error(minimal_form("key_figures: []\ndeadlines: [{level: county, month: 1, day: 31}]\n")) ==
          "f.yaml:12:21 bad form definition: a deadline's level is department or government, not 'county'");
  }
}
