#include "test_support.hpp"

#include <gongkai/render/generated_time.hpp>
#include <gongkai/render/output_name.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

TEST_SUITE("render/generated_time") {
  TEST_CASE("SOURCE_DATE_EPOCH is decimal seconds, nothing else") {
    CHECK(parse_source_date_epoch("1700000000") == 1700000000);
    CHECK(parse_source_date_epoch("0") == 0);
    CHECK_FALSE(parse_source_date_epoch(""));
    CHECK_FALSE(parse_source_date_epoch("-1"));
    CHECK_FALSE(parse_source_date_epoch("17e8"));
    CHECK_FALSE(parse_source_date_epoch(" 1"));
    CHECK_FALSE(parse_source_date_epoch("1234567890123"));
  }

  TEST_CASE("epoch seconds print as ISO 8601 UTC") {
    CHECK(iso_utc(0) == "1970-01-01T00:00:00Z");
    CHECK(iso_utc(1700000000) == "2023-11-14T22:13:20Z");
    CHECK(iso_utc(951782400) == "2000-02-29T00:00:00Z");
  }

  TEST_CASE("the epoch wins, then the publication date, then 1 January after the report year") {
    Report r(test::forms().by_id("2021"));
    r.year = 2023;
    CHECK(generated_time(r, std::nullopt) == "2024-01-01T00:00:00Z");
    r.publication_date = "2024-01-25";
    CHECK(generated_time(r, std::nullopt) == "2024-01-25T00:00:00Z");
    CHECK(generated_time(r, 1700000000) == "2023-11-14T22:13:20Z");
  }
}

TEST_SUITE("render/output_name") {
  TEST_CASE("an agency name stays Chinese; separators and leading dots cannot escape the folder") {
    CHECK(safe_dir_name("云溪市市场监督管理局") == "云溪市市场监督管理局");
    CHECK(safe_dir_name(" 某局/办公室\\二科 ") == "某局_办公室_二科");
    CHECK(safe_dir_name("..") == "__");  // a trailing dot too: Windows drops it
    CHECK(safe_dir_name("../x") == "_._x");
    CHECK(safe_dir_name("a\nb\tc") == "a_b_c");
    CHECK(safe_dir_name("") == "_");
    CHECK(safe_dir_name("   ") == "_");
  }

  TEST_CASE("what Windows forbids or reserves, C1 controls, bidi overrides and non-UTF-8 bytes") {
    CHECK(safe_dir_name("a<b>c:d\"e|f?g*h") == "a_b_c_d_e_f_g_h");
    CHECK(safe_dir_name("x\x7fy\u0085z") == "x_y_z");
    CHECK(safe_dir_name("局\u202e名\u2066") == "局_名_");
    CHECK(safe_dir_name("a\xff\xc3"
                        "b") == "a__b");
    CHECK(safe_dir_name("CON") == "_CON");
    CHECK(safe_dir_name("nul.txt") == "_nul.txt");
    CHECK(safe_dir_name("Com7") == "_Com7");
    CHECK(safe_dir_name("COM10") == "COM10");
    CHECK(safe_dir_name("CONSOLE") == "CONSOLE");
    CHECK(safe_dir_name("某局 .") == "某局__");  // white space before a trailing dot too
  }

  TEST_CASE("a long name is cut at a character boundary, ending in a hash of the whole name") {
    std::string a, b;
    for (int i = 0; i < 300; ++i) a += "很";
    b = a + "甲";
    const std::string da = safe_dir_name(a), db = safe_dir_name(b);
    CHECK(da.size() <= kMaxDirNameBytes);
    CHECK(da != db);
    CHECK(da.substr(0, da.size() - 9) == db.substr(0, db.size() - 9));
    CHECK(da[da.size() - 9] == '~');
    CHECK((da.size() - 9) % 3 == 0);  // whole characters of 3 bytes
    CHECK(safe_dir_name(std::string(kMaxDirNameBytes, 'x')) == std::string(kMaxDirNameBytes, 'x'));
  }
}
