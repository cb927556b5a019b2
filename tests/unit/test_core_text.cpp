#include <gongkai/core/text.hpp>

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace gongkai;

namespace {

constexpr auto npos = std::string_view::npos;

// An independent, byte-by-byte reading of Unicode's table 3-7: the length of the well-formed
// sequence at `i`, or 0.
std::size_t well_formed_at(const std::string& s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(s[k])); };
  const unsigned c = b(i);
  if (c < 0x80) return 1;
  const std::size_t left = s.size() - i;
  auto cont = [&](std::size_t k) { return i + k < s.size() && b(i + k) >= 0x80 && b(i + k) <= 0xBF; };
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    const unsigned cp = ((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
    return cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF) ? 3 : 0;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    const unsigned cp = ((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) | (b(i + 3) & 0x3F);
    return cp >= 0x10000 && cp <= 0x10FFFF ? 4 : 0;
  }
  return 0;
}

std::size_t reference_invalid(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = well_formed_at(s, i);
    if (n == 0) return i;
    i += n;
  }
  return npos;
}

}  // namespace

TEST_SUITE("core/text") {
  TEST_CASE("find_invalid_utf8: well-formed text passes, the first bad byte is found") {
    CHECK(find_invalid_utf8("") == npos);
    CHECK(find_invalid_utf8("section,row,column,value\n") == npos);
    CHECK(find_invalid_utf8("行政许可 (一)𠀀") == npos);
    CHECK(find_invalid_utf8("abcdefgh\xC0\x80") == 8);   // overlong NUL
    CHECK(find_invalid_utf8("abc\xE0\x80\x80") == 3);    // overlong three-byte form
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0);       // a surrogate
    CHECK(find_invalid_utf8("x\xF4\x90\x80\x80") == 1);  // past U+10FFFF
    CHECK(find_invalid_utf8("12345678\xE4\xB8") == 8);   // cut short at the end
    CHECK(find_invalid_utf8("\xE4\xB8\xAD\xFF") == 3);   // 0xFF never occurs
    CHECK(find_invalid_utf8("\xE4\x41\xAD") == 0);       // a CJK lead without its continuation
    CHECK(find_invalid_utf8("\xE4\xB8\xC0") == 0);
    CHECK(find_invalid_utf8("\xEF\xBF\xBD\xEE\x80\x80") == npos);  // U+FFFD, U+E000
    CHECK(find_invalid_utf8("\xEF\xBB\xBFsection") == npos);       // a BOM is a character
  }

  TEST_CASE("find_invalid_utf8 agrees with an independent reading on random bytes") {
    std::mt19937 rng(20261203);
    // Bytes drawn mostly from the lead and continuation ranges, so that long valid runs, ASCII
    // words of eight and every kind of malformation all occur.
    const unsigned char pool[] = {'a',  'b',  '0',  ',',  0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
                                  0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    for (int round = 0; round < 20000; ++round) {
      std::string s;
      const int len = static_cast<int>(rng() % 24);
      for (int k = 0; k < len; ++k) {
        if (rng() % 3 == 0)
          s += "abcdefgh";
        else
          s += static_cast<char>(pool[rng() % sizeof pool]);
      }
      CAPTURE(s);
      CHECK(find_invalid_utf8(s) == reference_invalid(s));
    }
  }
}
