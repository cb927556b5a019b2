// gongkai check FILE... [--roster R]: every rule of the form on each report, in parallel, and
// the cross-year rules between reports of one agency in consecutive years. All findings in
// input order, then a summary (and, for many units, the unit × rule matrix).
#include "context.hpp"
#include "overview_output.hpp"
#include "progress.hpp"
#include "registry_help.hpp"
#include "report_options.hpp"

#include <gongkai/batch/run_units.hpp>
#include <gongkai/build/explanations_input.hpp>
#include <gongkai/build/input_extras.hpp>
#include <gongkai/build/previous_reports.hpp>
#include <gongkai/build/unit_inputs.hpp>
#include <gongkai/check.hpp>
#include <gongkai/check/explanations.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/diagnostics_sarif.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/render/overview.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>

namespace gongkai::cli {

namespace {

struct CheckCmdOptions {
  std::vector<std::string> files;
  std::string roster;
  std::string format = "text";
  bool strict = false;
  std::string previous;
  std::string overview;
  std::string overview_encoding = "utf-8-bom";
  unsigned jobs = 0;
  ReportOptionValues report;
};

// Whether a checked unit can be a year of a cross-year pair: its reading found no error (a report
// whose cells could not all be read has no figures to compare). Check errors do not matter.
bool read_cleanly(const Diagnostics& found) {
  for (const auto& d : found.items())
    if (d.severity == Severity::error) {
      const RuleInfo* rule = find_rule(d.rule);
      if (rule == nullptr || rule->scope == RuleScope::reader) return false;
    }
  return true;
}

// Reports kept in memory from the checking pass for the cross-year pairs made afterwards (two
// years of one agency given together): the first kKeptReports units by input order, so a
// province of 100,000 units costs a few tens of MB, not gigabytes (docs/limits.md). A unit of a
// pair beyond them is read and checked again for the pair, in chunks of at most as many.
// GONGKAI_KEPT_REPORTS sets another number (the tests cross the bound with a few units).
std::size_t kept_reports_bound() {
  constexpr std::size_t kKeptReports = 1000;
  const char* env = std::getenv("GONGKAI_KEPT_REPORTS");
  if (env == nullptr || *env == '\0') return kKeptReports;
  char* end = nullptr;
  const unsigned long long n = std::strtoull(env, &end, 10);
  return end != nullptr && *end == '\0' && n > 0 ? static_cast<std::size_t>(n) : kKeptReports;
}

}  // namespace

void register_check(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<CheckCmdOptions>();
  auto* cmd = app.add_subcommand("check", "Check reports against every rule of their form");
  cmd->add_option("files", opts->files, input_files_help().en);
  cmd->add_option("--roster", opts->roster, "Check every unit of a roster (nested rosters followed)");
  cmd->add_option("--format", opts->format, "text, json or sarif (SARIF 2.1.0, for code-scanning tools)")
      ->check(CLI::IsMember({"text", "json", "sarif"}));
  cmd->add_flag("--strict", opts->strict, "Count warnings as errors");
  cmd->add_option("--previous", opts->previous,
                  "Last year's report of the same agency (or a roster of last year's reports), for the cross-year "
                  "rules; default: the report's own `previous:`");
  cmd->add_option("--overview", opts->overview, overview_help(true).en);
  add_overview_encoding_option(*cmd, opts->overview_encoding);
  cmd->add_option("-j,--jobs", opts->jobs, "Units checked in parallel (default: all cores)");
  add_report_options(*cmd, opts->report);
  cmd->callback([opts, &ctx] {
    const Lang lang = ctx.lang();
    Diagnostics all;
    std::vector<UnitInput> units = unit_inputs(opts->files, opts->roster, all);
    if (units.empty() && !all.has_errors()) throw CLI::RequiredError("files or --roster");
    const bool roster_failed = all.has_errors();

    BatchOptions batch;
    batch.jobs = opts->jobs;
    batch.read = make_read_options(opts->report);
    std::vector<std::string> paths;
    for (const UnitInput& u : units) paths.push_back(u.path);
    batch.read.register_headers = ctx.register_headers_for(paths, false);
    batch.forms = &ctx.forms();
    batch.load = [](const std::string& p) { return read_file(p); };
    batch.progress = make_progress_bar(ctx.quiet || units.size() < 2);
    // Last year's reports: --previous (one, or a roster: each unit takes its agency's), else
    // what a unit's YAML names (`previous:`).
    PreviousReports previous;
    bool previous_failed = false;
    if (!opts->previous.empty()) {
      std::vector<std::string> ignored;
      previous_failed = !previous.read(opts->previous, ctx.forms(), batch.read, ignored, all);
    }
    std::optional<ProseRules> rules;
    try {
      rules = load_prose_rules_from(ctx.template_dir);
    } catch (const Error& e) {
      all.add(to_diagnostic(e));
      previous_failed = true;
    }
    // Who and when each unit is, for pairing consecutive years afterwards.
    std::vector<std::pair<std::string, int>> identity(units.size());
    std::vector<char> had_previous(units.size(), 0);
    std::vector<char> checked(units.size(), 0);  // read and checked (the step ran)
    std::vector<char> clean(units.size(), 0);    // and read without a reader's error: can be paired
    // Units as they were read and checked, for the cross-year pairs made afterwards: the first
    // `bound` units are kept, so that an input is read and checked once unless it is a year of a
    // pair beyond them.
    const std::size_t bound = kept_reports_bound();
    std::vector<std::optional<Report>> kept(std::min(bound, units.size()));
    // Each unit's explanations of findings (explanations:), and which rules ran on it: a stale
    // explanation is known once the cross-year pairs below are made.
    std::vector<ExplanationSet> explanations(units.size());
    std::vector<ExplainScope> scopes(units.size());
    const bool single = units.size() == 1;
    const FileLoader load = [](const std::string& p) { return read_file(p); };
    batch.step_read = [&](std::size_t i, const UnitInput& unit, Report& report, const ReadResult& read_result,
                          Diagnostics& out) {
      identity[i] = {report.agency, report.year};
      checked[i] = 1;
      if (read_cleanly(out)) {
        clean[i] = 1;
        if (i < bound) kept[i] = report;
      }
      if (previous_failed) return;
      ReadOptions read = batch.read;
      read.meta.override_with(unit.meta);
      read.defaults.override_with(unit.defaults);
      // What the YAML holds besides its tables, from the text already read (read once).
      const InputExtras extras = read_input_extras(unit.path, read_result);
      const Report* last = previous.find(extras, report, single, ctx.forms(), read, out);
      if (last != nullptr) {
        had_previous[i] = 1;
        check_cross_year(report, *last, out);
      }
      // A report (an input with prose) is checked as build checks it: the prose rules too, so
      // that check says whether it can be published.
      if (!report.prose.empty()) {
        const ProseInputs in = prose_inputs(extras, report, last, rules ? &*rules : nullptr, load, out);
        check_publication_parts(in, expand_prose(in, out), out);
      }
      ExplanationSet set(
          input_explanations(unit.path, read_result.yaml_text, read_result.yaml_tree(), *report.form, load, out));
      set.apply(out, out);
      scopes[i] = ExplainScope{true, !report.prose.empty(), last != nullptr, false};
      explanations[i] = std::move(set);
    };
    std::vector<UnitResult> results = run_units(units, batch);
    // Findings about no one unit (the roster, last year's report, the prose rules) come first.
    const Diagnostics general = all;
    for (const auto& r : results) all.append(r.findings);
    std::vector<Diagnostics> per_unit(results.size());
    for (std::size_t i = 0; i < results.size(); ++i) per_unit[i] = results[i].findings;

    // Cross-year between consecutive years of one agency given together (when the unit had no
    // other last-year report).
    std::map<std::pair<std::string, int>, std::size_t> by_agency_year;
    for (std::size_t i = 0; i < results.size(); ++i)
      if (checked[i] != 0) by_agency_year[identity[i]] = i;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;  // (this year, the year before), in input order
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (checked[i] == 0 || had_previous[i] != 0) continue;
      auto before = by_agency_year.find({identity[i].first, identity[i].second - 1});
      if (identity[i].second == 0 || before == by_agency_year.end()) continue;
      if (clean[i] == 0 || clean[before->second] == 0) continue;
      pairs.emplace_back(i, before->second);
    }
    // A year of a pair that was not kept is read and checked again, as the first pass did (its
    // findings were reported then), a chunk of pairs at a time.
    BatchOptions again = batch;
    again.progress = nullptr;
    again.step = nullptr;
    std::vector<std::optional<Report>> reread;  // by index into a chunk's units
    again.step_read = [&](std::size_t k, const UnitInput&, Report& report, const ReadResult&, Diagnostics&) {
      reread[k] = report;  // k: an index into `chunk_units`, mapped back below
    };
    const auto is_kept = [&](std::size_t u) { return u < kept.size() && kept[u].has_value(); };
    const std::size_t chunk_pairs = std::max<std::size_t>(1, bound / 2);
    for (std::size_t from = 0; from < pairs.size(); from += chunk_pairs) {
      const std::size_t to = std::min(pairs.size(), from + chunk_pairs);
      std::vector<std::size_t> need;
      for (std::size_t p = from; p < to; ++p)
        for (std::size_t u : {pairs[p].first, pairs[p].second})
          if (!is_kept(u) && std::find(need.begin(), need.end(), u) == need.end()) need.push_back(u);
      std::vector<UnitInput> chunk_units;
      for (std::size_t u : need) chunk_units.push_back(units[u]);
      reread.assign(chunk_units.size(), std::nullopt);
      if (!chunk_units.empty()) (void)run_units(chunk_units, again);
      std::map<std::size_t, const Report*> read_again;
      for (std::size_t k = 0; k < need.size(); ++k)
        if (reread[k]) read_again[need[k]] = &*reread[k];
      const auto report_of = [&](std::size_t u) -> const Report* {
        if (is_kept(u)) return &*kept[u];
        auto it = read_again.find(u);
        return it == read_again.end() ? nullptr : it->second;
      };
      for (std::size_t p = from; p < to; ++p) {
        const std::size_t i = pairs[p].first;
        const Report* current = report_of(i);
        const Report* last = report_of(pairs[p].second);
        if (current == nullptr || last == nullptr) continue;
        Diagnostics cross;
        check_cross_year(*current, *last, cross);
        explanations[i].apply(cross, cross);
        scopes[i].cross_year = true;
        for (const auto& d : cross.items()) {
          if (d.explanation) continue;
          if (d.severity == Severity::error) ++results[i].summary.errors;
          if (d.severity == Severity::warning) ++results[i].summary.warnings;
          ++results[i].summary.by_rule[d.rule];
        }
        all.append(cross);
        per_unit[i].append(cross);
      }
    }
    kept.clear();
    reread.clear();

    // Explanations that fitted no finding of a rule that ran: stale.
    for (std::size_t i = 0; i < results.size(); ++i) {
      Diagnostics stale;
      explanations[i].report_stale(scopes[i], stale);
      for (const auto& d : stale.items()) {
        ++results[i].summary.warnings;
        ++results[i].summary.by_rule[d.rule];
      }
      all.append(stale);
      per_unit[i].append(stale);
    }

    std::vector<UnitSummary> summaries;
    for (const auto& r : results) summaries.push_back(r.summary);
    // Findings, like progress, go to standard error (standard output is for data: none here).
    if (opts->format == "json") {
      std::vector<UnitFindings> by_unit;
      for (std::size_t i = 0; i < results.size(); ++i) by_unit.push_back({&summaries[i], &per_unit[i]});
      std::cerr << findings_document(general, by_unit, lang).dump(2) << "\n";
    } else if (opts->format == "sarif") {
      std::cerr << render_diagnostics_sarif(all, lang);
    } else {
      std::cerr << render_diagnostics_text(all, lang);
    }
    if (!opts->overview.empty()) {
      std::vector<std::string> inputs;
      for (const auto& u : units) inputs.push_back(u.path);
      write_overview(opts->overview, summaries, lang, inputs, opts->overview_encoding, ctx.template_dir);
    }
    const std::size_t errors = all.count(Severity::error);
    const std::size_t warnings = count_unexplained(all, Severity::warning);
    const std::size_t explained = count_explained(all);
    const std::string explained_note = explained == 0 ? std::string()
                                                      : (lang == Lang::zh ? fmt::format("，{} 个已说明", explained)
                                                                          : fmt::format(", {} explained", explained));
    if (!ctx.quiet && opts->format == "text") {
      if (units.size() > 1) {
        std::cerr << render_rule_matrix_text(summaries, lang);
        std::cerr << render_batch_summary(summaries, lang);
      } else {
        std::cerr << (lang == Lang::zh ? fmt::format("检查了 {} 个文件：{} 个错误，{} 个警告{}\n", units.size(), errors,
                                                     warnings, explained_note)
                                       : fmt::format("checked {} file{}: {} error{}, {} warning{}{}\n", units.size(),
                                                     units.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
                                                     warnings, warnings == 1 ? "" : "s", explained_note));
      }
    }
    bool unreadable = roster_failed || previous_failed;
    for (const auto& r : results) unreadable = unreadable || r.summary.unreadable;
    if (unreadable)
      ctx.exit_code = kUnreadable;
    else if (errors > 0 || (opts->strict && warnings > 0))
      ctx.exit_code = kFindings;
    else
      ctx.exit_code = kOk;
  });
}

}  // namespace gongkai::cli
