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
constexpr std::size_t kReach = 120;    // how far back a continuing clause looks for keywords

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

bool ends_sentence(char32_t c) {
  switch (c) {
    case U'。':
    case U'；':
    case U';':
    case U'！':
    case U'!':
    case U'？':
    case U'?':
    case U'\n':
    case U'|':
      return true;
    default:
      return false;
  }
}

bool ends_clause(const std::u32string& s, std::size_t i) {
  switch (s[i]) {
    case U'（':
    case U'）':
    case U'(':
    case U')':
    case U'，':
      return true;
    case U',':
      // 1,234 is one number, not two clauses.
      return !(i > 0 && i + 1 < s.size() && digit_value(s[i - 1]) >= 0 && digit_value(s[i + 1]) >= 0);
    default:
      return false;
  }
}

struct Number {
  std::size_t first = 0;       // index of its first code point
  std::size_t digits_end = 0;  // index just past its last digit
  std::size_t after = 0;       // index just past its unit (or its last digit)
  std::string digits;          // ASCII digits without separators or point
  int decimals = 0;            // digits after the point
  std::string unit;            // the unit that follows it, or empty
  bool hedged = false;         // 约 / 近 / 以上 / 余 …
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
      if (n.unit == "元")
        shift = -4;
      else if (n.unit != "万元")
        return std::nullopt;
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

// The clause as quoted in a finding: trimmed, and cut at the front when long so that the
// number stays in view.
std::string quote(const std::u32string& all, std::size_t begin, std::size_t end) {
  auto space = [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\r'; };
  while (begin < end && space(all[begin])) ++begin;
  while (end > begin && space(all[end - 1])) --end;
  if (end - begin > kQuoteMax) return "…" + encode_utf8(std::u32string_view(all).substr(end - kQuoteMax, kQuoteMax));
  return encode_utf8(std::u32string_view(all).substr(begin, end - begin));
}

// Words that may stand beside a keyword and the number in a short clause that continues a
// sentence: 「…规范性文件4件，废止2件，现行有效29件」.
constexpr std::u32string_view kFillers[] = {U"行政", U"共", U"为", U"计", U"达", U"了", U"有", U"已", U"另", U"均"};

bool contains(std::u32string_view hay, const std::u32string& word) {
  return hay.find(word) != std::u32string_view::npos;
}

class Scan {
 public:
  Scan(const Report& report, const ProseRules& rules, std::string_view text, const SourceLoc& start, Diagnostics& out)
      : report_(report), rules_(rules), locate_(text, start), out_(out), cps_(code_points(text)) {
    for (const auto& c : cps_) masked_.push_back(c.c);
    original_ = masked_;
    std::size_t i = 0;
    for (const auto& p : scan_placeholders(text).found) {  // in text order, as are the code points
      while (i < cps_.size() && cps_[i].offset < p.begin) ++i;
      for (; i < cps_.size() && cps_[i].offset < p.end; ++i) masked_[i] = kMask;
    }
    // Every unit any phrase knows: a number carrying any of them counts when a clause is
    // checked for being unambiguous.
    for (const auto& p : rules.phrases)
      for (const auto& u : p.units) {
        std::u32string u32 = decode_utf8(u);
        if (std::find(units_.begin(), units_.end(), u32) == units_.end()) units_.push_back(std::move(u32));
      }
    for (const auto& p : rules.phrases) {
      Words w;
      for (const auto& g : p.all) {
        std::vector<std::u32string> group;
        for (const auto& word : g) group.push_back(decode_utf8(word));
        w.all.push_back(std::move(group));
      }
      for (const auto& word : p.none) w.none.push_back(decode_utf8(word));
      words_.push_back(std::move(w));
    }
    for (const auto& word : rules.exclude) exclude_.push_back(decode_utf8(word));
  }

  void run() {
    std::size_t sentence = 0;
    std::size_t clause = 0;
    for (std::size_t i = 0; i <= masked_.size(); ++i) {
      const bool sentence_end = i == masked_.size() || ends_sentence(masked_[i]);
      if (!sentence_end && !ends_clause(masked_, i)) continue;
      if (i > clause) split_list(sentence, clause, i);
      clause = i + 1;
      if (sentence_end) sentence = i + 1;
    }
  }

 private:
  struct Words {
    std::vector<std::vector<std::u32string>> all;
    std::vector<std::u32string> none;
  };

  std::vector<Number> with_unit(std::size_t b, std::size_t e) const {
    std::vector<Number> out;
    for (auto& n : numbers_in(masked_, b, e, units_))
      if (!n.unit.empty()) out.push_back(std::move(n));
    return out;
  }

  // 「公开行政许可决定18536件、行政处罚决定1247件、行政强制决定86件」 is three statements; but
  // 「收到行政复议、行政诉讼案件共3件」 is one. Split at 、 only when every part has its number.
  void split_list(std::size_t sentence, std::size_t b, std::size_t e) {
    std::vector<std::pair<std::size_t, std::size_t>> parts;
    std::size_t at = b;
    for (std::size_t i = b; i <= e; ++i) {
      if (i < e && masked_[i] != U'、') continue;
      parts.emplace_back(at, i);
      at = i + 1;
    }
    bool each = parts.size() > 1;
    for (const auto& [pb, pe] : parts) each = each && with_unit(pb, pe).size() == 1;
    if (!each) {
      judge(sentence, b, e);
      return;
    }
    for (const auto& [pb, pe] : parts) judge(sentence, pb, pe);
  }

  bool matches_alone(std::size_t k, std::u32string_view clause) const {
    for (const auto& group : words_[k].all)
      if (std::none_of(group.begin(), group.end(), [&](const std::u32string& w) { return contains(clause, w); }))
        return false;
    return clean(k, clause);
  }

  // The phrase's own `none` words; the global excludes are checked once per clause in judge().
  bool clean(std::size_t k, std::u32string_view clause) const {
    for (const auto& w : words_[k].none)
      if (contains(clause, w)) return false;
    return true;
  }

  // A short clause continuing its sentence: one keyword of the phrase here, the others earlier
  // in the sentence, and nothing else in the clause but the number and filler words.
  bool matches_continued(std::size_t k, std::u32string_view prefix, std::size_t b, std::size_t e,
                         const Number& n) const {
    const std::u32string_view clause = std::u32string_view(masked_).substr(b, e - b);
    if (!clean(k, clause)) return false;
    bool here = false;
    std::vector<bool> used(e - b, false);
    auto use = [&](const std::u32string& w) {
      for (auto at = clause.find(w); at != std::u32string_view::npos; at = clause.find(w, at + 1))
        for (std::size_t i = 0; i < w.size(); ++i) used[at + i] = true;
    };
    for (const auto& group : words_[k].all) {
      bool in_clause = false;
      bool before = false;
      for (const auto& w : group) {
        if (contains(clause, w)) {
          in_clause = true;
          use(w);
        }
        before = before || contains(prefix, w);
      }
      if (!in_clause && !before) return false;
      here = here || in_clause;
    }
    if (!here) return false;
    for (const auto& f : kFillers) use(std::u32string(f));
    for (std::size_t i = n.first; i < n.after; ++i) used[i - b] = true;
    for (std::size_t i = 0; i < used.size(); ++i) {
      const char32_t c = clause[i];
      if (used[i] || c == U' ' || c == U'\u3000' || c == U'\t' || c == U'\r' || c == U'*' || c == U'#') continue;
      return false;
    }
    return true;
  }

  void judge(std::size_t sentence, std::size_t b, std::size_t e) {
    const std::vector<Number> nums = with_unit(b, e);
    if (nums.size() != 1 || nums.front().hedged) return;
    const Number& n = nums.front();
    // Any other number but a year makes the clause about a part: 「第3季度新收申请10件」,
    // 「5个工作日内答复」.
    for (const auto& other : numbers_in(masked_, b, e, units_)) {
      if (other.first == n.first) continue;
      const bool year =
          other.digits.size() == 4 && other.decimals == 0 && other.digits_end < e && masked_[other.digits_end] == U'年';
      if (!year) return;
    }
    const std::u32string_view clause = std::u32string_view(masked_).substr(b, e - b);
    for (const auto& w : exclude_)
      if (contains(clause, w)) return;
    // Keywords are taken from at most kReach characters back, so a run-on sentence stays linear.
    const std::size_t from = b - sentence > kReach ? b - kReach : sentence;
    const std::u32string_view prefix = std::u32string_view(masked_).substr(from, b - from);

    bool continued = false;
    std::set<std::string> figures;
    const PhraseDef* phrase = nullptr;
    for (int pass = 0; pass < 2 && figures.empty(); ++pass) {
      for (std::size_t k = 0; k < rules_.phrases.size(); ++k) {
        const PhraseDef& p = rules_.phrases[k];
        const bool hit = pass == 0 ? matches_alone(k, clause) : matches_continued(k, prefix, b, e, n);
        if (!hit || !lookup_figure(report_, &rules_, p.figure).known) continue;
        figures.insert(p.figure);
        if (phrase == nullptr) phrase = &p;
      }
      continued = pass == 1;
    }
    if (figures.size() != 1) return;
    if (std::find(phrase->units.begin(), phrase->units.end(), n.unit) == phrase->units.end()) return;
    const FigureLookup fig = lookup_figure(report_, &rules_, phrase->figure);
    if (!fig.value) return;
    auto ok = states(n, *fig.value);
    if (!ok || *ok) return;
    report(*phrase, *fig.value, n, quote(original_, continued ? from : b, e));
  }

  void report(const PhraseDef& phrase, const FigureValue& value, const Number& n, const std::string& said) {
    const Form& form = *report_.form;
    const std::string written = encode_utf8(std::u32string_view(original_).substr(n.first, n.after - n.first));
    const std::string number_text = encode_utf8(std::u32string_view(original_).substr(n.first, n.digits_end - n.first));
    const std::string table = format_figure(value);
    const std::string table_unit = value.format == FigureFormat::amount ? "万元" : "";
    Diagnostic d;
    d.severity = Severity::warning;
    d.rule = "narrative-figure";
    d.where = locate_.at(cps_[n.first].offset);
    d.actual = number_text;
    d.expected = table;
    if (const CellDef* c = form.cell(phrase.figure)) {
      const std::string label = form.cell_label(*c);
      const std::string number = table_number(form, *c->table);
      d.cells.push_back(mention(form, *c));
      d.message = {
          fmt::format("正文「{}」中的 {} 与表{}「{}」的 {}{} 不符", said, written, number, label, table, table_unit),
          fmt::format("the prose says {} in 「{}」, but table {} gives {}{} for {} ({})", written, said, number, table,
                      table_unit.empty() ? "" : " 万元", label, c->id)};
    } else {
      const Text label = figure_label(form, &rules_, phrase.figure);
      d.cells.push_back(CellMention{phrase.figure, label.zh});
      d.message = {
          fmt::format("正文「{}」中的 {} 与按表计算的「{}」{}{} 不符", said, written, label.zh, table, table_unit),
          fmt::format("the prose says {} in 「{}」, but the tables give {}{} for {} ({})", written, said, table,
                      table_unit.empty() ? "" : " 万元", label.en, phrase.figure)};
    }
    out_.add(std::move(d));
  }

  const Report& report_;
  const ProseRules& rules_;
  ProseLocator locate_;
  Diagnostics& out_;
  std::vector<Cp> cps_;
  std::u32string masked_;
  std::u32string original_;
  std::vector<std::u32string> units_;
  std::vector<Words> words_;
  std::vector<std::u32string> exclude_;
};

}  // namespace

void check_narrative_figures(const Report& report, const ProseRules& rules, std::string_view text,
                             const SourceLoc& start, Diagnostics& out) {
  Scan(report, rules, text, start, out).run();
}

}  // namespace gongkai
