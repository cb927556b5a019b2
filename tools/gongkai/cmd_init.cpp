// gongkai init DIR --agency NAME --year N: a new report folder — report.yaml with every cell at
// 0 and its label, prose stubs for 一, 五 and 六, tables.xlsx in the official layout; with
// --from, 上年结转 and 现行有效件数 taken from last year's report. It never overwrites a file:
// when one of its files exists it names every such file and writes nothing (exit 2).
#include "context.hpp"
#include "register_run.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/readers/input.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/scaffold/report_folder.hpp>
#include <gongkai/tally/tally.hpp>

#include <fmt/format.h>

#include <unistd.h>
#include <filesystem>
#include <iostream>

namespace gongkai::cli {

namespace {

namespace fs = std::filesystem;

struct InitCmdOptions {
  std::string dir;
  std::string agency;
  std::string level = "department";
  std::string form;
  std::string from;
  int year = 0;
  bool no_workbook = false;
  RegisterRunOptions registers;  // --register, --cases …: tables 三 and 四 counted at once
  std::string encoding = "auto";
  std::string format = "text";
};

std::string g_format = "text";  // --format of this run: how `fail` prints

void fail(Context& ctx, Diagnostic finding) {
  Diagnostics one;
  one.add(std::move(finding));
  print_findings(one, g_format, ctx.lang());
  ctx.exit_code = kUnreadable;
}

void fail(Context& ctx, const SourceLoc& where, const Text& message) {
  fail(ctx, Diagnostic::error("input", where, message));
}

// Last year's report from its folder (report.yaml) or the file itself, checked so that its
// totals are derived. nullopt after printing why.
std::optional<Report> last_year_report(Context& ctx, const std::string& from, int year, std::string& path) {
  path = fs::is_directory(from) ? (fs::path(from) / "report.yaml").string() : from;
  Diagnostics found;
  ReadResult r;
  try {
    r = read_report(
        path, ctx.forms(), ReadOptions{}, [](const std::string& p) { return read_file(p); }, found);
  } catch (const Error& e) {
    fail(ctx, to_diagnostic(e));
    return std::nullopt;
  }
  if (found.has_errors() || !r.report) {
    print_findings(found, g_format, ctx.lang());
    fail(ctx, SourceLoc{path, 0, 0, {}},
         {"--from：上年报告有错误，无法读取", "--from: last year's report could not be read"});
    return std::nullopt;
  }
  Report last = std::move(*r.report);
  if (last.year != year - 1) {
    fail(ctx, SourceLoc{path, 0, 0, {}},
         {fmt::format("--from：这是 {} 年度的报告，{} 年度需要 {} 年度的报告", last.year, year, year - 1),
          fmt::format("--from: this is the {} report; the {} report carries over from {}", last.year, year, year - 1)});
    return std::nullopt;
  }
  Diagnostics ignored;  // last year's own findings are for `check`; its figures carry as published
  check_report(last, CheckOptions{&ctx.forms()}, ignored);
  return last;
}

}  // namespace

void register_init(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<InitCmdOptions>();
  auto* cmd = app.add_subcommand("init", "Make a new report folder: report.yaml at zero, prose stubs, tables.xlsx");
  cmd->add_option("dir", opts->dir, "The folder to create or fill (existing files are never overwritten)")->required();
  cmd->add_option("--agency", opts->agency, "Agency name")->required();
  cmd->add_option("--year", opts->year, "Report year")->required()->check(CLI::Range(1990, 2200));
  cmd->add_option("--level", opts->level, "department or government")
      ->check(CLI::IsMember({"department", "government"}));
  cmd->add_option("--form", opts->form, "Form ID: 2019 or 2021 (default: the form in force for the year)");
  cmd->add_option("--from", opts->from,
                  "Last year's report folder (or its report.yaml): carries 上年结转 and 现行有效件数");
  cmd->add_flag("--no-workbook", opts->no_workbook, "Do not write tables.xlsx");
  cmd->add_option("--register", opts->registers.requests,
                  "Request register (.csv or .xlsx): table 三 counted from it instead of zeros (docs/registers.md)");
  add_register_options(*cmd, opts->registers);
  cmd->add_option("--encoding", opts->encoding, "Register CSV encoding: auto, utf-8 or gb18030")
      ->check(CLI::IsMember({"auto", "utf-8", "utf8", "gb18030", "gbk", "gb2312"}));
  cmd->add_option("--format", opts->format, "Findings as text or json (on standard error)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([opts, &ctx] {
    g_format = opts->format;
    const Lang lang = ctx.lang();
    const FormSet& forms = ctx.forms();
    std::shared_ptr<const Form> form = opts->form.empty() ? forms.for_year(opts->year) : forms.by_id(opts->form);
    if (!form)
      return fail(ctx, {},
                  {fmt::format("没有适用于 {} 年度的表式「{}」", opts->year, opts->form),
                   fmt::format("no form '{}' for the year {}", opts->form, opts->year)});

    ReportFolderOptions o;
    o.form = form;
    o.agency = opts->agency;
    o.level = parse_level(opts->level).value_or(Level::department);
    o.year = opts->year;
    o.workbook = !opts->no_workbook;
    o.lang = lang;
    std::optional<Report> last;
    std::vector<std::string> inputs;
    if (!opts->from.empty()) {
      last = last_year_report(ctx, opts->from, opts->year, o.last_year_name);
      if (!last) return;
      if (last->agency != opts->agency)
        std::cerr << fmt::format(
            "{}: warning[input]: {}\n", o.last_year_name,
            lang == Lang::zh ? fmt::format("上年报告的机关为「{}」，不是「{}」", last->agency, opts->agency)
                             : fmt::format("last year's report is of '{}', not '{}'", last->agency, opts->agency));
      o.last_year = &*last;
      inputs.push_back(o.last_year_name);
      std::error_code ec;
      o.last_year_link = fs::relative(fs::absolute(o.last_year_name, ec), fs::absolute(opts->dir, ec), ec).string();
      if (ec || o.last_year_link.empty()) o.last_year_link = fs::absolute(o.last_year_name, ec).string();
    }
    // Registers: counted now, and the folder is written only when every row was placed.
    std::unique_ptr<RegisterRun> run;
    std::optional<Report> tallied;
    std::optional<YamlTallyNotes> tally_notes_of_run;
    if (!opts->registers.requests.empty() || !opts->registers.cases.empty()) {
      if (opts->registers.requests.empty())
        return fail(ctx, {}, {"--cases 需要同时给出 --register", "--cases needs --register as well"});
      opts->registers.encoding = parse_encoding(opts->encoding).value_or(Encoding::detect);
      run = run_registers(ctx, *form, opts->year, opts->registers, "init");
      if (!run) return;
      ReportMeta meta;
      meta.agency = opts->agency;
      meta.level = o.level;
      tallied = tally_report(form, meta, opts->year, run->requests.get(), run->cases.get());
      print_findings(run->found, opts->format, lang);
      if (!run->readable || run->found.has_errors()) {
        if (opts->format == "text")
          std::cerr << (lang == Lang::zh ? "台账有错误，未写出任何文件\n"
                                         : "the registers have errors: nothing was written\n");
        ctx.exit_code = run->readable ? kFindings : kUnreadable;
        return;
      }
      tally_notes_of_run = tally_notes(*tallied, run->requests.get(), run->cases.get(), lang);
      o.tallied = &*tallied;
      o.tally_notes = &*tally_notes_of_run;
      inputs.insert(inputs.end(), run->inputs.begin(), run->inputs.end());
    }
    const fs::path templates = template_dir(ctx.template_dir) / "init";
    for (const auto& s : form->sections) {
      const fs::path stub = templates / (s.id + ".md");
      if (!s.is_table && fs::exists(stub)) o.prose_templates[s.id] = read_file(stub.string());
    }

    const ReportFolder folder = scaffold_report_folder(o);
    for (const auto& w : folder.warnings)
      std::cerr << fmt::format("{}: warning[carry-over]: {}\n", o.last_year_name, w.in(lang));
    // Every target is checked before anything is written: all or nothing.
    bool clash = false;
    for (const auto& f : folder.files) {
      const std::string path = (fs::path(opts->dir) / f.name).string();
      std::error_code ec;
      if (fs::exists(fs::symlink_status(path, ec))) {
        fail(ctx, SourceLoc{path, 0, 0, {}},
             {"文件已存在：gongkai init 不覆盖任何文件（未写出任何文件）",
              "the file exists: gongkai init never overwrites a file (nothing was written)"});
        clash = true;
      }
    }
    if (clash) return;
    // All or nothing: when one file cannot be written (no permission, a full disk), the ones
    // already written and the folders made are removed again (none of them existed before).
    std::vector<std::string> created;
    std::vector<std::string> written;
    try {
      created = make_output_dir(opts->dir);
      const InputFiles input_files(inputs);
      for (const auto& f : folder.files) {
        const std::string path = (fs::path(opts->dir) / f.name).string();
        write_output(path, f.content, input_files);
        written.push_back(path);
      }
    } catch (const Error& e) {
      for (const auto& path : written) ::unlink(path.c_str());
      for (auto it = created.rbegin(); it != created.rend(); ++it) ::rmdir(it->c_str());
      print_input_error(e, lang);
      std::cerr << (lang == Lang::zh ? "gongkai init：未写出任何文件\n" : "gongkai init: nothing was written\n");
      ctx.exit_code = kUnreadable;
      return;
    }
    if (!ctx.quiet)
      for (const auto& path : written) std::cerr << (lang == Lang::zh ? "已创建 " : "created ") << path << "\n";
    if (!ctx.quiet && o.last_year != nullptr) {
      for (const auto& row : folder.carried.rows)
        std::cerr << (lang == Lang::zh ? fmt::format("{} 由 {} 预填\n", row, o.last_year_name)
                                       : fmt::format("{} pre-filled from {}\n", row, o.last_year_name));
      for (const auto& col : folder.carried.columns) {
        const auto dot = col.find('.');
        const std::string id = fmt::format("{}.*.{}", col.substr(0, dot), col.substr(dot + 1));
        std::cerr << (lang == Lang::zh ? fmt::format("{} 由 {} 预填\n", id, o.last_year_name)
                                       : fmt::format("{} pre-filled from {}\n", id, o.last_year_name));
      }
      for (const auto& id : folder.carried.missing)
        std::cerr << (lang == Lang::zh ? fmt::format("{} 上年报告未给出，保留为【待填写】\n", id)
                                       : fmt::format("{} is not given in last year's report: left 【待填写】\n", id));
    }
    ctx.exit_code = kOk;
  });
}

}  // namespace gongkai::cli
