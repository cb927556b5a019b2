// gongkai build INPUT... -o DIR [--format md,html,xlsx,json]: the statutory report of each input
// in every format asked for (default all), written to DIR/<agency>/report.<ext>
// (render/output_name.hpp); `-o -` writes one format of one report to standard output.
// Each input is read, checked (with --previous, also against last year's report), its prose
// expanded (prose/expand.hpp), then rendered in memory; only then is anything written, each file
// atomically. An unreadable input writes nothing (exit 2); errors write nothing (exit 1) unless
// --allow-errors, which writes every output stamped as containing errors (still exit 1).
// Findings go to standard error, so `-o -` keeps standard output for the report alone.
// Identical input gives identical bytes: the only timestamp is SOURCE_DATE_EPOCH, else the
// publication date (render/generated_time.hpp).
#include "context.hpp"
#include "report_options.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/prose/expand.hpp>
#include <gongkai/prose/prose_extras.hpp>
#include <gongkai/prose/prose_rules.hpp>
#include <gongkai/readers/input.hpp>
#include <gongkai/render/built_report.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/render/generated_time.hpp>
#include <gongkai/render/html_report.hpp>
#include <gongkai/render/markdown_report.hpp>
#include <gongkai/render/output_name.hpp>
#include <gongkai/render/report_json.hpp>
#include <gongkai/render/xlsx_report.hpp>

#include <fmt/format.h>

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
constexpr FormatInfo kFormats[] = {{Format::md, "md"}, {Format::html, "html"}, {Format::xlsx, "xlsx"},
                                   {Format::json, "json"}};

struct BuildCmdOptions {
  std::vector<std::string> files;
  std::string output;
  std::string formats = "md,html,xlsx,json";
  bool allow_errors = false;
  std::string previous;
  ReportOptionValues report;
};

// One input on its way to its outputs.
struct Job {
  std::string input;
  std::unique_ptr<Report> report;  // stable address: BuiltReport points to it
  BuiltReport built;
};

void add_input_error(Diagnostics& out, const InputError& e) {
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "input";
  d.message = e.message();
  d.where = e.where();
  out.add(std::move(d));
}

bool is_yaml(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& ch : ext) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return ext == ".yaml" || ext == ".yml";
}

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

// Reads and checks one report; nullptr when it could not be read (the reason is in `out`).
// Every file read is added to `files`.
std::unique_ptr<Report> read_checked(const std::string& path, Context& ctx, const ReadOptions& options,
                                     std::vector<std::string>& files, Diagnostics& out) {
  auto loader = [](const std::string& p) { return read_file(p); };
  Diagnostics found;
  std::unique_ptr<Report> report;
  try {
    ReadResult r = read_report(path, ctx.forms(), options, loader, found);
    files.insert(files.end(), r.files.begin(), r.files.end());
    if (r.report) report = std::make_unique<Report>(std::move(*r.report));
  } catch (const InputError& e) {
    add_input_error(found, e);
  }
  if (found.has_errors() || !report) {
    out.append(found);
    return nullptr;
  }
  check_report(*report, CheckOptions{&ctx.forms()}, found);
  out.append(found);
  return report;
}

// Section 六's fee statement and work plan, when a YAML input carries them (prose_extras.hpp).
ProseInputs prose_inputs(const Job& job, const Report* previous, const ProseRules* rules,
                         std::vector<std::string>& files, Diagnostics& out) {
  ProseInputs in;
  in.report = job.report.get();
  in.previous = previous;
  in.rules = rules;
  if (!is_yaml(job.input) || job.input == "-") return in;
  try {
    ProseExtras extras = read_prose_extras(job.input, read_file(job.input), out);
    in.fees = extras.fees;
    in.work_plan = extras.work_plan;
    if (extras.work_plan_file) {
      const std::string plan_path = (fs::path(job.input).parent_path() / *extras.work_plan_file).string();
      files.push_back(plan_path);
      in.work_plan = read_work_plan(plan_path, read_file(plan_path), out);
    }
  } catch (const InputError& e) {
    add_input_error(out, e);
  }
  return in;
}

