#include <gongkai/readers/encoding.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

namespace {

// 「平潭,2.其他」 as Excel on Chinese Windows saves it (iconv -f utf-8 -t gb18030).
constexpr std::string_view kGb18030 = "\xC6\xBD\xCC\xB6,2.\xC6\xE4\xCB\xFB";

}  // namespace

TEST_SUITE("readers/encoding") {
  TEST_CASE("encoding names are read case-insensitively, with or without dashes") {
    CHECK(parse_encoding("UTF-8") == Encoding::utf8);
    CHECK(parse_encoding("utf8") == Encoding::utf8);
    CHECK(parse_encoding("GBK") == Encoding::gb18030);
    CHECK(parse_encoding("gb2312") == Encoding::gb18030);
    CHECK(parse_encoding("gb18030") == Encoding::gb18030);
    CHECK(parse_encoding("auto") == Encoding::detect);
    CHECK_FALSE(parse_encoding("latin1").has_value());
  }

  TEST_CASE("valid UTF-8 is returned as is, without a note") {
    Diagnostics out;
    auto text = to_utf8("section,row\n规章,1\n", "a.csv", Encoding::detect, out);
    REQUIRE(text);
    CHECK(*text == "section,row\n规章,1\n");
    CHECK(out.empty());
  }

  TEST_CASE("a UTF-8 byte-order mark is removed") {
    Diagnostics out;
    auto text = to_utf8("\xEF\xBB\xBF规章", "a.csv", Encoding::utf8, out);
    REQUIRE(text);
    CHECK(*text == "规章");
    CHECK(out.empty());
  }

  TEST_CASE("empty input is empty text") {
    Diagnostics out;
    auto text = to_utf8("", "a.csv", Encoding::detect, out);
    REQUIRE(text);
    CHECK(text->empty());
    CHECK(out.empty());
  }

  TEST_CASE("a file that is not UTF-8 but is GB18030 is decoded, and that is said") {
    Diagnostics out;
    auto text = to_utf8(kGb18030, "a.csv", Encoding::detect, out);
    REQUIRE(text);
    CHECK(*text == "平潭,2.其他");
    REQUIRE(out.items().size() == 1);
    const Diagnostic& d = out.items()[0];
    CHECK(d.severity == Severity::info);
    CHECK(d.rule == "encoding");
    CHECK(d.message.en == "decoded as GB18030 (not valid UTF-8)");
    CHECK(d.message.zh == "文件不是有效的 UTF-8，已按 GB18030 解码");
    CHECK(d.where.to_string() == "a.csv");
  }

  TEST_CASE("an explicit GB18030 decodes without a note") {
    Diagnostics out;
    auto text = to_utf8(kGb18030, "a.csv", Encoding::gb18030, out);
    REQUIRE(text);
    CHECK(*text == "平潭,2.其他");
    CHECK(out.empty());
  }

  TEST_CASE("explicit UTF-8 that is not valid names the line and character of the first bad byte") {
    Diagnostics out;
    auto text = to_utf8("ab\n平x\xFFy", "a.csv", Encoding::utf8, out);
    CHECK_FALSE(text);
    REQUIRE(out.items().size() == 1);
    const Diagnostic& d = out.items()[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.rule == "encoding");
    CHECK(d.where.line == 2);
    CHECK(d.where.column == 3);
    CHECK(d.message.en == "not valid UTF-8: byte 0xFF at line 2, character 3 cannot be decoded");
    CHECK(d.message.zh == "不是有效的 UTF-8：第 2 行第 3 个字符处的字节 0xFF 无法解码");
  }

  TEST_CASE("bytes that are neither UTF-8 nor GB18030 are an error at the first bad byte") {
    Diagnostics out;
    auto text = to_utf8("a,b\n第二\xFF", "a.csv", Encoding::detect, out);
    CHECK_FALSE(text);
    REQUIRE(out.items().size() == 1);
    const Diagnostic& d = out.items()[0];
    CHECK(d.severity == Severity::error);
    CHECK(d.where.to_string() == "a.csv:2:3");
    CHECK(d.message.en ==
          "neither valid UTF-8 nor GB18030: byte 0xFF at line 2, character 3 cannot be decoded (save the file as "
          "UTF-8, or name its encoding with --encoding)");
  }

  TEST_CASE("explicit GB18030 that is not valid names the line and character of the first bad byte") {
    Diagnostics out;
    auto text = to_utf8("\xC6\xBD\n\xC6\xBD\xFF", "a.csv", Encoding::gb18030, out);
    CHECK_FALSE(text);
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].where.to_string() == "a.csv:2:2");
    CHECK(out.items()[0].message.en == "not valid GB18030: byte 0xFF at line 2, character 2 cannot be decoded");
  }

  TEST_CASE("a GB18030 character cut off at the end of the file is an error, not a crash") {
    Diagnostics out;
    auto text = to_utf8("\xC6", "a.csv", Encoding::detect, out);
    CHECK_FALSE(text);
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].where.to_string() == "a.csv:1:1");
  }

  TEST_CASE("a UTF-16 file is named as such") {
    Diagnostics out;
    auto text = to_utf8(std::string_view("\xFF\xFE"
                                         "a\0",
                                         4),
                        "a.csv", Encoding::detect, out);
    CHECK_FALSE(text);
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].message.en ==
          "the file is UTF-16 (it starts with a byte-order mark); save it as UTF-8 or GB18030");
  }
}
