// SAX parsing of one XML part of a workbook with expat, fed from a ZipPartStream in chunks so
// memory does not grow with the part. Hardened for hostile input: a DOCTYPE (the only door to
// entity expansion and external entities) is refused outright, expat's billion-laughs guard
// is on besides, and nesting is bounded. Element and attribute names are given without their
// namespace prefix (`x:row` -> `row`): OOXML writers differ in prefixes, never in local names.
#pragma once

#include <gongkai/readers/xlsx/xlsx_limits.hpp>
#include <gongkai/readers/xlsx/zip_package.hpp>

#include <optional>
#include <string_view>

namespace gongkai {

// The attributes of one start tag, as expat gives them (name, value, …, null).
class XmlAttributes {
 public:
  explicit XmlAttributes(const char** raw) : raw_(raw) {}
  // The value of the attribute whose local name is `name`, if present.
  [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const;

 private:
  const char** raw_;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const XmlAttributes& attributes) = 0;
  virtual void end(std::string_view name) = 0;
  // Character data, possibly split across calls.
  virtual void text(std::string_view /*chunk*/) {}

  // Ends the parse early after the current callback (parse_xml_part returns false).
  void stop() { stop_ = true; }
  [[nodiscard]] bool stop_requested() const { return stop_; }

 private:
  bool stop_ = false;
};

// Parses `stream` into `handler`. Returns true when the part was read to its end, false when
// the handler stopped it. Throws InputError for malformed XML (naming part:line:column), a
// DOCTYPE, too deep nesting, or whatever the handler throws.
bool parse_xml_part(ZipPartStream& stream, XmlHandler& handler, const XlsxLimits& limits, std::string_view file);

}  // namespace gongkai
