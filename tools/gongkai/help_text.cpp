#include "help_text.hpp"

#include "registry_help.hpp"

#include <gongkai/core/suggest.hpp>

#include <fmt/format.h>

#include <map>
#include <string_view>

namespace gongkai::cli {

namespace {

// Every English description of the command line, in Chinese. A description missing here is
// shown in English (a test lists every option's, so none goes missing unnoticed).
const std::map<std::string, std::string, std::less<>>& zh_descriptions() {
  static const std::map<std::string, std::string, std::less<>> m = [] {
    std::map<std::string, std::string, std::less<>> out{
        {"gongkai — 政府信息公开工作年度报告 compiler and checker",
         "gongkai — 政府信息公开工作年度报告的编制与检查工具"},
        {"Print this help message and exit", "显示本帮助并退出"},
        {"Display program version information and exit", "显示版本信息并退出"},
        {"Message language: zh or en (default: from the locale)", "消息语言：zh 或 en（默认按系统区域设置）"},
        {"Directory with forms/ and templates (default: installed)", "含 forms/ 与模板的目录（默认：安装目录）"},
        {"Print nothing but findings", "只输出检查结果"},
        {"Largest input file read, e.g. 512M, 2G (default: 256M; see docs/limits.md)",
         "读取的输入文件的最大尺寸，如 512M、2G（默认 256M；见 docs/limits.md）"},
        {"List at most N distinct findings, the rest counted (default: 1000; 0: no limit)",
         "最多列出 N 条不同的结果，其余只计数（默认 1000；0 为不限）"},
        {"Refuse YAML inputs nested deeper than N levels (default: 64)", "拒绝嵌套超过 N 层的 YAML 输入（默认 64）"},
        {"Refuse YAML inputs with more than N aliases (default: 20)", "拒绝别名超过 N 个的 YAML 输入（默认 20）"},
        {"List a form's cells (stable ID and official label)", "列出表式的全部单元格（稳定 ID 与官方标签）"},
        {"Form ID (2019, 2021); all forms when omitted", "表式 ID（2019、2021）；省略时列出全部表式"},
        {"text or json", "text 或 json"},
        {"List the rules findings name (ID, severity, summary)", "列出检查结果所用的规则（ID、严重程度、说明）"},
        {"Rule IDs to show; all rules when omitted", "要显示的规则 ID；省略时列出全部规则"},
        // gongkai import
        {"Read published reports (web pages, PDFs) back into figures: long CSV or YAML tallies, with where "
         "each figure was found",
         "把已发布的报告（网页、PDF）读回为数字：长表 CSV 或 YAML 统计，注明每个数字在原文中的位置"},
        {"Pages (.html, .htm) and PDFs (.pdf), folders of them, or glob patterns",
         "网页（.html、.htm）和 PDF（.pdf）、含有它们的文件夹，或通配符模式"},
        // gongkai diff
        {"Compare reports of one agency: two years, two versions of a year, a series",
         "比较同一机关的报告：两个年度、同一年度的两个版本、多个年度"},
        {"Reports: .yaml, .csv, .xlsx (two or more; ordered by their year)",
         "报告：.yaml、.csv、.xlsx（两份或以上；按报告年度排序）"},
        {"Write the diff to this file (default: standard output)", "把比较结果写到此文件（默认：标准输出）"},
        {"Flag thresholds and key figures (default: report-templates/diff-thresholds.yaml)",
         "标记阈值与主要数字（默认：report-templates/diff-thresholds.yaml）"},
        {"Show unchanged cells too", "也显示未变化的单元格"},
        {"Exit 1 when anything is flagged", "有任何标记时以 1 退出"},
        {"Check reports against every rule of their form", "按表式的全部规则检查报告"},
        {"Check every unit of a roster (nested rosters followed)", "检查名册中的每个单位（含嵌套名册）"},
        {"Count warnings as errors", "把警告算作错误"},
        {"Last year's report, for the cross-year rules", "上年度报告，用于跨年度规则"},
        {"Last year's report of the same agency (or a roster of last year's reports), for the cross-year rules; "
         "default: the report's own `previous:`",
         "同一机关的上年度报告（或上年度报告的名册），用于跨年度规则；默认：报告中 previous: 所指的文件"},
        {"Last year's report of the same agency (or a roster of them): cross-year rules, year-over-year prose; "
         "default: the report's own `previous:`",
         "同一机关的上年度报告（或其名册）：跨年度规则与同比表述；默认：报告中 previous: 所指的文件"},
        {"Also write the findings to FILE (.json: JSON, else text); the outputs never hold them",
         "同时把检查结果写到 FILE（.json 为 JSON，否则为文本）；发布的报告中不含检查结果"},
        {"Overview CSV encoding: utf-8-bom (default, opens in Excel), utf-8 or gb18030",
         "概览 CSV 的编码：utf-8-bom（默认，Excel 可直接打开）、utf-8 或 gb18030"},
        {"Units checked in parallel (default: all cores)", "并行检查的单位数（默认：全部 CPU 核）"},
        {"Units built in parallel (default: all cores)", "并行生成的单位数（默认：全部 CPU 核）"},
        {"Units read in parallel (default: all cores)", "并行读取的单位数（默认：全部 CPU 核）"},
        {"Agency name (overrides the input)", "机关名称（覆盖输入文件中的）"},
        {"Agency name", "机关名称"},
        {"department or government", "department（部门）或 government（政府）"},
        {"Report year (overrides the input)", "报告年度（覆盖输入文件中的）"},
        {"Report year", "报告年度"},
        {"Form ID: 2019 or 2021 (default: inferred)", "表式 ID：2019 或 2021（默认：自动判断）"},
        {"Form ID: 2019 or 2021 (default: the form in force for the year)",
         "表式 ID：2019 或 2021（默认：该年度适用的表式）"},
        {"Publication date, YYYY-MM-DD", "发布日期，YYYY-MM-DD"},
        {"CSV encoding: auto, utf-8 or gb18030", "CSV 编码：auto、utf-8 或 gb18030"},
        {"Register CSV encoding: auto, utf-8 or gb18030", "台账 CSV 编码：auto、utf-8 或 gb18030"},
        {"Consolidate a roster of units into one government's tallies", "把名册中各单位的数据汇总为本级政府的统计"},
        {"Roster YAML (units: paths, globs, nested rosters)", "名册 YAML（units：路径、通配符、嵌套名册）"},
        {"Consolidated YAML tally (default: standard output)", "汇总后的 YAML 统计（默认：标准输出）"},
        {"Cell ID to account for unit by unit (repeatable)", "逐个单位列明该单元格的来源（可重复）"},
        {"Cell ID to account for unit by unit, on standard error (repeatable); the YAML is written as without it",
         "逐个单位列明该单元格的来源，写到标准错误（可重复）；写出的 YAML 与不加此选项时相同"},
        {"Findings as text or json (on standard error)", "检查结果的格式：text 或 json（写到标准错误）"},
        {"Count tables 三 and 四 from case registers (台账) into a YAML tally",
         "根据台账统计表三、表四，写成 YAML 统计"},
        {"Request registers: .csv (UTF-8 or GB18030) or .xlsx", "申请台账：.csv（UTF-8 或 GB18030）或 .xlsx"},
        {"Review and litigation case registers (.csv or .xlsx)", "行政复议、行政诉讼台账（.csv 或 .xlsx）"},
        {"Request register headers, e.g. received=收文时间,outcome=答复类型 (fields: id, received, applicant, "
         "outcome, replied)",
         "申请台账的列名，如 received=收文时间,outcome=答复类型（字段：id、received、applicant、outcome、replied）"},
        {"Case register headers, e.g. filed=收案日期 (fields: id, kind, filed, result, closed)",
         "复议诉讼台账的列名，如 filed=收案日期（字段：id、kind、filed、result、closed）"},
        {"The office's own words for outcomes, applicant types, case kinds and results (YAML; default: "
         "<register>.terms.yaml or terms.yaml beside the register)",
         "本机关对办理结果、申请人类型、案件类型与结果的用语（YAML；默认：台账旁的 <台账>.terms.yaml 或 terms.yaml）"},
        {"YAML tally to write (default: standard output)", "要写出的 YAML 统计（默认：标准输出）"},
        {"Write the tally even when rows were rejected", "即使有台账行未能计入也写出统计"},
        {"Make a new report folder: report.yaml at zero, prose stubs, tables.xlsx",
         "新建报告目录：report.yaml、正文草稿、tables.xlsx"},
        {"The folder to create or fill (existing files are never overwritten)", "要创建或填充的目录（不覆盖已有文件）"},
        {"Last year's report folder (or its report.yaml): carries 上年结转 and 现行有效件数",
         "上年度报告目录（或其 report.yaml）：带入上年结转与现行有效件数"},
        {"Do not write tables.xlsx", "不写出 tables.xlsx"},
        {"Request register (.csv or .xlsx): table 三 counted from it instead of zeros (docs/registers.md)",
         "申请台账（.csv 或 .xlsx）：据此统计表三（见 docs/registers.md）"},
        {"Build every unit of a roster (nested rosters followed)", "生成名册中每个单位的报告（含嵌套名册）"},
        {"Output folder (DIR/<agency>/report.<format>), or - for standard output",
         "输出目录（DIR/<机关>/report.<格式>），或 - 表示标准输出"},
        {"Write the outputs even with errors, stamped as such", "即使有错误也写出，并标明含有错误"},
        {"Last year's report: cross-year rules, year-over-year prose", "上年度报告：跨年度规则与同比表述"},
        // SARIF, the build manifest, gongkai verify
        {"text, json or sarif (SARIF 2.1.0, for code-scanning tools)",
         "text、json 或 sarif（SARIF 2.1.0，供代码扫描工具使用）"},
        {"text, json or sarif (the findings as SARIF 2.1.0)", "text、json 或 sarif（以 SARIF 2.1.0 输出检查结果）"},
        {"Write no manifest.json (the SHA-256 of every input, template and output) beside the outputs",
         "不在输出旁写 manifest.json（各输入、模板与输出的 SHA-256）"},
        {"Check that the files a build's manifest.json lists are unchanged",
         "校验 build 的 manifest.json 所列文件未被改动"},
        {"A manifest.json written by gongkai build", "gongkai build 写出的 manifest.json"},
        {"Folder the build ran in: its input paths are relative to it (default: the current folder)",
         "运行 build 时所在的目录：输入路径相对于它（默认：当前目录）"},
    };
    // Formats and readers: from the library's tables.
    for (const Text& t : registry_help_texts()) out.emplace(t.en, t.zh);
    return out;
  }();
  return m;
}

std::string zh_of(const std::string& en) {
  auto it = zh_descriptions().find(en);
  return it == zh_descriptions().end() ? en : it->second;
}

bool takes_value(std::string_view global) {
  return global == "--lang" || global == "--template-dir" || global == "--max-input-size" ||
         global == "--max-findings" || global == "--max-yaml-depth" || global == "--max-yaml-aliases";
}

}  // namespace

Lang language_of(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a(argv[i]);
    if (a == "--lang" && i + 1 < argc) {
      std::string_view v(argv[i + 1]);
      if (v == "zh") return Lang::zh;
      if (v == "en") return Lang::en;
    }
    if (a == "--lang=zh") return Lang::zh;
    if (a == "--lang=en") return Lang::en;
  }
  return lang_from_environment();
}

