// The PDF layout reader on the committed test PDFs (tests/data/import/pdf/README.md says how each
// was made) and on hand-made pages: tables found, figures in their rows and columns, a table
// continued over a page break, running headers and footers left out, refusals.
#include <gongkai/import/pdf_document.hpp>
#include <gongkai/import/pdf_layout.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

using gongkai::import::SourceCell;
using gongkai::import::SourceDocument;
using gongkai::import::SourceTable;

namespace {

std::string pdf_path(const std::string& name) {
  return std::string(GONGKAI_SOURCE_DIR) + "/tests/data/import/pdf/" + name;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

SourceDocument read(const std::string& name) {
  gongkai::Diagnostics d;
  return gongkai::import::read_pdf_document(name, slurp(pdf_path(name)), d);
}

// The cell whose text is `text`, in any table; its table's index in `table`.
std::optional<SourceCell> find(const SourceDocument& doc, const std::string& text, std::size_t* table = nullptr) {
  for (std::size_t t = 0; t < doc.tables.size(); ++t)
    for (const auto& c : doc.tables[t].cells)
      if (c.text == text) {
        if (table) *table = t;
        return c;
      }
  return std::nullopt;
}

// The texts of the figure cells in a row, by column; "" where none.
std::vector<std::string> row_texts(const SourceTable& t, int row) {
  std::vector<std::string> out(static_cast<std::size_t>(t.cols));
  for (const auto& c : t.cells)
    if (c.row == row) out[static_cast<std::size_t>(c.col)] = c.text;
  return out;
}

std::string error_of(const std::string& name, const std::string& bytes) {
  gongkai::Diagnostics d;
  try {
    (void)gongkai::import::read_pdf_document(name, bytes, d);
  } catch (const gongkai::InputError& e) {
    CHECK(e.rule() == "input");
    CHECK(e.where().file == name);
    CHECK_FALSE(e.message().zh.empty());
    return e.message().en;
  }
  return "";
}

}  // namespace

TEST_SUITE("import_pdf") {
  TEST_CASE("LibreOffice: the real 平潭 2022 report's tables 二 and 三, figures in their rows and columns") {
    auto doc = read("pingtan-2022-libreoffice.pdf");
    CHECK(doc.title == "平潭综合实验区2022年度政府信息公开工作年度报告");
    // Tables 二, 三 (over pages 2-4) and 四.
    REQUIRE(doc.tables.size() == 3);
    // Table 二: 行政规范性文件 88 / 55 / 698 (real-reports/2022_pingtan_syq.csv).
    std::size_t t = 0;
    auto label = find(doc, "规章", &t);
    REQUIRE(label);
    CHECK(t == 0);
    CHECK(doc.tables[t].cols == 4);
    CHECK(row_texts(doc.tables[t], label->row) == std::vector<std::string>{"规章", "0", "0", "0"});
    CHECK(row_texts(doc.tables[t], label->row + 1) == std::vector<std::string>{"行政规范性文件", "88", "55", "698"});
    // A sub-heading row left-aligned between two rows is a row of its own, joined to neither.
    auto item5 = find(doc, "第二十条第（五）项", &t);
    REQUIRE(item5);
    CHECK(item5->row == label->row + 2);
    auto permits = find(doc, "行政许可");
    REQUIRE(permits);
    CHECK(row_texts(doc.tables[0], permits->row)[1] == "10690");
    auto fee = find(doc, "行政事业性收费");
    REQUIRE(fee);
    CHECK(row_texts(doc.tables[0], fee->row)[1] == "9116.36");
    // Table 三: a label wrapped over two lines joins the row of its figures (自然人 71 … 总计 74).
    auto received = find(doc, "一、本年新收政府信息公开申请数\n量", &t);
    REQUIRE(received);
    CHECK(t == 1);
    CHECK(doc.tables[t].where == "pages 2-4");
    CHECK(doc.tables[t].cols == 10);
    CHECK(received->col_span == 3);
    CHECK(row_texts(doc.tables[t], received->row) ==
          std::vector<std::string>{"一、本年新收政府信息公开申请数\n量", "", "", "71", "3", "0", "0", "0", "0", "74"});
    CHECK(received->where == "page 2, x 58.2, y 722.9");
    // The last rows, on page 4: （七）总计 自然人 72, 商业企业 3, 总计 75.
    auto total = find(doc, "（七）总计", &t);
    REQUIRE(total);
    CHECK(t == 1);
    CHECK(row_texts(doc.tables[t], total->row) ==
          std::vector<std::string>{"", "（七）总计", "", "72", "3", "0", "0", "0", "0", "75"});
    CHECK(total->where.rfind("page 4, ", 0) == 0);
    // Table 四, read from its borders: 15 columns (no row label), its header of one character per
    // line joined in its cells, its 15 figures in the form's order (复议 0 1 1 0 2, 直接起诉
    // 1 0 0 0 1, 复议后起诉 0 0 0 0 0).
    const auto& review = doc.tables[2];
    CHECK(review.cols == 15);
    CHECK(row_texts(review, review.rows - 1) ==
          std::vector<std::string>{"0", "1", "1", "0", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"});
    auto corrected = find(doc, "结\n果\n纠\n正");
    REQUIRE(corrected);
    CHECK(corrected->row_span == 2);
    auto direct = find(doc, "未经复议直接起诉");
    REQUIRE(direct);
    CHECK(direct->col_span == 5);
    // （二）部分公开, a three-line label in one cell: 自然人 8, 商业企业 1, 总计 9.
    auto partial = find(doc, "（二）部分公开（区分\n处理的，只计这一情\n形，不计其他情形）", &t);
    REQUIRE(partial);
    CHECK(t == 1);
    auto row = row_texts(doc.tables[t], partial->row);
    CHECK(row[3] == "8");
    CHECK(row[4] == "1");
    CHECK(row.back() == "9");
    // Label cells over several rows are one cell with its row span, also over a page break:
    // 三、本年度办理结果 (its text on page 3, its cell from page 3 to page 4), （五）不予处理 (rows
    // on pages 3 and 4). An underlined label (5.要求行政机关确认…) is one cell: an underline is no
    // border.
    auto results = find(doc, "三、本年度\n办理结果");
    REQUIRE(results);
    CHECK(results->row_span == total->row - results->row + 1);
    auto refused = find(doc, "（五）\n不予处\n理");
    REQUIRE(refused);
    CHECK(refused->row_span == 5);
    auto confirm = find(doc, "5.要求行政机\n关确认或重新\n出具已获取信\n息");
    REQUIRE(confirm);
    CHECK(confirm->row == refused->row + 4);
    CHECK(confirm->where.rfind("page 4, ", 0) == 0);
  }

  TEST_CASE("Chromium: gongkai's own HTML report printed, table 三 continued over a page break") {
    auto doc = read("department-2023-chromium.pdf");
    CHECK(doc.title == "云溪市市场监督管理局2023年政府信息公开工作年度报告");
    REQUIRE(doc.tables.size() == 3);
    // Table 二 (sample-data/department-2023: 行政许可 18536, 行政事业性收费 36.8245).
    auto fee = find(doc, "行政事业性收费");
    REQUIRE(fee);
    // The figure cells span the table's three figure columns, as in the HTML printed.
    CHECK(row_texts(doc.tables[0], fee->row)[1] == "36.8245");
    auto permits = find(doc, "行政许可");
    REQUIRE(permits);
    CHECK(row_texts(doc.tables[0], permits->row)[1] == "18536");
    // Table 三's first rows on page 1.
    std::size_t t = 0;
    auto received = find(doc, "一、本年新收政府信息公开申请数量", &t);
    REQUIRE(received);
    CHECK(row_texts(doc.tables[t], received->row) ==
          std::vector<std::string>{"一、本年新收政府信息公开申请数量", "", "", "96", "14", "2", "1", "5", "3", "121"});
    // Table 三 runs from page 1 over pages 2 and 3, its header repeated by Chromium on each: one
    // table, the repeated headers dropped.
    CHECK(doc.tables[t].where == "pages 1-3");
    int headers = 0;
    for (const auto& c : doc.tables[t].cells) headers += c.text == "申请人情况" ? 1 : 0;
    CHECK(headers == 1);
    std::size_t t2 = 0;
    auto secret = find(doc, "1.属于国家秘密", &t2);
    REQUIRE(secret);
    CHECK(t2 == t);
    auto row = row_texts(doc.tables[t], secret->row);
    CHECK(row[3] == "1");
    CHECK(row.back() == "1");
    // Table 四 (复议 3 1 1 1 6, 直接起诉 2 0 0 1 3, 复议后起诉 1 0 0 0 1).
    CHECK(row_texts(doc.tables[2], doc.tables[2].rows - 1) ==
          std::vector<std::string>{"3", "1", "1", "1", "6", "2", "0", "0", "1", "3", "1", "0", "0", "0", "1"});
    auto other_law = find(doc, "2.其他法律行政法\n规禁止公开", &t);
    REQUIRE(other_law);
    CHECK(row_texts(doc.tables[t], other_law->row).back() == "2");
    auto total = find(doc, "（七）总计", &t);
    REQUIRE(total);
    CHECK(row_texts(doc.tables[t], total->row) ==
          std::vector<std::string>{"", "（七）总计", "", "97", "14", "2", "1", "5", "3", "122"});
    // Chromium's running header (date, title) and footer (file URL, page n/4) are left out.
    for (const auto& table : doc.tables)
      for (const auto& c : table.cells) CHECK(c.text.find("report.html") == std::string::npos);
    for (const auto& b : doc.blocks) {
      CHECK(b.text.find("report.html") == std::string::npos);
      CHECK(b.text.find("5:45") == std::string::npos);
    }
    // Headings outside the tables are blocks, placed among the tables.
    bool heading = false;
    for (const auto& b : doc.blocks)
      if (b.text == "四、政府信息公开行政复议、行政诉讼情况") {
        heading = true;
        CHECK(b.kind == gongkai::import::SourceBlock::Kind::heading);
        CHECK(b.tables_before == 2);
        CHECK(b.where == "page 3, y 314.7");
      }
    CHECK(heading);
  }

  TEST_CASE("the same PDF reads to the same document") {
    auto a = read("pingtan-2022-libreoffice.pdf");
    auto b = read("pingtan-2022-libreoffice.pdf");
    REQUIRE(a.tables.size() == b.tables.size());
    for (std::size_t t = 0; t < a.tables.size(); ++t) {
      REQUIRE(a.tables[t].cells.size() == b.tables[t].cells.size());
      for (std::size_t c = 0; c < a.tables[t].cells.size(); ++c) {
        CHECK(a.tables[t].cells[c].text == b.tables[t].cells[c].text);
        CHECK(a.tables[t].cells[c].where == b.tables[t].cells[c].where);
      }
    }
  }

  TEST_CASE("refused: scanned, damaged, not a PDF") {
    CHECK(error_of("scanned.pdf", slurp(pdf_path("scanned.pdf"))).find("this is a scanned PDF") == 0);
    CHECK(error_of("truncated.pdf", slurp(pdf_path("truncated.pdf"))) ==
          "cannot open the PDF (the file is damaged or incomplete)");
    CHECK(error_of("x.pdf", "hello") == "not a PDF file (no %PDF- marker at its start)");
    CHECK(error_of("x.pdf", "") == "not a PDF file (no %PDF- marker at its start)");
    CHECK(error_of("encrypted.pdf", slurp(pdf_path("encrypted.pdf"))) ==
          "the PDF is encrypted (a password is needed): its text cannot be read; give an unencrypted copy");
  }

  TEST_CASE("a PDF with an owner password only is read as the unencrypted one") {
    auto plain = read("pingtan-2022-libreoffice.pdf");
    auto owner = read("owner-password.pdf");
    REQUIRE(owner.tables.size() == plain.tables.size());
    for (std::size_t t = 0; t < plain.tables.size(); ++t) {
      REQUIRE(owner.tables[t].cells.size() == plain.tables[t].cells.size());
      for (std::size_t c = 0; c < plain.tables[t].cells.size(); ++c)
        CHECK(owner.tables[t].cells[c].text == plain.tables[t].cells[c].text);
    }
  }

  TEST_CASE("a blank page is not warned about; the pages after it are read") {
    gongkai::Diagnostics d;
    auto doc = gongkai::import::read_pdf_document("p.pdf", slurp(pdf_path("pingtan-2022-libreoffice.pdf")), d);
    CHECK(d.items().empty());
    CHECK(doc.tables.size() == 3);
  }

  TEST_CASE("without its borders, the LibreOffice PDF's tables are rebuilt from the text alone") {
    gongkai::Diagnostics d;
    gongkai::import::PdfLimits limits;
    limits.ruling_lines = false;
    auto doc = gongkai::import::read_pdf_document("p.pdf", slurp(pdf_path("pingtan-2022-libreoffice.pdf")), d, limits);
    REQUIRE(doc.tables.size() == 3);
    std::size_t t = 0;
    auto label = find(doc, "行政规范性文件", &t);
    REQUIRE(label);
    CHECK(t == 0);
    CHECK(row_texts(doc.tables[t], label->row) == std::vector<std::string>{"行政规范性文件", "88", "55", "698"});
    // A label wrapped over two lines joins the row of its figures; table 三 over pages 2-4.
    auto received = find(doc, "一、本年新收政府信息公开申请数\n量", &t);
    REQUIRE(received);
    CHECK(doc.tables[t].where == "pages 2-4");
    CHECK(row_texts(doc.tables[t], received->row) ==
          std::vector<std::string>{"一、本年新收政府信息公开申请数\n量", "", "", "71", "3", "0", "0", "0", "0", "74"});
    // Table 四's figures in one row, after an empty label column (the text reader's guess).
    const auto& review = doc.tables[2];
    CHECK(row_texts(review, review.rows - 1) ==
          std::vector<std::string>{"", "0", "1", "1", "0", "2", "1", "0", "0", "0", "1", "0", "0", "0", "0", "0"});
  }

  TEST_CASE("page limit: reported with its value") {
    gongkai::Diagnostics d;
    gongkai::import::PdfLimits limits;
    limits.max_pages = 2;
    try {
      (void)gongkai::import::read_pdf_document("p.pdf", slurp(pdf_path("pingtan-2022-libreoffice.pdf")), d, limits);
      FAIL("not refused");
    } catch (const gongkai::InputError& e) {
      CHECK(std::string(e.message().en).find("more than the limit of 2 pages") != std::string::npos);
    }
  }
}

TEST_SUITE("import_pdf_layout") {
  using gongkai::import::pdf::Page;
  using gongkai::import::pdf::Word;
  Word w(const std::string& text, double x, double y, double width = 0) {
    return Word{text, x, y, x + (width > 0 ? width : 10.0 * static_cast<double>(text.size()) / 3), y + 12, 10};
  }

  // Two pages of one table: a running header and a page number on each, the table's label of
  // row 2 wrapped over two lines with its figures on the first.
  std::vector<Page> two_pages() {
    std::vector<Page> pages;
    for (int p = 1; p <= 2; ++p) {
      Page page;
      page.number = p;
      page.width = 595;
      page.height = 842;
      page.words.push_back(w("某某局政府信息公开年度报告", 200, 30));
      page.words.push_back(w("第", 280, 800, 10));
      page.words.push_back(w(std::to_string(p), 292, 800, 6));
      page.words.push_back(w("页", 300, 800, 10));
      pages.push_back(page);
    }
    auto& a = pages[0].words;
    a.push_back(w("项目", 60, 100));
    a.push_back(w("甲", 300, 100));
    a.push_back(w("乙", 400, 100));
    a.push_back(w("第一行", 60, 130));
    a.push_back(w("1", 300, 130, 6));
    a.push_back(w("2", 400, 130, 6));
    a.push_back(w("第二行很长的名称", 60, 160));
    a.push_back(w("30", 300, 160, 12));
    a.push_back(w("40", 400, 160, 12));
    a.push_back(w("续行", 60, 174));
    a.push_back(w("第三行", 60, 196));
    a.push_back(w("5", 300, 196, 6));
    a.push_back(w("6", 400, 196, 6));
    auto& b = pages[1].words;
    b.push_back(w("第四行", 60, 100));
    b.push_back(w("7", 300, 100, 6));
    b.push_back(w("8", 400, 100, 6));
    b.push_back(w("第五行", 60, 130));
    b.push_back(w("9", 300, 130, 6));
    b.push_back(w("10", 400, 130, 12));
    return pages;
  }

  TEST_CASE("running header and page numbers left out; a table over a page break is one; a wrapped label joins") {
    auto doc = gongkai::import::pdf::lay_out("t.pdf", "", two_pages());
    REQUIRE(doc.tables.size() == 1);
    const auto& t = doc.tables[0];
    CHECK(t.where == "pages 1-2");
    CHECK(t.cols == 3);
    CHECK(t.rows == 6);
    CHECK(row_texts(t, 0) == std::vector<std::string>{"项目", "甲", "乙"});
    CHECK(row_texts(t, 2) == std::vector<std::string>{"第二行很长的名称\n续行", "30", "40"});
    CHECK(row_texts(t, 4) == std::vector<std::string>{"第四行", "7", "8"});
    CHECK(row_texts(t, 5) == std::vector<std::string>{"第五行", "9", "10"});
    for (const auto& c : t.cells) CHECK(c.text.find("某某局") == std::string::npos);
    for (const auto& bl : doc.blocks) {
      CHECK(bl.text.find("某某局") == std::string::npos);
      CHECK(bl.text.find("页") == std::string::npos);
    }
    auto five = std::find_if(t.cells.begin(), t.cells.end(), [](const SourceCell& c) { return c.text == "10"; });
    REQUIRE(five != t.cells.end());
    CHECK(five->where == "page 2, x 400.0, y 130.0");
  }

  TEST_CASE("a line of 300 figures is no table: its text stays, as a block") {
    Page page;
    page.width = 595;
    page.height = 842;
    page.words.push_back(w("说明", 10, 400));
    for (int k = 0; k < 300; ++k) page.words.push_back(w(std::to_string(k), 60.0 + 30.0 * k, 400, 12));
    auto doc = gongkai::import::pdf::lay_out("t.pdf", "", {page});
    CHECK(doc.tables.empty());
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].text.rfind("说明0 1 2 3", 0) == 0);
    CHECK(doc.blocks[0].where == "page 1, y 400.0");
  }
  // A ruled table: borders at x 50, 150, 250, 350 and y 100, 130, 160, 190; the label cell of
  // rows 2 and 3 spans them (no border at y 160 under it), its second line underlined.
  Page ruled_page() {
    using gongkai::import::pdf::Rule;
    Page page;
    page.width = 595;
    page.height = 842;
    page.words = {w("项目", 60, 109),   w("甲", 160, 109),    w("乙", 260, 109),
                  w("合并行", 60, 146), w("下划线", 60, 160), w("1", 160, 139, 6),
                  w("2", 260, 139, 6),  w("3", 160, 169, 6),  w("4", 260, 169, 6)};
    for (double y : {100.0, 130.0, 190.0}) page.rules.push_back(Rule{50, y, 350, y});
    page.rules.push_back(Rule{150, 160, 350, 160});
    page.rules.push_back(Rule{50, 171.5, 150, 171.5});  // the underline, through the word's box
    for (double x : {50.0, 150.0, 250.0, 350.0}) page.rules.push_back(Rule{x, 100, x, 190});
    return page;
  }

  TEST_CASE("a ruled table: cells from its borders, a label over two rows, an underline no border") {
    auto doc = gongkai::import::pdf::lay_out("t.pdf", "", {ruled_page()});
    REQUIRE(doc.tables.size() == 1);
    const auto& t = doc.tables[0];
    CHECK(t.where == "page 1");
    CHECK(t.rows == 3);
    CHECK(t.cols == 3);
    CHECK(row_texts(t, 0) == std::vector<std::string>{"项目", "甲", "乙"});
    CHECK(row_texts(t, 1) == std::vector<std::string>{"合并行\n下划线", "1", "2"});
    CHECK(row_texts(t, 2) == std::vector<std::string>{"", "3", "4"});
    auto label =
        std::find_if(t.cells.begin(), t.cells.end(), [](const SourceCell& c) { return c.col == 0 && c.row == 1; });
    REQUIRE(label != t.cells.end());
    CHECK(label->row_span == 2);
    CHECK(label->where == "page 1, x 60.0, y 146.0");
    CHECK(doc.blocks.empty());
  }

  TEST_CASE("a word beside a ruled table, on the line of one of its rows, stays outside it") {
    Page page = ruled_page();
    page.words.push_back(w("旁注", 450, 139));
    auto doc = gongkai::import::pdf::lay_out("t.pdf", "", {page});
    REQUIRE(doc.tables.size() == 1);
    CHECK(row_texts(doc.tables[0], 1) == std::vector<std::string>{"合并行\n下划线", "1", "2"});
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].text == "旁注");
    CHECK(doc.blocks[0].where == "page 1, y 139.0");
  }

  TEST_CASE("a ruled table open at its sides ends where its horizontal lines end") {
    Page page = ruled_page();
    std::erase_if(page.rules,
                  [](const gongkai::import::pdf::Rule& r) { return r.x0 == r.x1 && (r.x0 == 50 || r.x0 == 350); });
    auto doc = gongkai::import::pdf::lay_out("t.pdf", "", {page});
    REQUIRE(doc.tables.size() == 1);
    const auto& t = doc.tables[0];
    CHECK(t.cols == 3);
    CHECK(row_texts(t, 0) == std::vector<std::string>{"项目", "甲", "乙"});
    CHECK(row_texts(t, 1) == std::vector<std::string>{"合并行\n下划线", "1", "2"});
    CHECK(doc.blocks.empty());
  }

  TEST_CASE("the same table without its borders is rebuilt from the text") {
    Page page = ruled_page();
    page.rules.clear();
    auto doc = gongkai::import::pdf::lay_out("t.pdf", "", {page});
    REQUIRE(doc.tables.size() == 1);
    CHECK(doc.tables[0].cols == 3);
  }

  TEST_CASE("ruling lines from pixels: thin runs, not filled areas nor short strokes") {
    // 100 x 60 pixels at 2 pixels a point: a line 1 pixel thick at row 10 from x 5 to 94, a
    // vertical one at column 50 from row 0 to 59, a filled block 20 pixels high (no line), a
    // stroke 8 pixels long (shorter than the 5 points asked).
    const int width = 100, height = 60;
    std::vector<unsigned char> px(static_cast<std::size_t>(width * height), 255);
    auto set = [&](int x, int y) { px[static_cast<std::size_t>(y * width + x)] = 0; };
    for (int x = 5; x < 95; ++x) set(x, 10);
    for (int y = 0; y < height; ++y) set(50, y);
    for (int y = 30; y < 50; ++y)
      for (int x = 60; x < 95; ++x) set(x, y);
    for (int x = 10; x < 18; ++x) set(x, 40);
    auto rules = gongkai::import::pdf::rules_from_image(px.data(), width, height, width, 2.0, 5.0);
    int horizontal = 0, vertical = 0;
    for (const auto& r : rules) {
      if (r.y0 == r.y1) {
        ++horizontal;
        CHECK(r.x0 == doctest::Approx(2.5));
        CHECK(r.x1 == doctest::Approx(47.5));
        CHECK(r.y0 == doctest::Approx(5.25));
      } else {
        ++vertical;
        CHECK(r.x0 == doctest::Approx(25.25));
        CHECK(r.y1 - r.y0 == doctest::Approx(30));
      }
    }
    CHECK(horizontal == 1);
    CHECK(vertical == 1);
  }

  TEST_CASE("ruling lines from pixels: a light grey line; a black line beside a light grey shaded area") {
    // 100 x 60 pixels at 1 pixel a point: a light grey (#ccc) line at row 5; a black line at row
    // 20 right above an area shaded grey 200 (rows 21-40), which is no line.
    const int width = 100, height = 60;
    std::vector<unsigned char> px(static_cast<std::size_t>(width * height), 255);
    for (int x = 10; x < 90; ++x) px[static_cast<std::size_t>(5 * width + x)] = 204;
    for (int x = 10; x < 90; ++x) px[static_cast<std::size_t>(20 * width + x)] = 0;
    for (int y = 21; y <= 40; ++y)
      for (int x = 10; x < 90; ++x) px[static_cast<std::size_t>(y * width + x)] = 200;
    auto rules = gongkai::import::pdf::rules_from_image(px.data(), width, height, width, 1.0, 10.0);
    std::vector<double> ys;
    for (const auto& r : rules) {
      REQUIRE(r.y0 == r.y1);
      ys.push_back(r.y0);
    }
    std::sort(ys.begin(), ys.end());
    CHECK(ys == std::vector<double>{5.5, 20.5});
  }
  // One ruled table over two pages: its header repeated at the top of page 2, the group label
  // 组 of page 1 going on over page 2 (its column left empty there).
  std::vector<Page> ruled_pages() {
    using gongkai::import::pdf::Rule;
    std::vector<Page> pages(2);
    for (int p = 0; p < 2; ++p) {
      Page& page = pages[static_cast<std::size_t>(p)];
      page.number = p + 1;
      page.width = 595;
      page.height = 842;
      page.words = {w("项目", 60, 109), w("甲", 210, 109), w("乙", 310, 109)};
      page.rules.push_back(Rule{50, 100, 400, 100});
      page.rules.push_back(Rule{50, 130, 400, 130});
      page.rules.push_back(Rule{50, 100, 50, p == 0 ? 190.0 : 160.0});
      for (double x : {200.0, 300.0, 400.0}) page.rules.push_back(Rule{x, 100, x, p == 0 ? 190.0 : 160.0});
      page.rules.push_back(Rule{100, 130, 100, p == 0 ? 190.0 : 160.0});
    }
    auto& a = pages[0];
    a.words.insert(a.words.end(), {w("组", 60, 139), w("一", 110, 139), w("1", 210, 139, 6), w("2", 310, 139, 6),
                                   w("二", 110, 169), w("3", 210, 169, 6), w("4", 310, 169, 6)});
    a.rules.push_back(Rule{100, 160, 400, 160});
    a.rules.push_back(Rule{50, 190, 400, 190});
    auto& b = pages[1];
    b.words.insert(b.words.end(), {w("三", 110, 139), w("5", 210, 139, 6), w("6", 310, 139, 6)});
    b.rules.push_back(Rule{50, 160, 400, 160});
    return pages;
  }

  TEST_CASE("a ruled table over a page break: one table, the repeated header dropped, a label cell spans on") {
    auto doc = gongkai::import::pdf::lay_out("t.pdf", "", ruled_pages());
    REQUIRE(doc.tables.size() == 1);
    const auto& t = doc.tables[0];
    CHECK(t.where == "pages 1-2");
    CHECK(t.cols == 4);
    CHECK(t.rows == 4);
    CHECK(row_texts(t, 0) == std::vector<std::string>{"项目", "", "甲", "乙"});
    CHECK(row_texts(t, 1) == std::vector<std::string>{"组", "一", "1", "2"});
    CHECK(row_texts(t, 2) == std::vector<std::string>{"", "二", "3", "4"});
    CHECK(row_texts(t, 3) == std::vector<std::string>{"", "三", "5", "6"});
    auto group = std::find_if(t.cells.begin(), t.cells.end(), [](const SourceCell& c) { return c.text == "组"; });
    REQUIRE(group != t.cells.end());
    CHECK(group->row_span == 3);
    auto header = std::find_if(t.cells.begin(), t.cells.end(), [](const SourceCell& c) { return c.text == "项目"; });
    REQUIRE(header != t.cells.end());
    CHECK(header->col_span == 2);
    CHECK(std::count_if(t.cells.begin(), t.cells.end(), [](const SourceCell& c) { return c.text == "甲"; }) == 1);
  }
}
