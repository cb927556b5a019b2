#include "tally_fixture.hpp"

#include <doctest/doctest.h>

using namespace gongkai;

namespace {

const char* kCases =
    "案号,类型,立案日期,结果,审结日期\n"
    "C1,行政复议,2023-02-01,维持,2023-04-01\n"
    "C2,复议,2022-11-01,撤销,2023-01-15\n"
    "C3,行政诉讼（直接起诉）,2023-05-01,,\n"
    "C4,复议后起诉,2022-03-01,驳回诉讼请求,2022-09-01\n"
    "C5,未经复议直接起诉,2022-10-01,尚未审结,\n"
    "C6,行政复议,2023-12-01,其他,2024-01-10\n"
    "C7,复议后起诉,2024-02-01,,\n";

}  // namespace

TEST_SUITE("tally/case_register") {
  TEST_CASE("a case filed by the year's end counts by its result when closed in the year, else as pending") {
    test::CaseRun run(2023);
    CHECK(run.feed("c.csv", kCases));
    CHECK(run.findings() == "");
    CHECK(run.at("review", "upheld") == 1);
    CHECK(run.at("review", "corrected") == 1);
    CHECK(run.at("review", "other") == 0);
    CHECK(run.at("review", "pending") == 1);
    CHECK(run.at("litigation_direct", "pending") == 2);
    CHECK(run.at("litigation_after_review", "upheld") == 0);
    CHECK(run.at("litigation_after_review", "pending") == 0);
    CHECK(run.reg.stats().closed == 2);
    CHECK(run.reg.stats().pending == 3);
    CHECK(run.reg.stats().outside == 2);
  }

  TEST_CASE("a case pending at two year ends is pending in both years") {
    test::CaseRun run(2022);
    CHECK(run.feed("c.csv", kCases));
    CHECK(run.at("review", "pending") == 1);                  // C2, closed 2023
    CHECK(run.at("litigation_direct", "pending") == 1);       // C5
    CHECK(run.at("litigation_after_review", "upheld") == 1);  // C4
  }

  TEST_CASE("cases that cannot be placed are listed") {
    test::CaseRun run(2023);
    CHECK(run.feed("bad.csv",
                   "案号,类型,立案日期,结果,审结日期\n"
                   "D1,行政诉讼,2023-01-01,,\n"
                   "D2,行政复议,2023-01-01,维持,\n"
                   "D3,行政复议,2023-01-01,,2023-02-01\n"
                   "D4,行政复议,2023-01-01,尚未审结,2023-02-01\n"
                   "D5,行政复议,2023-03-01,纠正,2023-02-01\n"
                   "D6,行政复议,2023-03-01,胜诉,2023-04-01\n"));
    CHECK(
        run.findings() ==
        "bad.csv:2:4: error[register]: case kind (类型) '行政诉讼' names a group: write one of '未经复议直接起诉', "
        "'复议后起诉'\n"
        "bad.csv:3:23: error[register]: the result (结果) is '维持' but the closed date (审结日期) is empty: the year "
        "it was closed is unknown (leave the result empty while a case is open)\n"
        "bad.csv:4:20: error[register]: the closed date (审结日期) is 2023-02-01 but the result (结果) is empty\n"
        "bad.csv:5:20: error[register]: the closed date (审结日期) is 2023-02-01 but the result (结果) is '尚未审结'\n"
        "bad.csv:6:23: error[register]: closed date (审结日期) 2023-02-01 is before the filed date (立案日期) "
        "2023-03-01\n"
        "bad.csv:7:20: error[register]: result (结果) '胜诉' is not a result column of table 四; did you mean "
        "'撤诉'?\n");
    CHECK(run.reg.rejected() == 6);
  }
}
