#include <gongkai/prose/narrative_figure.hpp>

#include <gongkai/check/messages.hpp>
#include <gongkai/core/checked.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/prose/figures.hpp>
#include <gongkai/prose/placeholder.hpp>
#include <gongkai/prose/prose_text.hpp>

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <set>

namespace gongkai {
namespace {

constexpr char32_t kMask = U'\uFFFC';  // stands for a placeholder: neither a digit nor a keyword
constexpr std::size_t kQuoteMax = 60;  // code points of a clause quoted in a finding

struct Cp {
  char32_t c;
  std::size_t offset;  // byte offset in the section text
};

std::vector<Cp> code_points(std::string_view text) {
  std::vector<Cp> out;
  std::size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) {
      out.push_back({U'\uFFFD', i});
      ++i;
      continue;
    }
    out.push_back({static_cast<char32_t>(cp), i});
    i += static_cast<std::size_t>(n);
  }
  return out;
}

int digit_value(char32_t c) {
  if (c >= U'0' && c <= U'9') return static_cast<int>(c - U'0');
  if (c >= U'０' && c <= U'９') return static_cast<int>(c - U'０');
  return -1;
}

bool is_separator(const std::vector<Cp>& cps, std::size_t i) {
  switch (cps[i].c) {
    case U'。': case U'；': case U';': case U'！': case U'!': case U'？': case U'?': case U'\n':
    case U'（': case U'）': case U'(': case U')': case U'，': case U'|':
      return true;
    case U',':
      // 1,234 is one number, not two clauses.
      return !(i > 0 && i + 1 < cps.size() && digit_value(cps[i - 1].c) >= 0 && digit_value(cps[i + 1].c) >= 0);
    default:
      return false;
  }
}

struct Number {
  std::size_t first = 0;     // index of its first code point
  std::size_t digits_end = 0;  // index just past its last digit
  std::size_t after = 0;       // index just past its unit (or its last digit)
  std::string digits;        // ASCII digits without separators or point
  int decimals = 0;          // digits after the point
  std::string unit;          // the unit that follows it, or empty
  bool hedged = false;       // 约 / 近 / 以上 / 余 …
};

bool starts_with_at(const std::u32string& s, std::size_t at, std::u32string_view word) {
  return s.compare(at, word.size(), word) == 0;
}

// Numbers in one clause (code points [begin, end) of `all`), with the unit each carries.
std::vector<Number> numbers_in(const std::u32string& all, std::size_t begin, std::size_t end,
                               const std::vector<std::u32string>& units) {
  std::vector<Number> out;
  std::size_t i = begin;
  while (i < end) {
    if (digit_value(all[i]) < 0) {
      ++i;
      continue;
    }
    Number n;
    n.first = i;
    bool point = false;
    while (i < end) {
      const int d = digit_value(all[i]);
      if (d >= 0) {
        n.digits += static_cast<char>('0' + d);
        if (point) ++n.decimals;
        ++i;
      } else if (all[i] == U',' && i + 1 < end && digit_value(all[i + 1]) >= 0 && !point) {
        ++i;
      } else if ((all[i] == U'.' || all[i] == U'．') && !point && i + 1 < end && digit_value(all[i + 1]) >= 0) {
        point = true;
        ++i;
      } else {
        break;
      }
    }
    n.digits_end = i;
    n.after = i;
    std::size_t u = i;
    while (u < end && (all[u] == U' ' || all[u] == U'\u3000')) ++u;
    for (const auto& unit : units) {
      if (u + unit.size() <= end && starts_with_at(all, u, unit) && encode_utf8(unit).size() > n.unit.size()) {
        n.unit = encode_utf8(unit);
        n.after = u + unit.size();
      }
    }
    static const std::u32string kBefore[] = {U"约", U"近", U"逾", U"超", U"第", U"不足", U"不到", U"超过"};
    static const std::u32string kAfter[] = {U"以上", U"左右", U"余", U"多", U"以内", U"以下"};
    for (const auto& w : kBefore)
      if (n.first >= begin + w.size() && starts_with_at(all, n.first - w.size(), w)) n.hedged = true;
    for (const auto& w : kAfter)
      if (n.after + w.size() <= end && starts_with_at(all, n.after, w)) n.hedged = true;
    out.push_back(std::move(n));
  }
  return out;
}

