#include <gongkai/aggregate/accumulator.hpp>

#include <gongkai/check/derive.hpp>
#include <gongkai/core/checked.hpp>

#include <fmt/format.h>

namespace gongkai {

Accumulator::Accumulator(std::shared_ptr<const Form> form, int year, std::vector<std::string> explain)
    : form_(std::move(form)), year_(year), explain_(std::move(explain)) {
  sums_.assign(form_->cells().size(), 0);
  any_value_.assign(form_->cells().size(), false);
  any_blank_.assign(form_->cells().size(), false);
  explained_.resize(explain_.size());
}

bool Accumulator::add(const std::string& unit, const Report& report, Diagnostics& out, std::size_t order) {
  auto reject = [&](Text msg) {
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = "merge";
    d.message = std::move(msg);
    d.where = report.origin;
    out.add(std::move(d));
    return false;
  };
  if (report.form->id != form_->id)
    return reject(
        {fmt::format("单位「{}」使用 {} 表式，与汇总报告的 {} 表式不同，未计入汇总", unit, report.form->id, form_->id),
         fmt::format("unit '{}' uses form {}, not form {} like the consolidated report; left out of the sum", unit,
                     report.form->id, form_->id)});
  if (report.year != year_)
    return reject({fmt::format("单位「{}」是 {} 年度报告，汇总报告是 {} 年度，未计入汇总", unit, report.year, year_),
                   fmt::format("unit '{}' reports on {}, the consolidated report on {}; left out of the sum", unit,
                               report.year, year_)});
  // Sum into a copy first so a failing unit leaves the totals untouched.
  std::vector<std::int64_t> next = sums_;
  for (const auto& c : form_->cells()) {
    const CellValue& v = report.at(c);
    if (!v.has_value()) continue;
    auto s = checked_add(next[c.index], v.raw);
    if (!s)
      return reject({fmt::format("单位「{}」计入后「{}」超出 64 位整数范围", unit, form_->cell_label(c)),
                     fmt::format("adding unit '{}' overflows '{}'", unit, form_->cell_label(c))});
    next[c.index] = *s;
  }
  sums_ = std::move(next);
  for (const auto& c : form_->cells()) {
    const CellValue& v = report.at(c);
    if (v.has_value() && !v.computed) any_value_[c.index] = true;
    if (v.state == CellState::blank) any_blank_[c.index] = true;
  }
  for (std::size_t i = 0; i < explain_.size(); ++i) {
    const CellDef* c = form_->cell(explain_[i]);
    if (c == nullptr) continue;
    const CellValue& v = report.at(*c);
    std::string source = v.where.known() ? v.where.to_string() : report.origin.file;
    explained_[i].push_back({unit, source, v.has_value() ? v.raw : 0, v.computed, order});
  }
  ++units_;
  return true;
}

bool Accumulator::absorb(const Accumulator& other, Diagnostics& out) {
  if (other.form_->id != form_->id || other.year_ != year_) {
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = "merge";
    d.message = {"内部错误：合并了不同表式或年度的汇总", "internal: absorbing a sum of another form or year"};
    out.add(std::move(d));
    return false;
  }
  for (std::size_t i = 0; i < sums_.size(); ++i) {
    auto s = checked_add(sums_[i], other.sums_[i]);
    if (!s) {
      Diagnostic d;
      d.severity = Severity::error;
      d.rule = "merge";
      d.message = {fmt::format("「{}」汇总超出 64 位整数范围", form_->cell_label(form_->cells()[i])),
                   fmt::format("the sum of '{}' overflows", form_->cell_label(form_->cells()[i]))};
      out.add(std::move(d));
      return false;
    }
    sums_[i] = *s;
    any_value_[i] = any_value_[i] || other.any_value_[i];
    any_blank_[i] = any_blank_[i] || other.any_blank_[i];
  }
  for (std::size_t i = 0; i < explain_.size(); ++i)
    for (std::size_t j = 0; j < other.explain_.size(); ++j)
      if (other.explain_[j] == explain_[i])
        explained_[i].insert(explained_[i].end(), other.explained_[j].begin(), other.explained_[j].end());
  units_ += other.units_;
  return true;
}

Report Accumulator::result() const {
  Report r(form_);
  r.year = year_;
  for (const auto& c : form_->cells()) {
    CellValue& v = r.at(c);
    if (c.derived) {
      // Totals are the sum of the units' totals, which equals the total of the summed parts
      // wherever the units are consistent. When a unit gave the total itself, the sum is a
      // figure the consolidated report states (written out, checked against its parts): never
      // recomputed from parts some units did not give, so that what `merge` writes is what
      // --explain accounts for.
      v.state = CellState::value;
      v.raw = sums_[c.index];
      v.computed = !any_value_[c.index];
    } else if (any_value_[c.index] || sums_[c.index] != 0) {
      v.state = CellState::value;
      v.raw = sums_[c.index];
    } else if (any_blank_[c.index]) {
      v.state = CellState::value;  // a blank in one unit is 0 in the sum
      v.raw = 0;
    }
  }
  return r;
}

const std::vector<Contribution>& Accumulator::contributions(const std::string& cell_id) const {
  static const std::vector<Contribution> none;
  for (std::size_t i = 0; i < explain_.size(); ++i)
    if (explain_[i] == cell_id) return explained_[i];
  return none;
}

}  // namespace gongkai
