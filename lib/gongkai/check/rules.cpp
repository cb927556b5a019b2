// The rule table: every rule gongkai reports, one row each — ID (as findings name it), default
// severity, where it is found, summary in zh and en (the spec's wording for the rules of §5),
// where it is defined, why no broken sample can show it (rarely), and its check.
//
// Order matters: the checker runs the rows with a check in this order, and findings keep it.
// Rows without a check are found elsewhere (`found_by`); they are here so that this is the one
// list of every rule ID (tests/unit/test_check_rules.cpp holds the sources to it, and
// tests/check_rule_samples.py wants a broken sample and a golden case for each row).
#include <gongkai/check/rules.hpp>

#include <gongkai/check/cell_rules.hpp>
#include <gongkai/check/cross_year.hpp>
#include <gongkai/check/report_rules.hpp>
#include <gongkai/check/sum_rules.hpp>
#include <gongkai/core/suggest.hpp>

#include <array>

namespace gongkai {

namespace {

using enum Severity;
using enum RuleScope;

constexpr std::string_view kSpec = "§5";
constexpr std::string_view kSpecLabels = "§5, §6";
constexpr std::string_view kTally = "docs/yaml-tally.md";
constexpr std::string_view kProse = "docs/prose.md";
constexpr std::string_view kRegisters = "docs/registers.md";
constexpr std::string_view kLimits = "docs/limits.md";
constexpr std::string_view kBuild = "docs/build.md";
constexpr std::string_view kWorkbook = "docs/official-workbook.md";
constexpr std::string_view kReadme = "README.md";
constexpr std::string_view kDiff = "docs/diff.md";

// clang-format off
constexpr std::array kRules = {
  // ── one report (check_report), in the order they run ──────────────────────────────────────
  RuleRow{{"form-year", error, report,
           "2019 表式用于 2021 年及以后的年度，或 2021 表式用于 2021 年以前的年度",
           "form 2019 for a year ≥ 2021, or form 2021 for a year < 2021", kSpec, ""},
          check_form_year, nullptr, ""},
  RuleRow{{"blank-cell", warning, report,
           "单元格留空：处处与 0 区分；可推算的合计按规则计算并标明为计算所得",
           "a cell left blank: kept distinct from 0 everywhere; derivable totals are computed and marked as computed",
           kSpec, ""},
          check_blank_cells, nullptr, ""},
  RuleRow{{"stub", error, report,
           "仍是 gongkai init 留下的「【待填写】」（表格单元格或正文）",
           "gongkai init's 「【待填写】」 still in a cell of the tables (or in the prose)", kProse, ""},
          nullptr, nullptr, "blank-cell (cells), prose expansion (text)"},
  RuleRow{{"category-sum", error, report,
           "类别数字（如填写）等于其分项之和；只填类别合计而缺少分项时为警告",
           "a category figure, when given, equals the sum of its sub-rows (a warning when only the category "
           "figure is given)", kSpec, ""},
          check_lone_categories, nullptr, ""},
  RuleRow{{"overflow", error, report,
           "合计超出 64 位整数范围：报告为错误，从不回绕",
           "a sum overflows a 64-bit integer: a finding, never a wrap", kLimits, ""},
          check_derived_totals, nullptr, ""},
  RuleRow{{"column-total", error, report,
           "每个申请行：总计 = 六个申请人列之和",
           "per applications row: total = the six applicant columns", kSpec, ""},
          check_sums, nullptr, ""},
  RuleRow{{"outcome-sum", error, report,
           "每列：办理结果总计 = 予以公开 + 部分公开 + Σ不予公开 + Σ无法提供 + Σ不予处理 + Σ其他处理",
           "per column: handled_total = granted + partly_granted + Σrefused + Σunavailable + Σnot_handled + Σother",
           kSpec, ""},
          nullptr, nullptr, "column-total (one pass over the form's sum rules)"},
  RuleRow{{"case-total", error, report,
           "行政复议、未经复议直接起诉、复议后起诉：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
           "review / litigation_direct / litigation_after_review: total = upheld + corrected + other + pending",
           kSpec, ""},
          nullptr, nullptr, "column-total (one pass over the form's sum rules)"},
  RuleRow{{"balance", error, report,
           "每个申请列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度（表式自身的注释）",
           "per applications column: received + carried_over = handled_total + carried_forward (the form's own note)",
           kSpec, ""},
          check_balances, nullptr, ""},
  RuleRow{{"deadline", info, report,
           "按机关层级的年度报告发布期限（部门 1 月 31 日，政府 3 月 31 日）",
           "the publication deadline for the agency's level", kSpec, ""},
          check_deadline, nullptr, ""},
  // ── two years of one agency (check_cross_year) ────────────────────────────────────────────
  RuleRow{{"carry-continuity", error, cross_year,
           "同一机关：上年结转（N 年）= 结转下年度（N−1 年），逐列",
           "carried_over (N) = carried_forward (N−1), per column, same agency", kSpec, ""},
          nullptr, check_carry, ""},
  RuleRow{{"in-force-continuity", warning, cross_year,
           "2021 表式：现行有效件数（N 年）= 现行有效件数（N−1 年）+ 本年制发件数 − 本年废止件数",
           "form 2021: in_force (N) = in_force (N−1) + issued (N) − repealed (N); warning only, because 制发 and 清理 "
           "are not defined by the form", kSpec, ""},
          nullptr, check_stock, ""},
  RuleRow{{"previous", error, cross_year,
           "上年报告须是同一机关上一年度的报告，否则不作跨年度检查",
           "last year's report must be the same agency's report of the year before; otherwise no cross-year check "
           "is made", kBuild, ""},
          nullptr, nullptr, "check_previous_fits, when last year's report is paired"},
  // ── the prose of a built or checked report (prose/) ───────────────────────────────────────
  RuleRow{{"missing-section", error, prose,
           "报告缺少规定的某一部分，或该部分为空",
           "a section of §1 missing or empty in a built report", kSpec, ""},
          nullptr, nullptr, "prose expansion"},
  RuleRow{{"placeholder", error, prose,
           "正文中的占位符无法替换（未知的名称或没有数字）",
           "a placeholder in the prose that cannot be filled in (an unknown name, or no figure)", kProse, ""},
          nullptr, nullptr, "prose expansion"},
  RuleRow{{"narrative-figure", warning, prose,
           "正文写的数字与其所述的表格数字矛盾",
           "a number written in the prose that contradicts the table figure it states", kSpec, ""},
          nullptr, nullptr, "prose expansion"},
  RuleRow{{"text-reuse", warning, prose,
           "正文大段照搬上年报告（30号文所称内容雷同）",
           "prose largely copied from last year's report (30号 names 内容雷同 as a failing)", kSpec, ""},
          nullptr, nullptr, "prose expansion, with last year's report"},
  RuleRow{{"missing-table", warning, prose,
           "某张表没有任何数字：该表缺失，输出中留空（不按 0 计）",
           "a table with no figure at all: the table is missing and prints empty (not as 0)", kProse, ""},
          nullptr, nullptr, "check_publication_parts"},
  RuleRow{{"no-publication-date", warning, prose,
           "报告没有发布日期（published: YYYY-MM-DD）",
           "the report has no publication date (published: YYYY-MM-DD)", kProse, ""},
          nullptr, nullptr, "check_publication_parts"},
  RuleRow{{"no-fee-statement", warning, prose,
           "第六部分没有收取信息处理费情况的说明",
           "section 六 does not state the information-processing fees", kProse, ""},
          nullptr, nullptr, "check_publication_parts"},
  RuleRow{{"no-work-plan", warning, prose,
           "第六部分没有落实上级年度政务公开工作要点情况",
           "section 六 does not report on the year's work plan", kProse, ""},
          nullptr, nullptr, "check_publication_parts"},
  RuleRow{{"work-plan", error, prose,
           "工作要点文件或 work_plan: 中的一项写得不对",
           "an entry of the work plan (work_plan: or its file) is malformed", kProse, ""},
          nullptr, nullptr, "the prose YAML reader"},
  RuleRow{{"fee-statement", error, prose,
           "fees: 中的信息处理费说明写得不对",
           "the information-processing fee statement (fees:) is malformed", kProse, ""},
          nullptr, nullptr, "the prose YAML reader"},
  // ── reading inputs (readers/, tally/, io/) ────────────────────────────────────────────────
  RuleRow{{"input", error, reader,
           "输入无法读取（缺失、为空、超出大小限制或不是报告）",
           "an input cannot be read (missing, empty, over a size limit, or not a report)", kBuild, ""},
          nullptr, nullptr, "readers"},
  RuleRow{{"encoding", error, reader,
           "输入既不是 UTF-8 也不是 GB18030（读为 GB18030 时为提示）",
           "an input is neither UTF-8 nor GB18030 (an info note when it is read as GB18030)", kTally, ""},
          nullptr, nullptr, "readers"},
  RuleRow{{"yaml", error, reader,
           "YAML 语法错误，或某个值的类型不对",
           "malformed YAML, or a value of the wrong kind", kTally, ""},
          nullptr, nullptr, "readers"},
  RuleRow{{"yaml-limit", error, reader,
           "YAML 嵌套过深或别名过多（--max-yaml-depth、--max-yaml-aliases）",
           "a YAML input nested too deep or with too many aliases (--max-yaml-depth, --max-yaml-aliases)", kLimits,
           ""},
          nullptr, nullptr, "readers"},
  RuleRow{{"unknown-key", error, reader,
           "YAML 中的键不是表式的行、列或已知的键；给出最接近的名称",
           "a YAML key that is no row, column or known key of the form; the closest is suggested", kTally, ""},
          nullptr, nullptr, "readers"},
  RuleRow{{"meta", error, reader,
           "报告的机关、层级、年度或表式信息缺失或有误（推断时为提示）",
           "the report's agency, level, year or form is missing or wrong (an info note when inferred)", kTally, ""},
          nullptr, nullptr, "readers"},
  RuleRow{{"label", warning, reader,
           "标签不是规定措辞但已对应到规定措辞（同时列出两者）；对应不上时为错误",
           "a label that is not the official wording but was matched to it (names both); an error when it matches "
           "nothing", kSpecLabels, ""},
          nullptr, nullptr, "readers (YAML, long CSV, workbooks, registers)"},
  RuleRow{{"duplicate", error, reader,
           "同一单元格给出了两次",
           "a cell given twice", kTally, ""},
          nullptr, nullptr, "readers"},
  RuleRow{{"number", error, reader,
           "单元格中的内容不是数字",
           "a cell's text is not a figure", kTally, ""},
          nullptr, nullptr, "cell text reader"},
  RuleRow{{"non-negative", error, reader,
           "件数为不小于 0 的整数（2019 表式的增减可为负）；金额为不小于 0 的小数",
           "counts are integers ≥ 0 (form 2019 `change` may be negative); amounts are decimals ≥ 0", kSpec, ""},
          nullptr, nullptr, "cell text reader"},
  RuleRow{{"unit-in-cell", warning, reader,
           "单元格中写了单位（「元」「万元」「件」）；数字按该列的单位换算并指明单元格",
           "a unit typed into a cell (「元」, 「万元」, 「件」); the number is converted to the column's unit and the cell "
           "named", kSpec, ""},
          nullptr, nullptr, "cell text reader"},
  RuleRow{{"csv", error, reader,
           "CSV 格式错误（引号、列数、表头）",
           "malformed CSV (quotes, field count, header)", kTally, ""},
          nullptr, nullptr, "CSV readers"},
  RuleRow{{"xlsx", error, reader,
           "XLSX 文件损坏或工作表无法对应到表式",
           "an XLSX file is corrupt, or a sheet cannot be matched to the form", kWorkbook, ""},
          nullptr, nullptr, "XLSX readers"},
  RuleRow{{"import", error, reader,
           "已发布的报告（网页、PDF）中找不到表格二、三、四，或无法读取",
           "a published report (page, PDF) holds none of tables 二, 三, 四, or cannot be read", kWorkbook, ""},
          nullptr, nullptr, "page and PDF importers (import/)"},
  RuleRow{{"import-unplaced", warning, reader,
           "已发布报告的表格中有数字无法对应到表式的单元格：列出位置和原文，不导入",
           "a figure in a published report's table that could not be placed in a cell of the form: its place and "
           "text are listed, it is not imported", kWorkbook, ""},
          nullptr, nullptr, "page and PDF importers (import/)"},
  RuleRow{{"form", info, reader,
           "按标签识别出的表式（提示）；无法确定表式时为错误",
           "the form recognised from the labels (info); an error when no form fits", kWorkbook, ""},
          nullptr, nullptr, "long CSV and workbook readers"},
  RuleRow{{"register", error, reader,
           "台账的一行被拒绝：列出并不计入",
           "a row of a case register is rejected: listed and not counted", kRegisters, ""},
          nullptr, nullptr, "case register reader"},
  RuleRow{{"terms", error, reader,
           "机关的台账用语对应不到表式的行或列",
           "an office's register term matches no row or column of the form", kRegisters, ""},
          nullptr, nullptr, "office terms"},
  RuleRow{{"roster", error, reader,
           "名册写得不对（单位、路径、嵌套）",
           "a roster is malformed (units, paths, nesting)", kBuild, ""},
          nullptr, nullptr, "roster reader"},
  // ── consolidating units (aggregate/, batch/) ──────────────────────────────────────────────
  RuleRow{{"merge", error, batch,
           "汇总的单位表式不同或无法相加",
           "units to be summed use different forms or cannot be added", kBuild, ""},
          nullptr, nullptr, "merge"},
  RuleRow{{"reconcile", error, batch,
           "单位自报的汇总数与其下级单位合计不符",
           "a unit's own summary figures differ from the sum of its units", kBuild, ""},
          nullptr, nullptr, "merge"},
  // ── the command line tool (tools/, io/, render/) ──────────────────────────────────────────
  RuleRow{{"carry-over", warning, command,
           "gongkai init --from：上年报告中的结转数无法带入",
           "gongkai init --from: a figure of last year's report cannot be carried over", kReadme,
           "printed by gongkai init from last year's report, not found by check or build"},
          nullptr, nullptr, "gongkai init"},
  RuleRow{{"output", error, command,
           "输出无法写入，或输出路径是某个输入",
           "an output cannot be written, or the output path is one of the inputs", kBuild,
           "a write failure or an output path, not the content of an input"},
          nullptr, nullptr, "io (writing outputs)"},
  RuleRow{{"finding-limit", info, command,
           "超过 --max-findings 的问题只计数不列出",
           "findings beyond --max-findings are counted, not listed", kLimits,
           "needs --max-findings; the golden case finding-limit-en shows it"},
          nullptr, nullptr, "the findings renderers"},
  RuleRow{{"internal", error, command,
           "gongkai 内部的意外错误（缺陷）：请报告",
           "an unexpected failure inside gongkai (a defect): please report it", kReadme,
           "a defect of gongkai, not a property of an input: no input is known to cause it"},
          nullptr, nullptr, "the build facade's last resort"},
  RuleRow{{"usage", error, command,
           "命令行有误（未知的格式、缺少输入、-o - 用于多个输出）",
           "the command line is wrong (an unknown format, no input, -o - for several outputs)", kReadme,
           "a command-line mistake, not an input: the cli-* golden cases show the messages"},
          nullptr, nullptr, "the build facade (BuildResult::stopped), printed as a usage message"},
  // ── comparing reports of one agency (gongkai diff; thresholds: report-templates/diff-thresholds.yaml) ──
  RuleRow{{"swing", warning, diff,
           "同一单元格逐年变化超过阈值（默认 ×3 或 ÷3，且变化至少 10）",
           "a figure changed beyond the threshold from one year to the next (default ×3 or ÷3, by at least 10)",
           kDiff, ""},
          nullptr, nullptr, "gongkai diff"},
  RuleRow{{"to-zero", warning, diff,
           "上一年度不为 0 的数字变为 0（变化至少为阈值）",
           "a figure fell to 0 (by at least the threshold)", kDiff, ""},
          nullptr, nullptr, "gongkai diff"},
  RuleRow{{"from-zero", warning, diff,
           "上一年度为 0 的数字变为非 0（变化至少为阈值）",
           "a figure rose from 0 (by at least the threshold)", kDiff, ""},
          nullptr, nullptr, "gongkai diff"},
  RuleRow{{"table-zero", warning, diff,
           "上一年度有数字的表格变为全部为 0",
           "a table that had figures became all zero", kDiff, ""},
          nullptr, nullptr, "gongkai diff"},
  RuleRow{{"year-gap", warning, diff,
           "系列中缺少某一年度的报告",
           "a year is missing from a series", kDiff, ""},
          nullptr, nullptr, "gongkai diff (a series)"},
  RuleRow{{"duplicate-year", error, diff,
           "系列中同一年度有两份报告",
           "two reports of the same year in a series", kDiff, ""},
          nullptr, nullptr, "gongkai diff (a series)"},
  RuleRow{{"diff-agency", error, diff,
           "比较的报告属于不同机关",
           "the reports compared are of different agencies", kDiff, ""},
          nullptr, nullptr, "gongkai diff"},
  // ── an office's explanations of findings (explanations: in a tally; check/explanations.hpp) ──
  RuleRow{{"explanation", error, report,
           "explanations: 中的说明写得不对（未知的规则或单元格、缺少理由、重复），或说明的是错误（错误只能改正）",
           "an explanation is malformed (an unknown rule or cell, no reason, given twice), or explains an error "
           "(an error can only be corrected)", kDiff, ""},
          nullptr, nullptr, "the explanations reader, and applying explanations (check, build, diff)"},
  RuleRow{{"stale-explanation", warning, report,
           "说明没有对应的问题（已过时）：问题已不存在，或规则、单元格写错",
           "an explanation that fits no finding (stale): the finding is gone, or its rule or cell is wrong", kDiff,
           ""},
          nullptr, nullptr, "applying explanations (check, build, diff)"},
  RuleRow{{"duplicate-unit", error, diff,
           "名册中有两个同名单位（逐单位比较时无法确定与哪一个比较）",
           "two units of one name in a roster (a roster diff cannot tell which to compare)", kDiff, ""},
          nullptr, nullptr, "gongkai diff --roster"},
};
// clang-format on

}  // namespace

std::span<const RuleRow> rule_table() { return kRules; }

std::span<const RuleInfo> rule_list() {
  static const std::vector<RuleInfo> infos = [] {
    std::vector<RuleInfo> v;
    v.reserve(kRules.size());
    for (const RuleRow& r : kRules) v.push_back(r.info);
    return v;
  }();
  return infos;
}

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo& r : rule_list())
    if (r.id == id) return &r;
  return nullptr;
}

std::vector<std::string> rules_like(std::string_view id) {
  std::vector<std::string> ids;
  for (const RuleRow& r : kRules) ids.emplace_back(r.info.id);
  return did_you_mean(id, ids);
}

std::string_view to_string(RuleScope scope) {
  switch (scope) {
    case RuleScope::report:
      return "report";
    case RuleScope::cross_year:
      return "cross-year";
    case RuleScope::reader:
      return "reader";
    case RuleScope::prose:
      return "prose";
    case RuleScope::batch:
      return "batch";
    case RuleScope::command:
      return "command";
    case RuleScope::diff:
      return "diff";
  }
  return "report";
}

}  // namespace gongkai
