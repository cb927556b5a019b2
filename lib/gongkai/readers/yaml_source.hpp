// A YAML file being read by the tally reader: where each node sits (file, 1-based line and
// column; yaml-cpp's byte column is turned into characters, as the CSV reader counts them),
// what kind of node it is in words, and the structural findings every part of the reader
// reports the same way: `yaml` (a wrong type, a duplicate), `unknown-key` (with a "did you
// mean"), `label` (a key matched to the official wording only after normalisation).
#pragma once

#include <gongkai/core/diagnostic.hpp>

#include <yaml-cpp/yaml.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// How a key typed by the user matched a name of the form.
enum class KeyMatch {
  none,
  exact,       // the stable ID or the verbatim label
  normalized,  // the label after gongkai::compact (full/half width, spaces): a `label` warning
};

// `key` against an official label: verbatim, or equal after compact().
[[nodiscard]] KeyMatch match_label(std::string_view key, std::string_view label);

class YamlSource {
 public:
  // REQUIRES: `text` is what yaml-cpp parsed and outlives the source.
  YamlSource(std::string_view name, std::string_view text, Diagnostics& out) : name_(name), text_(text), out_(out) {}
  // Without the text, columns are yaml-cpp's byte columns (exact only for ASCII lines).
  YamlSource(std::string_view name, Diagnostics& out) : name_(name), out_(out) {}

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] Diagnostics& out() { return out_; }

  // The node's position; the file alone when yaml-cpp does not know it.
  [[nodiscard]] SourceLoc where(const YAML::Node& n) const { return where(n.Mark()); }
  [[nodiscard]] SourceLoc where(const YAML::Mark& m) const;
  // Where a mapping's value is. yaml-cpp places an empty value (`key:`) at the next token,
  // often on a later line; such a value is located at its key instead.
  [[nodiscard]] SourceLoc where_value(const YAML::Node& key, const YAML::Node& value) const;
  // The scalar's text, truncated for quoting in a message.
  [[nodiscard]] static std::string quote(const YAML::Node& n);

  void error(std::string rule, SourceLoc where, Text message);
  // `subject` must be `want` but the node is something else: rule `yaml`.
  void wrong_type(const YAML::Node& found, SourceLoc where, const Text& subject, const Text& want);
  // rule `unknown-key`: suggests the closest of `suggest_from`, else lists `known`.
  void unknown_key(const YAML::Node& key, const Text& scope, const std::vector<std::string>& suggest_from,
                   const std::vector<std::string>& known);
  // rule `label` (warning): `key` was read as `official`.
  void label_variant(const YAML::Node& key, std::string_view official);
  // rule `yaml`: `what` was already given at `first`.
  void duplicate(const YAML::Node& at, std::string_view what, const SourceLoc& first);
  // Whether `key` is new in its mapping (`seen` holds the mapping's keys so far); a repeated
  // key is reported (YAML keys are unique; yaml-cpp keeps both) and its value is to be skipped.
  [[nodiscard]] bool first_time(std::map<std::string, SourceLoc>& seen, const YAML::Node& key);

 private:
  std::string name_;
  std::string_view text_;
  Diagnostics& out_;
};

// "a mapping" / 映射, "a list" / 列表, "nothing (null)" / 空值, or the quoted scalar.
[[nodiscard]] Text kind_of(const YAML::Node& n);

}  // namespace gongkai
