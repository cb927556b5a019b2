#include "tally_fixture.hpp"

#include <gongkai/tally/office_terms.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

namespace {

struct Terms {
  RequestTerms requests;
  CaseTerms cases;
  Terms()
      : requests(request_terms(*test::forms().by_id("2021"), test::vocabulary().requests, "v.yaml")),
        cases(case_terms(*test::forms().by_id("2021"), test::vocabulary().cases, "v.yaml")) {}
};

std::string outcome(Terms& t, std::string_view text) {
  const auto r = t.requests.outcome.resolve(text);
  const bool taken = r.match.kind == LabelMatchKind::exact || r.match.kind == LabelMatchKind::normalised;
  return taken ? t.requests.outcomes[r.match.target]->id : "none";
}

}  // namespace

TEST_SUITE("tally/office_terms") {
  TEST_CASE("an office's words are taken by label, by a known word or by ID") {
    Terms t;
    CHECK(outcome(t, "部分同意") == "none");
    const OfficeTerms terms = read_office_terms("t.yaml",
                                                "outcome:\n  同意公开: 予以公开\n  部分同意: （二）部分公开\n"
                                                "  查无此件: unavailable.not_held\napplicant:\n  个体户: 商业企业\n");
    Diagnostics out;
    apply_office_terms(terms, t.requests, t.cases, out);
    CHECK(out.empty());
    CHECK(outcome(t, "同意公开") == "granted");
    CHECK(outcome(t, "部分同意") == "partly_granted");
    CHECK(outcome(t, "查无此件") == "unavailable.not_held");
    const auto a = t.requests.applicant.resolve("个体户");
    REQUIRE(a.match.matched());
    CHECK(t.requests.applicants[a.match.target]->id == "business");
  }

  TEST_CASE("a meaning that is a category or nothing is an error at its line") {
    Terms t;
    const OfficeTerms terms = read_office_terms("t.yaml", "outcome:\n  部分同意: 不予公开\n  查无此件: 查不到\n");
    Diagnostics out;
    apply_office_terms(terms, t.requests, t.cases, out);
    REQUIRE(out.items().size() == 2);
    CHECK(out.items()[0].rule == "terms");
    CHECK(out.items()[0].where.to_string() == "t.yaml:2:3");
    CHECK(out.items()[0].message.en.find("a category") != std::string::npos);
    CHECK(out.items()[1].where.to_string() == "t.yaml:3:3");
    CHECK(outcome(t, "部分同意") == "none");
  }

  TEST_CASE("a malformed terms file names the place") {
    CHECK_THROWS_AS((void)read_office_terms("t.yaml", "outcomes:\n  a: b\n"), InputError);
    try {
      (void)read_office_terms("t.yaml", "outcome: [a, b]\n");
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(e.where().to_string() == "t.yaml:1:10");
    }
    CHECK(read_office_terms("t.yaml", "").by_vocabulary.empty());
  }
}
