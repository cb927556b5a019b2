#include <gongkai/core/yaml_source.hpp>

#include <gongkai/core/excerpt.hpp>
#include <gongkai/core/suggest.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/core/yaml_limits.hpp>

#include <fmt/format.h>

namespace gongkai {

SourceLoc YamlText::where(const YAML::Node& n) const {
  // A node that is not in the document (a missing key of a const mapping) has no place;
  // yaml-cpp throws when asked for it.
  try {
    return where(n.Mark());
  } catch (const YAML::Exception&) {
    return SourceLoc{name_, 0, 0, {}};
  }
}

SourceLoc YamlText::where(const YAML::Mark& m) const {
  if (m.is_null() || m.line < 0 || m.column < 0) return SourceLoc{name_, 0, 0, {}};
  int column = m.column + 1;
  if (m.pos >= 0 && static_cast<std::size_t>(m.pos) <= text_.size()) {
    // Characters from the start of the line: count the bytes that begin a UTF-8 sequence.
    const auto end = static_cast<std::size_t>(m.pos);
    const auto nl = text_.rfind('\n', end == 0 ? 0 : end - 1);
    std::size_t start = nl == std::string_view::npos || nl >= end ? 0 : nl + 1;
    column = 1;
    for (std::size_t i = start; i < end; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0U) != 0x80U) ++column;
  }
  return SourceLoc{name_, m.line + 1, column, {}};
}

SourceLoc YamlText::where_value(const YAML::Node& key, const YAML::Node& value) const {
  if (!value.IsNull()) return where(value);
  // `~` or `null` is located at itself; an empty value at the token after it (the next key,
  // a comma, a brace), which is not where the user looks.
  const YAML::Mark m = value.Mark();
  if (m.line != key.Mark().line) return where(key);
  if (text_.empty()) return where(value);
  const bool literal = m.pos >= 0 && static_cast<std::size_t>(m.pos) < text_.size() &&
                       (text_[static_cast<std::size_t>(m.pos)] == '~' ||
                        text_[static_cast<std::size_t>(m.pos)] == 'n' || text_[static_cast<std::size_t>(m.pos)] == 'N');
  return literal ? where(value) : where(key);
}

YAML::Node YamlText::load(const Text& not_yaml) const {
  require_yaml_limits(name_, text_);
  try {
    return YAML::Load(std::string(text_));
  } catch (const YAML::Exception& e) {
    throw_at(e, not_yaml);
  }
}

std::optional<YAML::Node> YamlText::parse(Diagnostics& out, std::string rule, const Text& not_yaml) const {
  try {
    return YAML::Load(std::string(text_));
  } catch (const YAML::Exception& e) {
    out.add(Diagnostic::error(std::move(rule), where(e.mark),
                              {fmt::format("{}：{}", not_yaml.zh, e.msg), fmt::format("{}: {}", not_yaml.en, e.msg)}));
    return std::nullopt;
  }
}

void YamlText::throw_at(const YAML::Node& at, Text message) const { throw InputError(where(at), std::move(message)); }

void YamlText::throw_at(const YAML::Exception& e, const Text& prefix) const {
  throw InputError(where(e.mark),
                   Text{fmt::format("{}：{}", prefix.zh, e.msg), fmt::format("{}: {}", prefix.en, e.msg)});
}

void YamlDefinition::fail(const YAML::Node& at, const std::string& what) const {
  throw_at(at, Text{fmt::format("{}：{}", bad_.zh, what), fmt::format("{}: {}", bad_.en, what)});
}

void YamlDefinition::fail(const YAML::Exception& e) const { throw_at(e, bad_); }

std::string YamlDefinition::str(const YAML::Node& map, const char* key, bool required) const {
  auto n = map[key];
  if (!n) {
    if (required) fail(map, fmt::format("missing key '{}'", key));
    return {};
  }
  if (!n.IsScalar()) fail(n, fmt::format("'{}' must be a string", key));
  return n.Scalar();
}

void YamlDefinition::check_keys(const YAML::Node& map, std::initializer_list<const char*> known) const {
  for (const auto& kv : map) {
    const std::string k = kv.first.Scalar();
    bool ok = false;
    for (const char* n : known) ok = ok || k == n;
    if (!ok) fail(kv.first, fmt::format("unknown key '{}'", k));
  }
}

void YamlDefinition::check_mapping(const YAML::Node& map, std::initializer_list<const char*> known) const {
  if (!map.IsMap()) fail(map, "expected a mapping");
  check_keys(map, known);
}

std::string YamlSource::quote(const YAML::Node& n) { return excerpt(n.Scalar()); }

Text kind_of(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Map:
      return {"映射", "a mapping"};
    case YAML::NodeType::Sequence:
      return {"列表", "a list"};
    case YAML::NodeType::Scalar: {
      const std::string q = YamlSource::quote(n);
      return {fmt::format("「{}」", q), fmt::format("'{}'", q)};
    }
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      break;
  }
  return {"空值", "nothing (null)"};
}

void YamlSource::error(std::string rule, SourceLoc where, Text message) {
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.where = std::move(where);
  out_.add(std::move(d));
}

void YamlSource::wrong_type(const YAML::Node& found, SourceLoc where, const Text& subject, const Text& want) {
  const Text kind = kind_of(found);
  error("yaml", std::move(where),
        {fmt::format("{}应为{}，实为{}", subject.zh, want.zh, kind.zh),
         fmt::format("{} must be {}, found {}", subject.en, want.en, kind.en)});
}

void YamlSource::unknown_key(const YAML::Node& key, const Text& scope, const std::vector<std::string>& suggest_from,
                             const std::vector<std::string>& known) {
  const std::string k = quote(key);
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "unknown-key";
  d.where = where(key);
  d.actual = key.Scalar();
  if (const auto guesses = did_you_mean(key.Scalar(), suggest_from); !guesses.empty()) {
    const Text alternatives = quoted_alternatives(guesses);
    d.message = {fmt::format("未知的键「{}」（在{}中）；是否应为{}？", k, scope.zh, alternatives.zh),
                 fmt::format("unknown key '{}' in {}; did you mean {}?", k, scope.en, alternatives.en)};
    d.expected = guesses.front();
  } else {
    d.message = {fmt::format("未知的键「{}」（在{}中）；可用的键：{}", k, scope.zh, fmt::join(known, "、")),
                 fmt::format("unknown key '{}' in {}; known keys: {}", k, scope.en, fmt::join(known, ", "))};
  }
  out_.add(std::move(d));
}

void YamlSource::label_variant(const YAML::Node& key, std::string_view official) {
  Diagnostic d;
  d.severity = Severity::warning;
  d.rule = "label";
  d.where = where(key);
  d.message = {fmt::format("「{}」不是官方表述，已按「{}」读取", quote(key), official),
               fmt::format("'{}' is not the official wording; read as '{}'", quote(key), official)};
  d.actual = key.Scalar();
  d.expected = std::string(official);
  out_.add(std::move(d));
}

void YamlSource::duplicate(const YAML::Node& at, std::string_view what, const SourceLoc& first) {
  error("yaml", where(at),
        {fmt::format("「{}」重复给出（首次在第 {} 行）", what, first.line),
         fmt::format("'{}' is given twice (first at line {})", what, first.line)});
}

bool YamlSource::first_time(std::map<std::string, SourceLoc>& seen, const YAML::Node& key) {
  auto [it, inserted] = seen.emplace(key.Scalar(), where(key));
  if (!inserted) duplicate(key, key.Scalar(), it->second);
  return inserted;
}

}  // namespace gongkai
