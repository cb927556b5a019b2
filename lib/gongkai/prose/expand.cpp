#include <gongkai/prose/expand.hpp>

#include <gongkai/core/suggest.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/prose/figures.hpp>
#include <gongkai/prose/narrative_figure.hpp>
#include <gongkai/prose/percent.hpp>
#include <gongkai/prose/placeholder.hpp>
#include <gongkai/prose/prose_text.hpp>
#include <gongkai/prose/subheading.hpp>
#include <gongkai/prose/text_reuse.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace gongkai {
namespace {

constexpr std::string_view kYoy = ".yoy";
constexpr std::string_view kPrevious = ".previous";
constexpr std::string_view kFees = "fees";
constexpr std::string_view kWorkPlan = "work_plan";
constexpr std::string_view kOtherMatters = "other_matters";

// Authoring notes (`<!-- … -->`, as gongkai init writes) are not part of the report: removed,
// with the line they stood on when nothing else is on it. An unterminated one is left as text.
std::string strip_html_comments(std::string text) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    const std::size_t open = text.find("<!--", at);
    const std::size_t close = open == std::string::npos ? open : text.find("-->", open + 4);
    if (close == std::string::npos) {
      out.append(text, at, std::string::npos);
      break;
    }
    std::size_t begin = open;
    std::size_t end = close + 3;
    // A comment alone on its line takes the line with it.
    const std::size_t line_begin = text.rfind('\n', open) == std::string::npos ? 0 : text.rfind('\n', open) + 1;
    const std::size_t line_end = std::min(text.find('\n', end), text.size());
    if (line_begin >= at && trim(std::string_view(text).substr(line_begin, open - line_begin)).empty() &&
        trim(std::string_view(text).substr(end, line_end - end)).empty()) {
      begin = line_begin;
      end = line_end < text.size() ? line_end + 1 : line_end;
    }
    out.append(text, at, begin - at);
    at = end;
  }
  return out;
}

struct Section {
  const SectionDef* def = nullptr;
  std::string_view text;
  SourceLoc start;
  const ProseLocator* locate = nullptr;
};

class Expander {
 public:
  Expander(const ProseInputs& in, Diagnostics& out) : in_(in), out_(out), form_(*in.report->form) {}

  std::map<std::string, std::string> run() {
    std::map<std::string, std::string> result;
    for (const auto& s : form_.sections) {
      if (s.is_table) continue;
      Section sec{&s, {}, in_.report->origin};
      auto text = in_.report->prose.find(s.id);
      auto where = in_.report->prose_where.find(s.id);
      if (where != in_.report->prose_where.end()) sec.start = where->second;
      if (text != in_.report->prose.end()) sec.text = strip_bom(text->second);
      const bool generated = s.id == kOtherMatters && (in_.fees || in_.work_plan);
      const bool blank = is_blank_prose(sec.text);
      if (blank && !generated) {
        missing(s, text != in_.report->prose.end());
        continue;
      }
      const ProseLocator locate(sec.text, sec.start);
      sec.locate = &locate;
      if (!blank) stubs(sec);
      std::string expanded = blank ? std::string() : strip_html_comments(expand(sec));
      if (s.id == kOtherMatters) expanded = add_generated(std::move(expanded));
      if (!blank && in_.rules != nullptr) check_narrative_figures(*in_.report, *in_.rules, sec.text, sec.start, out_);
      if (!blank) reuse(sec);
      while (!expanded.empty() && (expanded.back() == '\n' || expanded.back() == ' ' || expanded.back() == '\r'))
        expanded.pop_back();
      result.emplace(s.id, expanded + "\n");
    }
    return result;
  }

 private:
  // gongkai init's 【待填写】 left in the prose: an error where it stands.
  void stubs(const Section& sec) {
    for (std::size_t at = sec.text.find(kStubMarkerWord); at != std::string_view::npos;
         at = sec.text.find(kStubMarkerWord, at + kStubMarkerWord.size())) {
      const std::string_view open = "【";
      const std::size_t from =
          at >= open.size() && sec.text.substr(at - open.size(), open.size()) == open ? at - open.size() : at;
      Diagnostic d;
      d.severity = Severity::error;
      d.rule = "stub";
      d.where = sec.locate->at(from);
      d.message = {
          fmt::format("「{}」中仍有 gongkai init 留下的「{}」：请写出这部分内容", sec.def->heading, kStubMarker),
          fmt::format("section {} still holds gongkai init's {} marker: write this part", sec.def->heading,
                      kStubMarker)};
      out_.add(std::move(d));
    }
  }

