#include <gongkai/aggregate/unit_summary.hpp>

#include <gongkai/check/derive.hpp>
#include <gongkai/core/checked.hpp>

namespace gongkai {

const std::vector<KeyFigure>& key_figures() {
  static const std::vector<KeyFigure> figures{
      {"received", {"本年新收申请", "received"}, {"applications.received.total"}, false},
      {"granted", {"予以公开", "granted"}, {"applications.granted.total"}, false},
      {"refused", {"不予公开", "refused"}, {"applications.refused.total"}, false},
      {"carried_forward", {"结转下年度", "carried forward"}, {"applications.carried_forward.total"}, false},
      {"reviews", {"行政复议", "reviews"}, {"review_litigation.review.total"}, false},
      {"suits",
       {"行政诉讼", "lawsuits"},
       {"review_litigation.litigation_direct.total", "review_litigation.litigation_after_review.total"},
       false},
      {"fees", {"收费金额（万元）", "fees (万元)"}, {"proactive.fees.amount"}, true},
  };
  return figures;
}

std::string UnitSummary::status() const {
  if (unreadable) return "unreadable";
  if (errors > 0) return "errors";
  if (warnings > 0) return "warnings";
  return "ok";
}

UnitSummary summarize_unit(std::size_t order, const std::string& unit, const std::string& path, const Report* report,
                           const Diagnostics& findings, bool unreadable) {
  UnitSummary s;
  s.order = order;
  s.unit = unit;
  s.path = path;
  s.unreadable = unreadable || report == nullptr;
  if (report != nullptr) {
    s.form = report->form->id;
    s.year = report->year;
  }
  for (const auto& fig : key_figures()) {
    std::optional<std::int64_t> total;
    if (!s.unreadable) {
      for (const auto& id : fig.cells) {
        const CellDef* c = report->form->cell(id);
        if (c == nullptr) continue;
        auto v = resolved(*report, *c);
        if (!v) continue;
        auto sum = checked_add(total.value_or(0), *v);
        if (sum) total = *sum;
      }
    }
    s.figures.push_back(total);
  }
  for (const auto& d : findings.items()) {
    if (d.severity == Severity::error) ++s.errors;
    if (d.severity == Severity::warning) ++s.warnings;
    if (d.severity != Severity::info) ++s.by_rule[d.rule];
  }
  return s;
}

}  // namespace gongkai
