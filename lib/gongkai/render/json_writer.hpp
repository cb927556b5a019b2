// Writes JSON text straight into a string, laid out exactly as nlohmann::json::dump(2) lays it
// out (two-space indent, `"key": value`, `[]` and `{}` when empty, control characters escaped,
// other UTF-8 kept as it is), so that a large document (a report's 140 KB of cells) is written
// without building a tree of nodes first. Byte-identical to dump(2) of the same document.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The next member's key (inside an object).
  void key(std::string_view k);

  void value(std::string_view s);
  void value(const std::string& s) { value(std::string_view(s)); }
  void value(const char* s) { value(std::string_view(s)); }
  void value(std::int64_t n);
  void value(int n) { value(static_cast<std::int64_t>(n)); }
  void value(bool b);
  void null();
  // A value built as a tree elsewhere, laid out at this depth as dump(2) would.
  void value(const nlohmann::ordered_json& j);

 private:
  void before_value();
  void newline_indent();
  void string(std::string_view s);

  std::string& out_;
  std::vector<std::size_t> counts_;  // members written so far, per open object or array
  bool after_key_ = false;
};

}  // namespace gongkai