  void missing(const SectionDef& s, bool given) {
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = "missing-section";
    auto where = in_.report->prose_where.find(s.id);
    d.where = where != in_.report->prose_where.end() ? where->second : in_.report->origin;
    d.message = given ? Text{fmt::format("「{}」的正文为空", s.heading),
                             fmt::format("the prose of section {} ({}) is empty", s.heading, s.id)}
                      : Text{fmt::format("缺少「{}」的正文", s.heading),
                             fmt::format("section {} ({}) has no prose", s.heading, s.id)};
    out_.add(std::move(d));
  }

  void placeholder_error(const Section& sec, const Placeholder& p, Text message,
                         std::optional<std::string> expected = std::nullopt) {
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = "placeholder";
    d.where = sec.locate->at(p.begin);
    d.message = std::move(message);
    d.actual = p.name;
    d.expected = std::move(expected);
    out_.add(std::move(d));
  }

  std::string expand(const Section& sec) {
    const PlaceholderScan scan = scan_placeholders(sec.text);
    for (std::size_t at : scan.unterminated) {
      Placeholder p{at, at + 2, "{{"};
      placeholder_error(sec, p,
                        {"占位符缺少结尾的 }}（占位符不能跨行）",
                         "unterminated placeholder: '}}' missing (a placeholder cannot span lines)"});
    }
    std::string out;
    std::size_t copied = 0;
    for (const auto& p : scan.found) {
      out.append(sec.text.substr(copied, p.begin - copied));
      copied = p.end;
      if (auto text = resolve(sec, p))
        out += *text;
      else
        out.append(sec.text.substr(p.begin, p.end - p.begin));
    }
    out.append(sec.text.substr(copied));
    return out;
  }

  // The text a placeholder stands for; nullopt after reporting why it cannot be expanded.
  std::optional<std::string> resolve(const Section& sec, const Placeholder& p) {
    const std::string& name = p.name;
    const std::string shown = fmt::format("{{{{{}}}}}", name);
    if (name == kFees || name == kWorkPlan) return block(sec, p);
    std::string_view base = name;
    std::string_view modifier;
    for (std::string_view m : {kYoy, kPrevious}) {
      if (base.ends_with(m) && base.size() > m.size()) {
        modifier = m;
        base.remove_suffix(m.size());
        break;  // one suffix: `x.previous.yoy` names no figure
      }
    }
    FigureLookup now = lookup_figure(*in_.report, in_.rules, base);
    if (!now.known) {
      unknown(sec, p, base, modifier);
      return std::nullopt;
    }
    if (modifier.empty()) {
      if (now.value) return format_figure(*now.value);
      placeholder_error(sec, p,
                        {fmt::format("占位符 {} 无法展开：{}", shown, now.problem->zh),
                         fmt::format("placeholder {} cannot be expanded: {}", shown, now.problem->en)});
      return std::nullopt;
    }
    if (in_.previous == nullptr) {
      placeholder_error(sec, p,
                        {fmt::format("占位符 {} 需要上年的报告：请用 --previous 指定上年的数据", shown),
                         fmt::format("placeholder {} needs last year's report: give it with --previous", shown)});
      return std::nullopt;
    }
    FigureLookup before = lookup_figure(*in_.previous, in_.rules, base);
    if (!before.known) {
      placeholder_error(sec, p,
                        {fmt::format("占位符 {}：上年的报告（{}年，表式 {}）没有「{}」", shown, in_.previous->year,
                                     in_.previous->form->id, base),
                         fmt::format("placeholder {}: last year's report ({}, form {}) has no '{}'", shown,
                                     in_.previous->year, in_.previous->form->id, base)});
      return std::nullopt;
    }
    if (!before.value) {
      placeholder_error(sec, p,
                        {fmt::format("占位符 {} 无法展开：上年{}", shown, before.problem->zh),
                         fmt::format("placeholder {} cannot be expanded: last year {}", shown, before.problem->en)});
      return std::nullopt;
    }
    if (modifier == kPrevious) return format_figure(*before.value);
    if (!now.value) {
      placeholder_error(sec, p,
                        {fmt::format("占位符 {} 无法展开：{}", shown, now.problem->zh),
                         fmt::format("placeholder {} cannot be expanded: {}", shown, now.problem->en)});
      return std::nullopt;
    }
    if (now.value->format == FigureFormat::percent) {
      placeholder_error(sec, p,
                        {fmt::format("占位符 {}：比例没有同比百分比", shown),
                         fmt::format("placeholder {}: a percentage has no year-over-year percentage", shown)});
      return std::nullopt;
    }
    if (now.value->format != before.value->format) {
      placeholder_error(sec, p,
                        {fmt::format("占位符 {}：本年和上年的「{}」不是同一种数", shown, base),
                         fmt::format("placeholder {}: '{}' is not the same kind of figure both years", shown, base)});
      return std::nullopt;
    }
    YoyPhrase phrase = yoy_phrase(now.value->raw, before.value->raw);
    if (phrase.text) return *phrase.text;
    placeholder_error(sec, p,
                      {fmt::format("占位符 {} 无法展开：{}", shown, phrase.problem->zh),
                       fmt::format("placeholder {} cannot be expanded: {}", shown, phrase.problem->en)});
    return std::nullopt;
  }

