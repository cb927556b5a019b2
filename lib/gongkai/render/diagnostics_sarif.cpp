#include <gongkai/render/diagnostics_sarif.hpp>

#include <gongkai/check.hpp>
#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

#ifndef GONGKAI_VERSION
#define GONGKAI_VERSION "unknown"
#endif
#ifndef GONGKAI_HOMEPAGE_URL
#define GONGKAI_HOMEPAGE_URL ""
#endif

namespace gongkai {

namespace {

using json = nlohmann::ordered_json;

constexpr std::string_view kSchema =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/cs01/schemas/sarif-schema-2.1.0.json";
constexpr std::string_view kSrcRoot = "%SRCROOT%";

std::string level_of(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "note";
  }
  return "warning";
}

json message(std::string text) { return json{{"text", std::move(text)}}; }

// Where a rule is defined, in words.
std::string help_text(const RuleInfo& rule, Lang lang) {
  return lang == Lang::zh ? fmt::format("定义见：{}", rule.spec) : fmt::format("Defined in: {}", rule.spec);
}

json rule_descriptor(const RuleInfo& rule, Lang lang) {
  json r;
  r["id"] = std::string(rule.id);
  r["shortDescription"] = message(std::string(rule.summary(lang)));
  r["fullDescription"] = message(fmt::format("{} ({})", rule.summary(lang), rule.spec));
  r["defaultConfiguration"] = {{"level", level_of(rule.severity)}};
  r["help"] = message(help_text(rule, lang));
  r["properties"] = {{"scope", std::string(to_string(rule.scope))}, {"spec", std::string(rule.spec)}};
  return r;
}

// A place as a SARIF location; null when it names no file.
json location_of(const SourceLoc& at) {
  if (at.file.empty()) return nullptr;
  json loc;
  if (at.file == "-") {
    // Standard input has no URI: named as a logical place only.
    loc["logicalLocations"] = json::array({{{"name", "-"}, {"fullyQualifiedName", "-"}, {"kind", "stdin"}}});
  } else {
    json artifact;
    artifact["uri"] = sarif_uri(at.file);
    if (!at.file.starts_with('/')) artifact["uriBaseId"] = std::string(kSrcRoot);
    json physical;
    physical["artifactLocation"] = std::move(artifact);
    if (at.line > 0) {
      json region;
      region["startLine"] = at.line;
      if (at.column > 0) region["startColumn"] = at.column;
      physical["region"] = std::move(region);
    }
    loc["physicalLocation"] = std::move(physical);
  }
  if (!at.cell_ref.empty()) {
    // A workbook cell: SARIF regions are lines and columns of text, so the cell is a logical
    // place (Sheet!C7) and a property.
    const auto bang = at.cell_ref.rfind('!');
    const std::string name = bang == std::string::npos ? at.cell_ref : at.cell_ref.substr(bang + 1);
    loc["logicalLocations"] = json::array({{{"name", name}, {"fullyQualifiedName", at.cell_ref}, {"kind", "cell"}}});
    loc["properties"] = {{"cell", at.cell_ref}};
  }
  return loc;
}

json result_of(const Diagnostic& d, std::size_t rule_index, Lang lang) {
  json r;
  r["ruleId"] = d.rule;
  r["ruleIndex"] = rule_index;
  r["level"] = level_of(d.severity);
  r["message"] = message(d.message.in(lang));
  auto locations = json::array();
  if (json loc = location_of(d.where); !loc.is_null()) locations.push_back(std::move(loc));
  r["locations"] = std::move(locations);
  if (!d.also.empty()) {
    // The further places of a grouped finding; ids keep equal places apart (the array's items
    // are unique).
    auto related = json::array();
    int id = 1;
    for (SourceLoc at : d.also) {
      if (at.file.empty()) at.file = d.where.file;
      json loc = location_of(at);
      if (loc.is_null()) continue;
      json item{{"id", id++}};
      for (auto& [k, v] : loc.items()) item[k] = v;
      related.push_back(std::move(item));
    }
    for (const auto& [line, column] : d.also_lines) {
      json loc = location_of(SourceLoc{d.where.file, static_cast<int>(line), static_cast<int>(column), {}});
      if (loc.is_null()) continue;
      json item{{"id", id++}};
      for (auto& [k, v] : loc.items()) item[k] = v;
      related.push_back(std::move(item));
    }
    r["relatedLocations"] = std::move(related);
  }
  if (d.explanation) {
    json s;
    s["kind"] = "external";
    s["justification"] = d.explanation->in(lang);
    if (json loc = location_of(d.explained_at); !loc.is_null()) s["location"] = std::move(loc);
    r["suppressions"] = json::array({std::move(s)});
  }
  json props;
  auto cells = json::array();
  for (const auto& c : d.cells) cells.push_back({{"id", c.id}, {"label", c.label}});
  props["cells"] = std::move(cells);
  if (d.expected) props["expected"] = figure_json(*d.expected);
  if (d.actual) props["actual"] = figure_json(*d.actual);
  if (d.place_count() > 1) props["count"] = d.place_count();
  r["properties"] = std::move(props);
  return r;
}

}  // namespace

std::string sarif_uri(const std::string& path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = path.starts_with('/') ? "file://" : "";
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                            c == '.' || c == '_' || c == '~' || c == '/';
    if (unreserved) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
    }
  }
  return out;
}

nlohmann::ordered_json diagnostics_sarif(const Diagnostics& findings, Lang lang) {
  auto rules = json::array();
  std::map<std::string, std::size_t, std::less<>> index;
  for (const RuleInfo& rule : rule_list()) {
    index.emplace(std::string(rule.id), rules.size());
    rules.push_back(rule_descriptor(rule, lang));
  }
  std::vector<const Diagnostic*> all;
  for (const auto& d : findings.items()) all.push_back(&d);
  const Diagnostic note = finding_limit_note(findings);
  if (findings.dropped() > 0) all.push_back(&note);
  auto results = json::array();
  for (const Diagnostic* d : all) {
    auto it = index.find(d->rule);
    if (it == index.end()) {
      // A rule the table does not hold (the finding-limit note): described here, once.
      it = index.emplace(d->rule, rules.size()).first;
      json r;
      r["id"] = d->rule;
      r["shortDescription"] = message(d->rule);
      r["defaultConfiguration"] = {{"level", level_of(d->severity)}};
      rules.push_back(std::move(r));
    }
    results.push_back(result_of(*d, it->second, lang));
  }

  json driver;
  driver["name"] = "gongkai";
  driver["version"] = GONGKAI_VERSION;
  driver["semanticVersion"] = GONGKAI_VERSION;
  if (std::string_view(GONGKAI_HOMEPAGE_URL).size() > 0) driver["informationUri"] = GONGKAI_HOMEPAGE_URL;
  driver["language"] = lang == Lang::zh ? "zh-CN" : "en-US";
  driver["rules"] = std::move(rules);

  json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["language"] = lang == Lang::zh ? "zh-CN" : "en-US";
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);

  json log;
  log["$schema"] = std::string(kSchema);
  log["version"] = "2.1.0";
  log["runs"] = json::array({std::move(run)});
  return log;
}

std::string render_diagnostics_sarif(const Diagnostics& findings, Lang lang) {
  return diagnostics_sarif(findings, lang).dump(2) + "\n";
}

}  // namespace gongkai
