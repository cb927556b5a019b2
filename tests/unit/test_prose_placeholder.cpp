#include <gongkai/prose/placeholder.hpp>
#include <gongkai/prose/prose_text.hpp>

#include <doctest/doctest.h>

using namespace gongkai;

TEST_SUITE("prose_placeholder") {
  TEST_CASE("placeholders are found with their byte range and trimmed name") {
    const std::string text = "新收申请{{ applications.received.total }}件，{{fees}}";
    PlaceholderScan s = scan_placeholders(text);
    REQUIRE(s.found.size() == 2);
    CHECK(s.found[0].name == "applications.received.total");
    CHECK(text.substr(s.found[0].begin, s.found[0].end - s.found[0].begin) == "{{ applications.received.total }}");
    CHECK(s.found[1].name == "fees");
    CHECK(s.found[1].end == text.size());
    CHECK(s.unterminated.empty());
  }

  TEST_CASE("a placeholder may not run past the end of its line") {
    PlaceholderScan s = scan_placeholders("共{{applications.\nreceived.total}}件");
    CHECK(s.found.empty());
    REQUIRE(s.unterminated.size() == 1);
    CHECK(s.unterminated[0] == 3);
  }

  TEST_CASE("figure names are lower-case dotted identifiers") {
    CHECK(is_figure_name("applications.received.total"));
    CHECK(is_figure_name("applications.refused.state_secret.total"));
    CHECK_FALSE(is_figure_name("Applications.received"));
    CHECK_FALSE(is_figure_name("本年新收"));
    CHECK_FALSE(is_figure_name(".yoy"));
    CHECK_FALSE(is_figure_name(""));
  }
}

TEST_SUITE("prose_text") {
  TEST_CASE("offsets become line and character column of the source file") {
    const std::string text = "第一行\n第二行有{{x}}";
    const SourceLoc start{"overview.md", 1, 1, {}};
    SourceLoc at = prose_location(text, start, text.find("{{"));
    CHECK(at.to_string() == "overview.md:2:5");
    CHECK(prose_location(text, start, 0).to_string() == "overview.md:1:1");
  }

  TEST_CASE("prose in a YAML block scalar keeps the block's indentation on every line") {
    const SourceLoc start{"report.yaml", 12, 5, {}};
    CHECK(prose_location("ab{{x}}", start, 2).to_string() == "report.yaml:12:7");
    CHECK(prose_location("ab\n申请cd", start, 9).to_string() == "report.yaml:13:7");
  }

  TEST_CASE("prose from an unknown place names only the file") {
    CHECK(prose_location("a\nb", SourceLoc{"report.csv", 0, 0, {}}, 2).to_string() == "report.csv");
  }

  TEST_CASE("white space of any kind is blank prose") {
    CHECK(is_blank_prose(""));
    CHECK(is_blank_prose(" \n\t\r\n"));
    CHECK(is_blank_prose("\u3000\u3000\n"));
    CHECK(is_blank_prose("\xEF\xBB\xBF\n"));
    CHECK_FALSE(is_blank_prose("\u3000无\n"));
  }
}
