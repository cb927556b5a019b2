// gongkai build INPUT... -o DIR [--format md,html,xlsx,json]: the statutory report of each input
// in every format asked for (default all), written to DIR/<agency>/report.<ext>
// (render/output_name.hpp); `-o -` writes one format of one report to standard output.
// Each input is read, checked (with --previous, also against last year's report), its prose
// expanded (prose/expand.hpp), then rendered in memory; only then is anything written, each file
// atomically. An unreadable input writes nothing (exit 2); errors write nothing (exit 1) unless
// --allow-errors, which writes every output stamped as containing errors (still exit 1). An
// output that cannot be written (the folder is a file, no permission, a full disk) is exit 2,
// the previous file left as it was; files are staged in DIR/.gongkai-staging-* and moved into
// place (io/files.hpp), so an interrupted build leaves only complete files.
// Findings go to standard error, so `-o -` keeps standard output for the report alone.
// Identical input gives identical bytes: the only timestamp is SOURCE_DATE_EPOCH, else the
// publication date (render/generated_time.hpp).
#include "context.hpp"
#include "progress.hpp"
#include "prose_run.hpp"
#include "report_options.hpp"
#include "unit_inputs.hpp"

#include <gongkai/batch/run_units.hpp>
#include <gongkai/check/checker.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/prose/expand.hpp>
#include <gongkai/prose/prose_extras.hpp>
#include <gongkai/prose/prose_rules.hpp>
#include <gongkai/readers/input.hpp>
#include <gongkai/render/built_report.hpp>
#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/render/generated_time.hpp>
#include <gongkai/render/html_report.hpp>
#include <gongkai/render/markdown_report.hpp>
#include <gongkai/render/output_name.hpp>
#include <gongkai/render/overview.hpp>
#include <gongkai/render/report_json.hpp>
#include <gongkai/render/xlsx_report.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <set>

namespace gongkai::cli {

namespace {

namespace fs = std::filesystem;

enum class Format { md, html, xlsx, json };

struct FormatInfo {
  Format format;
  const char* name;  // as given to --format, and the file extension
};

// In the order outputs are produced and listed.
constexpr FormatInfo kFormats[] = {
    {Format::md, "md"}, {Format::html, "html"}, {Format::xlsx, "xlsx"}, {Format::json, "json"}};

struct BuildCmdOptions {
  std::vector<std::string> files;
  std::string roster;
  unsigned jobs = 0;
  std::string output;
  std::string formats = "md,html,xlsx,json";
  bool allow_errors = false;
  std::string previous;
  std::string findings;  // --findings FILE: the findings, apart from the report
  ReportOptionValues report;
};

// The formats asked for, in kFormats order without repeats; nullopt (with the culprit) when
// one is unknown.
std::optional<std::vector<FormatInfo>> parse_formats(const std::string& list, std::string& unknown) {
  std::set<std::string> asked;
  for (std::string_view part : split(list, ',')) {
    const std::string name(trim(part));
    if (name.empty()) continue;
    bool known = false;
    for (const auto& f : kFormats) known = known || name == f.name;
    if (!known) {
      unknown = name;
      return std::nullopt;
    }
    asked.insert(name);
  }
  std::vector<FormatInfo> out;
  for (const auto& f : kFormats)
    if (asked.count(f.name) != 0) out.push_back(f);
  return out;
}

std::string render(Format f, const BuiltReport& built, const HtmlTemplates& html, Lang lang) {
  switch (f) {
    case Format::md:
      return render_markdown_report(built);
    case Format::html:
      return render_html_report(built, html);
    case Format::xlsx:
      return render_xlsx_report(built);
    case Format::json:
      return render_report_json(built, lang);
  }
  return {};
}

void usage_error(Context& ctx, const Text& message) {
  std::cerr << fmt::format("gongkai build: {}\n", message.in(ctx.lang()));
  ctx.exit_code = kUnreadable;
}

void run_build(const BuildCmdOptions& opts, Context& ctx) {
  const Lang lang = ctx.lang();
  std::string unknown;
  const auto formats = parse_formats(opts.formats, unknown);
  if (!formats || formats->empty()) {
    usage_error(ctx, {fmt::format("未知的格式「{}」（可用：md、html、xlsx、json）", unknown),
                      fmt::format("unknown format '{}' (known: md, html, xlsx, json)", unknown)});
    return;
  }
  const bool to_stdout = opts.output == "-";
  if (to_stdout && formats->size() != 1) {
    usage_error(ctx, {"-o - 只能把一个报告的一种格式写到标准输出：请用 --format 选一种",
                      "-o - writes one format of one report to standard output: choose it with --format"});
    return;
  }
  std::optional<std::int64_t> epoch;
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env != nullptr) {
    epoch = parse_source_date_epoch(env);
    if (!epoch) {
      usage_error(ctx, {fmt::format("SOURCE_DATE_EPOCH「{}」不是自 1970 年起的秒数", env),
                        fmt::format("SOURCE_DATE_EPOCH '{}' is not a number of seconds since 1970", env)});
      return;
    }
  }

