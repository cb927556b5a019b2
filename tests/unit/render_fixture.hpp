// A small built report for the renderer tests: form 2021, a few figures of each table, one
// blank cell, totals derived by check_report, prose for 一, 五 and 六.
#pragma once

#include "test_support.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/render/built_report.hpp>

#include <doctest/doctest.h>

#include <functional>
#include <memory>
#include <string>

namespace gongkai::test {

inline void set_cell(Report& r, const std::string& id, std::int64_t v, int line = 0) {
  const CellDef* c = r.form->cell(id);
  REQUIRE_MESSAGE(c != nullptr, id);
  r.at(*c) = CellValue{CellState::value, v, false, SourceLoc{"t.yaml", line, 5, {}}};
}

inline void blank_cell(Report& r, const std::string& id) {
  const CellDef* c = r.form->cell(id);
  REQUIRE_MESSAGE(c != nullptr, id);
  r.at(*c) = CellValue{CellState::blank, 0, false, SourceLoc{"t.yaml", 30, 5, {}}};
}

struct Fixture {
  std::unique_ptr<Report> report;
  BuiltReport built;
};

// REQUIRES: run inside a test case (uses REQUIRE). `tweak` changes the figures before the check.
inline Fixture sample_built(const std::function<void(Report&)>& tweak = {}) {
  Fixture f;
  f.report = std::make_unique<Report>(forms().by_id("2021"));
  Report& r = *f.report;
  r.agency = "测试局";
  r.year = 2023;
  r.publication_date = "2024-01-20";
  r.origin = SourceLoc{"t.yaml", 0, 0, {}};
  set_cell(r, "proactive.regulations.issued", 1, 3);
  set_cell(r, "proactive.regulations.repealed", 0, 4);
  set_cell(r, "proactive.regulations.in_force", 12, 5);
  set_cell(r, "proactive.licensing.decisions", 345, 6);
  blank_cell(r, "proactive.penalty.decisions");
  set_cell(r, "proactive.fees.amount", 12'500'000, 7);  // 12.5 万元
  set_cell(r, "applications.received.natural_person", 120, 10);
  set_cell(r, "applications.received.business", 4, 11);
  set_cell(r, "applications.carried_over.natural_person", 3, 12);
  set_cell(r, "applications.granted.natural_person", 60, 13);
  set_cell(r, "applications.granted.business", 2, 14);
  set_cell(r, "applications.partly_granted.natural_person", 10, 15);
  set_cell(r, "applications.refused.state_secret.natural_person", 1, 16);
  set_cell(r, "applications.refused.third_party.natural_person", 4, 17);
  set_cell(r, "applications.unavailable.not_held.natural_person", 30, 18);
  set_cell(r, "applications.unavailable.not_held.business", 2, 19);
  set_cell(r, "applications.not_handled.repeated.natural_person", 8, 20);
  set_cell(r, "applications.other.other.natural_person", 5, 21);
  set_cell(r, "applications.carried_forward.natural_person", 5, 22);
  set_cell(r, "review_litigation.review.upheld", 2, 25);
  set_cell(r, "review_litigation.review.corrected", 1, 26);
  r.prose["overview"] = "本机关认真贯彻《条例》。\n";
  r.prose["problems"] = "一是公开内容不够全面。\n";
  r.prose["other_matters"] = "本年度未收取信息处理费。\n\n| 任务 | 状态 |\n| --- | --- |\n| 公开预算 | 已完成 |\n";
  if (tweak) tweak(r);
  check_report(r, CheckOptions{&forms()}, f.built.findings);
  f.built.report = f.report.get();
  f.built.prose = r.prose;
  f.built.generated = "2024-01-20T00:00:00Z";
  return f;
}

}  // namespace gongkai::test
