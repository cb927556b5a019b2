#include <gongkai/tally/register_terms.hpp>

#include <gongkai/core/diagnostic.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace gongkai {
namespace {

// Enough for every word of a real register; a hostile one with a million distinct words is
// still matched, just without filling memory.
constexpr std::size_t kCacheBound = 4096;

bool starts_with_any(std::string_view s, std::initializer_list<std::string_view> prefixes, std::size_t& len) {
  for (auto p : prefixes)
    if (s.starts_with(p)) {
      len = p.size();
      return true;
    }
  return false;
}

// Chinese numerals 一 … 十, each three bytes in UTF-8.
std::size_t chinese_numeral_prefix(std::string_view s) {
  static constexpr std::string_view kNumerals[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
  std::size_t at = 0;
  for (bool more = true; more;) {
    more = false;
    for (auto n : kNumerals)
      if (s.substr(at).starts_with(n)) {
        at += n.size();
        more = true;
        break;
      }
  }
  return at;
}

[[noreturn]] void missing(std::string_view vocabulary_name, const Form& form, const std::string& what_zh,
                          const std::string& what_en) {
  throw InputError(SourceLoc{std::string(vocabulary_name), 0, 0, {}},
                   {fmt::format("表式 {} 没有台账所需的{}", form.id, what_zh),
                    fmt::format("form {} has no {} that the register needs", form.id, what_en)});
}

const TableDef& table_of(const Form& form, const RegisterSchema& schema, std::string_view vocabulary_name) {
  const TableDef* t = form.table(schema.table);
  if (t == nullptr)
    missing(vocabulary_name, form, fmt::format("表格「{}」", schema.table), fmt::format("table '{}'", schema.table));
  return *t;
}

std::string table_number(const Form& form, const TableDef& t) {
  for (const auto& s : form.sections)
    if (s.id == t.section) return s.number;
  return t.id;
}

const RowDef& role_row(const Form& form, const TableDef& t, const RegisterSchema& schema, const std::string& role,
                       std::string_view vocabulary_name) {
  const RowDef* r = t.row(schema.role(role));
  if (r == nullptr)
    missing(vocabulary_name, form, fmt::format("行「{}」（{}）", schema.role(role), role),
            fmt::format("row '{}' ({})", schema.role(role), role));
  return *r;
}

// Totals a register never names: the columns and rows the form's sum rules compute.
std::set<std::string> computed_columns(const TableDef& t) {
  std::set<std::string> ids;
  for (const auto& rule : t.rules)
    if (rule.kind == RuleKind::column_sum) ids.insert(rule.total);
  return ids;
}
std::set<std::string> computed_rows(const TableDef& t) {
  std::set<std::string> ids;
  for (const auto& rule : t.rules)
    if (rule.kind == RuleKind::row_sum) ids.insert(rule.total);
  return ids;
}

bool is_below(const TableDef& t, const RowDef& row, const RowDef& ancestor) {
  for (const RowDef* at = &row; !at->parent.empty();) {
    at = t.row(at->parent);
    if (at == nullptr) return false;
    if (at == &ancestor) return true;
  }
  return false;
}

// The label and its variants without numbering, deduplicated, official first.
std::vector<std::string> label_forms(const RowDef& r) {
  std::vector<std::string> out;
  auto push = [&](std::string_view s) {
    if (!s.empty() && std::find(out.begin(), out.end(), s) == out.end()) out.emplace_back(s);
  };
  push(r.label);
  push(r.short_label);
  push(strip_numbering(r.label));
  push(strip_numbering(r.short_label));
  return out;
}

// A synonym's target ID, or its category's when the form lacks the sub-row (form 2019 has
// （六）其他处理 as one row).
template <typename Find>
auto fall_back(std::string id, Find find) -> decltype(find(id)) {
  for (;;) {
    if (auto hit = find(id)) return hit;
    const auto dot = id.rfind('.');
    if (dot == std::string::npos) return {};
    id.resize(dot);
  }
}

// A synonym also after its row's printed parent: 「不予公开-国家秘密」, 「行政诉讼-直接起诉」.
void add_under_parent(const TableDef& t, const RowDef& row, const RowDef* stop, const std::string& word,
                      std::size_t target, TermResolver& resolver) {
  const RowDef* parent = t.row(row.parent);
  if (parent == nullptr || parent == stop) return;
  for (const auto& pl : label_forms(*parent)) resolver.add(pl + "/" + word, target);
}

}  // namespace

std::string unify_separators(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 0;
    if (starts_with_any(text.substr(i), {"-", ":", "|", "－", "：", "—", "–", "·", "｜"}, len)) {
      out += '/';
      i += len;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string_view strip_numbering(std::string_view label) {
  std::string_view s = label;
  std::size_t len = 0;
  if (starts_with_any(s, {"（", "("}, len)) {
    const std::size_t n = chinese_numeral_prefix(s.substr(len));
    std::size_t close = 0;
    if (n > 0 && starts_with_any(s.substr(len + n), {"）", ")"}, close)) return s.substr(len + n + close);
    return s;
  }
  if (const std::size_t n = chinese_numeral_prefix(s); n > 0) {
    if (s.substr(n).starts_with("、")) return s.substr(n + std::string_view("、").size());
    return s;
  }
  std::size_t d = 0;
  while (d < s.size() && s[d] >= '0' && s[d] <= '9') ++d;
  if (d > 0 && starts_with_any(s.substr(d), {".", "、", "．"}, len)) return s.substr(d + len);
  return s;
}

// A new candidate may change what a text already resolved to: the cache starts over.
void TermResolver::add(std::string text, std::size_t target) {
  matcher_.add(unify_separators(text), target);
  cache_.clear();
}

void TermResolver::add_group(std::string text, std::vector<std::string> members) {
  groups_.add(unify_separators(text), members_.size());
  members_.push_back(std::move(members));
  cache_.clear();
}

TermResolver::Resolved TermResolver::resolve(std::string_view text) {
  if (auto it = cache_.find(text); it != cache_.end()) return {it->second.match, it->second.group, false};
  // A group's name is never one of its members, however close it is to one of them
  // (「不予公开」 is not 「公开」).
  Entry e;
  e.group = group_members(text);
  if (e.group == nullptr) e.match = matcher_.match(unify_separators(text));
  if (cache_.size() >= kCacheBound) {
    uncached_ = std::move(e);
    return {uncached_.match, uncached_.group, true};
  }
  auto [it, inserted] = cache_.emplace(std::string(text), std::move(e));
  return {it->second.match, it->second.group, true};
}

const std::vector<std::string>* TermResolver::group_members(std::string_view text) const {
  if (groups_.empty()) return nullptr;
  const LabelMatch m = groups_.match(unify_separators(text));
  if (m.kind != LabelMatchKind::exact && m.kind != LabelMatchKind::normalised) return nullptr;
  return &members_[m.target];
}

RequestTerms request_terms(const Form& form, const RegisterSchema& schema, std::string_view vocabulary_name) {
  RequestTerms terms;
  const TableDef& t = table_of(form, schema, vocabulary_name);
  terms.table = &t;
  terms.table_number = table_number(form, t);
  terms.received = &role_row(form, t, schema, "received", vocabulary_name);
  terms.carried_over = &role_row(form, t, schema, "carried_over", vocabulary_name);
  terms.carried_forward = &role_row(form, t, schema, "carried_forward", vocabulary_name);
  const RowDef& outcomes = role_row(form, t, schema, "outcomes", vocabulary_name);

  const std::set<std::string> total_columns = computed_columns(t);
  for (const auto& c : t.columns) {
    if (total_columns.contains(c.id)) continue;
    const std::size_t target = terms.applicants.size();
    terms.applicants.push_back(&c);
    terms.applicant.add(c.label, target);
    if (!c.group_label.empty()) terms.applicant.add(c.group_label + "/" + c.label, target);
  }
  std::map<std::string, std::vector<std::string>> groups;  // group label -> member labels
  for (const auto& c : t.columns)
    if (!c.group_label.empty() && !total_columns.contains(c.id)) groups[c.group_label].push_back(c.label);
  for (auto& [label, members] : groups) terms.applicant.add_group(label, members);
  for (const auto& [word, id] : schema.words("applicant")) {
    const auto target = fall_back(id, [&](const std::string& want) -> std::optional<std::size_t> {
      for (std::size_t i = 0; i < terms.applicants.size(); ++i)
        if (terms.applicants[i]->id == want) return i;
      return std::nullopt;
    });
    if (target) terms.applicant.add(word, *target);
  }

  const std::set<std::string> total_rows = computed_rows(t);
  for (const auto& r : t.rows) {
    if (!is_below(t, r, outcomes) || !r.has_cells) continue;
    const auto kids = t.children_of(r.id);
    if (!kids.empty()) {  // a category: a group of outcomes, not one
      std::vector<std::string> members;
      for (const RowDef* k : kids) members.push_back(k->label);
      for (const auto& l : label_forms(r)) terms.outcome.add_group(l, members);
      continue;
    }
    if (total_rows.contains(r.id)) continue;  // （七）总计
    const std::size_t target = terms.outcomes.size();
    terms.outcomes.push_back(&r);
    const std::vector<std::string> own = label_forms(r);
    for (const auto& l : own) terms.outcome.add(l, target);
    const RowDef* parent = t.row(r.parent);
    if (parent != nullptr && parent != &outcomes)
      for (const auto& pl : label_forms(*parent))
        for (const auto& l : own) terms.outcome.add(pl + "/" + l, target);
  }
  for (const auto& [word, id] : schema.words("outcome")) {
    const auto target = fall_back(id, [&](const std::string& want) -> std::optional<std::size_t> {
      for (std::size_t i = 0; i < terms.outcomes.size(); ++i)
        if (terms.outcomes[i]->id == want) return i;
      return std::nullopt;
    });
    if (!target) continue;
    terms.outcome.add(word, *target);
    add_under_parent(t, *terms.outcomes[*target], &outcomes, word, *target, terms.outcome);
  }
  return terms;
}

CaseTerms case_terms(const Form& form, const RegisterSchema& schema, std::string_view vocabulary_name) {
  CaseTerms terms;
  const TableDef& t = table_of(form, schema, vocabulary_name);
  terms.table = &t;
  terms.table_number = table_number(form, t);
  const std::set<std::string> total_columns = computed_columns(t);
  const std::set<std::string> total_rows = computed_rows(t);
  for (const auto& r : t.rows) {
    if (!r.has_cells) {
      std::vector<std::string> members;
      for (const RowDef* k : t.children_of(r.id)) members.push_back(k->label);
      if (!members.empty()) terms.kind.add_group(r.label, members);
      continue;
    }
    if (total_rows.contains(r.id)) continue;
    const std::size_t target = terms.kinds.size();
    terms.kinds.push_back(&r);
    for (const auto& l : label_forms(r)) terms.kind.add(l, target);
    if (const RowDef* parent = t.row(r.parent))
      for (const auto& l : label_forms(r)) terms.kind.add(parent->label + "/" + l, target);
  }
  for (const auto& [word, id] : schema.words("kind")) {
    const auto target = fall_back(id, [&](const std::string& want) -> std::optional<std::size_t> {
      for (std::size_t i = 0; i < terms.kinds.size(); ++i)
        if (terms.kinds[i]->id == want) return i;
      return std::nullopt;
    });
    if (!target) continue;
    terms.kind.add(word, *target);
    add_under_parent(t, *terms.kinds[*target], nullptr, word, *target, terms.kind);
  }
  bool have_pending = false;
  for (const auto& c : t.columns) {
    if (total_columns.contains(c.id)) continue;
    const std::size_t target = terms.results.size();
    if (c.id == schema.role("pending")) {
      terms.pending = target;
      have_pending = true;
    }
    terms.results.push_back(&c);
    terms.result.add(c.label, target);
  }
  if (!have_pending)
    missing(vocabulary_name, form, fmt::format("列「{}」（pending）", schema.role("pending")),
            fmt::format("column '{}' (pending)", schema.role("pending")));
  for (const auto& [word, id] : schema.words("result")) {
    for (std::size_t i = 0; i < terms.results.size(); ++i)
      if (terms.results[i]->id == id) terms.result.add(word, i);
  }
  return terms;
}

}  // namespace gongkai
