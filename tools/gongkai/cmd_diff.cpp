// gongkai diff OLD NEW [MORE…]: two reports of one agency compared cell by cell (year over
// year, across the form change, or two versions of one year), or several years side by side.
// Reads inputs as check does; the diff goes to standard output (or -o) in a format of the diff
// format table (render/diff_formats.hpp; choice and writing in diff_output.hpp).
// Exit 0: nothing flagged (warnings allowed unless --strict); 1: a cross-year rule failed, a
// year given twice, or (--strict) anything flagged; 2: an input could not be read, or the
// reports are of two agencies.
#include "cmd_diff.hpp"

#include "cmd_diff_roster.hpp"
#include "diff_output.hpp"
#include "report_options.hpp"

#include <gongkai/build/explanations_input.hpp>
#include <gongkai/build/input_extras.hpp>
#include <gongkai/build/previous_reports.hpp>
#include <gongkai/diff/correspondence.hpp>
#include <gongkai/diff/explained.hpp>
#include <gongkai/diff/report_diff.hpp>
#include <gongkai/diff/series.hpp>
#include <gongkai/diff/settings.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>

namespace gongkai::cli {

namespace {

namespace fs = std::filesystem;

struct DiffCmdOptions {
  std::vector<std::string> files;
  std::string format;  // empty: from -o FILE's extension, else text
  std::string output = "-";
  std::string thresholds;
  bool all = false;
  bool strict = false;
  ReportOptionValues report;
  bool roster = false;  // --roster LAST THIS (cmd_diff_roster.cpp)
  unsigned jobs = 0;
};

// The settings (diff-thresholds.yaml, or --thresholds) and every correspondence file
// (forms/correspondence/*.yaml, in name order).
DiffOptions load_diff_options(const std::string& template_option, const std::string& thresholds) {
  DiffOptions o;
  const fs::path dir = template_dir(template_option);
  const std::string settings = thresholds.empty() ? (dir / "diff-thresholds.yaml").string() : thresholds;
  if (!thresholds.empty() || fs::exists(settings)) o.settings = load_diff_settings(settings, read_file(settings));
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir / "forms" / "correspondence", ec))
    if (e.is_regular_file() && e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) o.correspondences.push_back(load_correspondence(f.string(), read_file(f.string())));
  return o;
}

}  // namespace

void register_diff(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<DiffCmdOptions>();
  auto* cmd = app.add_subcommand("diff", "Compare reports of one agency: two years, two versions of a year, a series");
  cmd->add_option("files", opts->files, "Reports: .yaml, .csv, .xlsx (two or more; ordered by their year)")->required();
  cmd->add_option("--format", opts->format, diff_format_option_help());
  cmd->add_option("-o,--output", opts->output,
                  "Write the diff to this file (default: standard output); without --format its extension chooses "
                  "the format");
  cmd->add_option("--thresholds", opts->thresholds,
                  "Flag thresholds and key figures (default: report-templates/diff-thresholds.yaml)");
  cmd->add_flag("--all", opts->all, "Show unchanged cells too");
  cmd->add_flag("--strict", opts->strict, "Exit 1 when anything is flagged");
  add_report_options(*cmd, opts->report);
  cmd->add_flag("--roster", opts->roster,
                "The two files are rosters, last year's and this year's: every unit compared with its agency's report "
                "of the other year");
  cmd->add_option("-j,--jobs", opts->jobs, "With --roster: units read in parallel (default: all cores)");
  cmd->callback([opts, &ctx] {
    const Lang lang = ctx.lang();
    if (opts->roster) {
      run_diff_roster({opts->files, opts->format, opts->output, opts->strict, opts->jobs,
                       make_read_options(opts->report).encoding, load_diff_options(ctx.template_dir, opts->thresholds)},
                      ctx);
      return;
    }
    if (opts->files.size() < 2) {
      std::cerr << (lang == Lang::zh ? "gongkai diff：至少需要两份报告\n"
                                     : "gongkai diff: needs two reports or more\n");
      ctx.exit_code = kUnreadable;
      return;
    }
    const auto output = choose_diff_output(opts->format, opts->output, lang);
    if (!output) {
      ctx.exit_code = kUnreadable;
      return;
    }
    const DiffOptions options = load_diff_options(ctx.template_dir, opts->thresholds);
    const ReadOptions read = make_read_options(opts->report);
    Diagnostics problems;
    std::vector<std::string> files;
    std::vector<std::unique_ptr<Report>> reports;
    // Each report's explanations of findings (explanations:, or a CSV's or workbook's sidecar),
    // read from the text loaded for the report: each input is opened once.
    std::map<std::string, std::string> yaml_texts;
    const FileLoader keep = [&yaml_texts](const std::string& p) {
      std::string text = read_file(p);
      if (is_yaml_path(p)) yaml_texts[p] = text;
      return text;
    };
    std::vector<ExplanationSet> explanations;
    Diagnostics explanation_problems;  // reported with the diff's findings
    for (const auto& f : opts->files) {
      auto r = read_checked_report(f, ctx.forms(), read, files, problems, keep);
      if (!r) continue;
      explanations.emplace_back(input_explanations(f, yaml_texts[f], nullptr, *r->form, keep, explanation_problems));
      reports.push_back(std::move(r));
    }
    if (reports.size() != opts->files.size()) {
      std::cerr << render_diagnostics_text(problems, lang);
      ctx.exit_code = kUnreadable;
      return;
    }
    bool failed = false;   // exit 1 whatever --strict says
    bool flagged = false;  // anything at all
    if (reports.size() == 2) {
      if (!same_agency(*reports[0], *reports[1], problems)) {
        std::cerr << render_diagnostics_text(problems, lang);
        ctx.exit_code = kUnreadable;
        return;
      }
      // A diff runs from the older report to the newer, whatever order they were given in.
      if (reports[1]->year < reports[0]->year) {
        std::swap(reports[0], reports[1]);
        std::swap(explanations[0], explanations[1]);
      }
      ReportDiff d = diff_reports(*reports[0], *reports[1], options);
      d.findings.append(explanation_problems);
      explain_diff(d, explanations[1]);
      write_diff_output(*output, DiffSubject{&d, nullptr}, opts->all, opts->output, files, ctx.template_dir, lang);
      failed = d.cross_year_failed() || d.findings.has_errors();
      flagged = d.findings.dropped() > 0 || count_explained(d.findings) < d.findings.items().size();
    } else {
      std::vector<const Report*> all;
      for (const auto& r : reports) all.push_back(r.get());
      auto s = diff_series(all, options, problems);
      if (!s) {
        std::cerr << render_diagnostics_text(problems, lang);
        ctx.exit_code = kUnreadable;
        return;
      }
      // A step's newer report is s->reports[i]: its explanations are those of the input it was read from.
      s->findings.append(explanation_problems);
      explain_series(*s, [&](std::size_t i) -> ExplanationSet* {
        for (std::size_t k = 0; k < reports.size(); ++k)
          if (reports[k]->origin.file == s->reports[i].file) return &explanations[k];
        return nullptr;
      });
      write_diff_output(*output, DiffSubject{nullptr, &*s}, opts->all, opts->output, files, ctx.template_dir, lang);
      failed = s->cross_year_failed() || s->findings.has_errors();
      flagged = s->findings.dropped() > 0 || count_explained(s->findings) < s->findings.items().size();
    }
    ctx.exit_code = failed || (opts->strict && flagged) ? kFindings : kOk;
  });
}

}  // namespace gongkai::cli
