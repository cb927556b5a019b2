#include <gongkai/core/error.hpp>
#include <gongkai/import/html_document.hpp>
#include <gongkai/readers/encoding.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace gongkai;
using namespace gongkai::import;

TEST_SUITE("import_html_document") {
  TEST_CASE("rowspan and colspan are expanded into the grid, each cell once at its top-left slot") {
    Diagnostics out;
    const std::string page =
        "<table><tr><td rowspan=2 colspan=2>corner</td><td colspan=2>group</td></tr>"
        "<tr><td>a</td><td>b</td></tr>"
        "<tr><td>x</td><td>y</td><td>1</td><td>2</td></tr></table>";
    SourceDocument doc = read_html_document("p.html", page, out);
    REQUIRE(doc.tables.size() == 1);
    const SourceTable& t = doc.tables[0];
    CHECK(t.rows == 3);
    CHECK(t.cols == 4);
    REQUIRE(t.cells.size() == 8);
    CHECK(t.cells[0].text == "corner");
    CHECK(t.cells[0].row_span == 2);
    CHECK(t.cells[0].col_span == 2);
    CHECK(t.cells[2].text == "a");  // row 2 starts after the corner's span
    CHECK(t.cells[2].row == 1);
    CHECK(t.cells[2].col == 2);
    CHECK(t.cells[7].text == "2");
    CHECK(t.cells[7].where == "table 1, row 3, column 4");
  }

  TEST_CASE("cell text: <br> and <p> are line breaks, runs of spans join, white space collapses, &nbsp; trims") {
    Diagnostics out;
    const std::string page =
        "<table><tr><td><p class=MsoNormal><span style='x'>结</span><span>果</span></p><p>维<br>持</p></td>"
        "<td><span>&nbsp;</span><span>5</span><span>&nbsp;</span><o:p></o:p></td>"
        "<td>商业\n   企业</td></tr></table>";
    SourceDocument doc = read_html_document("p.html", page, out);
    REQUIRE(doc.tables.size() == 1);
    CHECK(doc.tables[0].cells[0].text == "结果\n维\n持");
    CHECK(doc.tables[0].cells[1].text == "5");
    CHECK(doc.tables[0].cells[2].text == "商业 企业");
  }

  TEST_CASE("nested tables are tables of their own, in document order, and not part of the outer cell") {
    Diagnostics out;
    const std::string page =
        "<table><tr><td>menu<table><tr><td>inner</td></tr></table></td></tr></table><table><tr><td>last</td></tr>"
        "</table>";
    SourceDocument doc = read_html_document("p.html", page, out);
    REQUIRE(doc.tables.size() == 3);
    CHECK(doc.tables[0].cells[0].text == "menu");
    CHECK(doc.tables[1].cells[0].text == "inner");
    CHECK(doc.tables[1].where == "table 2");
    CHECK(doc.tables[2].cells[0].text == "last");
  }

  TEST_CASE("title, headings and paragraphs are blocks with their lines; scripts and hidden text are not") {
    Diagnostics out;
    const std::string page =
        "<html><head><title>某局2022年政府信息公开工作年度报告</title><script>var a='<p>x</p>';</script></head>\n"
        "<body>\n<h1>标题</h1>\n<p>一、总体情况</p>\n<div style=\"display: none\">hidden</div>\n"
        "<table><tr><td>1</td></tr></table>\n<p>2023年1月20日</p></body></html>";
    SourceDocument doc = read_html_document("p.html", page, out);
    CHECK(doc.title == "某局2022年政府信息公开工作年度报告");
    REQUIRE(doc.blocks.size() == 4);
    CHECK(doc.blocks[0].kind == SourceBlock::Kind::title);
    CHECK(doc.blocks[1].kind == SourceBlock::Kind::heading);
    CHECK(doc.blocks[1].text == "标题");
    CHECK(doc.blocks[1].where == "line 3");
    CHECK(doc.blocks[2].text == "一、总体情况");
    CHECK(doc.blocks[2].tables_before == 0);
    CHECK(doc.blocks[3].text == "2023年1月20日");
    CHECK(doc.blocks[3].tables_before == 1);
    CHECK(doc.blocks[3].where == "line 7");
  }

  TEST_CASE("charset: a GB2312 page is decoded as GB18030 (an info), UTF-8 otherwise, an unknown one refused") {
    const std::string text =
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        "<table><tr><td>自然人</td></tr></table>";
    const auto gbk = utf8_to_gb18030(text);
    REQUIRE(gbk);
    CHECK(declared_charset(*gbk) == std::optional<std::string>("gb2312"));
    Diagnostics out;
    SourceDocument doc = read_html_document("p.html", *gbk, out);
    REQUIRE(doc.tables.size() == 1);
    CHECK(doc.tables[0].cells[0].text == "自然人");
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].rule == "encoding");

    CHECK(declared_charset("<META charset='UTF-8'>") == std::optional<std::string>("utf-8"));
    CHECK_FALSE(declared_charset("<p>charset=gbk</p>"));
    Diagnostics none;
    CHECK_THROWS_AS((void)read_html_document("p.html", "<meta charset=big5><p>x</p>", none), InputError);
    // Declared UTF-8 (or nothing) but not UTF-8: the byte is named.
    try {
      (void)read_html_document("p.html", "<p>\xB0\xA1</p>", none);
      FAIL("no error");
    } catch (const InputError& e) {
      CHECK(std::string(e.what()).find("UTF-8") != std::string::npos);
    }
  }

  TEST_CASE("spans are bounded") {
    Diagnostics out;
    SourceDocument doc =
        read_html_document("p.html", "<table><tr><td colspan=99999 rowspan=99999>x</td></tr></table>", out);
    REQUIRE(doc.tables.size() == 1);
    CHECK(doc.tables[0].cols == 64);
    CHECK(doc.tables[0].rows == 1);
  }
}