  // "Did you mean": computed once per distinct name, so a file full of the same typo stays fast.
  std::optional<std::string> guess_for(std::string_view base, bool blocks) {
    const std::string key = std::string(base) + (blocks ? "\n" : "");
    auto it = guesses_.find(key);
    if (it != guesses_.end()) return it->second;
    if (names_.empty()) names_ = figure_names(form_, in_.rules);
    std::vector<std::string> names = names_;
    if (blocks) {
      names.emplace_back(kFees);
      names.emplace_back(kWorkPlan);
    }
    auto guess = closest(base, names);
    guesses_.emplace(key, guess);
    return guess;
  }

  void unknown(const Section& sec, const Placeholder& p, std::string_view base, std::string_view modifier) {
    const std::string shown = fmt::format("{{{{{}}}}}", p.name);
    if (auto guess = guess_for(base, modifier.empty() && sec.def->id == kOtherMatters)) {
      const std::string suggestion = *guess + std::string(modifier);
      placeholder_error(sec, p,
                        {fmt::format("未知的占位符 {}；是否应为 {{{{{}}}}}？", shown, suggestion),
                         fmt::format("unknown placeholder {}; did you mean {{{{{}}}}}?", shown, suggestion)},
                        suggestion);
      return;
    }
    placeholder_error(sec, p,
                      {fmt::format("未知的占位符 {}：既不是表中的格，也不是 docs/prose.md 所列的数字", shown),
                       fmt::format("unknown placeholder {}: neither a cell of the form nor a figure of the prose "
                                   "rules (see docs/prose.md)",
                                   shown)});
  }

  // {{fees}} and {{work_plan}}: only in 六, only when given; the table needs a line of its own.
  std::optional<std::string> block(const Section& sec, const Placeholder& p) {
    const std::string shown = fmt::format("{{{{{}}}}}", p.name);
    if (sec.def->id != kOtherMatters) {
      placeholder_error(sec, p,
                        {fmt::format("占位符 {} 只能用于「六、其他需要报告的事项」", shown),
                         fmt::format("placeholder {} belongs in section 六 (other_matters) only", shown)});
      return std::nullopt;
    }
    if (p.name == kFees) {
      if (!in_.fees) {
        placeholder_error(sec, p,
                          {fmt::format("占位符 {} 无法展开：没有信息处理费数据（报告 YAML 中的 fees）", shown),
                           fmt::format("placeholder {} cannot be expanded: no fee data was given ('fees' in the "
                                       "report's YAML)",
                                       shown)});
        return std::nullopt;
      }
      fees_placed_ = true;
      std::string s = render_fee_statement(*in_.fees, *in_.report->form);
      if (s.ends_with('\n')) s.pop_back();
      return s;
    }
    if (!in_.work_plan) {
      placeholder_error(sec, p,
                        {fmt::format("占位符 {} 无法展开：没有工作要点文件（报告 YAML 中的 work_plan）", shown),
                         fmt::format("placeholder {} cannot be expanded: no work plan was given ('work_plan' in "
                                     "the report's YAML)",
                                     shown)});
      return std::nullopt;
    }
    const std::size_t line_begin =
        sec.text.rfind('\n', p.begin) == std::string_view::npos ? 0 : sec.text.rfind('\n', p.begin) + 1;
    const std::size_t line_end = std::min(sec.text.find('\n', p.end), sec.text.size());
    const std::string_view before = sec.text.substr(line_begin, p.begin - line_begin);
    const std::string_view after = sec.text.substr(p.end, line_end - p.end);
    if (!trim(before).empty() || !trim(after).empty()) {
      placeholder_error(sec, p,
                        {fmt::format("占位符 {} 会展开为表格，必须单独占一行", shown),
                         fmt::format("placeholder {} expands to a table and must stand on a line of its own", shown)});
      return std::nullopt;
    }
    work_plan_placed_ = true;
    std::string s = render_work_plan(*in_.work_plan);
    if (s.ends_with('\n')) s.pop_back();
    return s;
  }

