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
    batch.read.register_headers = ctx.register_headers();
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
    // Each unit as it was read and checked, for the cross-year pairs made afterwards: every
    // input is read and checked once.
    std::vector<std::optional<Report>> kept(units.size());
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
      if (read_cleanly(out)) kept[i] = report;
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
      ExplanationSet set(input_explanations(unit.path, read_result.yaml_text, *report.form, load, out));
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
    for (std::size_t i = 0; i < results.size(); ++i) {
      if (checked[i] == 0 || had_previous[i] != 0) continue;
      auto before = by_agency_year.find({identity[i].first, identity[i].second - 1});
      if (identity[i].second == 0 || before == by_agency_year.end()) continue;
      const std::optional<Report>& current = kept[i];
      const std::optional<Report>& last = kept[before->second];
      if (!current || !last) continue;
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
