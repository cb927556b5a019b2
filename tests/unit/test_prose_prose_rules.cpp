#include "prose_fixture.hpp"

#include <gongkai/prose/figures.hpp>
#include <gongkai/prose/prose_rules.hpp>

#include <doctest/doctest.h>

#include <algorithm>

using namespace gongkai;
using namespace gongkai::test;

TEST_SUITE("prose_prose_rules") {
  TEST_CASE("the shipped rules load and name only cells of the forms or their own figures") {
    const ProseRules& rules = prose_rules();
    CHECK(rules.figures.size() >= 5);
    CHECK(rules.phrases.size() >= 10);
    const auto f2021 = forms().by_id("2021");
    const auto f2019 = forms().by_id("2019");
    for (const auto& f : rules.figures) {
      CHECK_MESSAGE(f2021->cell(f.id) == nullptr, f.id);  // a figure must not shadow a cell
      for (const auto& p : f.parts)
        CHECK_MESSAGE((f2021->cell(p) != nullptr || f2019->cell(p) != nullptr || rules.figure(p) != nullptr), p);
    }
    for (const auto& p : rules.phrases)
      CHECK_MESSAGE((f2021->cell(p.figure) != nullptr || rules.figure(p.figure) != nullptr), p.figure);
  }

  TEST_CASE("figures are available only in forms that have their cells") {
    const auto names2021 = figure_names(*forms().by_id("2021"), &prose_rules());
    const auto names2019 = figure_names(*forms().by_id("2019"), &prose_rules());
    auto has = [](const std::vector<std::string>& v, const char* s) {
      return std::find(v.begin(), v.end(), std::string(s)) != v.end();
    };
    CHECK(has(names2021, "proactive.documents.in_force"));
    CHECK_FALSE(has(names2019, "proactive.documents.in_force"));
    CHECK(has(names2019, "applications.disclosure_rate.total"));
    CHECK(has(names2019, "review_litigation.litigation.total"));
  }

  TEST_CASE("docs/prose.md lists every figure of the shipped rules") {
    const std::string doc = read_file((std::filesystem::path(GONGKAI_SOURCE_DIR) / "docs" / "prose.md").string());
    for (const auto& f : prose_rules().figures) CHECK_MESSAGE(doc.find("`" + f.id + "`") != std::string::npos, f.id);
  }

  TEST_CASE("a phrase's `all` takes words and lists of alternatives") {
    ProseRules r =
        load_prose_rules("r.yaml",
                         "narrative:\n"
                         "  exclude: [同比]\n"
                         "  phrases:\n"
                         "    - {figure: applications.received.total, all: [申请, [新收, 收到]], none: [结转]}\n");
    REQUIRE(r.phrases.size() == 1);
    CHECK(r.phrases[0].all.size() == 2);
    CHECK(r.phrases[0].all[1] == std::vector<std::string>{"新收", "收到"});
    CHECK(r.phrases[0].units == std::vector<std::string>{"件"});
    CHECK(r.phrases[0].where.to_string() == "r.yaml:4:7");
    CHECK(r.exclude == std::vector<std::string>{"同比"});
  }

  TEST_CASE("mistakes in the rules file name their place") {
    auto message = [](const char* text) {
      try {
        (void)load_prose_rules("r.yaml", text);
      } catch (const InputError& e) {
        return e.where().to_string() + ": " + e.message().en;
      }
      return std::string("no error");
    };
    CHECK(message("figures:\n  - {id: a.b, zh: 甲, en: a}\n") ==
          "r.yaml:2:5: bad prose rules: figure 'a.b' needs 'sum' or 'ratio'");
    CHECK(message("figures:\n  - {id: A.b, zh: 甲, en: a, sum: [x, y]}\n") ==
          "r.yaml:2:10: bad prose rules: 'A.b' is not a figure name (a.b.c in lower case)");
    CHECK(message("figures:\n  - {id: a.b, zh: 甲, en: a, sum: [x, y]}\n  - {id: a.b, zh: 乙, en: b, sum: [x, y]}\n") ==
          "r.yaml:3:5: bad prose rules: figure 'a.b' is defined twice");
    CHECK(message("narrative:\n  phrases:\n    - {figure: a.b, units: [件]}\n") ==
          "r.yaml:3:7: bad prose rules: 'all' must be a non-empty list");
    CHECK(message("phrases: []\n") == "r.yaml:1:1: bad prose rules: unknown key 'phrases'");
    CHECK(message("figures: [\n").starts_with("r.yaml:"));
  }
}
