#include "test_support.hpp"

#include <gongkai/build.hpp>

#include <doctest/doctest.h>

#include <string>

namespace gongkai {

TEST_SUITE("build/build_units") {
  TEST_CASE("in memory: every report format of the sample department, in table order") {
    BuildRequest req;
    req.inputs = {std::string(GONGKAI_SOURCE_DIR) + "/sample-data/department-2023/report.yaml"};
    req.template_dir = std::string(GONGKAI_SOURCE_DIR) + "/report-templates";
    req.jobs = 1;
    req.source_date_epoch = 0;
    const BuildResult r = build_units(req, test::forms());
    CHECK_FALSE(r.stopped.has_value());
    CHECK(r.exit_code == 0);
    REQUIRE(r.units.size() == 1);
    const BuiltUnit& u = r.units.front();
    CHECK(u.written.empty());  // nothing on disk
    REQUIRE(u.outputs.size() == 4);
    CHECK(u.outputs[0].name == "云溪市市场监督管理局/report.md");
    CHECK(u.outputs[1].name == "云溪市市场监督管理局/report.html");
    CHECK(u.outputs[2].name == "云溪市市场监督管理局/report.xlsx");
    CHECK(u.outputs[3].name == "云溪市市场监督管理局/report.json");
    CHECK(u.outputs[0].bytes.starts_with("# 云溪市市场监督管理局2023年政府信息公开工作年度报告\n"));
    CHECK(u.outputs[2].bytes.starts_with("PK"));
  }

  TEST_CASE("formats asked for come in table order, once each") {
    BuildRequest req;
    req.inputs = {std::string(GONGKAI_SOURCE_DIR) + "/sample-data/department-2023/report.yaml"};
    req.template_dir = std::string(GONGKAI_SOURCE_DIR) + "/report-templates";
    req.formats = {"json", "md", "json"};
    req.jobs = 1;
    const BuildResult r = build_units(req, test::forms());
    REQUIRE(r.units.size() == 1);
    REQUIRE(r.units.front().outputs.size() == 2);
    CHECK(r.units.front().outputs[0].name.ends_with("report.md"));
    CHECK(r.units.front().outputs[1].name.ends_with("report.json"));
  }

  TEST_CASE("an unknown format stops the build with a usage finding and a suggestion") {
    BuildRequest req;
    req.inputs = {std::string(GONGKAI_SOURCE_DIR) + "/sample-data/department-2023/report.yaml"};
    req.formats = {"htm"};
    const BuildResult r = build_units(req, test::forms());
    REQUIRE(r.stopped.has_value());
    CHECK(r.stopped->rule == "usage");
    CHECK(r.stopped->message.en == "unknown format 'htm' (known: md, html, xlsx, json); did you mean 'html'?");
    CHECK(r.exit_code == 2);
    CHECK(r.units.empty());
  }

  TEST_CASE("an unreadable input: exit 2, no outputs") {
    BuildRequest req;
    req.inputs = {std::string(GONGKAI_SOURCE_DIR) + "/sample-data/no-such-folder/report.yaml"};
    req.template_dir = std::string(GONGKAI_SOURCE_DIR) + "/report-templates";
    req.jobs = 1;
    const BuildResult r = build_units(req, test::forms());
    CHECK(r.exit_code == 2);
    REQUIRE(r.units.size() == 1);
    CHECK(r.units.front().summary.unreadable);
    CHECK(r.units.front().outputs.empty());
    CHECK(r.units.front().written.empty());
    CHECK(r.units.front().findings.has_errors());
  }
}

}  // namespace gongkai
