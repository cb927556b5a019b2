#include <gongkai/build/explanations_input.hpp>

#include <gongkai/build/input_extras.hpp>
#include <gongkai/core/excerpt.hpp>
#include <gongkai/core/suggest.hpp>
#include <gongkai/core/yaml_source.hpp>
#include <gongkai/readers/label_match.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace gongkai {
namespace {

// The longest reason kept, in code points: a paragraph, not a document.
constexpr std::size_t kReasonChars = 2000;

// A reason as one paragraph: its line breaks (a YAML block scalar) joined with a space, then cut
// to kReasonChars.
std::string reason_text(std::string_view raw) {
  std::string joined;
  bool gap = false;
  for (char ch : trim(raw)) {
    if (ch == '\n' || ch == '\r') {
      gap = true;
      continue;
    }
    if (gap && !joined.empty() && joined.back() != ' ') joined += ' ';
    gap = false;
    joined += ch;
  }
  return excerpt(joined, kReasonChars);
}

const Text kScope{"「explanations」中的说明", "an entry of 'explanations'"};

class ExplanationReader {
 public:
  ExplanationReader(YamlSource& src, const Form& form) : src_(src), form_(form) {
    for (std::size_t i = 0; i < form.cells().size(); ++i) {
      const CellDef& c = form.cells()[i];
      labels_.add(form.cell_label(c), i);
      labels_.add(c.id, i);
    }
  }

  void read_list(const YAML::Node& key, const YAML::Node& list, std::vector<Explanation>& out) {
    if (!list.IsSequence()) {
      src_.wrong_type(list, src_.where_value(key, list), {"「explanations」", "'explanations'"},
                      {"说明的列表", "a list of explanations"});
      return;
    }
    for (const auto& entry : list)
      if (auto e = read_entry(entry)) out.push_back(std::move(*e));
  }

 private:
  void fail(const SourceLoc& at, Text message) { src_.error("explanation", at, std::move(message)); }

  std::optional<Explanation> read_entry(const YAML::Node& entry) {
    const SourceLoc at = src_.where(entry);
    if (!entry.IsMap()) {
      src_.wrong_type(entry, at, kScope, {"含 rule、cell、reason 的映射", "a mapping of rule, cell and reason"});
      return std::nullopt;
    }
    std::optional<YAML::Node> rule_key, rule, cell_key, cell, reason_key, reason;
    bool ok = true;
    std::map<std::string, SourceLoc> seen;
    for (const auto& kv : entry) {
      const std::string k = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
      if (!src_.first_time(seen, kv.first)) {
        ok = false;
        continue;
      }
      if (k == "rule") {
        rule_key.emplace(kv.first);
        rule.emplace(kv.second);
      } else if (k == "cell") {
        cell_key.emplace(kv.first);
        cell.emplace(kv.second);
      } else if (k == "reason") {
        reason_key.emplace(kv.first);
        reason.emplace(kv.second);
      } else {
        src_.unknown_key(kv.first, kScope, {"rule", "cell", "reason"});
        ok = false;
      }
    }
    Explanation e;
    e.where = at;
    // The rule.
    if (!rule || !rule->IsScalar() || trim(rule->Scalar()).empty()) {
      fail(rule ? src_.where_value(*rule_key, *rule) : at,
           {"说明缺少「rule」：要说明的问题的规则编号（见 gongkai rules）",
            "the explanation has no 'rule': the rule ID of the finding it explains (see gongkai rules)"});
      return std::nullopt;
    }
    e.rule = std::string(trim(rule->Scalar()));
    const SourceLoc rule_at = src_.where_value(*rule_key, *rule);
    const RuleInfo* info = find_rule(e.rule);
    if (info == nullptr) {
      const std::vector<std::string> like = rules_like(e.rule);
      const Text alt = quoted_alternatives(like);
      fail(rule_at, like.empty() ? Text{fmt::format("未知的规则「{}」（见 gongkai rules）", excerpt(e.rule)),
                                        fmt::format("unknown rule '{}' (see gongkai rules)", excerpt(e.rule))}
                                 : Text{fmt::format("未知的规则「{}」；是否指 {}？", excerpt(e.rule), alt.zh),
                                        fmt::format("unknown rule '{}'; did you mean {}?", excerpt(e.rule), alt.en)});
      return std::nullopt;
    }
    if (e.rule == "explanation" || e.rule == "stale-explanation") {
      fail(rule_at, {fmt::format("「{}」是关于说明本身的问题，不能再加说明：请改正或删除该说明", e.rule),
                     fmt::format("'{}' is a finding about an explanation itself and cannot be explained: correct "
                                 "or remove the explanation",
                                 e.rule)});
      return std::nullopt;
    }
    // The cell, when given.
    if (cell) {
      const SourceLoc cell_at = src_.where_value(*cell_key, *cell);
      const std::string text = cell->IsScalar() ? std::string(trim(cell->Scalar())) : std::string();
      if (text.empty()) {
        fail(cell_at, {"「cell」应为单元格的编号或规定标签", "'cell' must be a cell ID or its official label"});
        return std::nullopt;
      }
      const CellDef* c = form_.cell(text);
      if (c == nullptr) {
        const LabelMatch m = labels_.match(text);
        if (!m.matched()) {
          const Text alt = quoted_alternatives(m.closest);
          fail(cell_at,
               m.closest.empty()
                   ? Text{fmt::format("表式 {} 没有「{}」这个单元格", form_.id, excerpt(text)),
                          fmt::format("form {} has no cell '{}'", form_.id, excerpt(text))}
                   : Text{fmt::format("表式 {} 没有「{}」这个单元格；是否指 {}？", form_.id, excerpt(text), alt.zh),
                          fmt::format("form {} has no cell '{}'; did you mean {}?", form_.id, excerpt(text), alt.en)});
          return std::nullopt;
        }
        c = &form_.cells()[m.target];
        if (m.kind != LabelMatchKind::exact) src_.label_variant(*cell, m.official);
      }
      e.cell_id = c->id;
      e.cell_label = form_.cell_label(*c);
    }
    // The reason.
    if (!reason || !read_reason(*reason_key, *reason, e.reason)) {
      if (!reason)
        fail(at, {"说明缺少「reason」：请写明为什么这个问题可以接受",
                  "the explanation has no 'reason': write why the finding is acceptable"});
      return std::nullopt;
    }
    if (!ok) return std::nullopt;
    const auto key = std::make_pair(e.rule, e.cell_id);
    if (auto [it, inserted] = first_.emplace(key, at); !inserted) {
      fail(at, {fmt::format("同一说明重复给出（首次在第 {} 行）", it->second.line),
                fmt::format("the same explanation is given twice (first at line {})", it->second.line)});
      return std::nullopt;
    }
    return e;
  }

