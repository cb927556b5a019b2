#include <gongkai/render/diagnostics_json.hpp>

#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/render/overview.hpp>

#include <nlohmann/json.hpp>

#include <charconv>

namespace gongkai {

nlohmann::ordered_json figure_json(const std::string& text) {
  const char* b = text.data();
  const char* e = b + text.size();
  std::int64_t whole = 0;
  auto [end, ec] = std::from_chars(b, e, whole);
  if (ec == std::errc() && end == e && !text.empty()) return whole;
  // A decimal (money, 万元): digits, one point, digits. Its JSON number is the same text.
  std::size_t i = text.starts_with('-') ? 1 : 0, digits = 0, points = 0;
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9')
      ++digits;
    else if (text[i] == '.' && points == 0 && digits > 0)
      ++points;
    else
      return text;
  }
  if (digits == 0 || points == 0 || text.back() == '.') return text;
  auto parsed = nlohmann::ordered_json::parse(text, nullptr, false);
  return parsed.is_number() ? parsed : nlohmann::ordered_json(text);
}

nlohmann::ordered_json diagnostic_json(const Diagnostic& d, Lang lang) {
  nlohmann::ordered_json j;
  j["severity"] = std::string(to_string(d.severity));
  j["rule"] = d.rule;
  j["message"] = d.message.in(lang);
  auto cells = nlohmann::ordered_json::array();
  for (const auto& c : d.cells) cells.push_back({{"id", c.id}, {"label", c.label}});
  j["cells"] = std::move(cells);
  j["expected"] = d.expected ? figure_json(*d.expected) : nlohmann::ordered_json(nullptr);
  j["actual"] = d.actual ? figure_json(*d.actual) : nlohmann::ordered_json(nullptr);
  j["file"] = d.where.file;
  j["line"] = d.where.line > 0 ? nlohmann::ordered_json(d.where.line) : nlohmann::ordered_json(nullptr);
  j["column"] = d.where.column > 0 ? nlohmann::ordered_json(d.where.column) : nlohmann::ordered_json(nullptr);
  j["cell"] = d.where.cell_ref.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(d.where.cell_ref);
  if (d.place_count() > 1) {
    // A grouped finding: every further place, and how many places in all.
    j["count"] = d.place_count();
    auto also = nlohmann::ordered_json::array();
    for (const auto& at : d.also) {
      nlohmann::ordered_json a;
      a["file"] = at.file.empty() ? d.where.file : at.file;
      a["line"] = at.line > 0 ? nlohmann::ordered_json(at.line) : nlohmann::ordered_json(nullptr);
      a["column"] = at.column > 0 ? nlohmann::ordered_json(at.column) : nlohmann::ordered_json(nullptr);
      a["cell"] = at.cell_ref.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(at.cell_ref);
      also.push_back(std::move(a));
    }
    for (const auto& [line, column] : d.also_lines)
      also.push_back({{"file", d.where.file}, {"line", line}, {"column", column}, {"cell", nullptr}});
    j["also"] = std::move(also);
  }
  if (d.explanation) {
    // An office's explanation (check/explanations.hpp): the reason, and where it is written.
    nlohmann::ordered_json where;
    where["file"] = d.explained_at.file;
    where["line"] =
        d.explained_at.line > 0 ? nlohmann::ordered_json(d.explained_at.line) : nlohmann::ordered_json(nullptr);
    where["column"] =
        d.explained_at.column > 0 ? nlohmann::ordered_json(d.explained_at.column) : nlohmann::ordered_json(nullptr);
    j["explained"] = {{"reason", d.explanation->in(lang)}, {"where", std::move(where)}};
  }
  return j;
}

nlohmann::ordered_json diagnostics_json(const Diagnostics& ds, Lang lang) {
  auto arr = nlohmann::ordered_json::array();
  for (const auto& d : ds.items()) arr.push_back(diagnostic_json(d, lang));
  if (ds.dropped() > 0) arr.push_back(diagnostic_json(finding_limit_note(ds), lang));
  return arr;
}

nlohmann::ordered_json finding_unit_json(const UnitSummary& unit) {
  nlohmann::ordered_json j;
  j["agency"] = unit.unit;
  j["year"] = unit.year == 0 ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(unit.year);
  j["file"] = unit.path;
  return j;
}

void FindingTotals::add(const Diagnostics& findings) {
  errors += findings.count(Severity::error);
  warnings += findings.count(Severity::warning);
  for (const auto& d : findings.items())
    if (d.explanation) {
      ++explained;
      if (d.severity == Severity::warning) --warnings;
    }
}

nlohmann::ordered_json findings_summary_json(const BatchCounts& units, const FindingTotals& totals) {
  nlohmann::ordered_json summary = {{"units", units.units},
                                    {"ok", units.ok},
                                    {"with_warnings", units.with_warnings},
                                    {"with_errors", units.with_errors},
                                    {"unreadable", units.unreadable},
                                    {"errors", totals.errors},
                                    {"warnings", totals.warnings}};
  if (totals.explained > 0) summary["explained"] = totals.explained;
  return summary;
}

nlohmann::ordered_json findings_document(const Diagnostics& general, const std::vector<UnitFindings>& units,
                                         Lang lang) {
  auto findings = nlohmann::ordered_json::array();
  for (const auto& d : general.items()) {
    auto j = diagnostic_json(d, lang);
    j["unit"] = nullptr;
    findings.push_back(std::move(j));
  }
  std::vector<UnitSummary> summaries;
  BatchCounts counts;
  FindingTotals totals;
  totals.add(general);
  for (const auto& u : units) {
    const nlohmann::ordered_json unit = finding_unit_json(*u.summary);
    for (const auto& d : u.findings->items()) {
      auto j = diagnostic_json(d, lang);
      j["unit"] = unit;
      findings.push_back(std::move(j));
    }
    totals.add(*u.findings);
    counts.add(*u.summary);
    summaries.push_back(*u.summary);
  }
  nlohmann::ordered_json doc;
  doc["findings"] = std::move(findings);
  doc["units"] = overview_json(summaries);
  doc["summary"] = findings_summary_json(counts, totals);
  return doc;
}

}  // namespace gongkai
