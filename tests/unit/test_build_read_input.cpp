#include "test_support.hpp"

#include <gongkai/read.hpp>

#include <doctest/doctest.h>

#include <string>

namespace gongkai {

TEST_SUITE("build/read_input") {
  TEST_CASE("the sample department reads, with its work plan named and its files listed") {
    ReadRequest req;
    req.path = std::string(GONGKAI_SOURCE_DIR) + "/sample-data/department-2023/report.yaml";
    const ReadOutcome r = read_input(req, test::forms());
    CHECK(r.readable);
    REQUIRE(r.report.has_value());
    CHECK(r.report->agency == "云溪市市场监督管理局");
    CHECK(r.report->year == 2023);
    REQUIRE_FALSE(r.files.empty());
    CHECK(r.files.front() == req.path);
  }

  TEST_CASE("a missing file is a finding, not an exception") {
    ReadRequest req;
    req.path = std::string(GONGKAI_SOURCE_DIR) + "/sample-data/none.yaml";
    const ReadOutcome r = read_input(req, test::forms());
    CHECK_FALSE(r.readable);
    CHECK_FALSE(r.report.has_value());
    CHECK(r.findings.has_errors());
  }

  TEST_CASE("an unknown extension is a finding that lists the readers' extensions") {
    ReadRequest req;
    req.path = std::string(GONGKAI_SOURCE_DIR) + "/ARCHITECTURE.md";  // read first: it exists
    const ReadOutcome r = read_input(req, test::forms());
    CHECK_FALSE(r.readable);
    REQUIRE(r.findings.items().size() == 1);
    CHECK(r.findings.items().front().message.en ==
          "unsupported file type '.md' (supported: .csv, .yaml, .yml, .xlsx, .xlsm, .json, .html, .htm, .pdf)");
  }

  TEST_CASE("the kinds of input come from the reader table, standard input's first") {
    const auto kinds = input_kinds();
    REQUIRE(kinds.size() == 6);
    CHECK(kinds[0].name == "csv");
    CHECK(kinds[1].name == "yaml");
    CHECK(kinds[1].extensions == std::vector<std::string>{".yaml", ".yml"});
    CHECK(kinds[2].name == "xlsx");
    CHECK(kinds[3].name == "json");  // gongkai's own report JSON
    CHECK(kinds[4].name == "html");
    CHECK(kinds[4].extensions == std::vector<std::string>{".html", ".htm"});
    CHECK(kinds[5].name == "pdf");
  }
}

}  // namespace gongkai