std::string first_command_word(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a(argv[i]);
    if (takes_value(a)) {
      ++i;
      continue;
    }
    if (a.starts_with("-")) continue;
    return std::string(a);
  }
  return {};
}

std::string subcommand_list(const CLI::App& app, Lang lang) {
  std::string out = lang == Lang::zh ? "用法：gongkai [--lang zh|en] <子命令> [选项]…\n\n子命令：\n"
                                     : "usage: gongkai [--lang zh|en] <subcommand> [options]…\n\nsubcommands:\n";
  std::size_t width = 0;
  for (const CLI::App* sub : app.get_subcommands({})) width = std::max(width, sub->get_name().size());
  for (const CLI::App* sub : app.get_subcommands({})) {
    const std::string& d = sub->get_description();
    out += fmt::format("  {:<{}}  {}\n", sub->get_name(), width, lang == Lang::zh ? zh_of(d) : d);
  }
  out += lang == Lang::zh ? "\n每个子命令的选项：gongkai <子命令> --help\n"
                          : "\nEach subcommand's options: gongkai <subcommand> --help\n";
  return out;
}

void localize_help(CLI::App& app) {
  auto fmt_ptr = app.get_formatter();
  fmt_ptr->label("Usage", "用法");
  fmt_ptr->label("OPTIONS", "选项");
  fmt_ptr->label("SUBCOMMAND", "子命令");
  fmt_ptr->label("SUBCOMMANDS", "子命令");
  fmt_ptr->label("Positionals", "位置参数");
  fmt_ptr->label("REQUIRED", "（必填）");
  fmt_ptr->label("Needs", "需要");
  fmt_ptr->label("Excludes", "不能与之同用");
  app.description(zh_of(app.get_description()));
  for (CLI::Option* opt : app.get_options({})) {
    opt->description(zh_of(opt->get_description()));
    if (opt->get_group() == "Options") opt->group("选项");
  }
  for (CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group() == "Subcommands") sub->group("子命令");
    localize_help(*sub);
  }
}

std::string parse_error_text(const CLI::Error& e, Lang lang) {
  if (const auto* own = dynamic_cast<const OptionValueError*>(&e); own != nullptr)
    return lang == Lang::en ? own->message().en + "\nRun with --help for more information."
                            : own->message().zh + "\n用 --help 查看用法。";
  const std::string what = e.what();
  if (lang == Lang::en) return what + "\nRun with --help for more information.";
  std::string zh;
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    const std::string suffix = " is required";
    std::string name = what;
    if (name.ends_with(suffix)) name.resize(name.size() - suffix.size());
    zh = fmt::format("缺少必需的参数：{}", name);
  } else if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    const auto colon = what.find(':');
    zh = fmt::format("多余的参数：{}", colon == std::string::npos ? what : what.substr(colon + 2));
  } else if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr ||
             dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
    zh = fmt::format("参数的值无效：{}", what);
  } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    zh = fmt::format("参数个数不对：{}", what);
  } else {
    zh = fmt::format("命令行有误：{}", what);
  }
  return zh + "\n用 --help 查看用法。";
}

}  // namespace gongkai::cli
