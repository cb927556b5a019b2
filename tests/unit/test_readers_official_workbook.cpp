#include "test_support.hpp"
#include "xlsx_test_files.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/readers/input.hpp>
#include <gongkai/readers/official_workbook.hpp>
#include <gongkai/readers/xlsx/cell_ref.hpp>
#include <gongkai/render/xlsx_report.hpp>

#include <doctest/doctest.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace gongkai;
using gongkai::test::TempDir;

namespace {

// Writes cells by their A1 references. Constant-memory mode needs each sheet's rows in order,
// so the sheets below are written top to bottom.
class SheetWriter {
 public:
  explicit SheetWriter(lxw_worksheet* ws) : ws_(ws) {}
  SheetWriter& text(const char* ref, const char* s) {
    REQUIRE(worksheet_write_string(ws_, CELL(ref), s, nullptr) == LXW_NO_ERROR);
    return *this;
  }
  SheetWriter& num(const char* ref, double v) {
    REQUIRE(worksheet_write_number(ws_, CELL(ref), v, nullptr) == LXW_NO_ERROR);
    return *this;
  }
  SheetWriter& merge(const char* range, const char* s) {
    REQUIRE(worksheet_merge_range(ws_, RANGE(range), s, nullptr) == LXW_NO_ERROR);
    return *this;
  }
  // A figure merged across a range: the number sits in its first cell.
  SheetWriter& merge_num(const char* range, double v) {
    REQUIRE(worksheet_merge_range(ws_, RANGE(range), "", nullptr) == LXW_NO_ERROR);
    REQUIRE(worksheet_write_number(ws_, lxw_name_to_row(range), lxw_name_to_col(range), v, nullptr) == LXW_NO_ERROR);
    return *this;
  }
  // Figures along row `row` from column `first` on.
  SheetWriter& nums(const char* first, std::uint32_t row, const std::vector<double>& values) {
    lxw_col_t col = lxw_name_to_col(first);
    for (double v : values) {
      REQUIRE(worksheet_write_number(ws_, static_cast<lxw_row_t>(row - 1), col++, v, nullptr) == LXW_NO_ERROR);
    }
    return *this;
  }

