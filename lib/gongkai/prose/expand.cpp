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

namespace gongkai {
namespace {

constexpr std::string_view kYoy = ".yoy";
constexpr std::string_view kPrevious = ".previous";
constexpr std::string_view kFees = "fees";
constexpr std::string_view kWorkPlan = "work_plan";
constexpr std::string_view kOtherMatters = "other_matters";

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
      std::string expanded = blank ? std::string() : expand(sec);
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
      std::string s = render_fee_statement(*in_.fees);
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
      text = append_subsection(std::move(text), kFeesTitle, render_fee_statement(*in_.fees));
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

}  // namespace gongkai
