#include <gongkai/prose/figures.hpp>

#include <gongkai/check/derive.hpp>
#include <gongkai/core/checked.hpp>
#include <gongkai/prose/percent.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

// Figures may be built from figures; a rules file with a cycle must not hang the build.
constexpr int kMaxDepth = 8;

FigureFormat format_of(const ColumnDef& c) {
  return c.kind == ValueKind::amount ? FigureFormat::amount : FigureFormat::count;
}

bool available(const Form& form, const ProseRules* rules, std::string_view id, int depth) {
  if (form.cell(id) != nullptr) return true;
  if (rules == nullptr || depth > kMaxDepth) return false;
  const FigureDef* f = rules->figure(id);
  if (f == nullptr) return false;
  if (f->kind == FigureKind::ratio)
    return available(form, rules, f->numerator, depth + 1) && available(form, rules, f->denominator, depth + 1);
  for (const auto& p : f->parts)
    if (!available(form, rules, p, depth + 1)) return false;
  return true;
}

Text no_figure(const Form& form, const CellDef& c, const CellValue& v) {
  const std::string label = form.cell_label(c);
  if (v.state == CellState::blank)
    return {fmt::format("表中「{}」为空", label), fmt::format("the table leaves '{}' ({}) blank", label, c.id)};
  // Absent: never given, or a total none of whose parts was given.
  return {fmt::format("表中「{}」没有数字", label),
          fmt::format("the tables give no figure for '{}' ({})", label, c.id)};
}

FigureLookup lookup(const Report& r, const ProseRules* rules, std::string_view id, bool as_part, int depth);

FigureLookup sum_of(const Report& r, const ProseRules* rules, const FigureDef& f, int depth) {
  FigureLookup out;
  out.known = true;
  std::int64_t total = 0;
  std::optional<FigureFormat> format;
  for (const auto& p : f.parts) {
    FigureLookup part = lookup(r, rules, p, true, depth + 1);
    if (!part.value) {
      out.problem = part.problem;
      return out;
    }
    if (format && *format != part.value->format) {
      out.problem =
          Text{fmt::format("「{}」把件数和金额相加", f.zh), fmt::format("'{}' adds counts and amounts", f.id)};
      return out;
    }
    format = part.value->format;
    auto s = checked_add(total, part.value->raw);
    if (!s) {
      out.problem = Text{fmt::format("「{}」求和溢出", f.zh), fmt::format("the sum '{}' overflows", f.id)};
      return out;
    }
    total = *s;
  }
  out.value = FigureValue{total, format.value_or(FigureFormat::count), nullptr};
  return out;
}

FigureLookup ratio_of(const Report& r, const ProseRules* rules, const FigureDef& f, int depth) {
  FigureLookup out;
  out.known = true;
  FigureLookup num = lookup(r, rules, f.numerator, true, depth + 1);
  FigureLookup den = lookup(r, rules, f.denominator, true, depth + 1);
  if (!num.value || !den.value) {
    out.problem = num.value ? den.problem : num.problem;
    return out;
  }
  if (num.value->format != den.value->format || num.value->format == FigureFormat::percent) {
    out.problem = Text{fmt::format("「{}」的分子和分母不是同一种数", f.zh),
                       fmt::format("'{}' divides figures of different kinds", f.id)};
    return out;
  }
  if (den.value->raw <= 0 || num.value->raw < 0) {
    out.problem = Text{fmt::format("「{}」的分母为0，无法计算比例", f.zh),
                       fmt::format("'{}' cannot be computed: its denominator is 0", f.id)};
    return out;
  }
  auto tenths = percent_tenths(num.value->raw, den.value->raw);
  if (!tenths) {
    out.problem = Text{fmt::format("「{}」计算溢出", f.zh), fmt::format("'{}' overflows", f.id)};
    return out;
  }
  out.value = FigureValue{*tenths, FigureFormat::percent, nullptr};
  return out;
}

FigureLookup lookup(const Report& r, const ProseRules* rules, std::string_view id, bool as_part, int depth) {
  FigureLookup out;
  const Form& form = *r.form;
  if (const CellDef* c = form.cell(id)) {
    out.known = true;
    const CellValue& v = r.at(*c);
    // Cited on its own, a cell must show a figure in the table: a blank is not 0. As a part of
    // a sum it counts as the table's own totals count it (see derive.hpp: resolved()).
    std::optional<std::int64_t> raw;
    if (v.has_value())
      raw = v.raw;
    else if (as_part)
      raw = resolved(r, *c);
    if (raw)
      out.value = FigureValue{*raw, format_of(*c->column), c->column};
    else
      out.problem = no_figure(form, *c, v);
    return out;
  }
  if (rules == nullptr || depth > kMaxDepth || !available(form, rules, id, depth)) return out;
  const FigureDef* f = rules->figure(id);
  return f->kind == FigureKind::sum ? sum_of(r, rules, *f, depth) : ratio_of(r, rules, *f, depth);
}

}  // namespace

FigureLookup lookup_figure(const Report& report, const ProseRules* rules, std::string_view id) {
  return lookup(report, rules, id, false, 0);
}

std::string format_figure(const FigureValue& v) {
  if (v.column != nullptr) return format_value(*v.column, v.raw);
  switch (v.format) {
    case FigureFormat::amount:
      return Decimal::from_micro(v.raw).to_string();
    case FigureFormat::percent:
      return format_tenths(v.raw);
    case FigureFormat::count:
      break;
  }
  return fmt::format("{}", v.raw);
}

std::vector<std::string> figure_names(const Form& form, const ProseRules* rules) {
  std::vector<std::string> out;
  for (const auto& c : form.cells()) out.push_back(c.id);
  if (rules != nullptr)
    for (const auto& f : rules->figures)
      if (form.cell(f.id) == nullptr && available(form, rules, f.id, 0)) out.push_back(f.id);
  return out;
}

Text figure_label(const Form& form, const ProseRules* rules, std::string_view id) {
  if (const CellDef* c = form.cell(id)) {
    const std::string label = form.cell_label(*c);
    return {label, c->id};
  }
  if (rules != nullptr)
    if (const FigureDef* f = rules->figure(id)) return {f->zh, f->en};
  return {std::string(id), std::string(id)};
}

}  // namespace gongkai
