#include <gongkai/check/report_rules.hpp>

#include <gongkai/check/derive.hpp>
#include <gongkai/check/messages.hpp>
#include <gongkai/core/date.hpp>

#include <fmt/format.h>

namespace gongkai {

void check_form_year(CheckContext& ctx, Diagnostics& out) {
  const Report& r = ctx.report;
  const CheckOptions& options = ctx.options;
  const Form& form = *r.form;
  if (r.year == 0 || form.covers(r.year)) return;
  std::shared_ptr<const Form> right = options.forms ? options.forms->for_year(r.year) : nullptr;
  std::string want_zh = right ? fmt::format("应使用 {} 表式（{}）", right->id, right->title) : "没有适用的表式";
  std::string want_en =
      right ? fmt::format("it must use form {} ({})", right->id, right->title) : "no form covers that year";
  Diagnostic d = finding(Severity::error, "form-year",
                         {fmt::format("{} 年度报告使用了 {} 表式（{}），{}", r.year, form.id, form.title, want_zh),
                          fmt::format("the {} report uses form {} ({}); {}", r.year, form.id, form.title, want_en)},
                         r.origin);
  d.expected = right ? right->id : "";
  d.actual = form.id;
  out.add(std::move(d));
}

void check_deadline(CheckContext& ctx, Diagnostics& out) {
  const Report& r = ctx.report;
  if (!r.publication_date || r.year == 0) return;
  // Read as a date where it was given (the reader's finding, the command line's usage error).
  const auto published = Date::parse(*r.publication_date);
  if (!published) return;
  // The deadline by level is form data (`deadlines:` in report-templates/forms/*.yaml).
  const DeadlineDef* deadline = r.form->deadline(to_string(r.level));
  if (deadline == nullptr) return;
  const unsigned due_month = deadline->month;
  const unsigned due_day = deadline->day;
  const auto due = Date::from_ymd(r.year + 1, due_month, due_day);
  if (!due) return;
  const std::int64_t late = *published - *due;
  if (late <= 0) return;
  const char* who_zh = r.level == Level::department ? "部门" : "政府";
  const char* who_en = r.level == Level::department ? "a department" : "a government";
  out.add(finding(Severity::info, "deadline",
                  {fmt::format("{}年度报告的发布期限是 {} 年 {} 月 {} 日（{}），发布日期 {} 晚了 {} 天", r.year,
                               r.year + 1, due_month, due_day, who_zh, *r.publication_date, late),
                   fmt::format("the {} report of {} is due by {}-{:02d}-{:02d}; published {}, {} days late", r.year,
                               who_en, r.year + 1, due_month, due_day, *r.publication_date, late)},
                  r.origin));
}

}  // namespace gongkai