std::string render(Format f, const BuiltReport& built, const HtmlTemplates& html, Lang lang) {
  switch (f) {
    case Format::md: return render_markdown_report(built);
    case Format::html: return render_html_report(built, html);
    case Format::xlsx: return render_xlsx_report(built);
    case Format::json: return render_report_json(built, lang);
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
  if (to_stdout && (formats->size() != 1 || opts.files.size() != 1)) {
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
  std::optional<ProseRules> rules;
  if (const fs::path p = templates / "prose-rules.yaml"; fs::exists(p))
    rules = load_prose_rules(p.string(), read_file(p.string()));

  const ReadOptions read_options = make_read_options(opts.report);
  Diagnostics all;
  bool unreadable = false;
  std::unique_ptr<Report> previous;
  if (!opts.previous.empty()) {
    Diagnostics prev_found;  // last year's own findings are not this build's
    previous = read_checked(opts.previous, ctx, read_options, files, prev_found);
    if (!previous) {
      all.append(prev_found);
      unreadable = true;
    }
  }
  std::vector<Job> jobs;
  for (const auto& input : opts.files) {
    Job job;
    job.input = input;
    job.report = read_checked(input, ctx, read_options, files, job.built.findings);
    if (!job.report) {
      all.append(job.built.findings);
      unreadable = true;
      continue;
    }
    if (previous) check_cross_year(*job.report, *previous, job.built.findings);
    const ProseInputs in = prose_inputs(job, previous.get(), rules ? &*rules : nullptr, files, job.built.findings);
    job.built.prose = expand_prose(in, job.built.findings);
    job.built.report = job.report.get();
    job.built.generated = generated_time(*job.report, epoch);
    all.append(job.built.findings);
    jobs.push_back(std::move(job));
  }
  std::cerr << render_diagnostics_text(all, lang);

  const std::size_t errors = all.count(Severity::error);
  if (unreadable) {
    ctx.exit_code = kUnreadable;
    std::cerr << (lang == Lang::zh ? "gongkai build: 有输入无法读取，未写入任何文件\n"
                                   : "gongkai build: an input could not be read; nothing written\n");
    return;
  }
  if (errors > 0 && !opts.allow_errors) {
    ctx.exit_code = kFindings;
    std::cerr << (lang == Lang::zh
                      ? fmt::format("gongkai build: {} 个错误，未写入任何文件（--allow-errors 可写出标明含有错误的报告）\n",
                                    errors)
                      : fmt::format("gongkai build: {} error{}, nothing written (--allow-errors writes the outputs "
                                    "stamped as containing errors)\n",
                                    errors, errors == 1 ? "" : "s"));
    return;
  }

  // Render everything before writing anything.
  std::vector<std::pair<std::string, std::string>> outputs;  // path, bytes
  std::map<std::string, std::string> taken;                  // output folder -> the input using it
  for (auto& job : jobs) {
    job.built.stamped_with_errors = job.built.findings.has_errors();
    const fs::path dir = fs::path(opts.output) / safe_dir_name(job.report->agency);
    if (!to_stdout) {
      auto [it, fresh] = taken.emplace(dir.string(), job.input);
      if (!fresh) {
        usage_error(ctx, {fmt::format("{} 与 {} 是同一机关，会写到同一目录 {}", it->second, job.input, dir.string()),
                          fmt::format("{} and {} are the same agency and would write the same folder {}",
                                      it->second, job.input, dir.string())});
        return;
      }
    }
    for (const auto& f : *formats)
      outputs.emplace_back(to_stdout ? std::string("-") : (dir / (std::string("report.") + f.name)).string(),
                           render(f.format, job.built, html, lang));
  }
  for (const auto& [path, bytes] : outputs) {
    write_file_atomic(path, bytes, files);
    if (!ctx.quiet && path != "-")
      std::cerr << (lang == Lang::zh ? fmt::format("已写入 {}\n", path) : fmt::format("wrote {}\n", path));
  }
  ctx.exit_code = errors > 0 ? kFindings : kOk;
}

}  // namespace

void register_build(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<BuildCmdOptions>();
  auto* cmd = app.add_subcommand("build", "Build the published report: Markdown, HTML, XLSX and JSON");
  cmd->add_option("files", opts->files, "Tallies: .yaml, .csv (\"-\" for standard input)")->required();
  cmd->add_option("-o,--output", opts->output, "Output folder (DIR/<agency>/report.<format>), or - for standard output")
      ->required();
  cmd->add_option("--format", opts->formats, "Comma-separated: md, html, xlsx, json (default: all)");
  cmd->add_flag("--allow-errors", opts->allow_errors, "Write the outputs even with errors, stamped as such");
  cmd->add_option("--previous", opts->previous, "Last year's report: cross-year rules, year-over-year prose");
  add_report_options(*cmd, opts->report);
  cmd->callback([opts, &ctx] { run_build(*opts, ctx); });
}

}  // namespace gongkai::cli