  // Templates and rules first: a broken one stops the build before any input is read.
  const fs::path templates = template_dir(ctx.template_dir);
  std::vector<std::string> files;  // every file read: none may be overwritten
  HtmlTemplates html;
  for (const auto& f : *formats) {
    if (f.format != Format::html) continue;
    html.page_name = (templates / "html" / "report.mustache").string();
    html.page = read_file(html.page_name);
    html.style = read_file((templates / "html" / "style.css").string());
  }
  const std::optional<ProseRules> rules = load_prose_rules_from(ctx.template_dir);

  Diagnostics all;
  std::vector<UnitInput> units = unit_inputs(opts.files, opts.roster, all);
  if (units.empty() && !all.has_errors()) {
    usage_error(ctx, {"需要输入文件或 --roster", "give input files or --roster"});
    return;
  }
  if (to_stdout && units.size() != 1) {
    usage_error(ctx, {"-o - 只能把一个报告的一种格式写到标准输出：请用 --format 选一种",
                      "-o - writes one format of one report to standard output: choose it with --format"});
    return;
  }
  bool unreadable = all.has_errors();
  ReadOptions read_options = make_read_options(opts.report);
  read_options.register_headers = ctx.register_headers();
  PreviousReports previous;  // --previous (a report or a roster), else each unit's `previous:`
  if (!opts.previous.empty() && !previous.read(opts.previous, ctx.forms(), read_options, files, all)) unreadable = true;
  for (const auto& u : units) files.push_back(u.path);
  if (unreadable) {
    std::cerr << render_diagnostics_text(all, lang);
    ctx.exit_code = kUnreadable;
    return;
  }

