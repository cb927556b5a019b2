#include <gongkai/render/diff_json.hpp>

#include <gongkai/render/diagnostics_json.hpp>

#include <nlohmann/json.hpp>

namespace gongkai {
namespace {

using Json = nlohmann::ordered_json;

Json side_json(const DiffSide& s) {
  return Json{{"agency", s.agency}, {"year", s.year}, {"form", s.form_id}, {"file", s.file}};
}

Json value_json(const CellDef& c, const Side& s) {
  Json j;
  if (!s.in_form) {
    j["state"] = "not-in-form";
    j["value"] = nullptr;
    return j;
  }
  j["state"] = s.state == CellState::value ? "value" : (s.state == CellState::blank ? "blank" : "absent");
  j["value"] = s.state == CellState::value ? figure_json(format_value(*c.column, s.raw)) : Json(nullptr);
  j["computed"] = s.computed;
  return j;
}

Json flags_json(const std::vector<std::string>& flags) {
  Json a = Json::array();
  for (const auto& f : flags) a.push_back(f);
  return a;
}

Json cell_json(const ReportDiff& d, const CellDiff& c, Lang lang) {
  const Form& form = c.new_id.empty() ? *d.old_form : *d.new_form;
  Json j;
  j["id"] = c.id;
  j["old_id"] = c.old_id.empty() ? Json(nullptr) : Json(c.old_id);
  j["new_id"] = c.new_id.empty() ? Json(nullptr) : Json(c.new_id);
  j["label"] = form.cell_label(*c.def);
  j["derived"] = c.derived;
  j["kind"] = std::string(to_string(c.kind));
  j["old"] = value_json(*c.def, c.before);
  j["new"] = value_json(*c.def, c.after);
  j["change"] = c.change ? figure_json(format_value(*c.def->column, *c.change)) : Json(nullptr);
  j["percent_tenths"] = c.percent_tenths ? Json(*c.percent_tenths) : Json(nullptr);
  j["percent"] = c.percent_tenths ? Json(format_percent_tenths(*c.percent_tenths)) : Json(nullptr);
  j["flags"] = flags_json(c.flags);
  if (!c.explained.empty()) j["explained"] = flags_json(c.explained);  // rules the newer report explains
  if (c.kind == ChangeKind::not_comparable)
    j["not_comparable_reason"] = c.why_not_comparable ? Json(c.why_not_comparable->in(lang)) : Json(nullptr);
  return j;
}

Json diff_document(const ReportDiff& d, Lang lang) {
  Json j;
  j["mode"] = std::string(to_string(d.mode));
  j["before"] = side_json(d.before);
  j["after"] = side_json(d.after);
  Json cells = Json::array();
  for (const auto& c : d.cells) cells.push_back(cell_json(d, c, lang));
  j["cells"] = std::move(cells);
  Json prose = Json::array();
  for (const auto& p : d.prose) {
    Json lines = Json::array();
    for (const auto& l : p.lines) lines.push_back(Json{{"op", std::string(1, l.op)}, {"text", l.text}});
    prose.push_back(Json{{"section", p.id}, {"heading", p.heading}, {"lines", std::move(lines)}});
  }
  j["prose"] = std::move(prose);
  j["findings"] = diagnostics_json(d.findings, lang);
  j["summary"] = Json{{"cells", d.cells.size()},
                      {"changed", d.count(ChangeKind::changed)},
                      {"newly_reported", d.count(ChangeKind::newly_reported)},
                      {"no_longer_reported", d.count(ChangeKind::no_longer_reported)},
                      {"not_comparable", d.count(ChangeKind::not_comparable)},
                      {"same", d.count(ChangeKind::same)},
                      {"cross_year_failed", d.cross_year_failed()}};
  return j;
}

}  // namespace

std::string render_diff_json(const ReportDiff& diff, Lang lang) { return diff_document(diff, lang).dump(2) + "\n"; }

std::string render_series_json(const SeriesDiff& s, Lang lang) {
  Json j;
  Json reports = Json::array();
  for (const auto& r : s.reports) reports.push_back(side_json(r));
  j["reports"] = std::move(reports);
  j["form"] = s.form->id;
  Json rows = Json::array();
  for (const auto& row : s.rows) {
    Json values = Json::array();
    for (const auto& v : row.values) values.push_back(value_json(*row.def, v));
    rows.push_back(Json{{"id", row.id},
                        {"label", s.form->cell_label(*row.def)},
                        {"derived", row.derived},
                        {"values", std::move(values)},
                        {"trend", row.trend},
                        {"flags", flags_json(row.flags)}});
    if (!row.explained.empty()) rows.back()["explained"] = flags_json(row.explained);
  }
  j["rows"] = std::move(rows);
  Json keys = Json::array();
  for (const auto& k : s.key_figures) keys.push_back(k);
  j["key_figures"] = std::move(keys);
  Json steps = Json::array();
  for (const auto& d : s.steps) steps.push_back(diff_document(d, lang));
  j["steps"] = std::move(steps);
  j["findings"] = diagnostics_json(s.findings, lang);
  j["summary"] = Json{{"reports", s.reports.size()}, {"cross_year_failed", s.cross_year_failed()}};
  return j.dump(2) + "\n";
}

}  // namespace gongkai
