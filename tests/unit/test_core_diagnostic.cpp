#include <gongkai/core/diagnostic.hpp>
#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <string>

using namespace gongkai;

namespace {

Diagnostic row_error(int line, std::string word = "部分予以公开") {
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "label";
  d.message = {"办理结果「" + word + "」对应不到", "outcome '" + word + "' is not an outcome"};
  d.where = SourceLoc{"r.csv", line, 3, {}};
  return d;
}

}  // namespace

TEST_SUITE("core.diagnostic") {
  TEST_CASE("the very same finding again is not another place, packed places too") {
    Diagnostics ds;
    ds.add(row_error(2));
    ds.add(row_error(2));  // a file read twice in one run
    CHECK(ds.items()[0].place_count() == 1);
    for (int line = 3; line <= 2'000; ++line) ds.add(row_error(line));
    REQUIRE_FALSE(ds.items()[0].also_lines.empty());  // past kPlacesKeptInFull: packed
    ds.add(row_error(2'000));
    CHECK(ds.items()[0].place_count() == 1'999);
    CHECK(ds.items()[0].last_place_is(SourceLoc{"", 2'000, 3, {}}));
    CHECK_FALSE(ds.items()[0].last_place_is(SourceLoc{"", 1'999, 3, {}}));
    ds.add(row_error(1'999));  // not the last place: another place
    CHECK(ds.items()[0].place_count() == 2'000);
  }

  TEST_CASE("the same problem on many rows is one finding with every place") {
    Diagnostics ds;
    for (int line = 2; line <= 24'001; ++line) ds.add(row_error(line));
    ds.add(row_error(30'000, "其他"));
    REQUIRE(ds.items().size() == 2);
    CHECK(ds.items()[0].also.size() == kPlacesKeptInFull);  // the rest packed, line and column
    CHECK(ds.items()[0].also_lines.size() == 23'999 - kPlacesKeptInFull);
    CHECK(ds.items()[0].also_lines.back() == std::pair<std::uint32_t, std::uint32_t>{24'001, 3});
    CHECK(ds.items()[0].place_count() == 24'000);
    CHECK(ds.items()[0].also[0].line == 3);
    CHECK(ds.items()[0].also[0].file.empty());
    CHECK(ds.count(Severity::error) == 2);

    const std::string text = render_diagnostics_text(ds, Lang::en);
    CHECK(text ==
          "r.csv:2:3: error[label]: outcome '部分予以公开' is not an outcome (also at 23999 more places: 3:3, 4:3, "
          "5:3, 6:3, 7:3, …)\n"
          "r.csv:30000:3: error[label]: outcome '其他' is not an outcome\n");
    const std::string zh = render_diagnostics_text(ds, Lang::zh);
    CHECK(zh.find("（另有 23999 处相同：3:3、4:3、5:3、6:3、7:3 等）") != std::string::npos);

    const auto j = diagnostics_json(ds, Lang::en);
    CHECK(j[0]["count"] == 24'000);
    CHECK(j[0]["also"].size() == 23'999);  // every place, the packed ones too
    CHECK(j[0]["also"][23'998]["line"] == 24'001);
    CHECK(j[0]["also"][23'998]["file"] == "r.csv");
    CHECK(j[0]["also"][23'998]["column"] == 3);
    CHECK(j[0]["also"][0]["file"] == "r.csv");
    CHECK_FALSE(j[1].contains("also"));
  }

  TEST_CASE("messages are made one line and values cut to an excerpt") {
    Diagnostics ds;
    Diagnostic d = row_error(2, "a\nb");
    d.actual = std::string(200, 'x');
    ds.add(d);
    CHECK(ds.items()[0].message.en == "outcome 'a\\nb' is not an outcome");
    CHECK(*ds.items()[0].actual == std::string(80, 'x') + "…");
  }

  TEST_CASE("beyond the finding limit findings are counted, and the output says so") {
    set_finding_limit(3);
    Diagnostics ds;
    for (int i = 0; i < 10; ++i) ds.add(row_error(i + 2, std::to_string(i)));
    ds.add(row_error(40, "0"));  // groups with a kept finding: not dropped
    CHECK(ds.items().size() == 3);
    CHECK(ds.dropped() == 7);
    CHECK(ds.count(Severity::error) == 10);
    CHECK(ds.items()[0].also.size() == 1);
    const std::string text = render_diagnostics_text(ds, Lang::en);
    CHECK(
        text.ends_with("info[finding-limit]: 7 more findings not listed: at most 3 distinct findings are listed "
                       "(raise with --max-findings, 0 for no limit)\n"));
    const auto j = diagnostics_json(ds, Lang::en);
    CHECK(j.size() == 4);
    CHECK(j[3]["rule"] == "finding-limit");
    set_finding_limit(kDefaultFindingLimit);
  }
}

TEST_SUITE("core.error") {
  TEST_CASE("factories fill severity, rule, place and message") {
    const SourceLoc at{"a.yaml", 3, 5, {}};
    const Diagnostic e = Diagnostic::error("yaml", at, {"错", "wrong"});
    CHECK(e.severity == Severity::error);
    CHECK(e.rule == "yaml");
    CHECK(e.where.to_string() == "a.yaml:3:5");
    CHECK(e.message.en == "wrong");
    CHECK(Diagnostic::warning("label", at, {"", ""}).severity == Severity::warning);
    CHECK(Diagnostic::info("deadline", at, {"", ""}).severity == Severity::info);
  }

  TEST_CASE("an input and an output failure are told apart, and become the finding that stands for them") {
    try {
      throw InputError(SourceLoc{"in.csv", 0, 0, {}}, {"无法读取", "cannot read"});
    } catch (const Error& e) {
      const Diagnostic d = to_diagnostic(e);
      CHECK(d.rule == "input");
      CHECK(d.severity == Severity::error);
      CHECK(d.where.file == "in.csv");
      CHECK(d.message.en == "cannot read");
    }
    bool output = false;
    try {
      throw OutputError(SourceLoc{"out.md", 0, 0, {}}, {"无法写入", "cannot write"});
    } catch (const OutputError& e) {
      output = true;
      CHECK(to_diagnostic(e).rule == "output");
      CHECK(e.rule() == "output");
    } catch (const Error&) {
    }
    CHECK(output);
  }
}
