#include "tally_fixture.hpp"

#include <doctest/doctest.h>

using namespace gongkai;

namespace {

const char* kGood =
    "编号,收到日期,申请人类型,办理结果,答复日期\n"
    "A1,2023-01-05,自然人,予以公开,2023-01-20\n"
    "A2,2023/2/1,公民,部分公开,2023/2/15\n"
    "A3,2023.3.1,商业 企业,不予公开-属于国家秘密,2023.3.20\n"
    "A4,2023年4月1日,科研机构,,\n"
    "A5,2022-12-20,自然人,本机关不掌握相关政府信息,2023-01-10\n"
    "A6,2022-12-28,律师事务所,,\n"
    "A7,2022-06-01,自然人,予以公开,2022-06-20\n"
    "A8,2024-01-02,自然人,,\n"
    "A9,2023-12-30,社会公益组织,予以公开,2024-01-03\n"
    ",,,,\n";

}  // namespace

TEST_SUITE("tally/request_register") {
  TEST_CASE("a request counts as received, carried over, closed by outcome and carried forward by its dates") {
    test::RequestRun run(2023);
    CHECK(run.feed("r.csv", kGood));
    CHECK(run.findings() ==
          "r.csv:4:13: warning[label]: applicant type (申请人类型) '商业 企业' read as '商业企业' "
          "(not repeated for other rows)\n");
    CHECK(run.reg.rows() == 9);
    CHECK(run.reg.rejected() == 0);
    CHECK(run.at("received", "natural_person") == 2);
    CHECK(run.at("received", "business") == 1);
    CHECK(run.at("received", "research") == 1);
    CHECK(run.at("received", "nonprofit") == 1);
    CHECK(run.at("carried_over", "natural_person") == 1);
    CHECK(run.at("carried_over", "legal_services") == 1);
    CHECK(run.at("granted", "natural_person") == 1);
    CHECK(run.at("partly_granted", "natural_person") == 1);
    CHECK(run.at("refused.state_secret", "business") == 1);
    CHECK(run.at("unavailable.not_held", "natural_person") == 1);
    CHECK(run.at("granted", "nonprofit") == 0);  // replied in 2024
    CHECK(run.at("carried_forward", "research") == 1);
    CHECK(run.at("carried_forward", "legal_services") == 1);
    CHECK(run.at("carried_forward", "nonprofit") == 1);
    CHECK(run.at("carried_forward", "natural_person") == 0);
    CHECK(run.reg.stats().received == 5);
    CHECK(run.reg.stats().carried_over == 2);
    CHECK(run.reg.stats().closed == 4);
    CHECK(run.reg.stats().carried_forward == 3);
    CHECK(run.reg.stats().outside == 2);
  }

  TEST_CASE("the same register tallied for the next year carries forward what this year left open") {
    test::RequestRun run(2024);
    CHECK(run.feed("r.csv", kGood));
    CHECK(run.at("carried_over", "research") == 1);
    CHECK(run.at("carried_over", "legal_services") == 1);
    CHECK(run.at("carried_over", "nonprofit") == 1);
    CHECK(run.at("granted", "nonprofit") == 1);
    CHECK(run.at("received", "natural_person") == 1);
    CHECK(run.at("carried_forward", "natural_person") == 1);
  }

  TEST_CASE("部分予以公开 is not taken for 予以公开, and the suggestion keeps 部分") {
    test::RequestRun run(2023);
    CHECK(run.feed("r.csv",
                   "编号,收到日期,申请人类型,办理结果,答复日期\n"
                   "A1,2023-02-01,自然人,部分予以公开,2023-03-01\n"));
    const std::string f = run.findings();
    CAPTURE(f);
    CHECK(f.find("outcome (办理结果) '部分予以公开' is not an outcome row of table 三; did you mean '部分公开'") !=
          std::string::npos);
    CHECK(f.find("'予以公开'") == std::string::npos);
    CHECK(run.at("granted", "natural_person") == 0);
  }

  TEST_CASE("one word on many rows is one finding, with every row") {
    test::RequestRun run(2023);
    std::string csv = "编号,收到日期,申请人类型,办理结果,答复日期\n";
    for (int i = 0; i < 24'000; ++i) csv += "A" + std::to_string(i) + ",2023-02-01,自然人,予以保密,2023-03-01\n";
    CHECK(run.feed("r.csv", csv));
    REQUIRE(run.out.items().size() == 1);
    CHECK(run.out.items()[0].also.size() == kPlacesKeptInFull);
    CHECK(run.out.items()[0].place_count() == 24'000);
    CHECK(run.findings().find("(also at 23999 more places: 3:") != std::string::npos);
  }

  TEST_CASE("findings made once per bad value group as Diagnostics::add groups them") {
    // Rows alternate between two bad dates and an unknown word; a second file repeats them.
    std::string csv = "编号,收到日期,申请人类型,办理结果,答复日期\n";
    for (int i = 0; i < 300; ++i)
      csv += "A" + std::to_string(i) + (i % 2 == 0 ? ",2023-13-01" : ",2023-02-30") + ",自然人,予以保密,2023-03-01\n";
    test::RequestRun run(2023);
    CHECK(run.feed("a.csv", csv));
    CHECK(run.feed("b.csv", csv));  // (its IDs repeat a.csv's: one more finding per row)
    // The same findings, each row added the ordinary way.
    Diagnostics expected;
    for (const char* file : {"a.csv", "b.csv"})
      for (int i = 0; i < 300; ++i) {
        const int line = i + 2;
        const std::string n = std::to_string(i);
        auto add = [&](int column, std::string en) {
          Diagnostic d;
          d.rule = "register";
          d.where = SourceLoc{file, line, column, {}};
          d.message.en = std::move(en);
          expected.add(std::move(d));
        };
        if (std::string(file) == "b.csv")
          add(1, "duplicate ID (编号) 'A" + n + "': first seen at a.csv:" + std::to_string(line));
        add(static_cast<int>(n.size()) + 3,
            std::string("received date (收到日期) '") + (i % 2 == 0 ? "2023-13-01" : "2023-02-30") +
                "' is not a valid date (write 2023-01-05, 2023/1/5, 2023.1.5 or 2023年1月5日)");
        add(static_cast<int>(n.size()) + 18,
            "outcome (办理结果) '予以保密' is not an outcome row of table 三; did you mean '予以公开' or '国家秘密' or "
            "'重复申请'?");
      }
    REQUIRE(run.out.items().size() == expected.items().size());
    CHECK(run.out.items().size() == 306);
    for (std::size_t i = 0; i < expected.items().size(); ++i) {
      const Diagnostic& got = run.out.items()[i];
      const Diagnostic& want = expected.items()[i];
      CAPTURE(i);
      CHECK(got.message.en == want.message.en);
      CHECK(got.where.to_string() == want.where.to_string());
      REQUIRE(got.also.size() == want.also.size());
      for (std::size_t k = 0; k < want.also.size(); ++k) CHECK(got.also[k].to_string() == want.also[k].to_string());
    }
  }

  TEST_CASE("a finding left out by the finding limit stays counted for every row") {
    set_finding_limit(1);
    test::RequestRun run(2023);
    std::string csv = "编号,收到日期,申请人类型,办理结果,答复日期\n";
    for (int i = 0; i < 50; ++i) csv += "A" + std::to_string(i) + ",2023-13-01,自然人,予以保密,2023-03-01\n";
    CHECK(run.feed("r.csv", csv));
    set_finding_limit(kDefaultFindingLimit);
    REQUIRE(run.out.items().size() == 1);
    CHECK(run.out.items()[0].also.size() == 49);
    CHECK(run.out.dropped() == 50);
    CHECK(run.out.count(Severity::error) == 51);
  }

  TEST_CASE("findings cleared between files are made again") {
    test::RequestRun run(2023);
    const std::string csv =
        "编号,收到日期,申请人类型,办理结果,答复日期\nA1,2023-13-01,自然人,,\nA2,2023-13-01,自然人,,\n";
    CHECK(run.feed("r.csv", csv));
    REQUIRE(run.out.items().size() == 1);
    run.out.clear();
    CHECK(run.feed("s.csv",
                   "编号,收到日期,申请人类型,办理结果,答复日期\nB1,2023-13-01,自然人,,\nB2,2023-13-01,自然人,,\n"));
    REQUIRE(run.out.items().size() == 1);
    CHECK(run.out.items()[0].where.to_string() == "s.csv:2:4");
    CHECK(run.out.items()[0].also.size() == 1);
  }

  TEST_CASE("every row that cannot be placed is listed with its location and not counted") {
    test::RequestRun run(2023);
    CHECK(run.feed("bad.csv",
                   "台账 2023\n"
                   "编号,收到日期,申请人类型,办理结果,答复日期\n"
                   "B1,2023-13-01,自然人,,\n"
                   "B2,2023-02-01,外星人,,\n"
                   "B3,2023-02-01,自然人,予以公开,\n"
                   "B4,2023-02-01,自然人,,2023-02-10\n"
                   "B5,2023-02-10,自然人,予以公开,2023-02-01\n"
                   "B1,2023-02-01,自然人,,\n"
                   "B6,2023-02-01,法人或其他组织,,\n"
                   "B7,2023-02-01,自然人,不予公开,2023-03-01\n"
                   "B8,2023-02-01,自然人,予以保密,2023-03-01\n"
                   "B9,,自然人,,\n"
                   "B10,2023-02-01,自然人,,\n"));
    CHECK(
        run.findings() ==
        "bad.csv:3:4: error[register]: received date (收到日期) '2023-13-01' is not a valid date (write 2023-01-05, "
        "2023/1/5, 2023.1.5 or 2023年1月5日)\n"
        "bad.csv:4:15: error[register]: applicant type (申请人类型) '外星人' is not an applicant column of table 三; "
        "did you mean '自然人' or '企业' or '高校'?\n"
        "bad.csv:5:24: error[register]: the outcome (办理结果) is '予以公开' but the reply date (答复日期) is empty: "
        "the year it was closed is unknown (leave the outcome empty while a request is open)\n"
        "bad.csv:6:19: error[register]: the reply date (答复日期) is 2023-02-10 but the outcome (办理结果) is empty\n"
        "bad.csv:7:24: error[register]: reply date (答复日期) 2023-02-01 is before the received date (收到日期) "
        "2023-02-10\n"
        "bad.csv:8:1: error[register]: duplicate ID (编号) 'B1': first seen at bad.csv:3\n"
        "bad.csv:9:15: error[register]: applicant type (申请人类型) '法人或其他组织' names a group: write one of "
        "'商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'\n"
        "bad.csv:10:19: error[register]: outcome (办理结果) '不予公开' names a group: write one of '1.属于国家秘密', "
        "'2.其他法律行政法规禁止公开', '3.危及“三安全一稳定”', '4.保护第三方合法权益', '5.属于三类内部事务信息', "
        "'6.属于四类过程性信息', '7.属于行政执法案卷', '8.属于行政查询事项'\n"
        "bad.csv:11:19: error[register]: outcome (办理结果) '予以保密' is not an outcome row of table 三; did you mean "
        "'予以公开' or '国家秘密' or '重复申请'?\n"
        "bad.csv:12:4: error[register]: received date (收到日期) is empty\n");
    CHECK(run.reg.rows() == 11);
    CHECK(run.reg.rejected() == 10);
    CHECK(run.at("received", "natural_person") == 1);
  }

  TEST_CASE("findings name the header as the register writes it, in Chinese too") {
    test::RequestRun run(2023);
    CHECK(run.feed("zh.csv",
                   "序号,收文时间,申请人性质,答复类型,办结日期\n"
                   "1,2023/5/1,自然人,予以公开,2023/4/30\n"
                   "2,2023/5/1,自然人,,2023/5/30\n"
                   "1,2023/5/2,自然人,,\n"));
    CHECK(run.findings_zh() ==
          "zh.csv:2:21: error[register]: 办结日期 2023-04-30 早于收文时间 2023-05-01\n"
          "zh.csv:3:16: error[register]: 已有办结日期 2023-05-30，但答复类型为空\n"
          "zh.csv:4:1: error[register]: 序号「1」重复，首次出现在 zh.csv:2\n");
  }

  TEST_CASE("--columns names a header the defaults do not know") {
    RegisterColumns columns = request_columns(test::vocabulary().requests);
    CHECK_FALSE(apply_column_spec("received=来信日期，outcome=结论", columns));
    test::RequestRun run(2023, "2021", columns);
    CHECK(run.feed("c.csv", "来信日期,申请人类型,结论,答复日期\n2023-01-02,自然人,予以公开,2023-01-09\n"));
    CHECK(run.findings() == "");
    CHECK(run.at("granted", "natural_person") == 1);
  }

  TEST_CASE("a malformed --columns is refused with the reason and changes nothing") {
    RegisterColumns columns = request_columns(test::vocabulary().requests);
    const auto before = columns.fields[1].headers;
    auto bad = apply_column_spec("received=来信日期,recieved=x", columns);
    REQUIRE(bad);
    CHECK(bad->en == "unknown field 'recieved'; the fields are: id, received, applicant, outcome, replied");
    CHECK(columns.fields[1].headers == before);
    bad = apply_column_spec("received", columns);
    REQUIRE(bad);
    CHECK(bad->en == "column setting 'received' must read field=header, e.g. received=收文时间");
  }

  TEST_CASE("a register without its header is unreadable, and the message says what is missing") {
    test::RequestRun run(2023);
    CHECK(run.feed("h.csv", "编号,收到时间X,申请人类型,办理结果\n1,2023-01-01,自然人,\n"));
    CHECK(run.reg.unreadable());
    CHECK(run.findings() ==
          "h.csv:1: error[register]: no register header in the first 2 non-empty rows: missing received date "
          "(headers: 收到日期, 申请日期, 收文日期, 收到时间, 申请时间, 收文时间, 受理日期, 登记日期); reply date "
          "(headers: 答复日期, 办结日期, 答复时间, 办结时间, 告知日期). is '收到时间X' the received date? say so with "
          "--columns received=收到时间X\n");
  }

  TEST_CASE("an empty register file is unreadable") {
    test::RequestRun run(2023);
    CHECK(run.feed("e.csv", ""));
    CHECK(run.reg.unreadable());
    CHECK(run.findings() == "e.csv: error[register]: it is empty: no register header\n");
  }

  TEST_CASE("malformed CSV quoting makes the file unreadable") {
    test::RequestRun run(2023);
    CHECK_FALSE(run.feed("q.csv", "编号,收到日期,申请人类型,办理结果,答复日期\n1,\"2023-01-01,自然人,,\n"));
    CHECK(run.out.has_errors());
  }

  TEST_CASE("a GB18030 register from Excel is decoded, and the encoding is said") {
    test::RequestRun run(2023);
    // 编号,收到日期,申请人类型,办理结果,答复日期 / 1,2023-01-01,自然人,予以公开,2023-01-03 in GB18030.
    const std::string gb =
        "\xB1\xE0\xBA\xC5,\xCA\xD5\xB5\xBD\xC8\xD5\xC6\xDA,\xC9\xEA\xC7\xEB\xC8\xCB\xC0\xE0\xD0\xCD,"
        "\xB0\xEC\xC0\xED\xBD\xE1\xB9\xFB,\xB4\xF0\xB8\xB4\xC8\xD5\xC6\xDA\r\n"
        "1,2023-01-01,\xD7\xD4\xC8\xBB\xC8\xCB,\xD3\xE8\xD2\xD4\xB9\xAB\xBF\xAA,2023-01-03\r\n";
    CHECK(run.feed("gb.csv", gb));
    CHECK(run.findings() == "gb.csv: info[encoding]: decoded as GB18030 (not valid UTF-8)\n");
    CHECK(run.at("granted", "natural_person") == 1);
  }

  TEST_CASE("IDs are unique across every file of a run") {
    test::RequestRun run(2023);
    CHECK(run.feed("a.csv", "编号,收到日期,申请人类型,办理结果,答复日期\nX1,2023-01-01,自然人,,\n"));
    CHECK(run.feed("b.csv", "编号,收到日期,申请人类型,办理结果,答复日期\nX1,2023-01-01,自然人,,\n"));
    CHECK(run.findings() == "b.csv:2:1: error[register]: duplicate ID (编号) 'X1': first seen at a.csv:2\n");
  }
}
