// gongkai build INPUT... -o DIR [--format md,html,xlsx,json]: the statutory report of each input
// in every format asked for (default all), written to DIR/<agency>/report.<ext>
// (render/output_name.hpp); `-o -` writes one format of one report to standard output.
// The work is the library's (gongkai/build.hpp: build_units): this parses the options, fills a
// BuildRequest, and prints the findings and one line per output or unit. Findings go to
// standard error, so `-o -` keeps standard output for the report alone. Formats, their help
// and "unknown format" come from the format table (render/formats.hpp).
#include "context.hpp"
#include "progress.hpp"
#include "registry_help.hpp"
#include "report_options.hpp"

#include <gongkai/build.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/render/findings_json_writer.hpp>
#include <gongkai/render/formats.hpp>
#include <gongkai/render/generated_time.hpp>
#include <gongkai/render/overview.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

namespace gongkai::cli {

namespace {

namespace fs = std::filesystem;

struct BuildCmdOptions {
  std::vector<std::string> files;
  std::string roster;
  unsigned jobs = 0;
  std::string output;
  std::string formats = report_format_names(",");
  bool allow_errors = false;
  std::string previous;
  std::string findings;  // --findings FILE: the findings, apart from the report
  bool no_manifest = false;
  ReportOptionValues report;
};

void usage_error(Context& ctx, const Text& message) {
  std::cerr << fmt::format("gongkai build: {}\n", message.in(ctx.lang()));
  ctx.exit_code = kUnreadable;
}

const Text kOneOutput{"-o - 只能把一个报告的一种格式写到标准输出：请用 --format 选一种",
                      "-o - writes one format of one report to standard output: choose it with --format"};

// What the command keeps of each unit it is handed, to print when the build is over: the
// findings up to the finding limit, the counts, and — for the closing lines a person reads
// (not with -q) — one line per unit and the rule counts of units with findings. Nothing else
// of a unit is kept, so a batch's memory does not grow with its findings.
struct BuildTally {
  Diagnostics findings;  // of every unit, in input order, up to the finding limit
  BatchCounts counts;
  bool unreadable = false;
  std::vector<std::string> lines;       // "<unit>: wrote …" (not with -q)
  std::vector<UnitSummary> with_rules;  // units with findings: the rule matrix (not with -q)
  std::vector<std::string> written;     // of the first unit: a single unit's "wrote" lines
};

// --findings x.json, written as the units come (render/findings_json_writer.hpp) to a file that
// appears whole when the build is over (io/files.hpp: OutputStream). The callbacks must not
// throw: the first error is kept, the rest of the document dropped, and the error thrown by
// commit(), where the whole file used to be written.
class FindingsJsonFile {
 public:
  FindingsJsonFile(std::string path, Lang lang) : path_(std::move(path)), lang_(lang) {}
  void start(const Diagnostics& general, const std::vector<std::string>& inputs) {
    guard([&] {
      out_ = std::make_unique<OutputStream>(path_, InputFiles(inputs));
      writer_ = std::make_unique<FindingsJsonWriter>([this](std::string_view s) { out_->write(s); }, general, lang_);
    });
  }
  void add(const BuiltUnit& unit) {
    guard([&] { writer_->add_unit(unit.summary, unit.findings); });
  }
  void commit() {
    guard([&] {
      writer_->finish();
      out_->write("\n");
      out_->commit();
    });
    if (error_) std::rethrow_exception(error_);
  }

 private:
  template <typename F>
  void guard(F&& f) {
    if (error_) return;
    try {
      f();
    } catch (...) {
      error_ = std::current_exception();
      writer_.reset();
      out_.reset();  // the temporary file removed
    }
  }
  std::string path_;
  Lang lang_;
  std::unique_ptr<OutputStream> out_;
  std::unique_ptr<FindingsJsonWriter> writer_;
  std::exception_ptr error_;
};

// The one line per unit of a batch: where it went, or why nothing was written.
std::string unit_line(const BuiltUnit& unit, const std::string& names, Lang lang) {
  const UnitSummary& u = unit.summary;
  if (!unit.written.empty() && u.by_rule.count("output") == 0) {
    const std::string where = (fs::path(unit.written.front()).parent_path() / ("report." + names)).string();
    return lang == Lang::zh ? fmt::format("{}：已写入 {}\n", u.unit, where)
                            : fmt::format("{}: wrote {}\n", u.unit, where);
  }
  if (u.unreadable)
    return lang == Lang::zh ? fmt::format("{}：无法读取，未写入\n", u.unit)
                            : fmt::format("{}: could not be read; not written\n", u.unit);
  return lang == Lang::zh ? fmt::format("{}：{} 个错误，未写入\n", u.unit, u.errors)
                          : fmt::format("{}: {} error{}; not written\n", u.unit, u.errors, u.errors == 1 ? "" : "s");
}

void run_build(const BuildCmdOptions& opts, Context& ctx) {
  const Lang lang = ctx.lang();
  Text error;
  const auto formats = parse_report_formats(opts.formats, error);
  if (!formats) return usage_error(ctx, error);
  if (opts.output == "-" && formats->size() != 1) return usage_error(ctx, kOneOutput);
  BuildRequest req;
  if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env != nullptr) {
    req.source_date_epoch = parse_source_date_epoch(env);
    if (!req.source_date_epoch)
      return usage_error(ctx, {fmt::format("SOURCE_DATE_EPOCH「{}」不是自 1970 年起的秒数", env),
                               fmt::format("SOURCE_DATE_EPOCH '{}' is not a number of seconds since 1970", env)});
  }
  req.inputs = opts.files;
  req.roster = opts.roster;
  for (const ReportFormat* f : *formats) req.formats.emplace_back(f->name);
  req.output_dir = opts.output;
  req.previous = opts.previous;
  req.allow_errors = opts.allow_errors;
  req.jobs = opts.jobs;
  req.lang = lang;
  req.template_dir = ctx.template_dir;
  req.manifest = !opts.no_manifest;
  req.command = ctx.argv;
  const ReadOptions read = make_read_options(opts.report);
  req.meta = read.meta;
  req.encoding = read.encoding;
  req.input_format = read.format;
  req.register_headers = ctx.register_headers_for(opts.files, !opts.roster.empty());
  if (auto bar = make_progress_bar(ctx.quiet))
    req.progress = [bar](std::size_t done, std::size_t total) {
      if (total >= 2) bar(done, total);
    };

