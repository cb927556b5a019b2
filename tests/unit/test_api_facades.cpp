// The public facades of include/gongkai/ (lib/gongkai/api/), through the public headers only.
#include <gongkai/gongkai.hpp>

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

using namespace gongkai;
namespace fs = std::filesystem;

namespace {

const std::string kSource = GONGKAI_SOURCE_DIR;
const std::string kTemplates = kSource + "/report-templates";

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "gongkai-api-test-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

}  // namespace

TEST_SUITE("api.facades") {
  TEST_CASE("load_forms: the forms of a template folder, by ID and by year") {
    const FormSet forms = load_forms(find_templates(kTemplates));
    REQUIRE(forms.by_id("2021") != nullptr);
    CHECK(forms.for_year(2023)->id == "2021");
    CHECK(forms.for_year(2020)->id == "2019");
    CHECK_FALSE(forms.by_id("2021")->cells().empty());
  }

  TEST_CASE("find_templates and load_forms fail with InputError naming the folder") {
    TempDir tmp;
    const std::string nowhere = (tmp.path / "nowhere").string();
    CHECK_THROWS_AS((void)find_templates(nowhere), InputError);
    try {
      (void)load_forms(nowhere);
      FAIL("no exception");
    } catch (const InputError& e) {
      CHECK(e.where().file == nowhere);
      CHECK(e.message().en.find("forms/") != std::string::npos);
    }
    fs::create_directories(tmp.path / "forms");
    CHECK_THROWS_AS((void)load_forms(tmp.path.string()), InputError);  // no form in it
    std::ofstream(tmp.path / "forms" / "broken.yaml") << "id: [unclosed\n";
    try {
      (void)load_forms(tmp.path.string());
      FAIL("no exception");
    } catch (const InputError& e) {
      CHECK(e.where().file.find("broken.yaml") != std::string::npos);
    }
  }

  TEST_CASE("findings_text and findings_json") {
    Diagnostics found;
    Diagnostic d;
    d.severity = Severity::warning;
    d.rule = "example";
    d.message = {"示例", "an example"};
    d.where.file = "r.yaml";
    d.where.line = 3;
    found.add(d);
    CHECK(finding_text(found.items().front(), Lang::en).find("r.yaml:3") != std::string::npos);
    CHECK(findings_text(found, Lang::en).find("warning[example]") != std::string::npos);
    CHECK(findings_text(found, Lang::zh).find("示例") != std::string::npos);
    const std::string json = findings_json(found, Lang::en);
    CHECK(json.find("\"rule\": \"example\"") != std::string::npos);
    CHECK(json.find("an example") != std::string::npos);
  }

  TEST_CASE("merge_units: the sample county consolidated, as gongkai merge") {
    const FormSet forms = load_forms(kTemplates);
    MergeRequest req;
    req.roster = kSource + "/sample-data/county-2023/roster.yaml";
    req.jobs = 2;
    req.template_dir = kTemplates;
    const MergeResult m = merge_units(req, forms);
    CHECK(m.exit_code == 0);
    REQUIRE(m.consolidated.has_value());
    CHECK(m.consolidated->year == 2023);
    CHECK(m.consolidated->level == Level::government);
    CHECK(m.units.size() == 8);
    for (const auto& u : m.units) CHECK(u.summed);
    const std::string yaml = report_yaml(*m.consolidated);
    CHECK(yaml.find("year: 2023") != std::string::npos);
    CHECK(yaml.find("level: government") != std::string::npos);
  }

  TEST_CASE("merge_units: a missing roster is a finding and exit code 2, never an exception") {
    const FormSet forms = load_forms(kTemplates);
    MergeRequest req;
    req.roster = kSource + "/sample-data/no-such-roster.yaml";
    req.template_dir = kTemplates;
    const MergeResult m = merge_units(req, forms);
    CHECK(m.exit_code == 2);
    CHECK_FALSE(m.consolidated.has_value());
    CHECK(m.findings.has_errors());
  }
}