  // Each unit is rendered and written on its own worker into a staging folder; the files are
  // moved into place afterwards in input order, so that which of two units of the same agency
  // wins does not depend on thread timing, and a unit with errors writes nothing. The output
  // folder and the staging folder are made first: an output folder that cannot be written
  // stops the build before any input is read (exit 2). "Is this output an input?" is one
  // lookup in a set made once (issue 10: it was a stat of every input for every output).
  std::unique_ptr<StagingDir> staging;
  if (!to_stdout) staging = std::make_unique<StagingDir>(opts.output);
  const InputFiles inputs(files);
  struct Staged {
    std::string dir;                                         // final folder; empty when nothing was staged
    std::vector<std::pair<std::string, std::string>> files;  // staged path, final path
    bool errors = false;
    bool output_failed = false;
  };
  std::vector<Staged> staged(units.size());
  BatchOptions batch;
  batch.jobs = opts.jobs;
  batch.read = read_options;
  batch.forms = &ctx.forms();
  batch.load = [](const std::string& p) { return read_file(p); };
  batch.progress = make_progress_bar(ctx.quiet || units.size() < 2);
  batch.step = [&](std::size_t index, const UnitInput& unit, Report& report, Diagnostics& out) {
    ReadOptions read = read_options;
    read.meta.override_with(unit.meta);
    read.defaults.override_with(unit.defaults);
    const Report* last = previous.find(unit.path, report, units.size() == 1, ctx.forms(), read, out);
    if (last != nullptr) check_cross_year(report, *last, out);
    BuiltReport built;
    const ProseInputs in = prose_inputs(unit.path, report, last, rules ? &*rules : nullptr, out);
    built.prose = expand_prose(in, out);
    check_publication_parts(in, built.prose, out);
    built.report = &report;
    built.generated = generated_time(report, epoch);
    built.findings = out;
    built.stamped_with_errors = out.has_errors();
    staged[index].errors = out.has_errors();
    if (out.has_errors() && !opts.allow_errors) return;
    try {
      if (to_stdout) {
        write_output("-", render(formats->front().format, built, html, lang));
        return;
      }
      const std::string dir = (fs::path(opts.output) / safe_dir_name(report.agency)).string();
      std::vector<std::pair<std::string, std::string>> done;
      for (const auto& f : *formats) {
        const std::string name = std::string("report.") + f.name;
        const std::string final_path = (fs::path(dir) / name).string();
        done.emplace_back(
            staging->write(fmt::format("{}.{}", index, f.name), render(f.format, built, html, lang), final_path),
            final_path);
      }
      staged[index].files = std::move(done);
      staged[index].dir = dir;
    } catch (const InputError&) {
      staged[index].output_failed = true;
      throw;  // run_units records it as the unit's `output` finding
    }
  };
  std::vector<UnitResult> results = run_units(units, batch);

  std::map<std::string, std::size_t> taken;  // output folder -> the unit that has it
  std::vector<std::string> written;
  bool output_failed = false;
  auto output_error = [&](std::size_t i, const InputError& e) {
    Diagnostic d;
    d.severity = Severity::error;
    d.rule = "output";
    d.message = e.message();
    d.where = e.where();
    results[i].findings.add(std::move(d));
    ++results[i].summary.errors;
    ++results[i].summary.by_rule["output"];
    output_failed = true;
  };
  for (std::size_t i = 0; i < units.size(); ++i) {
    Staged& st = staged[i];
    output_failed = output_failed || st.output_failed;
    if (st.dir.empty()) continue;
    auto [it, fresh] = taken.emplace(st.dir, i);
    if (!fresh) {
      Diagnostic d;
      d.severity = Severity::error;
      d.rule = "output";
      d.message = {
          fmt::format("{} 与 {} 是同一机关，会写到同一目录 {}，未写入", units[it->second].path, units[i].path, st.dir),
          fmt::format("{} and {} are the same agency and would write the same folder {}; not written",
                      units[it->second].path, units[i].path, st.dir)};
      d.where = SourceLoc{units[i].path, 0, 0, {}};
      results[i].findings.add(std::move(d));
      ++results[i].summary.errors;
      ++results[i].summary.by_rule["output"];
      continue;
    }
    try {
      make_output_dir(st.dir);
      for (const auto& [from, to] : st.files) {
        install_output(from, to, inputs);
        written.push_back(to);
      }
    } catch (const InputError& e) {
      output_error(i, e);
    }
  }
  staging.reset();

