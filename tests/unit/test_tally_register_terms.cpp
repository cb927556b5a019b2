#include "tally_fixture.hpp"

#include <gongkai/tally/register_terms.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

namespace {

struct Terms {
  RequestTerms requests;
  CaseTerms cases;
  explicit Terms(const std::string& form = "2021")
      : requests(request_terms(*test::forms().by_id(form), test::vocabulary().requests, "v.yaml")),
        cases(case_terms(*test::forms().by_id(form), test::vocabulary().cases, "v.yaml")) {}
};

// What a register takes: exact and normalised matches only (register_table.hpp).
bool taken(const LabelMatch& m) { return m.kind == LabelMatchKind::exact || m.kind == LabelMatchKind::normalised; }

std::string outcome(Terms& t, std::string_view text) {
  const auto r = t.requests.outcome.resolve(text);
  return taken(r.match) ? t.requests.outcomes[r.match.target]->id : "none";
}
std::string applicant(Terms& t, std::string_view text) {
  const auto r = t.requests.applicant.resolve(text);
  return taken(r.match) ? t.requests.applicants[r.match.target]->id : "none";
}

}  // namespace

TEST_SUITE("tally/register_terms") {
  TEST_CASE("numbering is stripped from the front of a label only") {
    CHECK(strip_numbering("（三）不予公开") == "不予公开");
    CHECK(strip_numbering("(三)不予公开") == "不予公开");
    CHECK(strip_numbering("1.属于国家秘密") == "属于国家秘密");
    CHECK(strip_numbering("12、其他") == "其他");
    CHECK(strip_numbering("一、本年新收政府信息公开申请数量") == "本年新收政府信息公开申请数量");
    CHECK(strip_numbering("予以公开") == "予以公开");
    CHECK(strip_numbering("三安全一稳定") == "三安全一稳定");
    CHECK(strip_numbering("2023年") == "2023年");
  }

  TEST_CASE("the targets are the leaf outcome rows and the applicant columns, without totals or categories") {
    Terms t;
    CHECK(t.requests.applicants.size() == 6);
    CHECK(t.requests.outcomes.size() == 21);
    for (const RowDef* r : t.requests.outcomes) {
      CHECK(r->id != "handled_total");
      CHECK(r->id != "refused");
    }
    CHECK(t.cases.kinds.size() == 3);
    CHECK(t.cases.results.size() == 4);
    CHECK(t.cases.results[t.cases.pending]->id == "pending");
  }

  TEST_CASE("an outcome is recognised by its label, without numbering, by category path, or by a synonym") {
    Terms t;
    CHECK(outcome(t, "（一）予以公开") == "granted");
    CHECK(outcome(t, "予以公开") == "granted");
    CHECK(outcome(t, "部分公开") == "partly_granted");
    CHECK(outcome(t, "1.属于国家秘密") == "refused.state_secret");
    CHECK(outcome(t, "属于国家秘密") == "refused.state_secret");
    CHECK(outcome(t, "不予公开-属于国家秘密") == "refused.state_secret");
    CHECK(outcome(t, "（三）不予公开/1.属于国家秘密") == "refused.state_secret");
    CHECK(outcome(t, "不予公开：属于国家秘密") == "refused.state_secret");
    CHECK(outcome(t, "本机关不掌握相关政府信息") == "unavailable.not_held");
    CHECK(outcome(t, "信息不存在") == "unavailable.not_held");
    CHECK(outcome(t, "3.其他") == "other.other");
    CHECK(outcome(t, "逾期不补正") == "other.no_correction");
  }

  TEST_CASE("a 2021 sub-row named in a synonym falls back to its category in form 2019") {
    Terms t("2019");
    CHECK(outcome(t, "逾期不补正") == "other");
    CHECK(outcome(t, "（六）其他处理") == "other");
    CHECK(outcome(t, "其他处理") == "other");
  }

  TEST_CASE("an applicant type is recognised by its label, its group path, or a synonym") {
    Terms t;
    CHECK(applicant(t, "自然人") == "natural_person");
    CHECK(applicant(t, "公民") == "natural_person");
    CHECK(applicant(t, "商业 企业") == "business");
    CHECK(applicant(t, "法人或其他组织/商业企业") == "business");
    CHECK(applicant(t, "法人或其他组织-科研机构") == "research");
    CHECK(applicant(t, "律师事务所") == "legal_services");
    CHECK(applicant(t, "其他") == "other_org");
    CHECK(applicant(t, "外星人") == "none");
  }

  TEST_CASE("a group names its members instead of matching one") {
    Terms t;
    CHECK(applicant(t, "法人或其他组织") == "none");
    const auto* members = t.requests.applicant.group_members("法人或其他组织");
    REQUIRE(members != nullptr);
    CHECK(members->size() == 5);
    CHECK(outcome(t, "不予公开") == "none");
    CHECK(t.requests.outcome.resolve("不予公开").group != nullptr);
    CHECK(outcome(t, "不公开") == "none");  // near 「公开」, but the opposite: never taken
    const auto* refused = t.requests.outcome.group_members("（三）不予公开");
    REQUIRE(refused != nullptr);
    CHECK(refused->front() == "1.属于国家秘密");
    CHECK(t.requests.outcome.group_members("予以公开") == nullptr);
  }

  TEST_CASE("case kinds and results are recognised with their synonyms") {
    Terms t;
    auto kind = [&](std::string_view s) {
      const auto r = t.cases.kind.resolve(s);
      return taken(r.match) ? t.cases.kinds[r.match.target]->id : "none";
    };
    auto result = [&](std::string_view s) {
      const auto r = t.cases.result.resolve(s);
      return taken(r.match) ? t.cases.results[r.match.target]->id : "none";
    };
    CHECK(kind("行政复议") == "review");
    CHECK(kind("复议") == "review");
    CHECK(kind("未经复议直接起诉") == "litigation_direct");
    CHECK(kind("行政诉讼-直接起诉") == "litigation_direct");
    CHECK(kind("行政诉讼（复议后起诉）") == "litigation_after_review");
    CHECK(kind("行政诉讼") == "none");
    CHECK(t.cases.kind.group_members("行政诉讼") != nullptr);
    CHECK(result("结果维持") == "upheld");
    CHECK(result("维持") == "upheld");
    CHECK(result("撤销") == "corrected");
    CHECK(result("撤诉") == "other");
    CHECK(result("尚未审结") == "pending");
  }

  TEST_CASE("a word is matched once: the second lookup is not the first") {
    Terms t;
    CHECK(t.requests.applicant.resolve("公民").first);
    CHECK_FALSE(t.requests.applicant.resolve("公民").first);
  }

  TEST_CASE("every synonym of the data file names a target of form 2021") {
    Terms t;
    for (const auto& [word, id] : test::vocabulary().requests.words("applicant"))
      CHECK_MESSAGE(applicant(t, word) == id, word);
    for (const auto& [word, id] : test::vocabulary().requests.words("outcome"))
      CHECK_MESSAGE(outcome(t, word) == id, word);
  }
}