 private:
  lxw_worksheet* ws_;
};

using SheetFiller = std::function<void(SheetWriter&)>;

std::string workbook(const TempDir& dir, const std::vector<std::pair<std::string, SheetFiller>>& sheets,
                     bool constant_memory = false) {
  std::string path = dir.file(constant_memory ? "inline.xlsx" : "shared.xlsx");
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  std::string tmp = dir.file("");
  options.tmpdir = tmp.data();
  lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
  for (const auto& [name, fill] : sheets) {
    SheetWriter w(workbook_add_worksheet(book, name.c_str()));
    fill(w);
  }
  return test::close_workbook(book, path);
}

// Table 二 as an office types it: a title row, blocks in another order, rows moved, a title
// with a space inside (only white space: no finding), 「规范性文件」 for 「行政规范性文件」, a unit
// typed into a cell, a figure merged across the row.
void proactive_sheet(SheetWriter& w) {
  w.text("A1", "2023年主动公开情况（填报用）");
  w.text("A3", "第二十条 第（一）项");
  w.text("A4", "信息内容").text("B4", "本年制发件数").text("C4", "本年废止件数").text("D4", "现行有效件数");
  w.text("A5", "规范性文件").nums("B", 5, {4, 2, 27});
  w.text("A6", "规章").nums("B", 6, {0, 0, 0});
  w.text("A7", "第二十条第（六）项");
  w.text("A8", "信息内容").merge("B8:D8", "本年处理决定数量");
  w.text("A9", "行政强制").merge_num("B9:D9", 86);
  w.text("A10", "行政处罚").num("B10", 1247);
  w.text("A11", "第二十条第（五）项");
  w.text("A12", "信息内容").text("B12", "本年处理决定数量");
  w.text("A13", "行政许可").text("B13", "18536件");
  w.text("A14", "第二十条第（八）项");
  w.text("A15", "信息内容").text("B15", "本年收费金额（单位：万元）");
  w.text("A16", "行政事业性收费").num("B16", 36.8245);
}

// Table 三 as an office types it: a title and a unit note above, header spans typed once and
// not merged, 「商业 企业」 wrapped in its cell (no finding), rows moved, a blank row, category labels typed once above
// their sub-rows, the spec §6 variants, a note below.
void applications_sheet(SheetWriter& w) {
  w.text("A1", "三、收到和处理政府信息公开申请情况");
  w.text("A2", "单位：件");
  w.merge("D3:J3", "申请人情况");
  w.text("D4", "自然人").merge("E4:I4", "法人或其他组织").text("J4", "总计");
  w.text("E5", "商业 企业")
      .text("F5", "科研机构")
      .text("G5", "社会公益组织")
      .text("H5", "法律服务机构")
      .text("I5", "其他");
  w.text("A6", "二、上年结转政府信息公开申请数量").nums("D", 6, {6, 1, 0, 0, 0, 0, 7});
  w.text("A7", "一、本年新收政府信息公开申请数量").nums("D", 7, {96, 14, 2, 1, 5, 3, 121});
  w.text("A9", "三、本年度办理结果").text("B9", "（一）予以公开").nums("D", 9, {39, 7, 1, 1, 2, 2, 52});
  w.text("B10", "(二)部分公开(区分处理的,只计这一情况,不计其他情形)").nums("D", 10, {9, 2, 0, 0, 1, 0, 12});
  w.text("B11", "（三）不予公开").text("C11", "1.属于国家秘密").num("D11", 1);
  w.text("C12", "2.其他法律行政止公开").num("D12", 2);
  w.text("C13", "5.属于三类内容事务信息").num("D13", 2);
  w.text("B14", "（六）其他处理")
      .text("C14", "1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请")
      .num("D14", 1);
  w.text("C15", "3.其他原因").num("D15", 1);
  w.text("B16", "（七）总计").nums("D", 16, {97, 14, 2, 1, 5, 3, 122});
  w.text("A17", "四、结转下年度继续办理").nums("D", 17, {5, 1, 0, 0, 0, 0, 6});
  w.text("A18", "注：本表由办公室填报");
}

// Table 四 with its spans typed once, not merged, and a blank row before the figures.
void review_sheet(SheetWriter& w) {
  w.text("A1", "四、政府信息公开行政复议、行政诉讼情况");
  w.text("A2", "行政复议").text("F2", "行政诉讼");
  const char* kinds[] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
  const char* row3[] = {"A3", "B3", "C3", "D3", "E3"};
  for (int i = 0; i < 5; ++i) w.text(row3[i], kinds[i]);
  w.text("F3", "未经复议直接起诉").text("K3", "复议后起诉");
  const char* row4[] = {"F4", "G4", "H4", "I4", "J4", "K4", "L4", "M4", "N4", "O4"};
  for (int i = 0; i < 10; ++i) w.text(row4[i], kinds[i % 5]);
  w.nums("A", 6, {3, 1, 1, 1, 6, 2, 0, 0, 1, 3, 1, 0, 0, 0, 1});
}

std::string staff_workbook(const TempDir& dir, bool constant_memory = false) {
  return workbook(dir, {{"主动公开", proactive_sheet}, {"申请情况", applications_sheet}, {"复议诉讼", review_sheet}},
                  constant_memory);
}

ReportMeta meta_2023() {
  ReportMeta m;
  m.agency = "示例局";
  m.year = 2023;
  return m;
}

const CellValue& cell(const Report& r, const std::string& id) {
  const CellValue* v = r.find(id);
  REQUIRE(v != nullptr);
  return *v;
}

// Findings one a line, `severity rule where: message`, so that a failure shows them.
std::string lines(const Diagnostics& d) {
  std::string out;
  for (const auto& x : d.items()) {
    out += std::string(to_string(x.severity)) + " " + x.rule + " " + x.where.to_string() + ": " + x.message.en + "\n";
  }
  return out;
}

std::string lines(const std::vector<std::string>& expected) {
  std::string out;
  for (const auto& e : expected) out += e + "\n";
  return out;
}

std::string failure(const std::string& bytes) {
  Diagnostics out;
  try {
    (void)read_official_workbook("book.xlsx", bytes, test::forms(), meta_2023(), out);
  } catch (const InputError& e) {
    return e.where().to_string() + ": " + e.message().en;
  }
  return "no error";
}

// The report of `source` after check, written by gongkai as XLSX.
struct Built {
  std::optional<Report> report;
  std::string xlsx;
};

Built build_xlsx(const std::string& source) {
  Built b;
  Diagnostics d;
  ReadResult r = read_report(
      source, test::forms(), ReadOptions{}, [](const std::string& p) { return read_file(p); }, d);
  REQUIRE(r.report);
  b.report = std::move(r.report);
  check_report(*b.report, {}, d);
  BuiltReport built;
  built.report = &*b.report;
  built.generated = "2024-01-15T00:00:00Z";
  b.xlsx = render_xlsx_report(built);
  return b;
}

// Tables 二, 三 and 四 of the 2022 report of 平潭综合实验区 as LibreOffice Calc lays them out when
// the published page (tests/data/real-pages/2022_pingtan_syq.html) is opened and saved as XLSX:
// rows 34 to 85 of its one sheet, the page's text around them. A line per row, `|` between
// cells, `REF=text` or `REF=#number`, `\n` a line break inside the cell (as the page wraps
// 结果维持 down its narrow column); then the merged ranges. tests/e2e/real_pages_variants.py
// makes the whole workbook with LibreOffice.
const char* const kPage2022 = R"(A34=一是压实工作责任。根据国务院办公厅2022年政务公开工作要点
A35=二、主动公开政府信息情况
A36=第二十条第（一）项 
A37=信息内容 |R37=本年制发件数 |S37=本年废止件数 |T37=现行有效件数 
A38=规章|R38=#0|S38=#0|T38=#0
A39=行政规范性文件|R39=#88|S39=#55|T39=#698
A40=第二十条第（五）项
A41=信息内容|R41=本年处理决定数量
A42=行政许可|R42=#10690
A43=第二十条第（六）项
A44=信息内容|R44=本年处理决定数量
A45=行政处罚|R45=#2113
A46=行政强制|R46=#0
A47=第二十条第（八）项
A48=信息内容|R48=本年收费金额（单位：万元）
A49=行政事业性收费|R49=#9116.36
A50=三、收到和处理政府信息公开申请情况
A51=（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |W51=申请人情况 
W52=自然人 |X52=法人或其他组织 |AC52=总计 
X53=商业 \n企业 |Y53=科研 \n机构 |Z53=社会公益组织 |AA53=法律服务机构 |AB53=其他 
A54=一、本年新收政府信息公开申请数量 |W54=#71|X54=#3|Y54=#0|Z54=#0|AA54=#0|AB54=#0|AC54=#74
A55=二、上年结转政府信息公开申请数量 |W55=#1|X55=#0|Y55=#0|Z55=#0|AA55=#0|AB55=#0|AC55=#1
A56=三、本年度办理结果 |E56=（一）予以公开 |W56=#21|X56=#0|Y56=#0|Z56=#0|AA56=#0|AB56=#0|AC56=#21
E57=（二）部分公开（区分处理的，只计这一情形，不计其他情形） |W57=#8|X57=#1|Y57=#0|Z57=#0|AA57=#0|AB57=#0|AC57=#9
E58=（三）不予公开 |V58=1.属于国家秘密|W58=#0|X58=#0|Y58=#0|Z58=#0|AA58=#0|AB58=#0|AC58=#0
V59=2.其他法律行政法规禁止公开 |W59=#0|X59=#0|Y59=#0|Z59=#0|AA59=#0|AB59=#0|AC59=#0
V60=3.危及“三安全一稳定” |W60=#0|X60=#0|Y60=#0|Z60=#0|AA60=#0|AB60=#0|AC60=#0
V61=4.保护第三方合法权益 |W61=#0|X61=#0|Y61=#0|Z61=#0|AA61=#0|AB61=#0|AC61=#0
V62=5.属于三类内部事务信息 |W62=#1|X62=#0|Y62=#0|Z62=#0|AA62=#0|AB62=#0|AC62=#1
V63=6.属于四类过程性信息 |W63=#2|X63=#0|Y63=#0|Z63=#0|AA63=#0|AB63=#0|AC63=#2
V64=7.属于行政执法案卷 |W64=#1|X64=#0|Y64=#0|Z64=#0|AA64=#0|AB64=#0|AC64=#1
V65=8.属于行政查询事项 |W65=#0|X65=#0|Y65=#0|Z65=#0|AA65=#0|AB65=#0|AC65=#0
E66=（四）无法提供 |V66=1.本机关不掌握相关政府信息 |W66=#37|X66=#0|Y66=#0|Z66=#0|AA66=#0|AB66=#0|AC66=#37
V67=2.没有现成信息需要另行制作 |W67=#0|X67=#0|Y67=#0|Z67=#0|AA67=#0|AB67=#0|AC67=#0
V68=3.补正后申请内容仍不明确 |W68=#0|X68=#0|Y68=#0|Z68=#0|AA68=#0|AB68=#0|AC68=#0
E69=（五）不予处理 |V69=1.信访举报投诉类申请 |W69=#0|X69=#0|Y69=#0|Z69=#0|AA69=#0|AB69=#0|AC69=#0
V70=2.重复申请 |W70=#0|X70=#0|Y70=#0|Z70=#0|AA70=#0|AB70=#0|AC70=#0
V71=3.要求提供公开出版物 |W71=#0|X71=#0|Y71=#0|Z71=#0|AA71=#0|AB71=#0|AC71=#0
V72=4.无正当理由大量反复申请 |W72=#0|X72=#0|Y72=#0|Z72=#0|AA72=#0|AB72=#0|AC72=#0
V73=5.要求行政机关确认或重新出具已获取信息 |W73=#0|X73=#0|Y73=#0|Z73=#0|AA73=#0|AB73=#0|AC73=#0
E74=（六）其他处理 |V74=1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 |W74=#2|X74=#0|Y74=#0|Z74=#0|AA74=#0|AB74=#0|AC74=#2
V75=2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 |W75=#0|X75=#0|Y75=#0|Z75=#0|AA75=#0|AB75=#0|AC75=#0
V76=3.其他 |W76=#0|X76=#2|Y76=#0|Z76=#0|AA76=#0|AB76=#0|AC76=#2
E77=（七）总计 |W77=#72|X77=#3|Y77=#0|Z77=#0|AA77=#0|AB77=#0|AC77=#75
A78=四、结转下年度继续办理 |W78=#0|X78=#0|Y78=#0|Z78=#0|AA78=#0|AB78=#0|AC78=#0
A79=四、政府信息公开行政法复议、行政诉讼情况
A80=行政复议 |G80=行政诉讼 
A81=结果维\n持|B81=结\n果\n纠\n正|C81=其\n他\n结\n果|D81=尚\n未\n审\n结|F81=总\n计 |G81=未经复议直接起诉 |L81=复议后起诉 
G82=结\n果\n维\n持|H82=结\n果\n纠\n正|I82=其\n他\n结\n果|J82=尚\n未\n审\n结|K82=总计|L82=结\n果\n维\n持|M82=结\n果\n纠\n正|N82=其\n他\n结\n果|O82=尚未\n审\n结|P82=总计 
A83=#0|B83=#1|C83=#1|D83=#0|F83=#2|G83=#1|H83=#0|I83=#0|J83=#0|K83=#1|L83=#0|M83=#0|N83=#0|O83=#0|P83=#0
A84=五、存在的主要问题及改进情况
A85=2022年，平潭综合实验区政府信息公开工作取得了一定成绩，但还存在一些问题和不足：一是重大行政决策预公开程度需进一步加强，意见征集形式较为单一。二是部分重点领域信息公开深度不足，重点项目建设未进行全流程信息公开。三是政策解读形式单一，缺少多个角度多种形式的解读。)";
const char* const kPage2022Merges =
    "A34:AC34 A35:AC35 A36:T36 A37:Q37 A38:Q38 A39:Q39 A40:T40 A41:Q41 R41:T41 A42:Q42 R42:T42 A43:T43 "
    "A44:Q44 R44:T44 A45:Q45 R45:T45 A46:Q46 R46:T46 A47:T47 A48:Q48 R48:T48 A49:Q49 R49:T49 A50:AC50 "
    "A51:V53 W51:AC51 W52:W53 X52:AB52 AC52:AC53 A54:V54 A55:V55 A56:D77 E56:V56 E57:V57 E58:U65 E66:U68 "
    "E69:U73 E74:U76 E77:V77 A78:V78 A79:AC79 A80:F80 G80:P80 A81:A82 B81:B82 C81:C82 D81:E82 F81:F82 "
    "G81:K81 L81:P81 D83:E83 A84:AC84 A85:AC85";

