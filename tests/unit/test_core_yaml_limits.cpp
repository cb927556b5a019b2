#include <gongkai/core/diagnostic.hpp>
#include <gongkai/core/yaml_limits.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace gongkai;

TEST_SUITE("core.yaml_limits") {
  TEST_CASE("an ordinary tally is within the limits") {
    const std::string tally =
        "agency: 某局  # comment with * and [\n"
        "year: 2023\n"
        "prose:\n"
        "  overview: |\n"
        "    正文 *强调* [链接](x)\n"
        "        - 缩进很深的列表\n"
        "            - 更深\n"
        "tables:\n"
        "  applications:\n"
        "    received: {natural_person: 3, 'a[': \"b{\"}\n"
        "    list: [1, [2, 3]]\n";
    CHECK_FALSE(check_yaml_limits(tally).has_value());
  }

  TEST_CASE("deep flow nesting is refused at the limit, with the option that raises it") {
    const std::string deep = "a: " + std::string(100, '[') + std::string(100, ']') + "\n";
    const auto p = check_yaml_limits(deep, YamlLimits{64, 20});
    REQUIRE(p.has_value());
    CHECK(p->line == 1);
    CHECK(p->message.en == "YAML nested deeper than the limit of 64 levels (raise with --max-yaml-depth)");
    CHECK(p->message.zh == "YAML 嵌套超过 64 层的上限（可用 --max-yaml-depth 调整）");
    CHECK_FALSE(check_yaml_limits(deep, YamlLimits{200, 20}).has_value());
  }

  TEST_CASE("deep block nesting and one-line lists in lists are counted") {
    std::string block;
    for (int i = 0; i < 70; ++i) block += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
    const auto p = check_yaml_limits(block, YamlLimits{64, 20});
    REQUIRE(p.has_value());
    CHECK(p->line == 65);
    std::string dashes;
    for (int i = 0; i < 70; ++i) dashes += "- ";
    CHECK(check_yaml_limits(dashes + "x\n", YamlLimits{64, 20}).has_value());
  }

  TEST_CASE("billion laughs: more aliases than the limit are refused") {
    std::string laughs = "a: &a [lol, lol]\n";
    for (int i = 0; i < 9; ++i) laughs += "b" + std::to_string(i) + ": &b" + std::to_string(i) + " [*a, *a, *a]\n";
    const auto p = check_yaml_limits(laughs, YamlLimits{64, 20});
    REQUIRE(p.has_value());
    CHECK(p->line == 8);
    CHECK(p->message.en == "more YAML aliases (*name) than the limit of 20 (raise with --max-yaml-aliases)");
    CHECK_THROWS_AS(require_yaml_limits("t.yaml", std::string(100'000, '[')), InputError);
  }
}
