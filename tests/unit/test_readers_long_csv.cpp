#include "test_support.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/readers/encoding.hpp>
#include <gongkai/readers/long_csv.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <doctest/doctest.h>

#include <iconv.h>
#include <filesystem>
#include <string>
#include <vector>

using namespace gongkai;

namespace {

std::string real_report(const std::string& file) {
  return read_file((std::filesystem::path(GONGKAI_SOURCE_DIR) / "tests/data/real-reports" / file).string());
}

std::optional<Report> read(std::string_view text, Diagnostics& out, ReportMeta meta = {}) {
  return read_long_csv("t.csv", text, test::forms(), meta, out);
}

std::int64_t raw(const Report& r, const std::string& id) {
  const CellValue* v = r.find(id);
  REQUIRE_MESSAGE(v != nullptr, id);
  REQUIRE_MESSAGE(v->has_value(), id);
  return v->raw;
}

// One finding a line, as `gongkai check --lang en` prints them.
std::string joined(const Diagnostics& d) { return render_diagnostics_text(d, Lang::en); }

std::vector<std::string> lines_of(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) {
    std::string line = render_diagnostic_line(item, Lang::en);
    line.pop_back();
    out.push_back(line);
  }
  return out;
}

std::string gb18030_of(std::string_view utf8) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
  std::string out(utf8.size() * 2 + 4, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* o = out.data();
  std::size_t out_left = out.size();
  REQUIRE(iconv(cd, &in, &in_left, &o, &out_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

constexpr std::string_view kHeader = "section,row,column,value\n";

}  // namespace

TEST_SUITE("readers/long_csv") {
  TEST_CASE("a real 2021 report reads without a finding and checks clean") {
    Diagnostics out;
    ReportMeta meta;
    meta.agency = "pingtan_syq";
    meta.year = 2021;
    auto r = read(real_report("2021_pingtan_syq.csv"), out, meta);
    REQUIRE(r);
    CHECK(joined(out) == std::string("t.csv: info[form]: form 2021 (国办公开办函〔2021〕30号) inferred from the labels"
                                     "\n"));
    CHECK(r->form->id == "2021");
    CHECK(r->agency == "pingtan_syq");
    CHECK(r->year == 2021);
    CHECK(raw(*r, "proactive.fees.amount") == 24252311082);
    CHECK(format_value(*r->form->cell("proactive.fees.amount")->column, raw(*r, "proactive.fees.amount")) ==
          "24252.311082");
    CHECK(raw(*r, "proactive.normative_docs.in_force") == 665);
    CHECK(raw(*r, "applications.received.natural_person") == 64);
    CHECK(raw(*r, "applications.received.total") == 70);
    CHECK(raw(*r, "applications.refused.internal_affairs.natural_person") == 1);
    CHECK(raw(*r, "review_litigation.litigation_direct.upheld") == 12);
    const CellValue* fees = r->find("proactive.fees.amount");
    CHECK(fees->where.to_string() == "t.csv:11:43");

    Diagnostics checked;
    check_report(*r, CheckOptions{&test::forms()}, checked);
    CHECK(checked.count(Severity::error) == 0);
    CHECK(checked.count(Severity::warning) == 0);
  }

  TEST_CASE("the real 2021 and 2022 reports carry over and check clean across years") {
    Diagnostics out;
    ReportMeta m21;
    m21.year = 2021;
    ReportMeta m22;
    m22.year = 2022;
    auto r21 = read(real_report("2021_pingtan_syq.csv"), out, m21);
    auto r22 = read(real_report("2022_pingtan_syq.csv"), out, m22);
    REQUIRE(r21);
    REQUIRE(r22);
    CHECK_FALSE(out.has_errors());
    Diagnostics checked;
    check_report(*r21, CheckOptions{&test::forms()}, checked);
    check_report(*r22, CheckOptions{&test::forms()}, checked);
    check_cross_year(*r22, *r21, checked);
    CHECK(checked.count(Severity::error) == 0);
    CHECK(raw(*r22, "applications.carried_over.total") == raw(*r21, "applications.carried_forward.total"));
  }

  TEST_CASE("a GB18030 file is detected, decoded and read like its UTF-8 original") {
    const std::string utf8 = real_report("2021_pingtan_syq.csv");
    const std::string bytes = gb18030_of(utf8);
    REQUIRE(bytes != utf8);
    Diagnostics out;
    auto text = to_utf8(bytes, "gbk.csv", Encoding::detect, out);
    REQUIRE(text);
    CHECK(*text == utf8);
    auto r = read_long_csv("gbk.csv", *text, test::forms(), {}, out);
    REQUIRE(r);
    CHECK(joined(out) ==
          std::string("gbk.csv: info[encoding]: decoded as GB18030 (not valid UTF-8)"
                      "\n"
                      "gbk.csv: info[form]: form 2021 (国办公开办函〔2021〕30号) inferred from the labels"
                      "\n"));
    CHECK(raw(*r, "proactive.fees.amount") == 24252311082);
  }

  TEST_CASE("variant labels are matched, with one warning per distinct printed label") {
    std::string text(kHeader);
    text += "proactive,第二十条 第（一）项/规范性文件,本年制发件数,3\n";
    text += "proactive,第二十条 第（一）项/规范性文件,本年废止件数,1\n";
    text += "applications,（三）不予公开/5.属于三类内容事务信息,自然人,2\n";
    text += "applications,（三）不予公开/5.属于三类内容事务信息,法人或其他组织/商业 企业,1\n";
    text += "applications,5.属于三类内容事务信息,总计,3\n";
    text += "applications,2.其他法律行政止公开,自然人,0\n";
    text += "applications,\"(二)部分公开(区分处理的,只计这一情况,不计其他情形)\",自然人,4\n";
    text += "applications,1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请,自然人,1\n";
    text +=
        "applications,（六）其他处理/"
        "2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请,自然人,1\n";
    text += "applications,（六）其他处理/3.其他原因,自然人,1\n";
    Diagnostics out;
    auto r = read(text, out);
    REQUIRE(r);
    CHECK(joined(out) ==
          std::string(
              "t.csv: info[form]: form 2021 (国办公开办函〔2021〕30号) inferred from the labels"
              "\n"
              "t.csv:2:11: warning[label]: label '第二十条 第（一）项/规范性文件' matched to the official "
              "'第二十条第（一）项/行政规范性文件'"
              "\n"
              "t.csv:4:14: warning[label]: label '（三）不予公开/5.属于三类内容事务信息' matched to the official "
              "'（三）不予公开/5.属于三类内部事务信息'"
              "\n"
              "t.csv:5:35: warning[label]: label '法人或其他组织/商业 企业' matched to the official "
              "'法人或其他组织/商业企业'"
              "\n"
              "t.csv:6:14: warning[label]: label '5.属于三类内容事务信息' matched to the official "
              "'5.属于三类内部事务信息'"
              "\n"
              "t.csv:7:14: warning[label]: label '2.其他法律行政止公开' matched to the official "
              "'2.其他法律行政法规禁止公开'"
              "\n"
              "t.csv:8:14: warning[label]: label '(二)部分公开(区分处理的,只计这一情况,不计其他情形)' matched to "
              "the official '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'"
              "\n"
              "t.csv:9:14: warning[label]: label '1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' "
              "matched to the official '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'"
              "\n"
              "t.csv:10:14: warning[label]: label "
              "'（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请' matched to "
              "the official '（六）其他处理/2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'"
              "\n"
              "t.csv:11:14: warning[label]: label '（六）其他处理/3.其他原因' matched to the official "
              "'（六）其他处理/3.其他'"
              "\n"));
    CHECK(out.items()[1].message.zh ==
          "标签「第二十条 第（一）项/规范性文件」按官方表述「第二十条第（一）项/行政规范性文件」识别");
    CHECK(raw(*r, "proactive.normative_docs.issued") == 3);
    CHECK(raw(*r, "proactive.normative_docs.repealed") == 1);
    CHECK(raw(*r, "applications.refused.internal_affairs.natural_person") == 2);
    CHECK(raw(*r, "applications.refused.internal_affairs.business") == 1);
    CHECK(raw(*r, "applications.refused.internal_affairs.total") == 3);
    CHECK(raw(*r, "applications.refused.prohibited_by_law.natural_person") == 0);
    CHECK(raw(*r, "applications.partly_granted.natural_person") == 4);
    CHECK(raw(*r, "applications.other.no_correction.natural_person") == 1);
    CHECK(raw(*r, "applications.other.fee_unpaid.natural_person") == 1);
    CHECK(raw(*r, "applications.other.other.natural_person") == 1);
  }

  TEST_CASE("a variant column label recurring under several row groups is one warning") {
    std::string text(kHeader);
    text += "proactive,行政许可,本年处理决定数,5\n";
    text += "proactive,行政处罚,本年处理决定数,3\n";
    text += "proactive,行政强制,本年处理决定数,1\n";
    Diagnostics out;
    ReportMeta meta;
    meta.form_id = "2021";
    auto r = read(text, out, meta);
    REQUIRE(r);
    CHECK(joined(out) ==
          "t.csv:2:16: warning[label]: label '本年处理决定数' matched to the official '本年处理决定数量'\n");
    CHECK(raw(*r, "proactive.licensing.decisions") == 5);
    CHECK(raw(*r, "proactive.penalty.decisions") == 3);
    CHECK(raw(*r, "proactive.coercion.decisions") == 1);
  }

  TEST_CASE("a category label alone is the category's own figure") {
    std::string text(kHeader);
    text += "applications,（六）其他处理,自然人,3\n";
    text += "applications,三、本年度办理结果/（四）无法提供,总计,2\n";
    Diagnostics out;
    ReportMeta meta;
    meta.form_id = "2021";
    auto r = read(text, out, meta);
    REQUIRE(r);
    CHECK(out.empty());
    CHECK(raw(*r, "applications.other.natural_person") == 3);
    CHECK(raw(*r, "applications.unavailable.total") == 2);
  }

  TEST_CASE("review and litigation rows are found under their own sections or the heading") {
    std::string text(kHeader);
    text += "review,行政复议,结果维持,1\n";
    text += "litigation,行政诉讼/复议后起诉,总计,2\n";
    text += "四、政府信息公开行政复议、行政诉讼情况,未经复议直接起诉,其他结果,3\n";
    text += "review,复议后起诉,尚未审结,4\n";
    Diagnostics out;
    auto r = read(text, out);
    REQUIRE(r);
    CHECK(raw(*r, "review_litigation.review.upheld") == 1);
    CHECK(raw(*r, "review_litigation.litigation_after_review.total") == 2);
    CHECK(raw(*r, "review_litigation.litigation_direct.other") == 3);
    REQUIRE(out.count(Severity::error) == 1);
    CHECK(lines_of(out).back() ==
          "t.csv:5:8: error[label]: row label '复议后起诉' in table review_litigation is not recognised; the closest "
          "are: "
          "'行政复议'");
  }

  TEST_CASE("a form-2019 table with 本年增/减 is read as form 2019, negative changes included") {
    std::string text(kHeader);
    text += "proactive,第二十条第（一）项/规范性文件,本年新制作数量,5\n";
    text += "proactive,第二十条第（五）项/行政许可,上一年项目数量,40\n";
    text += "proactive,第二十条第（五）项/行政许可,本年增/减,-3\n";
    text += "proactive,行政处罚,本年增/减,2\n";
    text += "proactive,第二十条第（八）项/行政事业性收费,本年增/减,0\n";
    text += "proactive,政府集中采购,采购总金额,12.5万元\n";
    text += "applications,（六）其他处理,总计,1\n";
    Diagnostics out;
    ReportMeta meta;
    meta.year = 2021;  // an old template used for a new year: kept, the checker's form-year flags it
    auto r = read(text, out, meta);
    REQUIRE(r);
    CHECK(r->form->id == "2019");
    CHECK(lines_of(out).front() == "t.csv: info[form]: form 2019 (国办公开办函〔2019〕60号) inferred from the labels");
    CHECK(out.count(Severity::error) == 0);
    CHECK(raw(*r, "proactive.licensing.change") == -3);
    CHECK(raw(*r, "proactive.penalty.change") == 2);
    CHECK(raw(*r, "proactive.fees.change") == 0);
    CHECK(raw(*r, "proactive.procurement.amount") == 12500000);
    CHECK(raw(*r, "applications.other.total") == 1);
    Diagnostics checked;
    check_report(*r, CheckOptions{&test::forms()}, checked);
    bool form_year = false;
    for (const auto& d : checked.items()) form_year = form_year || d.rule == "form-year";
    CHECK(form_year);
  }

  TEST_CASE("a file fitting both forms equally takes the form of its year, else the newest") {
    std::string text(kHeader);
    text += "applications,一、本年新收政府信息公开申请数量,自然人,1\n";
    Diagnostics out;
    ReportMeta meta;
    meta.year = 2020;
    auto r = read(text, out, meta);
    REQUIRE(r);
    CHECK(r->form->id == "2019");
    CHECK(joined(out) == std::string("t.csv: info[form]: the labels fit forms 2019, 2021 equally; "
                                     "form 2019 (国办公开办函〔2019〕60号) chosen by the year"
                                     "\n"));
    Diagnostics out2;
    auto newest = read(text, out2);
    REQUIRE(newest);
    CHECK(newest->form->id == "2021");
  }

  TEST_CASE("the forms' fit of a label set is remembered, never across label sets or form sets") {
    std::string old_form(kHeader);
    old_form += "proactive,第二十条第（五）项/行政许可,本年增/减,-3\n";
    old_form += "applications,（六）其他处理,总计,1\n";
    const std::string new_form = real_report("2021_pingtan_syq.csv");
    const auto read_with = [](const FormSet& forms, const std::string& text) {
      Diagnostics out;
      auto r = read_long_csv("t.csv", text, forms, {}, out);
      REQUIRE(r);
      return std::make_pair(r->form->id, joined(out));
    };
    const auto first_old = read_with(test::forms(), old_form);
    const auto first_new = read_with(test::forms(), new_form);
    CHECK(first_old.first == "2019");
    CHECK(first_new.first == "2021");
    for (int i = 0; i < 3; ++i) {  // the same label sets again: the same forms and findings
      CHECK(read_with(test::forms(), old_form) == first_old);
      CHECK(read_with(test::forms(), new_form) == first_new);
    }
    // The same labels against other forms: fitted again, not taken from the memo.
    FormSet newest_only;
    newest_only.add(test::forms().by_id("2021"));
    const auto alone = read_with(newest_only, old_form);
    CHECK(alone.first == "2021");
    CHECK(alone.second.find("form 2021 (国办公开办函〔2021〕30号) inferred from the labels") != std::string::npos);
    CHECK(read_with(test::forms(), old_form) == first_old);
  }

  TEST_CASE("an unknown label is an error naming the closest official labels, and every problem is reported") {
    std::string text(kHeader);
    text += "applications,随便写的行,自然人,1\n";
    text += "applications,随便写的行,总计,1\n";
    text += "applications,（一）予以公开,自然人,abc\n";
    text += "applications,（一）予以公开,总计,2\n";
    text += "nowhere,规章,本年制发件数,1\n";
    text += "proactive,规章,没有这一列,1\n";
    text += "proactive,规章,本年制发件数\n";
    text += "proactive,行政许可,本年处理决定数量,5\n";
    text += "proactive,行政许可,本年处理决定数量,6\n";
    Diagnostics out;
    ReportMeta meta;
    meta.form_id = "2021";
    auto r = read(text, out, meta);
    REQUIRE(r);
    const auto lines = lines_of(out);
    REQUIRE(lines.size() == 6);
    CHECK(lines[0] ==
          "t.csv:8:1: error[csv]: line 8 has 3 fields, expected 4 (section,row,column,value); quote a "
          "field that contains a comma");
    CHECK(
        lines[1].starts_with("t.csv:2:14: error[label]: row label '随便写的行' in table applications is not "
                             "recognised; the closest are: "));
    CHECK(lines[2] ==
          "t.csv:4:26: error[number]: '三、本年度办理结果 / （一）予以公开 · 自然人' is not a number: 'abc'");
    CHECK(lines[3] ==
          "t.csv:6:1: error[label]: section 'nowhere' is not recognised; the closest are: 'review', "
          "'proactive', 'litigation'");
    CHECK(lines[4] ==
          "t.csv:7:14: error[label]: column label '没有这一列' of row '规章' is not recognised; the closest "
          "are: '现行有效件数', '本年制发件数', '本年废止件数'");
    CHECK(lines[5] ==
          "t.csv:10:25: error[duplicate]: cell '第二十条第（五）项 / 行政许可 · 本年处理决定数量' is given "
          "twice (first on line 9)");
    CHECK(out.items()[4].message.zh ==
          "「规章」行的列标签「没有这一列」无法识别；最接近的是：「现行有效件数」、「本年制发件数」、「本年废止件数」");
    CHECK(raw(*r, "proactive.licensing.decisions") == 5);
    CHECK(raw(*r, "applications.granted.total") == 2);
  }

  TEST_CASE("an unknown form is an error") {
    std::string text(kHeader);
    text += "applications,（一）予以公开,自然人,2\n";
    Diagnostics out;
    ReportMeta meta;
    meta.form_id = "2030";
    CHECK_FALSE(read(text, out, meta));
    CHECK(joined(out) == std::string("t.csv: error[form]: unknown form '2030' (known: 2019, 2021)"
                                     "\n"));
  }

  TEST_CASE("bad files are errors, never crashes") {
    SUBCASE("empty") {
      Diagnostics out;
      CHECK_FALSE(read("", out));
      CHECK(joined(out) == std::string("t.csv: error[csv]: the file is empty: expected the header "
                                       "section,row,column,value and one line per cell"
                                       "\n"));
    }
    SUBCASE("header only") {
      Diagnostics out;
      CHECK_FALSE(read("section,row,column,value\r\n", out));
      CHECK(joined(out) == std::string("t.csv: error[csv]: the file has a header but no cells"
                                       "\n"));
    }
    SUBCASE("wrong header") {
      Diagnostics out;
      auto r = read("sec,row,col\napplications,（一）予以公开,自然人,2\n", out);
      REQUIRE(r);
      CHECK(lines_of(out).at(0) ==
            "t.csv:1:1: error[csv]: the first line must be the header section,row,column,value, not 'sec,row,col'");
      CHECK(raw(*r, "applications.granted.natural_person") == 2);
    }
    SUBCASE("unterminated quote") {
      Diagnostics out;
      auto r = read("section,row,column,value\napplications,\"（一）予以公开,自然人,2\n", out);
      CHECK_FALSE(r);
      CHECK(joined(out) ==
            "t.csv:2:14: error[csv]: unterminated quoted field: the quote opened at line 2, column 14 is "
            "never closed\n");
    }
    SUBCASE("a header in capitals with spaces is still the header") {
      Diagnostics out;
      auto r = read("Section, Row ,Column,VALUE\napplications,（一）予以公开,自然人,2\n", out);
      REQUIRE(r);
      CHECK_FALSE(out.has_errors());
    }
    SUBCASE("blank lines and rows of empty fields are skipped") {
      Diagnostics out;
      auto r = read("section,row,column,value\n\n,,,\napplications,（一）予以公开,自然人,\n", out);
      REQUIRE(r);
      CHECK_FALSE(out.has_errors());
      CHECK(r->find("applications.granted.natural_person")->state == CellState::blank);
    }
  }
}