  std::string names;
  for (const ReportFormat* f : *formats) names += std::string(names.empty() ? "" : ",") + std::string(f->extension);
  if (formats->size() > 1) names = "{" + names + "}";
  const bool findings_json = !opts.findings.empty() && fs::path(opts.findings).extension() == ".json";
  BuildTally tally;
  std::optional<FindingsJsonFile> json;
  if (findings_json) json.emplace(opts.findings, lang);
  req.on_start = [&](const Diagnostics& general, const std::vector<std::string>& inputs) {
    tally.findings = general;
    if (json) json->start(general, inputs);
  };
  req.on_unit = [&](std::size_t index, BuiltUnit&& unit) {
    if (json) json->add(unit);
    tally.findings.append(unit.findings);
    tally.counts.add(unit.summary);
    tally.unreadable = tally.unreadable || unit.summary.unreadable;
    if (index == 0) tally.written = unit.written;
    if (!ctx.quiet) {
      tally.lines.push_back(unit_line(unit, names, lang));
      if (!unit.summary.by_rule.empty()) {
        UnitSummary slim;
        slim.unit = unit.summary.unit;
        slim.by_rule = unit.summary.by_rule;
        tally.with_rules.push_back(std::move(slim));
      }
    }
  };

  const BuildResult r = build_units(req, ctx.forms());
  if (r.stopped) {
    if (r.stopped->rule == "usage") return usage_error(ctx, r.stopped->message);
    print_error_line(r.stopped->where, r.stopped->rule, r.stopped->message, lang);
    ctx.exit_code = kUnreadable;
    return;
  }
  if (r.unit_count == 0) {  // the roster or last year's report could not be read
    std::cerr << render_diagnostics_text(r.general, lang);
    ctx.exit_code = kUnreadable;
    return;
  }

  const Diagnostics& all = tally.findings;  // the general findings first, then the units'
  const bool unreadable = tally.unreadable;
  const bool output_failed = r.exit_code == kUnreadable && !unreadable;
  std::cerr << render_diagnostics_text(all, lang);
  if (!opts.findings.empty()) {
    // The findings are working material: never inside the published outputs, here when asked.
    if (json)
      json->commit();
    else
      write_file_atomic(opts.findings, render_diagnostics_text(all, lang), r.inputs);
    if (!ctx.quiet)
      std::cerr << (lang == Lang::zh ? fmt::format("已写入 {}\n", opts.findings)
                                     : fmt::format("wrote {}\n", opts.findings));
  }
  const std::size_t errors = all.count(Severity::error);
  const bool single = r.unit_count == 1;
  if (single) {
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
    if (single) {
      for (const auto& path : tally.written)
        std::cerr << (lang == Lang::zh ? fmt::format("已写入 {}\n", path) : fmt::format("wrote {}\n", path));
    } else {
      for (const auto& line : tally.lines) std::cerr << line;
      std::cerr << render_rule_matrix_text(tally.with_rules, lang);
      std::cerr << render_batch_summary(tally.counts, lang);
    }
  }
  ctx.exit_code = r.exit_code;
}

}  // namespace

void register_build(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<BuildCmdOptions>();
  auto* cmd = app.add_subcommand("build", build_description().en);
  cmd->add_option("files", opts->files, input_files_help().en);
  cmd->add_option("--roster", opts->roster, "Build every unit of a roster (nested rosters followed)");
  cmd->add_option("-j,--jobs", opts->jobs, "Units built in parallel (default: all cores)");
  cmd->add_option("-o,--output", opts->output, "Output folder (DIR/<agency>/report.<format>), or - for standard output")
      ->required();
  cmd->add_option("--format", opts->formats, report_formats_help().en);
  cmd->add_flag("--allow-errors", opts->allow_errors, "Write the outputs even with errors, stamped as such");
  cmd->add_option("--previous", opts->previous,
                  "Last year's report of the same agency (or a roster of them): cross-year rules, year-over-year "
                  "prose; default: the report's own `previous:`");
  cmd->add_option("--findings", opts->findings,
                  "Also write the findings to FILE (.json: JSON, else text); the outputs never hold them");
  cmd->add_flag("--no-manifest", opts->no_manifest,
                "Write no manifest.json (the SHA-256 of every input, template and output) beside the outputs");
  add_report_options(*cmd, opts->report);
  cmd->callback([opts, &ctx] { run_build(*opts, ctx); });
}

}  // namespace gongkai::cli
