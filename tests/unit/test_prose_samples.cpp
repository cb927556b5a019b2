// The sample prose of sample-data/ expanded as `gongkai build` expands it: the department's
// Markdown files against the figures of its report.yaml (no finding: every figure is a
// placeholder and the work plan reads), and the broken narrative-figure sample giving exactly
// the warning its .expected file prints.
#include "prose_fixture.hpp"

#include <gongkai/io/files.hpp>
#include <gongkai/prose/expand.hpp>
#include <gongkai/prose/prose_extras.hpp>
#include <gongkai/readers/yaml_tally.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <doctest/doctest.h>

#include <filesystem>

using namespace gongkai;
using namespace gongkai::test;

namespace {

std::string source(const std::string& relative) {
  return read_file((std::filesystem::path(GONGKAI_SOURCE_DIR) / relative).string());
}

std::optional<Report> read_checked(const std::string& relative, Diagnostics& out) {
  YamlTally tally = read_yaml_tally(relative, source(relative), forms(), {}, out);
  if (tally.report) check_report(*tally.report, CheckOptions{&forms()}, out);
  return std::move(tally.report);
}

}  // namespace

TEST_SUITE("prose_samples") {
  TEST_CASE("the department's prose files expand against its figures without a finding") {
    const std::string dir = "sample-data/department-2023/";
    Diagnostics out;
    std::optional<Report> r = read_checked(dir + "report.yaml", out);
    REQUIRE(r.has_value());
    REQUIRE(render_diagnostics_text(out, Lang::en) == "");
    for (const char* section : {"overview", "problems", "other_matters"})
      set_prose(*r, section, source(dir + section + ".md"), dir + section + ".md");
    ProseInputs in{&*r, nullptr, &prose_rules(),
                   read_work_plan(dir + "workplan.yaml", source(dir + "workplan.yaml"), out),
                   FeeStatement{true, 0, {}, {}, FeeUnit::yuan}};
    auto prose = expand_prose(in, out);
    CHECK(render_diagnostics_text(out, Lang::en) == "");
    const std::string& overview = prose.at("overview");
    CHECK(overview.find("{{") == std::string::npos);
    CHECK(overview.find("全年制发行政规范性文件4件，废止2件，截至年底现行有效27件") != std::string::npos);
    CHECK(overview.find("全年行政事业性收费金额为36.8245万元") != std::string::npos);
    CHECK(overview.find("全年新收政府信息公开申请121件，其中自然人提出96件、法人或其他组织提出25件；上年结转7件。") !=
          std::string::npos);
    CHECK(overview.find("本年度办结122件，其中予以公开52件、部分公开12件，公开率为52.5%；结转下年度继续办理6件。") !=
          std::string::npos);
    const std::string& other = prose.at("other_matters");
    CHECK(other.find("### （三）收取信息处理费情况\n\n本年度未收取信息处理费。\n") != std::string::npos);
    CHECK(
        other.find(
            "### "
            "（四）落实上级年度政务公开工作要点情况\n\n对照《云溪市2023年政务公开工作要点》，本机关共承担工作任务6项，"
            "已完成3项，推进中2项，未完成1项。\n") != std::string::npos);
  }

  TEST_CASE("the broken narrative-figure sample gives its one warning and nothing else") {
    const std::string base = "sample-data/broken/narrative-figure";
    Diagnostics out;
    std::optional<Report> r = read_checked(base + ".yaml", out);
    REQUIRE(r.has_value());
    const ProseExtras extras = read_prose_extras(base + ".yaml", source(base + ".yaml"), out);
    auto prose = expand_prose({&*r, nullptr, &prose_rules(), extras.work_plan, extras.fees}, out);
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].rule == "narrative-figure");
    CHECK(render_diagnostics_text(out, Lang::en) == source(base + ".expected"));
    CHECK(prose.at("overview").find("全年新收政府信息公开申请24件，办结23件") != std::string::npos);
  }
}
