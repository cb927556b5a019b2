// Internal to xml_stream: the two engines behind parse_xml and the failures they share, so a
// malformed part reads the same whichever engine met it.
#pragma once

#include <gongkai/readers/xlsx/xml_stream.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace gongkai::xml_detail {

struct XmlRun {
  XmlInput& input;
  std::string_view prefix;  // bytes already taken from `input` to choose the engine; parsed first
  std::string_view part;
  XmlHandler& handler;
  const XlsxLimits& limits;
  std::string_view file;
};

// Compares without regard to ASCII case (encoding names).
inline bool ascii_iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = (a[i] >= 'A' && a[i] <= 'Z') ? static_cast<char>(a[i] - 'A' + 'a') : a[i];
    char y = (b[i] >= 'A' && b[i] <= 'Z') ? static_cast<char>(b[i] - 'A' + 'a') : b[i];
    if (x != y) return false;
  }
  return true;
}

bool parse_with_expat(const XmlRun& run);
bool parse_with_scanner(const XmlRun& run);

// `message` is expat's wording of the error (XML_ErrorString), which both engines use.
[[noreturn]] void fail_malformed(const XmlRun& run, std::uint64_t line, std::uint64_t column, std::string_view message);
[[noreturn]] void fail_doctype(const XmlRun& run, std::uint64_t line, std::uint64_t column);
[[noreturn]] void fail_too_deep(const XmlRun& run, std::uint64_t line, std::uint64_t column);

}  // namespace gongkai::xml_detail
