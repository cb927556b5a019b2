#include <gongkai/tally/office_terms.hpp>

#include <gongkai/core/yaml_source.hpp>

#include <fmt/format.h>

#include <array>

namespace gongkai {

namespace {

constexpr std::array<std::string_view, 4> kVocabularies{"applicant", "outcome", "kind", "result"};

// What `meaning` designates among `ids` (the targets' stable IDs) through `resolver`.
template <typename Def>
std::optional<std::size_t> designate(const OfficeTerm& t, const std::vector<const Def*>& defs, TermResolver& resolver,
                                     const std::string& table_number, Diagnostics& out) {
  for (std::size_t i = 0; i < defs.size(); ++i)
    if (defs[i]->id == t.meaning) return i;
  const auto r = resolver.resolve(t.meaning);
  if (r.group == nullptr && (r.match.kind == LabelMatchKind::exact || r.match.kind == LabelMatchKind::normalised))
    return r.match.target;
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "terms";
  d.where = t.where;
  if (r.group != nullptr) {
    std::string zh, en;
    for (const auto& m : *r.group) {
      zh += (zh.empty() ? "「" : "、「") + m + "」";
      en += (en.empty() ? "'" : ", '") + m + "'";
    }
    d.message = {
        fmt::format("「{}」指的「{}」是一个类别，请写出其中的一项：{}", t.word, t.meaning, zh),
        fmt::format("'{}' is said to mean '{}', a category: name one of its items: {}", t.word, t.meaning, en)};
  } else {
    std::string zh, en;
    const auto& closest = r.match.matched() ? std::vector<std::string>{r.match.official} : r.match.closest;
    for (const auto& m : closest) {
      zh += (zh.empty() ? "「" : "、「") + m + "」";
      en += (en.empty() ? "'" : ", '") + m + "'";
    }
    d.message = {fmt::format("「{}」指的「{}」不是表{}中的一项（写官方标签或稳定 ID）{}", t.word, t.meaning,
                             table_number, zh.empty() ? "" : "；最接近的是：" + zh),
                 fmt::format("'{}' is said to mean '{}', which is not an item of table {} (write the official label "
                             "or the stable ID){}",
                             t.word, t.meaning, table_number, en.empty() ? "" : "; the closest are: " + en)};
  }
  out.add(std::move(d));
  return std::nullopt;
}

template <typename Def>
void apply(const OfficeTerms& terms, const char* vocabulary, const std::vector<const Def*>& defs,
           TermResolver& resolver, const std::string& table_number, Diagnostics& out) {
  auto it = terms.by_vocabulary.find(vocabulary);
  if (it == terms.by_vocabulary.end()) return;
  // Meanings first (they may be shared words), then the office's words.
  std::vector<std::pair<std::string, std::size_t>> add;
  for (const auto& t : it->second)
    if (auto target = designate(t, defs, resolver, table_number, out)) add.emplace_back(t.word, *target);
  for (auto& [word, target] : add) resolver.add(std::move(word), target);
}

}  // namespace

OfficeTerms read_office_terms(std::string_view name, std::string_view text) {
  OfficeTerms terms;
  terms.file = std::string(name);
  const YamlText src(name, text);
  const YAML::Node root = src.load({"YAML 语法错误", "malformed YAML"});
  if (root.IsNull()) return terms;
  if (!root.IsMap())
    throw InputError(src.where(root), {"用语文件的顶层应为映射：applicant、outcome、kind、result",
                                       "the terms file must be a mapping of applicant, outcome, kind, result"});
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : std::string();
    bool known = false;
    for (auto v : kVocabularies) known = known || key == v;
    if (!known)
      throw InputError(src.where(it->first),
                       {fmt::format("未知的用语类别「{}」（应为 applicant、outcome、kind 或 result）", key),
                        fmt::format("unknown vocabulary '{}' (expected applicant, outcome, kind or result)", key)});
    if (it->second.IsNull()) continue;
    if (!it->second.IsMap())
      throw InputError(src.where(it->second), {fmt::format("「{}」应为映射（用语: 含义）", key),
                                               fmt::format("'{}' must be a mapping (word: meaning)", key)});
    auto& list = terms.by_vocabulary[key];
    for (auto w = it->second.begin(); w != it->second.end(); ++w) {
      if (!w->first.IsScalar() || !w->second.IsScalar() || w->first.Scalar().empty() || w->second.Scalar().empty())
        throw InputError(src.where(w->first), {"每一项应为「用语: 含义」，两者都是非空文字",
                                               "each entry must be 'word: meaning', both non-empty text"});
      list.push_back({w->first.Scalar(), w->second.Scalar(), src.where(w->first)});
    }
  }
  return terms;
}

void apply_office_terms(const OfficeTerms& terms, RequestTerms& requests, CaseTerms& cases, Diagnostics& out) {
  apply(terms, "applicant", requests.applicants, requests.applicant, requests.table_number, out);
  apply(terms, "outcome", requests.outcomes, requests.outcome, requests.table_number, out);
  apply(terms, "kind", cases.kinds, cases.kind, cases.table_number, out);
  apply(terms, "result", cases.results, cases.result, cases.table_number, out);
}

}  // namespace gongkai
