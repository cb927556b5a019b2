#include <gongkai/readers/cell_text.hpp>

#include <gongkai/core/checked.hpp>
#include <gongkai/core/excerpt.hpp>
#include <gongkai/core/normalize.hpp>
#include <gongkai/core/text.hpp>

#include <fmt/format.h>

#include <array>
#include <cstdlib>

namespace gongkai {
namespace {

struct Unit {
  std::string_view suffix;
  int amount_scale_shift;  // amounts: how many of our 6 fractional digits the unit leaves; -1 for counts
};

// Longest suffixes first so 万元 is not read as 元.
// 「万」 alone in an amount column is the column's own 万元.
constexpr std::array<Unit, 10> kUnits{{{"亿元", 10},
                                       {"万元", 6},
                                       {"万", 6},
                                       {"元", 2},
                                       {"件", -1},
                                       {"个", -1},
                                       {"条", -1},
                                       {"项", -1},
                                       {"人次", -1},
                                       {"次", -1}}};

std::string cell_name(const Form& form, const CellDef& cell) { return form.cell_label(cell); }

Diagnostic make(Severity sev, std::string rule, const Form& form, const CellDef& cell, const SourceLoc& where,
                Text message) {
  Diagnostic d;
  d.severity = sev;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.cells.push_back({cell.id, cell_name(form, cell)});
  d.where = where;
  return d;
}

// A figure as nearly every cell holds it: ASCII digits, for an amount with at most one point.
// Such text needs no normalisation and cannot give a finding, so it skips both (a province's
// merge reads millions of cells).
bool plain_figure(std::string_view text, ValueKind kind) {
  if (text.empty() || text.size() > 18) return false;
  bool point = false;
  for (char c : text) {
    if (c == '.' && kind == ValueKind::amount && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') return false;
  }
  return text.front() != '.' && text.back() != '.';
}

// 「1,320」 or 「12,345,678」: digits in groups of three after the first, separated by commas
// (full-width ones are compacted to ASCII). The number without them, else nullopt.
std::optional<std::string> thousands_grouped(std::string_view s) {
  const auto parts = split(s, ',');
  if (parts.size() < 2 || parts.front().empty() || parts.front().size() > 3) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0 && parts[i].size() != 3) return std::nullopt;
    for (char c : parts[i])
      if (c < '0' || c > '9') return std::nullopt;
    out += parts[i];
  }
  return out;
}

std::optional<CellValue> parse(std::string_view original, const Form& form, const CellDef& cell, const SourceLoc& where,
                               Diagnostics& out, bool typed) {
  const ColumnDef& col = *cell.column;
  CellValue v;
  v.where = where;
  if (plain_figure(original, col.kind)) {
    if (auto parsed = parse_fixed(original, col.kind == ValueKind::amount ? Decimal::kScale : 0)) {
      v.state = CellState::value;
      v.raw = *parsed;
      return v;
    }
  }
  std::string text = compact(original);
  if (text.empty() || text == "-" || text == "—" || text == "/") {
    v.state = CellState::blank;
    return v;
  }
  // gongkai init's marker for a cell nobody filled: blank, and an error for the checker (`stub`).
  if (text.find(kStubMarkerWord) != std::string::npos) {
    v.state = CellState::blank;
    v.stub = true;
    return v;
  }
  // Unit typed into the cell.
  std::string unit;
  int shift = col.kind == ValueKind::amount ? Decimal::kScale : 0;
  if (!typed) {
    for (const auto& u : kUnits) {
      if (text.size() > u.suffix.size() && std::string_view(text).ends_with(u.suffix)) {
        bool amount_unit = u.amount_scale_shift >= 0;
        if (amount_unit != (col.kind == ValueKind::amount)) break;  // 元 in a count column: not a number
        unit = u.suffix;
        text.resize(text.size() - u.suffix.size());
        if (amount_unit) shift = u.amount_scale_shift;
        break;
      }
    }
  }
  const std::string label = cell_name(form, cell);
  if (col.kind == ValueKind::amount) {
    // Value in `unit` parsed so that one micro-万元 is the last digit: 元 has 2 decimals, 亿元 10.
    auto parsed = parse_fixed(text, shift);
    if (!parsed && typed) {
      // A spreadsheet's binary float: round to the cent.
      char* end = nullptr;
      std::string t(text);
      double d = std::strtod(t.c_str(), &end);
      if (end != nullptr && *end == '\0' && d > -9e12 && d < 9e12) {
        parsed = static_cast<std::int64_t>(d * 1e6 + (d < 0 ? -0.5 : 0.5));
      }
    }
    if (!parsed) {
      out.add(
          make(Severity::error, "number", form, cell, where,
               {fmt::format("「{}」不是有效金额：{}（至多精确到分，即万元的小数点后六位）", label, excerpt(original)),
                fmt::format("'{}' is not a valid amount: {} (at most to the fen, six decimals of 万元)", label,
                            excerpt(original))}));
      return std::nullopt;
    }
    std::int64_t micro = *parsed;
    if (shift > Decimal::kScale) {
      // 亿元: parsed with more decimals than we keep; scale down exactly.
      std::int64_t div = 1;
      for (int i = Decimal::kScale; i < shift; ++i) div *= 10;
      if (micro % div != 0) {
        out.add(make(Severity::error, "number", form, cell, where,
                     {fmt::format("「{}」金额精度超过一分：{}", label, excerpt(original)),
                      fmt::format("'{}': amount finer than one fen: {}", label, excerpt(original))}));
        return std::nullopt;
      }
      micro /= div;
    }
    if (micro < 0) {
      out.add(make(Severity::error, "non-negative", form, cell, where,
                   {fmt::format("「{}」金额不能为负数：{}", label, excerpt(original)),
                    fmt::format("'{}': an amount cannot be negative: {}", label, excerpt(original))}));
      return std::nullopt;
    }
    v.state = CellState::value;
    v.raw = micro;
    if (!unit.empty() && unit != col.unit) {
      Diagnostic d = make(Severity::warning, "unit-in-cell", form, cell, where,
                          {fmt::format("「{}」单元格内写有单位：「{}」，已换算为 {} {}", label, excerpt(original),
                                       Decimal::from_micro(micro).to_string(), col.unit),
                           fmt::format("'{}': unit typed into the cell: '{}', converted to {} {}", label,
                                       excerpt(original), Decimal::from_micro(micro).to_string(), col.unit)});
      d.actual = std::string(original);
      d.expected = Decimal::from_micro(micro).to_string();
      out.add(std::move(d));
    } else if (!unit.empty()) {
      Diagnostic d = make(Severity::warning, "unit-in-cell", form, cell, where,
                          {fmt::format("「{}」单元格内写有单位：「{}」，单位已在表头中，数值取 {}", label,
                                       excerpt(original), Decimal::from_micro(micro).to_string()),
                           fmt::format("'{}': unit typed into the cell: '{}'; the header states it, value taken as {}",
                                       label, excerpt(original), Decimal::from_micro(micro).to_string())});
      d.actual = std::string(original);
      d.expected = Decimal::from_micro(micro).to_string();
      out.add(std::move(d));
    }
    return v;
  }

  // Counts.
  std::string_view digits = text;
  if (typed && digits.ends_with(".0")) digits.remove_suffix(2);
  bool negative = !digits.empty() && digits.front() == '-';
  std::string_view body = digits;
  if (!body.empty() && (body.front() == '-' || body.front() == '+')) body.remove_prefix(1);
  std::size_t dots = 0;
  bool digits_only = !body.empty();
  for (char c : body) {
    if (c == '.')
      ++dots;
    else if (c < '0' || c > '9')
      digits_only = false;
  }
  if (dots > 0 || !digits_only) {
    // Two ways staff write a count that are not the number itself: 「1,320」 (thousands
    // separators) and 「0.32万」 (in ten thousands). Say which, and the number meant.
    if (auto meant = thousands_grouped(body)) {
      Diagnostic d =
          make(Severity::error, "number", form, cell, where,
               {fmt::format("「{}」写有千位分隔符：「{}」；请写作 {}", label, original, *meant),
                fmt::format("'{}' has thousands separators: '{}'; write it as {}", label, original, *meant)});
      d.actual = std::string(original);
      d.expected = *meant;
      out.add(std::move(d));
      return std::nullopt;
    }
    if (body.ends_with("万") && body.size() > 3) {
      const auto tenk = parse_fixed(body.substr(0, body.size() - 3), 4);  // 万 = 10^4
      Diagnostic d = make(Severity::error, "number", form, cell, where, {});
      d.actual = std::string(original);
      if (tenk) {
        d.expected = fmt::format("{}", *tenk);
        d.message = {fmt::format("「{}」以「万」为单位写成「{}」；件数请写整数 {}", label, original, *tenk),
                     fmt::format("'{}' is written in ten thousands (万): '{}'; write the whole number {}", label,
                                 original, *tenk)};
      } else {
        d.message = {fmt::format("「{}」以「万」为单位写成「{}」，且不是整数件数；请写出整数", label, original),
                     fmt::format("'{}' is written in ten thousands (万): '{}', which is not a whole number; write the "
                                 "whole number",
                                 label, original)};
      }
      out.add(std::move(d));
      return std::nullopt;
    }
    bool fraction = digits_only && dots == 1;
    Text msg = fraction ? Text{fmt::format("「{}」应为整数，却是 {}", label, excerpt(original)),
                               fmt::format("'{}' must be a whole number, not {}", label, excerpt(original))}
                        : Text{fmt::format("「{}」不是数字：「{}」", label, excerpt(original)),
                               fmt::format("'{}' is not a number: '{}'", label, excerpt(original))};
    Diagnostic d = make(Severity::error, "number", form, cell, where, std::move(msg));
    d.actual = std::string(original);
    out.add(std::move(d));
    return std::nullopt;
  }
  auto parsed = parse_fixed(digits, 0);
  if (!parsed) {
    Diagnostic d = make(Severity::error, "number", form, cell, where,
                        {fmt::format("「{}」数值过大，超出 64 位整数范围：{}", label, excerpt(original)),
                         fmt::format("'{}': number too large for a 64-bit integer: {}", label, excerpt(original))});
    d.actual = std::string(original);
    out.add(std::move(d));
    return std::nullopt;
  }
  if (negative && col.kind == ValueKind::count && *parsed != 0) {
    Diagnostic d = make(Severity::error, "non-negative", form, cell, where,
                        {fmt::format("「{}」不能为负数：{}", label, excerpt(original)),
                         fmt::format("'{}' cannot be negative: {}", label, excerpt(original))});
    d.actual = std::string(original);
    d.expected = ">= 0";
    out.add(std::move(d));
    return std::nullopt;
  }
  v.state = CellState::value;
  v.raw = *parsed;
  if (!unit.empty()) {
    Diagnostic d = make(
        Severity::warning, "unit-in-cell", form, cell, where,
        {fmt::format("「{}」单元格内写有单位：「{}」，数值取 {}", label, excerpt(original), *parsed),
         fmt::format("'{}': unit typed into the cell: '{}', value taken as {}", label, excerpt(original), *parsed)});
    d.actual = std::string(original);
    d.expected = fmt::format("{}", *parsed);
    out.add(std::move(d));
  }
  return v;
}

}  // namespace

std::optional<CellValue> parse_cell_text(std::string_view text, const Form& form, const CellDef& cell,
                                         const SourceLoc& where, Diagnostics& out) {
  return parse(text, form, cell, where, out, false);
}

std::optional<CellValue> parse_cell_number(std::string_view text, const Form& form, const CellDef& cell,
                                           const SourceLoc& where, Diagnostics& out) {
  return parse(text, form, cell, where, out, true);
}

}  // namespace gongkai