bool holds(const std::string& clause, const std::string& word) { return clause.find(word) != std::string::npos; }

bool matches(const PhraseDef& p, const std::string& clause, const std::vector<std::string>& exclude) {
  for (const auto& group : p.all)
    if (std::none_of(group.begin(), group.end(), [&](const std::string& w) { return holds(clause, w); })) return false;
  for (const auto& w : p.none)
    if (holds(clause, w)) return false;
  for (const auto& w : exclude)
    if (holds(clause, w)) return false;
  return true;
}

std::optional<std::int64_t> pow10(int e) {
  std::int64_t v = 1;
  for (int i = 0; i < e; ++i) {
    auto m = checked_mul(v, 10);
    if (!m) return std::nullopt;
    v = *m;
  }
  return v;
}

// Does the written number state the table figure? nullopt when it cannot be told (a unit the
// figure cannot be in, an overflow): then nothing is said.
std::optional<bool> states(const Number& n, const FigureValue& v) {
  int scale = 0;  // decimal digits of the figure's raw units
  int shift = 0;  // the written unit relative to the figure's: 元 is 10^-4 万元
  switch (v.format) {
    case FigureFormat::count:
      if (n.unit == "元" || n.unit == "万元" || n.unit == "%" || n.unit == "％") return std::nullopt;
      break;
    case FigureFormat::amount:
      scale = 6;
      if (n.unit == "元") shift = -4;
      else if (n.unit != "万元") return std::nullopt;
      break;
    case FigureFormat::percent:
      scale = 1;
      if (n.unit != "%" && n.unit != "％") return std::nullopt;
      break;
  }
  auto written = parse_fixed(n.digits, 0);
  if (!written) return std::nullopt;
  // written value = written * 10^(shift - decimals) in the figure's unit
  //               = written * 10^(shift - decimals + scale) raw units.
  const int e = shift - n.decimals + scale;
  if (e >= 0) {
    auto g = pow10(e);
    if (!g) return std::nullopt;
    auto w = checked_mul(*written, *g);
    if (!w) return std::nullopt;
    // The table figure rounded, half away from zero, to the precision written.
    const std::int64_t mag = v.raw < 0 ? -v.raw : v.raw;
    std::int64_t q = mag / *g;
    if (mag % *g >= *g - mag % *g) ++q;
    auto rounded = checked_mul(q, *g);
    if (!rounded) return std::nullopt;
    return (v.raw < 0 ? -*rounded : *rounded) == *w;
  }
  // Written more precisely than the table can hold: it states the figure only if the extra
  // digits are zeros.
  auto g = pow10(-e);
  if (!g) return std::nullopt;
  if (*written % *g != 0) return false;
  return *written / *g == v.raw;
}

std::string quote(const std::u32string& all, std::size_t begin, std::size_t end) {
  while (begin < end && (all[begin] == U' ' || all[begin] == U'\t' || all[begin] == U'\u3000' || all[begin] == U'\r'))
    ++begin;
  while (end > begin && (all[end - 1] == U' ' || all[end - 1] == U'\t' || all[end - 1] == U'\u3000' ||
                         all[end - 1] == U'\r'))
    --end;
  std::u32string q = all.substr(begin, end - begin);
  if (q.size() > kQuoteMax) {
    q.resize(kQuoteMax);
    q += U'…';
  }
  return encode_utf8(q);
}

}  // namespace