struct PageCell {
  std::uint32_t row = 0;
  std::uint32_t column = 0;
  std::string text;
  bool number = false;
};

std::vector<PageCell> page_cells(const char* page) {
  std::vector<PageCell> out;
  for (std::string_view line : split(page, '\n')) {
    if (line.empty()) continue;
    for (std::string_view item : split(line, '|')) {
      const auto eq = item.find('=');
      REQUIRE(eq != std::string_view::npos);
      auto ref = parse_cell_ref(item.substr(0, eq));
      REQUIRE(ref);
      PageCell c{ref->row, ref->column, {}, false};
      std::string_view value = item.substr(eq + 1);
      if (value.starts_with('#')) {
        c.number = true;
        value.remove_prefix(1);
      }
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] == '\\' && i + 1 < value.size() && value[i + 1] == 'n') {
          c.text += '\n';
          ++i;
        } else {
          c.text += value[i];
        }
      }
      out.push_back(std::move(c));
    }
  }
  return out;
}

// Pastes rows [first, last] of the page into the sheet with their column A at (row, column),
// merges included, as a copy and paste in Calc or Excel does.
void paste_page(lxw_worksheet* ws, std::uint32_t first, std::uint32_t last, std::uint32_t row, std::uint32_t column) {
  auto at_row = [&](std::uint32_t r) { return static_cast<lxw_row_t>(r - first + row - 1); };
  auto at_col = [&](std::uint32_t c) { return static_cast<lxw_col_t>(c + column - 2); };
  for (std::string_view m : split(kPage2022Merges, ' ')) {
    auto range = parse_cell_range(m);
    REQUIRE(range);
    if (range->first.row < first || range->first.row > last) continue;
    REQUIRE(worksheet_merge_range(ws, at_row(range->first.row), at_col(range->first.column), at_row(range->last.row),
                                  at_col(range->last.column), "", nullptr) == LXW_NO_ERROR);
  }
  for (const PageCell& c : page_cells(kPage2022)) {
    if (c.row < first || c.row > last) continue;
    if (c.number) {
      REQUIRE(worksheet_write_number(ws, at_row(c.row), at_col(c.column), std::stod(c.text), nullptr) == LXW_NO_ERROR);
    } else {
      REQUIRE(worksheet_write_string(ws, at_row(c.row), at_col(c.column), c.text.c_str(), nullptr) == LXW_NO_ERROR);
    }
  }
}