  const Diagnostics general = all;  // about no one unit: the roster, last year's report
  std::vector<UnitSummary> summaries;
  for (const auto& r : results) {
    all.append(r.findings);
    summaries.push_back(r.summary);
    unreadable = unreadable || r.summary.unreadable;
  }
  std::cerr << render_diagnostics_text(all, lang);
  if (!opts.findings.empty()) {
    // The findings are working material: never inside the published outputs, here when asked.
    std::string text;
    if (fs::path(opts.findings).extension() == ".json") {
      std::vector<UnitFindings> by_unit;
      for (std::size_t i = 0; i < results.size(); ++i) by_unit.push_back({&summaries[i], &results[i].findings});
      text = findings_document(general, by_unit, lang).dump(2) + "\n";
    } else {
      text = render_diagnostics_text(all, lang);
    }
    write_file_atomic(opts.findings, text, files);
    if (!ctx.quiet)
      std::cerr << (lang == Lang::zh ? fmt::format("已写入 {}\n", opts.findings)
                                     : fmt::format("wrote {}\n", opts.findings));
  }
  const std::size_t errors = all.count(Severity::error);
  if (units.size() == 1) {
    if (unreadable) {
      std::cerr << (lang == Lang::zh ? "gongkai build: 有输入无法读取，未写入任何文件\n"
                                     : "gongkai build: an input could not be read; nothing written\n");
    } else if (errors > 0 && !opts.allow_errors && !output_failed) {
      std::cerr << (lang == Lang::zh
                        ? fmt::format(
                              "gongkai build: {} 个错误，未写入任何文件（--allow-errors 可写出标明含有错误的报告）\n",
                              errors)
                        : fmt::format("gongkai build: {} error{}, nothing written (--allow-errors writes the outputs "
                                      "stamped as containing errors)\n",
                                      errors, errors == 1 ? "" : "s"));
    }
  }
  if (!ctx.quiet) {
    if (units.size() == 1) {
      for (const auto& path : written)
        std::cerr << (lang == Lang::zh ? fmt::format("已写入 {}\n", path) : fmt::format("wrote {}\n", path));
    } else {
      // One line per unit: where it went, or why nothing was written.
      std::string names;
      for (const auto& f : *formats) names += std::string(names.empty() ? "" : ",") + f.name;
      if (formats->size() > 1) names = "{" + names + "}";
      for (std::size_t i = 0; i < units.size(); ++i) {
        const UnitSummary& u = results[i].summary;
        const bool placed = !staged[i].dir.empty() && !staged[i].files.empty() && u.by_rule.count("output") == 0;
        if (placed) {
          const std::string where = (fs::path(staged[i].dir) / ("report." + names)).string();
          std::cerr << (lang == Lang::zh ? fmt::format("{}：已写入 {}\n", u.unit, where)
                                         : fmt::format("{}: wrote {}\n", u.unit, where));
        } else if (u.unreadable) {
          std::cerr << (lang == Lang::zh ? fmt::format("{}：无法读取，未写入\n", u.unit)
                                         : fmt::format("{}: could not be read; not written\n", u.unit));
        } else {
          std::cerr << (lang == Lang::zh
                            ? fmt::format("{}：{} 个错误，未写入\n", u.unit, u.errors)
                            : fmt::format("{}: {} error{}; not written\n", u.unit, u.errors, u.errors == 1 ? "" : "s"));
        }
      }
    }
    if (units.size() > 1) {
      std::cerr << render_rule_matrix_text(summaries, lang);
      std::cerr << render_batch_summary(summaries, lang);
    }
  }
  if (unreadable || output_failed)
    ctx.exit_code = kUnreadable;
  else
    ctx.exit_code = errors > 0 ? kFindings : kOk;
}

}  // namespace

void register_build(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<BuildCmdOptions>();
  auto* cmd = app.add_subcommand("build", "Build the published report: Markdown, HTML, XLSX and JSON");
  cmd->add_option("files", opts->files, "Tallies: .yaml, .csv, .xlsx (\"-\" for standard input)");
  cmd->add_option("--roster", opts->roster, "Build every unit of a roster (nested rosters followed)");
  cmd->add_option("-j,--jobs", opts->jobs, "Units built in parallel (default: all cores)");
  cmd->add_option("-o,--output", opts->output, "Output folder (DIR/<agency>/report.<format>), or - for standard output")
      ->required();
  cmd->add_option("--format", opts->formats, "Comma-separated: md, html, xlsx, json (default: all)");
  cmd->add_flag("--allow-errors", opts->allow_errors, "Write the outputs even with errors, stamped as such");
  cmd->add_option("--previous", opts->previous,
                  "Last year's report of the same agency (or a roster of them): cross-year rules, year-over-year "
                  "prose; default: the report's own `previous:`");
  cmd->add_option("--findings", opts->findings,
                  "Also write the findings to FILE (.json: JSON, else text); the outputs never hold them");
  add_report_options(*cmd, opts->report);
  cmd->callback([opts, &ctx] { run_build(*opts, ctx); });
}

}  // namespace gongkai::cli