  bool read_reason(const YAML::Node& key, const YAML::Node& value, Text& out) {
    const SourceLoc at = src_.where_value(key, value);
    const Text empty_reason{"「reason」为空：请写明为什么这个问题可以接受",
                            "'reason' is empty: write why the finding is acceptable"};
    if (value.IsScalar()) {
      const std::string r = reason_text(value.Scalar());
      if (r.empty()) {
        fail(at, empty_reason);
        return false;
      }
      out = {r, r};
      return true;
    }
    if (!value.IsMap()) {
      src_.wrong_type(value, at, {"「reason」", "'reason'"}, {"文字，或 {zh:, en:}", "text, or {zh:, en:}"});
      return false;
    }
    std::string zh, en;
    bool ok = true;
    for (const auto& kv : value) {
      const std::string k = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
      if (k != "zh" && k != "en") {
        src_.unknown_key(kv.first, {"「reason」", "'reason'"}, {"zh", "en"});
        ok = false;
        continue;
      }
      if (!kv.second.IsScalar()) {
        src_.wrong_type(kv.second, src_.where_value(kv.first, kv.second), {"「reason」", "'reason'"}, {"文字", "text"});
        ok = false;
        continue;
      }
      (k == "zh" ? zh : en) = reason_text(kv.second.Scalar());
    }
    if (!ok) return false;
    if (zh.empty() && en.empty()) {
      fail(at, empty_reason);
      return false;
    }
    out = {zh.empty() ? en : zh, en.empty() ? zh : en};
    return true;
  }

  YamlSource& src_;
  const Form& form_;
  LabelMatcher labels_;
  std::map<std::pair<std::string, std::string>, SourceLoc> first_;
};

}  // namespace

std::vector<Explanation> read_explanations(std::string_view name, std::string_view yaml_text, const Form& form,
                                           Diagnostics& out, bool only_explanations, const YAML::Node* parsed) {
  std::vector<Explanation> found;
  const std::string text(strip_bom(yaml_text));
  YamlSource src(name, text, out);
  try {
    const YAML::Node root = parsed != nullptr ? *parsed : src.load({"不是有效的 YAML", "not valid YAML"});
    if (!root.IsMap()) {
      // The tally reader reports a tally that is no mapping; a sidecar is reported here.
      if (only_explanations)
        src.wrong_type(root, src.where(root), {"说明文件", "an explanations file"},
                       {"含 explanations: 的映射", "a mapping with explanations:"});
      return found;
    }
    // The reader matches labels against every cell of the form: made only for a file that has
    // explanations (a fifth of a millisecond of every report otherwise).
    std::optional<ExplanationReader> reader;
    for (const auto& kv : root) {
      if (kv.first.IsScalar() && kv.first.Scalar() == "explanations") {
        if (!reader) reader.emplace(src, form);
        reader->read_list(kv.first, kv.second, found);
      } else if (only_explanations)
        src.unknown_key(kv.first, {"说明文件的顶层", "the top level of an explanations file"}, {"explanations"});
    }
  } catch (const Error& e) {
    out.add(to_diagnostic(e));
  }
  return found;
}

std::string explanations_sidecar(const std::string& input) { return input + ".explanations.yaml"; }

std::vector<Explanation> input_explanations(const std::string& input, std::string_view yaml_text,
                                            const YAML::Node* parsed, const Form& form, const FileLoader& load,
                                            Diagnostics& out) {
  if (input == "-") return {};
  if (is_yaml_path(input)) {
    if (yaml_text.empty()) return {};
    return read_explanations(input, yaml_text, form, out, false, parsed);
  }
  const std::string sidecar = explanations_sidecar(input);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(sidecar, ec)) return {};
  try {
    return read_explanations(sidecar, load(sidecar), form, out, true);
  } catch (const Error& e) {
    out.add(to_diagnostic(e));
  }
  return {};
}

}  // namespace gongkai
