#include "test_support.hpp"

#include <gongkai/build.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

  TEST_CASE("on_unit: each unit handed over in input order, the same as kept, and none kept") {
    BuildRequest req;
    const std::string data = std::string(GONGKAI_SOURCE_DIR) + "/sample-data/";
    // Two of the same agency: the second is refused its folder, whichever finishes first.
    req.inputs = {data + "department-2023/report.yaml", data + "county-2023/report.yaml",
                  data + "no-such-folder/report.yaml", data + "department-2023/report.yaml",
                  data + "department-2022/report.yaml"};
    req.template_dir = std::string(GONGKAI_SOURCE_DIR) + "/report-templates";
    req.formats = {"md", "json"};
    req.jobs = 2;
    req.source_date_epoch = 0;
    const BuildResult kept = build_units(req, test::forms());
    REQUIRE(kept.units.size() == 5);
    CHECK(kept.unit_count == 5);

    std::vector<std::size_t> order;
    std::vector<BuiltUnit> handed;
    req.on_unit = [&](std::size_t index, BuiltUnit&& unit) {
      order.push_back(index);
      handed.push_back(std::move(unit));
    };
    const BuildResult streamed = build_units(req, test::forms());
    CHECK(streamed.units.empty());
    CHECK(streamed.unit_count == 5);
    CHECK(streamed.exit_code == kept.exit_code);
    CHECK(streamed.exit_code == 2);  // the missing input
    CHECK(order == std::vector<std::size_t>{0, 1, 2, 3, 4});
    REQUIRE(handed.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) {
      CAPTURE(i);
      CHECK(handed[i].summary.unit == kept.units[i].summary.unit);
      CHECK(handed[i].summary.errors == kept.units[i].summary.errors);
      CHECK(handed[i].findings.items().size() == kept.units[i].findings.items().size());
      REQUIRE(handed[i].outputs.size() == kept.units[i].outputs.size());
      for (std::size_t f = 0; f < handed[i].outputs.size(); ++f)
        CHECK(handed[i].outputs[f].bytes == kept.units[i].outputs[f].bytes);
    }
    CHECK(handed[0].outputs.size() == 2);
    CHECK(handed[2].summary.unreadable);
    CHECK(handed[3].outputs.empty());
    CHECK(handed[3].summary.by_rule.count("output") == 1);
    REQUIRE_FALSE(handed[3].findings.items().empty());
    CHECK(handed[3].findings.items().back().message.en.find("are the same agency and would write the same folder") !=
          std::string::npos);
  }
}

}  // namespace gongkai