  std::string add_generated(std::string text) {
    if (in_.fees && !fees_placed_)
      text = append_subsection(std::move(text), kFeesTitle, render_fee_statement(*in_.fees, *in_.report->form));
    if (in_.work_plan && !work_plan_placed_)
      text = append_subsection(std::move(text), kWorkPlanTitle, render_work_plan(*in_.work_plan));
    return text;
  }

  void reuse(const Section& sec) {
    if (in_.previous == nullptr) return;
    auto before = in_.previous->prose.find(sec.def->id);
    if (before == in_.previous->prose.end()) return;
    auto score = reuse_score(sec.text, before->second);
    if (!score || score->tenths < kReuseThresholdTenths) return;
    const std::string pct = format_tenths(score->tenths);
    const std::string threshold = format_tenths(kReuseThresholdTenths);
    Diagnostic d;
    d.severity = Severity::warning;
    d.rule = "text-reuse";
    d.where = sec.start;
    d.actual = pct;
    d.expected = fmt::format("< {}", threshold);
    d.message = {fmt::format("「{}」与{}年报告的同一部分雷同：{} 的文字与上年相同（阈值 {}）", sec.def->heading,
                             in_.previous->year, pct, threshold),
                 fmt::format("section {} repeats the {} report: {} of its text also appears there (threshold {})",
                             sec.def->heading, in_.previous->year, pct, threshold)};
    out_.add(std::move(d));
  }

  const ProseInputs& in_;
  Diagnostics& out_;
  const Form& form_;
  bool fees_placed_ = false;
  bool work_plan_placed_ = false;
  std::vector<std::string> names_;
  std::map<std::string, std::optional<std::string>> guesses_;
};

}  // namespace

std::map<std::string, std::string> expand_prose(const ProseInputs& in, Diagnostics& out) {
  return Expander(in, out).run();
}

// What a published report states that gongkai cannot see in the tables: the publication date,
// the 信息处理费 statement and the work plan of section 六 (国办公开办函〔2021〕30号). Warnings: a
// report may state them in words the rules do not know.
void check_publication_parts(const ProseInputs& in, const std::map<std::string, std::string>& result,
                             Diagnostics& out) {
  const Form& form = *in.report->form;
  const Report& r = *in.report;
  auto warn = [&](const char* rule, Text message) {
    Diagnostic d;
    d.severity = Severity::warning;
    d.rule = rule;
    d.where = r.origin;
    d.message = std::move(message);
    out.add(std::move(d));
  };
  // A table of which no cell is given at all is missing: it prints empty (render/report_text.hpp),
  // never as zeros nobody stated.
  for (const auto& t : form.tables) {
    if (table_given(r, t)) continue;
    std::string no = t.id;
    for (const auto& s : form.sections)
      if (s.id == t.section) no = s.number;
    warn("missing-table",
         {fmt::format("表{}没有任何数字：这张表缺失，输出中留空（不按 0 计）", no),
          fmt::format("table {} has no figure at all: the table is missing and prints empty (not as 0)", no)});
  }
  if (!r.publication_date)
    warn("no-publication-date", {"报告没有发布日期（report.yaml 中的 published: YYYY-MM-DD）",
                                 "the report has no publication date (published: YYYY-MM-DD in its YAML)"});
  const SectionDef* six = nullptr;
  for (const auto& s : form.sections)
    if (s.id == kOtherMatters) six = &s;
  if (six == nullptr) return;
  auto text = result.find(std::string(kOtherMatters));
  const std::string_view said = text == result.end() ? std::string_view() : std::string_view(text->second);
  if (!in.fees && said.find("信息处理费") == std::string_view::npos)
    warn("no-fee-statement",
         {fmt::format("「{}」没有收取信息处理费情况的说明（report.yaml 中的 fees:，见 docs/prose.md）", six->heading),
          fmt::format("section {} does not state the information-processing fees ('fees:' in the report's "
                      "YAML, see docs/prose.md)",
                      six->heading)});
  if (!in.work_plan && said.find("工作要点") == std::string_view::npos)
    warn("no-work-plan",
         {fmt::format("「{}」没有落实上级年度政务公开工作要点情况（report.yaml 中的 work_plan:，见 docs/prose.md）",
                      six->heading),
          fmt::format("section {} does not report on the year's work plan ('work_plan:' in the report's YAML, "
                      "see docs/prose.md)",
                      six->heading)});
}

}  // namespace gongkai
