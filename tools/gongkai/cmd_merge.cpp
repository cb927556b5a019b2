// gongkai merge ROSTER: the consolidated tallies of a government's units, checked, written as
// a YAML tally that `build` takes; --explain accounts for a cell unit by unit; --overview
// writes the per-unit sheet a reviewer works from.
#include "context.hpp"
#include "overview_output.hpp"
#include "progress.hpp"
#include "registry_help.hpp"
#include "report_options.hpp"

#include <gongkai/batch/merge_roster.hpp>
#include <gongkai/core/checked.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/render/overview.hpp>
#include <gongkai/tally/yaml_writer.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

namespace gongkai::cli {

namespace {

struct MergeCmdOptions {
  std::string roster;
  std::string output = "-";
  std::vector<std::string> explain;
  std::string overview;
  std::string overview_encoding = "utf-8-bom";
  std::string format = "text";
  unsigned jobs = 0;
  bool strict = false;
  ReportOptionValues report;
};

std::string explain_text(const MergeOutcome& m, const Report& merged, Lang lang) {
  const Form& form = *merged.form;
  const bool zh = lang == Lang::zh;
  std::string out;
  for (const auto& [id, list] : m.explained) {
    const CellDef* c = form.cell(id);
    out += fmt::format("{} 「{}」\n", id, form.cell_label(*c));
    std::int64_t total = 0;
    bool overflow = false;
    for (const auto& k : list) {
      if (auto t = checked_add(total, k.raw))
        total = *t;
      else
        overflow = true;
      out += fmt::format("  {}\t{}{}\t{}\n", k.unit, format_value(*c->column, k.raw),
                         k.computed ? (zh ? "（计算值）" : " (computed)") : "", k.source);
    }
    const CellValue& v = merged.at(*c);
    const std::int64_t shown = v.has_value() ? v.raw : 0;
    out += fmt::format("  {}\t{}\t{}\n", zh ? "合计" : "total", format_value(*c->column, total),
                       zh ? fmt::format("{} 个单位", list.size()) : fmt::format("{} units", list.size()));
    if (overflow || shown != total)
      out += fmt::format("  {}\t{}\n", zh ? "汇总报告中的数字（与合计不同）" : "the consolidated figure (differs)",
                         format_value(*c->column, shown));
    for (std::size_t i = 0; i < m.units.size(); ++i)
      if (m.summed[i] == 0)
        out += fmt::format("  {}\t{}\t{}\n", m.units[i].summary.unit, zh ? "未计入" : "left out",
                           m.left_out_because[i].in(lang));
  }
  return out;
}

// The consolidated file's header: which units it holds and which it left out, and why.
std::vector<std::string> merge_header(const std::string& roster, const MergeOutcome& m) {
  std::size_t summed = 0;
  for (char s : m.summed) summed += s != 0 ? 1 : 0;
  std::vector<std::string> lines;
  if (summed == m.units.size())
    lines.push_back(fmt::format("gongkai merge {}: {} 个单位的合计 (the sum of {} units)", roster, summed, summed));
  else
    lines.push_back(fmt::format(
        "gongkai merge {}: 名册 {} 个单位中 {} 个的合计，{} 个未计入 (the sum of {} of the "
        "roster's {} units; {} left out)",
        roster, m.units.size(), summed, m.units.size() - summed, summed, m.units.size(), m.units.size() - summed));
  lines.push_back(fmt::format("计入的单位 (units summed): {}", summed));
  for (std::size_t i = 0; i < m.units.size(); ++i)
    if (m.summed[i] != 0) lines.push_back(fmt::format("  {}  {}", m.units[i].summary.unit, m.units[i].summary.path));
  if (summed != m.units.size()) {
    lines.push_back(fmt::format("未计入的单位 (units left out): {}", m.units.size() - summed));
    for (std::size_t i = 0; i < m.units.size(); ++i) {
      if (m.summed[i] != 0) continue;
      const Text& why = m.left_out_because[i];
      lines.push_back(fmt::format("  {}  {}", m.units[i].summary.unit, m.units[i].summary.path));
      if (!why.zh.empty()) {
        std::string zh = why.zh, en = why.en;
        for (std::string* t : {&zh, &en})
          for (char& ch : *t)
            if (ch == '\n' || ch == '\r') ch = ' ';
        lines.push_back("    " + zh);
        lines.push_back("    " + en);
      }
    }
  }
  return lines;
}

}  // namespace

void register_merge(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<MergeCmdOptions>();
  auto* cmd = app.add_subcommand("merge", "Consolidate a roster of units into one government's tallies");
  cmd->add_option("roster", opts->roster, "Roster YAML (units: paths, globs, nested rosters)")->required();
  cmd->add_option("-o,--output", opts->output, "Consolidated YAML tally (default: standard output)");
  cmd->add_option("--explain", opts->explain,
                  "Cell ID to account for unit by unit, on standard error (repeatable); the YAML is written as "
                  "without it");
  cmd->add_option("--overview", opts->overview, overview_help(false).en);
  add_overview_encoding_option(*cmd, opts->overview_encoding);
  cmd->add_option("--format", opts->format, "Findings as text or json (on standard error)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("-j,--jobs", opts->jobs, "Units read in parallel (default: all cores)");
  cmd->add_flag("--strict", opts->strict, "Count warnings as errors");
  add_report_options(*cmd, opts->report);
  cmd->callback([opts, &ctx] {
    const Lang lang = ctx.lang();
    if (opts->overview == "-" && opts->output == "-")
      throw CLI::ValidationError("--overview", "'-' (standard output) needs -o FILE for the YAML tally");
    MergeOptions options;
    options.batch.jobs = opts->jobs;
    options.batch.read = make_read_options(opts->report);
    options.batch.read.register_headers = ctx.register_headers();
    options.batch.forms = &ctx.forms();
    options.batch.load = [](const std::string& p) { return read_file(p); };
    options.batch.progress = make_progress_bar(ctx.quiet);
    options.explain = opts->explain;
    // Validate --explain before reading thousands of units.
    MergeOutcome m = merge_roster(opts->roster, options);
    if (m.consolidated) {
      for (const auto& id : opts->explain)
        if (m.consolidated->form->cell(id) == nullptr)
          throw CLI::ValidationError("--explain", fmt::format("no cell '{}' in form {} (see `gongkai forms {}`)", id,
                                                              m.consolidated->form->id, m.consolidated->form->id));
    }
    std::vector<UnitSummary> summaries;
    for (const auto& u : m.units) summaries.push_back(u.summary);
    bool unreadable = !m.consolidated;
    for (const auto& s : summaries) unreadable = unreadable || s.unreadable;

    if (opts->format == "json") {
      // The units' findings sit in m.findings as one block in roster order; the rest (roster,
      // reconcile, the consolidated report) belong to no one unit.
      std::vector<const Diagnostic*> of_units;
      for (const auto& u : m.units)
        for (const auto& d : u.findings.items()) of_units.push_back(&d);
      const auto& all = m.findings.items();
      auto same = [](const Diagnostic& a, const Diagnostic& b) {
        return a.rule == b.rule && a.message.en == b.message.en && a.where.to_string() == b.where.to_string();
      };
      std::size_t start = all.size();
      for (std::size_t k = 0; k + of_units.size() <= all.size() && start == all.size(); ++k) {
        bool match = true;
        for (std::size_t j = 0; j < of_units.size() && match; ++j) match = same(all[k + j], *of_units[j]);
        if (match) start = k;
      }
      Diagnostics general;
      for (std::size_t i = 0; i < all.size(); ++i)
        if (start == all.size() || i < start || i >= start + of_units.size()) general.add(all[i]);
      std::vector<UnitFindings> by_unit;
      for (std::size_t i = 0; i < m.units.size(); ++i) by_unit.push_back({&summaries[i], &m.units[i].findings});
      std::cerr << findings_document(general, by_unit, lang).dump(2) << "\n";
    } else
      std::cerr << render_diagnostics_text(m.findings, lang);
    if (m.consolidated) {
      // The explanation goes with the findings (standard error); --explain never changes what
      // is written: the YAML goes to -o or, as without --explain, to standard output.
      if (!opts->explain.empty()) std::cerr << explain_text(m, *m.consolidated, lang);
      YamlTallyNotes notes;
      notes.header = merge_header(opts->roster, m);
      std::string yaml = write_yaml_tally(*m.consolidated, notes);
      write_file_atomic(opts->output, yaml, m.files);
    }
    if (!opts->overview.empty())
      write_overview(opts->overview, summaries, lang, m.files, opts->overview_encoding, ctx.template_dir);
    if (!ctx.quiet && opts->format == "text") {
      std::cerr << render_rule_matrix_text(summaries, lang);
      std::cerr << render_batch_summary(summaries, lang);
    }
    const std::size_t errors = m.findings.count(Severity::error);
    const std::size_t warnings = m.findings.count(Severity::warning);
    if (unreadable)
      ctx.exit_code = kUnreadable;
    else if (errors > 0 || (opts->strict && warnings > 0))
      ctx.exit_code = kFindings;
    else
      ctx.exit_code = kOk;
  });
}

}  // namespace gongkai::cli