using Paste = std::function<void(lxw_worksheet*)>;

std::string pasted_workbook(const TempDir& dir, const std::vector<std::pair<std::string, Paste>>& sheets) {
  std::string path = dir.file("pasted.xlsx");
  lxw_workbook* book = workbook_new(path.c_str());
  for (const auto& [name, paste] : sheets) paste(workbook_add_worksheet(book, name.c_str()));
  return test::close_workbook(book, path);
}

ReportMeta meta_pingtan_2022() {
  ReportMeta m;
  m.agency = "平潭综合实验区";
  m.year = 2022;
  return m;
}

}  // namespace

TEST_SUITE("readers/official_workbook") {
  TEST_CASE("a workbook as staff type it reads to the right figures, each at its cell") {
    TempDir dir;
    Diagnostics out;
    auto r = read_official_workbook("staff.xlsx", staff_workbook(dir), test::forms(), meta_2023(), out);
    REQUIRE(r);
    CHECK(r->form->id == "2021");
    CHECK(r->agency == "示例局");
    CHECK(r->year == 2023);

    CHECK(cell(*r, "proactive.normative_docs.issued").raw == 4);
    CHECK(cell(*r, "proactive.normative_docs.in_force").raw == 27);
    CHECK(cell(*r, "proactive.normative_docs.in_force").where.to_string() == "staff.xlsx:主动公开!D5");
    CHECK(cell(*r, "proactive.regulations.repealed").raw == 0);
    CHECK(cell(*r, "proactive.coercion.decisions").raw == 86);
    CHECK(cell(*r, "proactive.coercion.decisions").where.cell_ref == "主动公开!B9");
    CHECK(cell(*r, "proactive.penalty.decisions").raw == 1247);
    CHECK(cell(*r, "proactive.licensing.decisions").raw == 18536);
    CHECK(cell(*r, "proactive.fees.amount").raw == 36824500);

    CHECK(cell(*r, "applications.received.natural_person").raw == 96);
    CHECK(cell(*r, "applications.received.natural_person").where.cell_ref == "申请情况!D7");
    CHECK(cell(*r, "applications.carried_over.business").raw == 1);
    CHECK(cell(*r, "applications.received.total").raw == 121);
    CHECK(cell(*r, "applications.partly_granted.natural_person").raw == 9);
    CHECK(cell(*r, "applications.refused.state_secret.natural_person").raw == 1);
    CHECK(cell(*r, "applications.refused.prohibited_by_law.natural_person").raw == 2);
    CHECK(cell(*r, "applications.refused.prohibited_by_law.natural_person").where.cell_ref == "申请情况!D12");
    CHECK(cell(*r, "applications.refused.internal_affairs.natural_person").raw == 2);
    CHECK(cell(*r, "applications.other.no_correction.natural_person").raw == 1);
    CHECK(cell(*r, "applications.other.other.natural_person").raw == 1);
    CHECK(cell(*r, "applications.handled_total.total").raw == 122);
    CHECK(cell(*r, "applications.carried_forward.natural_person").raw == 5);
    // A sub-row beside a figure only in its first column: the other positions are blank.
    CHECK(cell(*r, "applications.refused.state_secret.business").state == CellState::blank);
    CHECK(cell(*r, "applications.refused.state_secret.business").where.cell_ref == "申请情况!E11");
    // Rows not on the sheet stay absent; so does a category typed only as a label.
    CHECK(cell(*r, "applications.refused.third_party.natural_person").state == CellState::absent);
    CHECK(cell(*r, "applications.refused.natural_person").state == CellState::absent);

    CHECK(cell(*r, "review_litigation.review.upheld").raw == 3);
    CHECK(cell(*r, "review_litigation.review.upheld").where.cell_ref == "复议诉讼!A6");
    CHECK(cell(*r, "review_litigation.review.total").raw == 6);
    CHECK(cell(*r, "review_litigation.litigation_direct.pending").raw == 1);
    CHECK(cell(*r, "review_litigation.litigation_direct.total").raw == 3);
    CHECK(cell(*r, "review_litigation.litigation_after_review.upheld").raw == 1);
    CHECK(cell(*r, "review_litigation.litigation_after_review.total").where.cell_ref == "复议诉讼!O6");

    CHECK(lines(out) ==
          lines(std::vector<std::string>{
              "info form staff.xlsx: form 2021 (国办公开办函〔2021〕30号) inferred from the labels",
              "warning label staff.xlsx:主动公开!A5: label '规范性文件' matched to the official '行政规范性文件'",
              "warning unit-in-cell staff.xlsx:主动公开!B13: '第二十条第（五）项 / 行政许可 · 本年处理决定数量': unit "
              "typed into "
              "the cell: "
              "'18536件', value taken as 18536",
              "warning label staff.xlsx:申请情况!B10: label '(二)部分公开(区分处理的,只计这一情况,不计其他情形)' "
              "matched to "
              "the official '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'",
              "warning label staff.xlsx:申请情况!C12: label '2.其他法律行政止公开' matched to the official "
              "'2.其他法律行政法规禁止公开'",
              "warning label staff.xlsx:申请情况!C13: label '5.属于三类内容事务信息' matched to the official "
              "'5.属于三类内部事务信息'",
              "warning label staff.xlsx:申请情况!C14: label "
              "'1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请' matched to the official "
              "'1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'",
              "warning label staff.xlsx:申请情况!C15: label '3.其他原因' matched to the official '3.其他'",
          }));
  }

  TEST_CASE("shared strings and inline strings give the same report") {
    TempDir dir;
    Diagnostics shared_out;
    Diagnostics inline_out;
    auto shared =
        read_official_workbook("staff.xlsx", staff_workbook(dir, false), test::forms(), meta_2023(), shared_out);
    auto inlined =
        read_official_workbook("staff.xlsx", staff_workbook(dir, true), test::forms(), meta_2023(), inline_out);
    REQUIRE(shared);
    REQUIRE(inlined);
    for (const auto& c : shared->form->cells()) {
      CAPTURE(c.id);
      CHECK(shared->at(c).state == inlined->at(c).state);
      CHECK(shared->at(c).raw == inlined->at(c).raw);
      CHECK(shared->at(c).where.cell_ref == inlined->at(c).where.cell_ref);
    }
    CHECK(lines(shared_out) == lines(inline_out));
  }

  TEST_CASE("gongkai's own XLSX reads back to the same figures, for both forms") {
    for (const char* source : {"sample-data/department-2023/report.yaml", "sample-data/government-2020/report.yaml",
                               "tests/data/real-reports/2022_pingtan_syq.csv"}) {
      CAPTURE(source);
      Built built = build_xlsx((std::filesystem::path(GONGKAI_SOURCE_DIR) / source).string());
      Diagnostics out;
      auto back = read_official_workbook("built.xlsx", built.xlsx, test::forms(), meta_2023(), out);
      REQUIRE(back);
      CHECK(back->form->id == built.report->form->id);
      REQUIRE(out.items().size() == 1);  // the form, inferred
      CHECK(out.items()[0].rule == "form");
      Diagnostics checked;
      check_report(*back, {}, checked);
      for (const auto& c : back->form->cells()) {
        CAPTURE(c.id);
        // The same figures: a blank reads back blank, a cell left out was printed as 0.
        const CellValue& was = built.report->at(c);
        CHECK((back->at(c).state == CellState::blank) == (was.state == CellState::blank));
        CHECK(back->at(c).raw == (was.has_value() ? was.raw : 0));
      }
    }
  }

  TEST_CASE("tables sharing one sheet are each read up to the next one's header") {
    TempDir dir;
    std::string bytes = workbook(dir, {{"汇总", [](SheetWriter& w) {
                                          review_sheet(w);
                                          w.text("A8", "自然人");  // a stray label, alone: no header
                                          w.merge("D10:J10", "申请人情况");
                                          w.text("D11", "自然人").text("E11", "商业企业").text("J11", "总计");
                                          w.text("A12", "一、本年新收政府信息公开申请数量").nums("D", 12, {4, 1});
                                          w.num("J12", 5);
                                        }}});
    Diagnostics out;
    auto r = read_official_workbook("one.xlsx", bytes, test::forms(), meta_2023(), out);
    REQUIRE(r);
    CHECK(cell(*r, "review_litigation.litigation_after_review.total").raw == 1);
    CHECK(cell(*r, "applications.received.natural_person").raw == 4);
    CHECK(cell(*r, "applications.received.business").where.cell_ref == "汇总!E12");
    CHECK(cell(*r, "applications.received.total").raw == 5);
    CHECK(lines(out) == lines(std::vector<std::string>{
                            "info form one.xlsx: the labels fit forms 2019, 2021 equally; form 2021 "
                            "(国办公开办函〔2021〕30号) chosen by the year",
                            "warning xlsx one.xlsx: table proactive (二、主动公开政府信息情况) not found in the "
                            "workbook: no sheet has its column labels",
                        }));
  }

  TEST_CASE("figures that cannot be placed are errors naming their cell, never dropped") {
    TempDir dir;
    std::string bytes =
        workbook(dir, {{"表三", [](SheetWriter& w) {
                          w.text("D1", "自然人").text("E1", "商业企业").text("F1", "备注").text("G1", "总计");
                          w.text("A2", "一、本年新收政府信息公开申请数量").nums("D", 2, {4, 1, 9, 5});
                          w.text("A3", "合计").num("D3", 4);
                          w.num("D4", 7);
                          w.text("A5", "三、本年度办理结果").num("D5", 3);
                          w.text("A6", "一、本年新收政府信息公开申请数量").num("D6", 4);
                        }}});
    Diagnostics out;
    auto r = read_official_workbook("t.xlsx", bytes, test::forms(), meta_2023(), out);
    REQUIRE(r);
    CHECK(
        lines(out) ==
        lines(std::vector<std::string>{
            "info form t.xlsx: the labels fit forms 2019, 2021 equally; form 2021 (国办公开办函〔2021〕30号) chosen by "
            "the year",
            "warning xlsx t.xlsx: table proactive (二、主动公开政府信息情况) not found in the workbook: no sheet has "
            "its column labels",
            "error label t.xlsx:表三!F1: column label '备注' in table applications is not recognised; the closest "
            "are: '其他', '总计', '自然人'",
            "error label t.xlsx:表三!A3: row label '合计' in table applications is not recognised; the closest are: "
            "'3.其他', '（七）总计', '2.重复申请'",
            "error label t.xlsx:表三!D4: figures in a row without a row label: cannot tell which row they belong to",
            "error label t.xlsx:表三!D5: '三、本年度办理结果' is a heading row: the form has no figures in it",
            "error duplicate t.xlsx:表三!D6: cell '一、本年新收政府信息公开申请数量 · 自然人' is given twice (first "
            "at 表三!D2)",
            "warning xlsx t.xlsx: table review_litigation (四、政府信息公开行政复议、行政诉讼情况) not found in the "
            "workbook: no sheet has its column labels",
        }));
  }

  TEST_CASE("a workbook holding none of the tables is an error, and nothing is read") {
    TempDir dir;
    std::string bytes = workbook(dir, {{"Sheet1", [](SheetWriter& w) { w.text("A1", "台账").num("B2", 3); }}});
    Diagnostics out;
    CHECK_FALSE(read_official_workbook("none.xlsx", bytes, test::forms(), meta_2023(), out));
    REQUIRE(!out.items().empty());
    CHECK(lines(out).ends_with(
        "error xlsx none.xlsx: the workbook holds none of tables 二, 三, 四: no sheet has their column labels (such "
        "as 自然人, 结果维持, 本年制发件数)\n"));
  }

  TEST_CASE("a sheet too large to be a table is skipped, and said so") {
    TempDir dir;
    std::string rows;
    for (int r = 1; r <= 1001; ++r) rows += "<row r=\"" + std::to_string(r) + "\"><c><v>1</v></c></row>";
    std::string bytes = test::raw_workbook(dir, {{"台账", test::sheet_xml(rows)}});
    Diagnostics out;
    CHECK_FALSE(read_official_workbook("big.xlsx", bytes, test::forms(), meta_2023(), out));
    REQUIRE(!out.items().empty());
    CHECK(lines(out).starts_with(
        "info xlsx big.xlsx: sheet '台账' skipped: too large to be one of tables 二, 三, 四 (more than 1000 rows, 64 "
        "columns or 5000 merged ranges)\n"));
  }

  TEST_CASE("the form given is used without inference") {
    TempDir dir;
    ReportMeta meta = meta_2023();
    meta.form_id = "2021";
    Diagnostics out;
    auto r = read_official_workbook("staff.xlsx", staff_workbook(dir), test::forms(), meta, out);
    REQUIRE(r);
    CHECK(r->form->id == "2021");
    for (const auto& d : out.items()) CHECK(d.rule != "form");
    meta.form_id = "1999";
    Diagnostics unknown;
    CHECK_FALSE(read_official_workbook("staff.xlsx", staff_workbook(dir), test::forms(), meta, unknown));
    CHECK(lines(unknown) == "error form staff.xlsx: unknown form '1999' (known: 2019, 2021)\n");
  }

  TEST_CASE("an .xlsx input is read through read_report, and a damaged one is an input error") {
    TempDir dir;
    std::string bytes = staff_workbook(dir);
    auto load = [&](const std::string& path) {
      if (path == "2023_示例局.xlsx") return bytes;
      return std::string("PK\x03\x04 damaged");
    };
    Diagnostics out;
    ReadResult r = read_report("2023_示例局.xlsx", test::forms(), ReadOptions{}, load, out);
    REQUIRE(r.report);
    CHECK(r.report->year == 2023);
    CHECK(r.report->agency == "示例局");
    CHECK(cell(*r.report, "applications.received.natural_person").where.to_string() == "2023_示例局.xlsx:申请情况!D7");
    CHECK(failure("PK\x03\x04 damaged") == "book.xlsx: not an XLSX workbook: not a ZIP archive");
    Diagnostics out2;
    CHECK_THROWS_AS((void)read_report("bad.xlsx", test::forms(), ReadOptions{}, load, out2), InputError);
  }

  TEST_CASE("a published page pasted into a sheet reads to every figure, however the tables were pasted") {
    // The page as Calc saves it (page text above and below, the tables one under another with
    // their section headings); the tables alone in a sheet that starts a few rows and columns
    // in, a title first; each table on a sheet of its own. The header texts of the form (the
    // 勾稽关系 note and 申请人情况 above table 三's columns, 行政复议 above table 四's) belong to
    // the table below them wherever they are, and labels wrapped inside their cells
    // (「结\n果\n维\n持」, 「商业 \n企业」) are the official ones: no finding at all.
    TempDir dir;
    const std::vector<std::pair<std::string, std::vector<std::pair<std::string, Paste>>>> layouts = {
        {"as saved", {{"Sheet1", [](lxw_worksheet* ws) { paste_page(ws, 34, 85, 34, 1); }}}},
        {"offset",
         {{"年报",
           [](lxw_worksheet* ws) {
             REQUIRE(worksheet_write_string(ws, 0, 0, "平潭综合实验区2022年度政府信息公开工作年度报告表格", nullptr) ==
                     LXW_NO_ERROR);
             // The tables without their section headings, one right under the other, from C4.
             paste_page(ws, 36, 49, 4, 3);
             paste_page(ws, 51, 78, 18, 3);
             paste_page(ws, 80, 83, 46, 3);
           }}}},
        {"sheets",
         {{"表二", [](lxw_worksheet* ws) { paste_page(ws, 35, 49, 1, 1); }},
          {"表三", [](lxw_worksheet* ws) { paste_page(ws, 50, 78, 3, 2); }},
          {"表四", [](lxw_worksheet* ws) { paste_page(ws, 79, 83, 1, 1); }}}},
    };
    std::optional<Report> first;
    for (const auto& [name, sheets] : layouts) {
      CAPTURE(name);
      Diagnostics out;
      auto r =
          read_official_workbook("2022.xlsx", pasted_workbook(dir, sheets), test::forms(), meta_pingtan_2022(), out);
      REQUIRE(r);
      CHECK(lines(out) == "info form 2022.xlsx: form 2021 (国办公开办函〔2021〕30号) inferred from the labels\n");
      // The page gives every figure of the form; the category figures of （三） to （六） are
      // printed as labels only, left to be computed.
      for (const auto& c : r->form->cells()) {
        CAPTURE(c.id);
        CHECK(r->at(c).has_value() == !c.optional);
      }
      CHECK(cell(*r, "proactive.normative_docs.in_force").raw == 698);
      CHECK(cell(*r, "proactive.licensing.decisions").raw == 10690);
      CHECK(cell(*r, "proactive.fees.amount").raw == 9116360000);
      CHECK(cell(*r, "applications.received.natural_person").raw == 71);
      CHECK(cell(*r, "applications.received.business").raw == 3);
      CHECK(cell(*r, "applications.received.total").raw == 74);
      CHECK(cell(*r, "applications.unavailable.not_held.natural_person").raw == 37);
      CHECK(cell(*r, "applications.other.other.business").raw == 2);
      CHECK(cell(*r, "applications.handled_total.total").raw == 75);
      CHECK(cell(*r, "review_litigation.review.corrected").raw == 1);
      CHECK(cell(*r, "review_litigation.review.pending").raw == 0);
      CHECK(cell(*r, "review_litigation.review.total").raw == 2);
      CHECK(cell(*r, "review_litigation.litigation_direct.upheld").raw == 1);
      CHECK(cell(*r, "review_litigation.litigation_after_review.total").raw == 0);
      Diagnostics checked;
      check_report(*r, {}, checked);
      CHECK(lines(checked).empty());
      if (!first) {
        CHECK(cell(*r, "applications.received.total").where.cell_ref == "Sheet1!AC54");
        CHECK(cell(*r, "review_litigation.review.total").where.cell_ref == "Sheet1!F83");
        first = std::move(r);
        continue;
      }
      for (const auto& c : r->form->cells()) {
        CAPTURE(c.id);
        CHECK(r->at(c).raw == first->at(c).raw);
      }
    }
  }

  TEST_CASE(
      "in a pasted page, a label that is not the form's is still a finding; one that matches nothing is an "
      "error of the report, which stays readable") {
    TempDir dir;
    std::string bytes =
        pasted_workbook(dir, {{"Sheet1", [](lxw_worksheet* ws) {
                                 paste_page(ws, 34, 85, 34, 1);
                                 // A row the form does not have, and a retyped total.
                                 REQUIRE(worksheet_write_string(ws, 45, 0, "行政征收", nullptr) == LXW_NO_ERROR);
                                 REQUIRE(worksheet_write_string(ws, 81, 10, "合计", nullptr) == LXW_NO_ERROR);
                               }}});
    auto load = [&](const std::string&) { return bytes; };
    Diagnostics out;
    ReadOptions options;
    options.meta = meta_pingtan_2022();
    ReadResult r = read_report("2022.xlsx", test::forms(), options, load, out);
    REQUIRE(r.report);
    CHECK(r.readable);
    CHECK(lines(out) ==
          lines(std::vector<std::string>{
              "info form 2022.xlsx: form 2021 (国办公开办函〔2021〕30号) inferred from the labels",
              "error label 2022.xlsx:Sheet1!A46: row label '行政征收' in table proactive is not recognised; the "
              "closest are: '行政许可', '行政处罚', '行政强制'",
              "warning label 2022.xlsx:Sheet1!K82: label '合计' matched to the official '总计'",
          }));
    // The figure beside it is left out; the rest of the report stands.
    CHECK(cell(*r.report, "proactive.coercion.decisions").state == CellState::absent);
    CHECK(cell(*r.report, "proactive.penalty.decisions").raw == 2113);
    CHECK(cell(*r.report, "review_litigation.litigation_direct.total").raw == 1);
  }
}
