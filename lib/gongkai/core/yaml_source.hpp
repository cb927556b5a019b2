// The one YAML source: every YAML input (tallies, prose extras, work plans, rosters, forms,
// prose rules, register vocabularies, office terms) is parsed within the YAML limits and
// located here. A place is the file, a 1-based line and a 1-based column counted in
// characters (yaml-cpp counts bytes; the CSV reader and every message count characters).
//
// Three views of a text, one per way of reporting:
//   YamlText        where nodes are, and parsing (a text that is not YAML is an InputError);
//   YamlDefinition  a definition read strictly (forms, prose rules): the first problem stops
//                   the reading with an InputError at its place;
//   YamlSource      an input read to its end (tallies, prose, work plans): problems are
//                   findings — `yaml` (a wrong type, a duplicate), `unknown-key` (with a "did
//                   you mean"), `label` (a key matched to the official wording only after
//                   normalisation).
// Internal: yaml-cpp never appears in an installed header.
#pragma once

#include <gongkai/core/diagnostic.hpp>

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

class YamlText {
 public:
  // REQUIRES: `text` is what yaml-cpp parses (load()) or parsed, and outlives this object.
  YamlText(std::string_view name, std::string_view text) : name_(name), text_(text) {}

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::string_view text() const { return text_; }

  // The node's place; the file alone when yaml-cpp does not know it (a missing node).
  [[nodiscard]] SourceLoc where(const YAML::Node& n) const;
  [[nodiscard]] SourceLoc where(const YAML::Mark& m) const;
  // Where a mapping's value is. yaml-cpp places an empty value (`key:`) at the next token,
  // often on a later line; such a value is located at its key instead.
  [[nodiscard]] SourceLoc where_value(const YAML::Node& key, const YAML::Node& value) const;

  // The text parsed, within the YAML limits (require_yaml_limits). Throws InputError: over a
  // limit, or not YAML ("{not_yaml}：{yaml-cpp's reason}" at the place it names).
  [[nodiscard]] YAML::Node load(const Text& not_yaml) const;
  // The text parsed, for a reader that reports instead of throwing and has checked the
  // limits its own way: when it is not YAML, nothing, and an error `rule` in `out`
  // ("{not_yaml}：{reason}" at the place yaml-cpp names).
  [[nodiscard]] std::optional<YAML::Node> parse(Diagnostics& out, std::string rule, const Text& not_yaml) const;

  // Throws InputError(where(at), message).
  [[noreturn]] void throw_at(const YAML::Node& at, Text message) const;
  // Throws InputError at the exception's place: "{prefix}：{e.msg}" / "{prefix}: {e.msg}".
  [[noreturn]] void throw_at(const YAML::Exception& e, const Text& prefix) const;

 private:
  std::string name_;
  std::string_view text_;
};

class YamlDefinition : public YamlText {
 public:
  // `bad` opens every message ("表式定义有误" / "bad form definition"); `not_yaml` opens that
  // of a text that does not parse.
  YamlDefinition(std::string_view name, std::string_view text, Text bad, Text not_yaml)
      : YamlText(name, text), bad_(std::move(bad)), not_yaml_(std::move(not_yaml)) {}

  [[nodiscard]] YAML::Node load() const { return YamlText::load(not_yaml_); }
  // Throws InputError at `at`: "{bad}：{what}".
  [[noreturn]] void fail(const YAML::Node& at, const std::string& what) const;
  // A yaml-cpp exception met while reading (a value of the wrong kind): InputError at its place.
  [[noreturn]] void fail(const YAML::Exception& e) const;

  // map[key] as text: "" when absent and not `required`; fails when it is not a scalar.
  [[nodiscard]] std::string str(const YAML::Node& map, const char* key, bool required = true) const;
  // Fails at the first key of `map` that is not one of `known`.
  void check_keys(const YAML::Node& map, std::initializer_list<const char*> known) const;
  // Fails unless `map` is a mapping, then as check_keys.
  void check_mapping(const YAML::Node& map, std::initializer_list<const char*> known) const;

 private:
  Text bad_;
  Text not_yaml_;
};

class YamlSource : public YamlText {
 public:
  // REQUIRES: `text` is what yaml-cpp parsed and outlives the source.
  YamlSource(std::string_view name, std::string_view text, Diagnostics& out) : YamlText(name, text), out_(out) {}

  [[nodiscard]] Diagnostics& out() { return out_; }

  // The scalar's text, truncated for quoting in a message.
  [[nodiscard]] static std::string quote(const YAML::Node& n);

  void error(std::string rule, SourceLoc where, Text message);
  // `subject` must be `want` but the node is something else: rule `yaml`.
  void wrong_type(const YAML::Node& found, SourceLoc where, const Text& subject, const Text& want);
  // rule `unknown-key`: suggests the closest of `suggest_from`, else lists `known`.
  void unknown_key(const YAML::Node& key, const Text& scope, const std::vector<std::string>& suggest_from,
                   const std::vector<std::string>& known);
  // The same, the known keys being the candidates.
  void unknown_key(const YAML::Node& key, const Text& scope, const std::vector<std::string>& known) {
    unknown_key(key, scope, known, known);
  }
  // rule `label` (warning): `key` was read as `official`.
  void label_variant(const YAML::Node& key, std::string_view official);
  // rule `yaml`: `what` was already given at `first`.
  void duplicate(const YAML::Node& at, std::string_view what, const SourceLoc& first);
  // Whether `key` is new in its mapping (`seen` holds the mapping's keys so far); a repeated
  // key is reported (YAML keys are unique; yaml-cpp keeps both) and its value is to be skipped.
  [[nodiscard]] bool first_time(std::map<std::string, SourceLoc>& seen, const YAML::Node& key);

 private:
  Diagnostics& out_;
};

// "a mapping" / 映射, "a list" / 列表, "nothing (null)" / 空值, or the quoted scalar.
[[nodiscard]] Text kind_of(const YAML::Node& n);

}  // namespace gongkai
