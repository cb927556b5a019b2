#include <gongkai/readers/xlsx/ooxml_text.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace gongkai;

namespace {
std::string decoded(std::string s, std::size_t from = 0) {
  decode_ooxml_escapes(s, from);
  return s;
}
}  // namespace

TEST_SUITE("readers/xlsx/ooxml_text") {
  TEST_CASE("an escaped carriage return and other code units are decoded") {
    CHECK(decoded("line_x000D_\nnext") == "line\r\nnext");
    CHECK(decoded("_x0041__x4E09_") == "A三");
  }

  TEST_CASE("an escaped underscore keeps the text after it literal") { CHECK(decoded("_x005F_x0041_") == "_x0041_"); }

  TEST_CASE("a surrogate pair becomes one character; a lone surrogate stays as written") {
    CHECK(decoded("_xD83D__xDE00_") == "\xF0\x9F\x98\x80");
    CHECK(decoded("_xD83D_x") == "_xD83D_x");
  }

  TEST_CASE("text without escapes or with malformed ones is unchanged") {
    CHECK(decoded("plain_text") == "plain_text");
    CHECK(decoded("_x12_") == "_x12_");
    CHECK(decoded("_xZZZZ_") == "_xZZZZ_");
  }

  TEST_CASE("decoding starts at the given offset") { CHECK(decoded("_x0041_|_x0042_", 7) == "_x0041_|B"); }
}