void check_narrative_figures(const Report& report, const ProseRules& rules, std::string_view text,
                             const SourceLoc& start, Diagnostics& out) {
  const Form& form = *report.form;
  std::vector<Cp> cps = code_points(text);
  std::u32string masked;
  masked.reserve(cps.size());
  for (const auto& c : cps) masked.push_back(c.c);
  std::u32string original = masked;
  for (const auto& p : scan_placeholders(text).found) {
    for (std::size_t i = 0; i < cps.size(); ++i)
      if (cps[i].offset >= p.begin && cps[i].offset < p.end) masked[i] = kMask;
  }
  // Every unit any phrase knows: a number carrying any of them counts when a clause is
  // checked for being unambiguous.
  std::vector<std::u32string> units;
  for (const auto& p : rules.phrases)
    for (const auto& u : p.units) {
      std::u32string u32 = decode_utf8(u);
      if (std::find(units.begin(), units.end(), u32) == units.end()) units.push_back(std::move(u32));
    }

  std::size_t begin = 0;
  for (std::size_t i = 0; i <= cps.size(); ++i) {
    if (i < cps.size() && !is_separator(cps, i)) continue;
    const std::size_t end = i;
    const std::size_t clause_begin = begin;
    begin = i + 1;
    if (end <= clause_begin) continue;
    const std::string clause = encode_utf8(std::u32string_view(masked).substr(clause_begin, end - clause_begin));

    const PhraseDef* phrase = nullptr;
    std::set<std::string> figures;
    for (const auto& p : rules.phrases) {
      if (!matches(p, clause, rules.exclude)) continue;
      if (!lookup_figure(report, &rules, p.figure).known) continue;
      figures.insert(p.figure);
      if (phrase == nullptr) phrase = &p;
    }
    if (figures.size() != 1) continue;

    std::vector<Number> nums = numbers_in(masked, clause_begin, end, units);
    std::vector<const Number*> with_unit;
    for (const auto& n : nums)
      if (!n.unit.empty()) with_unit.push_back(&n);
    if (with_unit.size() != 1 || with_unit.front()->hedged) continue;
    const Number& n = *with_unit.front();
    if (std::find(phrase->units.begin(), phrase->units.end(), n.unit) == phrase->units.end()) continue;

    const FigureLookup fig = lookup_figure(report, &rules, phrase->figure);
    if (!fig.value) continue;
    auto ok = states(n, *fig.value);
    if (!ok || *ok) continue;

    const std::string written = encode_utf8(std::u32string_view(original).substr(n.first, n.after - n.first));
    const std::string number_text =
        encode_utf8(std::u32string_view(original).substr(n.first, n.digits_end - n.first));
    const std::string said = quote(original, clause_begin, end);
    const std::string table = format_figure(*fig.value);
    const std::string table_unit = fig.value->format == FigureFormat::amount ? "万元" : "";
    Diagnostic d;
    d.severity = Severity::warning;
    d.rule = "narrative-figure";
    d.where = prose_location(text, start, cps[n.first].offset);
    d.actual = number_text;
    d.expected = table;
    if (const CellDef* c = form.cell(phrase->figure)) {
      const std::string label = form.cell_label(*c);
      const std::string number = table_number(form, *c->table);
      d.cells.push_back(mention(form, *c));
      d.message = {fmt::format("正文「{}」中的 {} 与表{}「{}」的 {}{} 不符", said, written, number, label, table,
                               table_unit),
                   fmt::format("the prose says {} in 「{}」, but table {} gives {}{} for {} ({})", written, said, number,
                               table, table_unit.empty() ? "" : " 万元", label, c->id)};
    } else {
      const Text label = figure_label(form, &rules, phrase->figure);
      d.cells.push_back(CellMention{phrase->figure, label.zh});
      d.message = {fmt::format("正文「{}」中的 {} 与按表计算的「{}」{}{} 不符", said, written, label.zh, table,
                               table_unit),
                   fmt::format("the prose says {} in 「{}」, but the tables give {}{} for {} ({})", written, said, table,
                               table_unit.empty() ? "" : " 万元", label.en, phrase->figure)};
    }
    out.add(std::move(d));
  }
}

}  // namespace gongkai
