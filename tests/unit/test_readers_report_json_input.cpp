#include "render_fixture.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/readers/input.hpp>
#include <gongkai/readers/report_json_input.hpp>
#include <gongkai/render/report_json.hpp>

#include <doctest/doctest.h>

#include <map>

using namespace gongkai;

namespace {

ReadResult read_text(const std::string& text, Diagnostics& out) {
  const FileLoader load = [&](const std::string&) { return text; };
  return read_report("report.json", test::forms(), ReadOptions{}, load, out);
}

bool has_rule(const Diagnostics& ds, const std::string& rule) {
  for (const auto& d : ds.items())
    if (d.rule == rule) return true;
  return false;
}

}  // namespace

TEST_SUITE("readers/report_json_input") {
  TEST_CASE("build's JSON read back: every cell's state and figure as built, prose kept, places as pointers") {
    test::Fixture f = test::sample_built();
    const std::string text = render_report_json(f.built, Lang::en);
    Diagnostics out;
    ReadResult r = read_text(text, out);
    REQUIRE(r.report.has_value());
    CHECK(r.readable);
    CHECK_FALSE(out.has_errors());
    Report& back = *r.report;
    CHECK(back.agency == "测试局");
    CHECK(back.year == 2023);
    CHECK(back.publication_date == std::optional<std::string>("2024-01-20"));
    Diagnostics ignored;
    check_report(back, CheckOptions{&test::forms()}, ignored);
    const Report& built = *f.report;
    for (const auto& c : built.form->cells()) {
      INFO(c.id);
      CHECK(static_cast<int>(back.at(c).state) == static_cast<int>(built.at(c).state));
      CHECK(back.at(c).raw == built.at(c).raw);
      CHECK(back.at(c).computed == built.at(c).computed);
    }
    const CellDef& blank = *built.form->cell("proactive.penalty.decisions");
    CHECK(back.at(blank).state == CellState::blank);
    const CellDef& given = *built.form->cell("applications.received.natural_person");
    CHECK(back.at(given).where.cell_ref == "/cells/applications.received.natural_person/value");
    CHECK(back.at(given).where.to_string() == "report.json:/cells/applications.received.natural_person/value");
    CHECK(back.prose.at("problems") == built.prose.at("problems"));
  }

  TEST_CASE("not JSON: an input error at its line and column; JSON but no report: said so") {
    Diagnostics out;
    ReadResult r = read_text("{\n  \"agency\": 1,,\n}", out);
    CHECK_FALSE(r.report.has_value());
    REQUIRE(out.items().size() == 1);
    CHECK(out.items()[0].rule == "input");
    CHECK(out.items()[0].where.line == 2);
    Diagnostics out2;
    CHECK_FALSE(read_text("[1, 2]", out2).report.has_value());
    REQUIRE(out2.items().size() == 1);
    CHECK(out2.items()[0].message.en.find("not a gongkai report JSON") != std::string::npos);
  }

  TEST_CASE("a cell the form does not have, a figure that is not one, nesting too deep") {
    const std::string head =
        R"({"agency": "测试局", "level": "department", "year": 2023, "form": {"id": "2021"}, "cells": )";
    Diagnostics out;
    ReadResult r = read_text(head + R"({"no.such.cell": {"state": "value", "value": 3}})" + "}", out);
    CHECK(has_rule(out, "unknown-key"));
    CHECK_FALSE(r.readable);
    Diagnostics out2;
    (void)read_text(head + R"({"applications.received.natural_person": {"state": "value", "value": 1.5}})" + "}", out2);
    CHECK(out2.has_errors());
    Diagnostics out3;
    CHECK_FALSE(read_text(std::string(200, '[') + std::string(200, ']'), out3).report.has_value());
    REQUIRE(out3.items().size() == 1);
    CHECK(out3.items()[0].message.en.find("nested deeper") != std::string::npos);
  }
}
