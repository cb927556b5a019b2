#include <gongkai/core/excerpt.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace gongkai;

TEST_SUITE("core.excerpt") {
  TEST_CASE("a short value is quoted whole") {
    CHECK(excerpt("予以公开") == "予以公开");
    CHECK(excerpt("") == "");
  }

  TEST_CASE("a long value is cut at 80 code points with an ellipsis") {
    std::string zh;
    for (int i = 0; i < 100; ++i) zh += "公";
    std::string want;
    for (int i = 0; i < 80; ++i) want += "公";
    CHECK(excerpt(zh) == want + "…");
    CHECK(excerpt(std::string(81, 'a')) == std::string(80, 'a') + "…");
    CHECK(excerpt(std::string(80, 'a')) == std::string(80, 'a'));
    CHECK(excerpt("abcdef", 3) == "abc…");
  }

  TEST_CASE("line breaks and control characters are escaped, so a finding is one line") {
    CHECK(excerpt("a\nb\r\nc\td") == "a\\nb\\r\\nc\\td");
    CHECK(excerpt(std::string("x\x01y\x7f", 4)) == "x\\u0001y\\u007f");
    CHECK(excerpt("\u202Eevil") == "\\u202eevil");  // a direction override shown, not obeyed
    CHECK(excerpt("a\u2028b") == "a\\u2028b");
    CHECK(excerpt(std::string("\xff\xfe", 2)) == "\\xFF\\xFE");  // not UTF-8
    CHECK(one_line("line 1\nline 2") == "line 1\\nline 2");
  }

  TEST_CASE("only the excerpt's part of a huge value is looked at") {
    const std::string huge(3'000'000, '\n');
    CHECK(excerpt(huge, 2) == "\\n\\n…");
  }
}
