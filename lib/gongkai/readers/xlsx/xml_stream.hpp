// SAX parsing of one XML part of a workbook, fed in chunks so memory does not grow with the
// part. Two engines give the same events:
// - the sheet scanner (xml_scanner.hpp), made for the UTF-8 that every spreadsheet writer
//   emits; it reads a million-row sheet several times faster than a general parser;
// - expat (xml_expat.hpp), for a part declared in any other encoding (UTF-16, ISO-8859-1).
// Both are hardened for hostile input: a DOCTYPE (the only door to entity expansion and
// external entities) is refused outright and nesting is bounded. Element and attribute names
// are given without their namespace prefix (`x:row` -> `row`): OOXML writers differ in
// prefixes, never in local names. tests/unit/test_readers_xlsx_xml_engines.cpp and the fuzz
// target `xml_engines` hold the scanner to expat's events and verdicts.
#pragma once

#include <gongkai/readers/xlsx/xlsx_limits.hpp>
#include <gongkai/readers/xlsx/zip_package.hpp>

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace gongkai {

struct XmlAttribute {
  std::string_view name;   // as written, prefix included
  std::string_view value;  // references decoded, whitespace normalised
};

// The attributes of one start tag, in document order; valid during the `start` callback.
class XmlAttributes {
 public:
  explicit XmlAttributes(std::span<const XmlAttribute> all) : all_(all) {}
  // The value of the first attribute whose local name is `name`, if present.
  [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const;
  [[nodiscard]] std::span<const XmlAttribute> all() const { return all_; }

 private:
  std::span<const XmlAttribute> all_;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const XmlAttributes& attributes) = 0;
  virtual void end(std::string_view name) = 0;
  // Character data inside the root element, possibly split across calls.
  virtual void text(std::string_view /*chunk*/) {}

  // Ends the parse early after the current callback (parse_xml_part returns false).
  void stop() { stop_ = true; }
  [[nodiscard]] bool stop_requested() const { return stop_; }

 private:
  bool stop_ = false;
};

// Where the bytes of a part come from.
class XmlInput {
 public:
  virtual ~XmlInput() = default;
  // Fills up to `size` bytes of `buffer`; returns how many, 0 at the end.
  virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

enum class XmlEngine {
  automatic,  // the scanner for UTF-8, expat for any other declared encoding
  expat,      // expat whatever the encoding (the reference the scanner is tested against)
};

// Parses `input` into `handler`. Returns true when the part was read to its end, false when
// the handler stopped it. Throws InputError for malformed XML (naming part:line:column), a
// DOCTYPE, too deep nesting, or whatever the handler throws.
bool parse_xml(XmlInput& input, std::string_view part, XmlHandler& handler, const XlsxLimits& limits,
               std::string_view file, XmlEngine engine = XmlEngine::automatic);

// parse_xml over one part of a workbook.
bool parse_xml_part(ZipPartStream& stream, XmlHandler& handler, const XlsxLimits& limits, std::string_view file);

// `x:row` -> `row`.
[[nodiscard]] std::string_view xml_local_name(std::string_view qname);

}  // namespace gongkai
