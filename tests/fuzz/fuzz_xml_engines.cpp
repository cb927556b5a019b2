// The sheet scanner against expat (readers/xlsx/xml_scanner.cpp, xml_expat.cpp): any bytes as
// an XML part, read whole by expat and in reads of 1 to N bytes by parse_xml's automatic
// choice. Both must give the same verdict, and the same events when they accept. The one
// allowed difference is documented in xml_scanner.cpp: a name's non-ASCII characters need
// only be valid UTF-8 for the scanner, so an input with a non-ASCII byte in markup outside a
// quoted value may be accepted by the scanner alone.
#include "../unit/xml_engine_runs.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

bool non_ascii_in_markup(std::string_view s) {
  bool in_tag = false;
  char quote = 0;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (!in_tag) {
      in_tag = c == '<';
    } else if (quote != 0) {
      if (ch == quote) quote = 0;
    } else if (ch == '"' || ch == '\'') {
      quote = ch;
    } else if (ch == '>') {
      in_tag = false;
    } else if (c >= 0x80) {
      return true;
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongkai;
  if (size == 0) return 0;
  std::size_t max_chunk = data[0] % 16;  // 0: whole reads
  std::string_view xml(reinterpret_cast<const char*>(data) + 1, size - 1);
  XlsxLimits limits;
  limits.max_xml_depth = 16;
  test::XmlEngineRun expat = test::run_xml_engine(xml, XmlEngine::expat, 0, 1, limits);
  test::XmlEngineRun scanner =
      test::run_xml_engine(xml, XmlEngine::automatic, max_chunk, static_cast<std::uint32_t>(size), limits);
  if (expat.ok == scanner.ok && (!expat.ok || expat.events == scanner.events)) return 0;
  if (scanner.ok && !expat.ok && non_ascii_in_markup(xml)) return 0;
  std::fprintf(stderr, "engines disagree\nexpat: %s\nscanner: %s\n", expat.describe().c_str(),
               scanner.describe().c_str());
  std::abort();
}
