#include <gongkai/build/manifest.hpp>
#include <gongkai/build/manifest_verify.hpp>
#include <gongkai/core/error.hpp>
#include <gongkai/core/sha256.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

using namespace gongkai;
namespace fs = std::filesystem;

namespace {

void write(const fs::path& p, const std::string& bytes) { std::ofstream(p, std::ios::binary) << bytes; }

}  // namespace

TEST_SUITE("build_manifest") {
  TEST_CASE("a loaded file is kept until each of its loads is released") {
    LoadedFiles loaded;
    const FileLoader load = loaded.wrap([](const std::string& p) { return "bytes of " + p; });
    (void)load("a.yaml");
    (void)load("a.yaml");  // two units of the same file
    (void)load("b.yaml");
    CHECK(loaded.size() == 2);
    loaded.release({"a.yaml", "never-loaded.yaml"});
    REQUIRE(loaded.find("a.yaml"));  // the other unit still needs it
    CHECK(loaded.find("a.yaml")->sha256 == sha256_hex("bytes of a.yaml"));
    loaded.release({"a.yaml", "b.yaml"});
    CHECK_FALSE(loaded.find("a.yaml"));
    CHECK_FALSE(loaded.find("b.yaml"));
    CHECK(loaded.size() == 0);
    loaded.release({"a.yaml"});  // once more: nothing to release
    CHECK(loaded.size() == 0);
  }

  TEST_CASE("a manifest lists what it is given, deterministically, with the versions and the rule set") {
    LoadedFiles loaded;
    const FileLoader load = loaded.wrap([](const std::string& p) { return "bytes of " + p; });
    CHECK(load("a.yaml") == "bytes of a.yaml");
    REQUIRE(loaded.find("a.yaml"));
    CHECK(loaded.find("a.yaml")->sha256 == sha256_hex("bytes of a.yaml"));
    CHECK_FALSE(loaded.find("b.yaml"));

    ManifestContent c;
    c.command = {"gongkai", "build", "a.yaml", "-o", "out"};
    c.source_date_epoch = 1700000000;
    c.agency = "示例";
    c.year = 2023;
    c.form_id = "2021";
    c.inputs = {*loaded.find("a.yaml"), *loaded.find("a.yaml")};  // a duplicate is listed once
    c.outputs = {output_entry("report.md", "# 报告\n")};
    const std::string text = manifest_json(c);
    CHECK(text == manifest_json(c));
    const auto j = nlohmann::json::parse(text);
    CHECK(j["manifest"] == "gongkai-manifest/1");
    CHECK(j["inputs"].size() == 1);
    CHECK(j["outputs"][0]["path"] == "report.md");
    CHECK(j["outputs"][0]["bytes"] == std::string("# 报告\n").size());
    CHECK(j["rules"]["sha256"] == rule_set_sha256());
    CHECK(j["gongkai"]["libraries"].contains("yaml-cpp"));
    CHECK(j["gongkai"]["libraries"].contains("libcrypto"));
    CHECK(j["source_date_epoch"] == 1700000000);

    // Read back: every entry, in order.
    const auto entries = parse_manifest("m.json", text);
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].base == "input");
    CHECK(entries[1].base == "output");
  }

  TEST_CASE("verify: same, changed by one byte, missing; an unreadable manifest throws") {
    const fs::path dir = fs::temp_directory_path() / "gongkai-test-manifest";
    fs::remove_all(dir);
    fs::create_directories(dir / "out");
    write(dir / "in.yaml", "received: 12\n");
    write(dir / "out" / "report.md", "# r\n");
    ManifestContent c;
    c.inputs = {ManifestEntry{"in.yaml", "input", 13, sha256_hex("received: 12\n")}};
    c.outputs = {output_entry("report.md", "# r\n"), output_entry("report.html", "<p>")};
    const std::string manifest = (dir / "out" / "manifest.json").string();
    const auto entries = parse_manifest(manifest, manifest_json(c));
    const ManifestBases bases{dir.string(), dir.string()};
    auto v = verify_manifest(manifest, entries, bases);
    REQUIRE(v.size() == 3);
    CHECK(v[0].outcome == VerifiedFile::Outcome::same);
    CHECK(v[1].outcome == VerifiedFile::Outcome::same);
    CHECK(v[2].outcome == VerifiedFile::Outcome::missing);
    write(dir / "in.yaml", "received: 13\n");
    v = verify_manifest(manifest, entries, bases);
    CHECK(v[0].outcome == VerifiedFile::Outcome::changed);
    CHECK(v[0].sha256 == sha256_hex("received: 13\n"));

    CHECK_THROWS_AS((void)parse_manifest("m.json", "{not json"), InputError);
    CHECK_THROWS_AS((void)parse_manifest("m.json", R"({"manifest": "other/1"})"), InputError);
    CHECK_THROWS_AS((void)parse_manifest("m.json", R"({"manifest": "gongkai-manifest/1", "inputs": [{"path": "a"}],
                                                       "templates": [], "outputs": []})"),
                    InputError);
    fs::remove_all(dir);
  }
}
