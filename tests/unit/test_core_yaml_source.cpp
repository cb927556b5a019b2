#include <gongkai/aggregate/roster.hpp>
#include <gongkai/core/yaml_source.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace gongkai;

TEST_SUITE("core.yaml_source") {
  TEST_CASE("a node's place is its 1-based line and its column in characters") {
    const std::string text = "机关: 某某市人民政府\n表: {甲: 1, bad: 2}\n";
    const YamlText src("t.yaml", text);
    const YAML::Node root = src.load({"不是 YAML", "not YAML"});
    const SourceLoc agency = src.where(root["机关"]);
    CHECK(agency.file == "t.yaml");
    CHECK(agency.line == 1);
    CHECK(agency.column == 5);  // 机关: and a space: four characters, nine bytes
    const SourceLoc bad = src.where(root["表"]["bad"]);
    CHECK(bad.line == 2);
    CHECK(bad.column == 16);  // 表: {甲: 1, bad → 15 characters before `2`
  }

  TEST_CASE("a node that is not in the document has the file alone") {
    const std::string text = "a: 1\n";
    const YamlText src("t.yaml", text);
    const YAML::Node root = src.load({"不是 YAML", "not YAML"});
    const SourceLoc missing = src.where(root["nothing"]);
    CHECK(missing.file == "t.yaml");
    CHECK(missing.line == 0);
    CHECK(missing.column == 0);
  }

  TEST_CASE("a text that is not YAML is an input error at its place, in characters") {
    const std::string text = "名称: 某局\n键: [1, 2\n";
    const YamlText src("t.yaml", text);
    try {
      (void)src.load({"不是有效的 YAML", "not valid YAML"});
      FAIL("expected an InputError");
    } catch (const InputError& e) {
      CHECK(e.rule() == "input");
      CHECK(e.where().file == "t.yaml");
      CHECK(e.where().line >= 2);
      CHECK(e.message().en.starts_with("not valid YAML: "));
      CHECK(e.message().zh.starts_with("不是有效的 YAML："));
    }
    Diagnostics out;
    CHECK_FALSE(src.parse(out, "yaml", {"YAML 语法错误", "malformed YAML"}).has_value());
    REQUIRE(out.items().size() == 1);
    CHECK(out.items().front().rule == "yaml");
  }

  TEST_CASE("a text over the YAML limits is refused before parsing") {
    const std::string text = "a: " + std::string(200, '[') + std::string(200, ']') + "\n";
    const YamlText src("t.yaml", text);
    CHECK_THROWS_AS((void)src.load({"不是 YAML", "not YAML"}), InputError);
  }

  TEST_CASE("a definition stops at its first problem, at its place") {
    const std::string text = "id: x\nkind: 表格\n";
    const YamlDefinition def("f.yaml", text, {"定义有误", "bad definition"}, {"不是 YAML", "not YAML"});
    const YAML::Node root = def.load();
    CHECK(def.str(root, "id") == "x");
    CHECK(def.str(root, "missing", false).empty());
    try {
      def.check_keys(root, {"id"});
      FAIL("expected an InputError");
    } catch (const InputError& e) {
      CHECK(e.where().to_string() == "f.yaml:2:1");
      CHECK(e.message().en == "bad definition: unknown key 'kind'");
    }
  }

  TEST_CASE("a roster counts columns as a tally does: in characters") {
    // The same key after Chinese text: 1:19 in characters (1:33 in bytes, as rosters said).
    Diagnostics out;
    CHECK_FALSE(parse_roster("r.yaml", "{agency: 某某市人民政府, bogus: 1, units: [a.yaml]}\n", out));
    REQUIRE(out.items().size() == 1);
    CHECK(out.items().front().rule == "roster");
    CHECK(out.items().front().where.to_string() == "r.yaml:1:19");
  }

  TEST_CASE("a roster's publication date is a real day, else a finding at its place") {
    Diagnostics out;
    CHECK_FALSE(parse_roster("r.yaml", "agency: 某县\npublished: 2024-02-31\nunits: [a.yaml]\n", out));
    REQUIRE(out.items().size() == 1);
    CHECK(out.items().front().rule == "roster");
    CHECK(out.items().front().where.to_string() == "r.yaml:2:12");
    CHECK(out.items().front().message.en.find("2024-02-31") != std::string::npos);
    Diagnostics fine;
    const auto r = parse_roster("r.yaml", "agency: 某县\npublished: 2024-02-29\nunits: [a.yaml]\n", fine);
    REQUIRE(r);
    CHECK(r->meta.publication_date == std::optional<std::string>("2024-02-29"));
    CHECK(fine.empty());
  }
}
