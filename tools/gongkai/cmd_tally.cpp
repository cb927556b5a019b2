// gongkai tally REGISTER... --year N: the tables 三 (and, with --cases, 四) counted from case
// registers (台账), written as a YAML tally (docs/registers.md). Exit 2 when a register cannot
// be read, 1 when rows were rejected (listed, and no tally written unless --allow-errors).
#include "context.hpp"
#include "register_run.hpp"
#include "report_options.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/tally/tally.hpp>

#include <fmt/format.h>

#include <iostream>

namespace gongkai::cli {

namespace {

struct TallyCmdOptions {
  RegisterRunOptions registers;
  std::string output = "-";
  bool allow_errors = false;
  std::string format = "text";
  ReportOptionValues report;
};

}  // namespace

void register_tally(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<TallyCmdOptions>();
  auto* cmd = app.add_subcommand("tally", "Count tables 三 and 四 from case registers (台账) into a YAML tally");
  cmd->add_option("registers", opts->registers.requests, "Request registers: .csv (UTF-8 or GB18030) or .xlsx")
      ->required();
  add_register_options(*cmd, opts->registers);
  cmd->add_option("-o,--output", opts->output, "YAML tally to write (default: standard output)");
  cmd->add_flag("--allow-errors", opts->allow_errors, "Write the tally even when rows were rejected");
  cmd->add_option("--format", opts->format, "Findings as text or json (on standard error)")
      ->check(CLI::IsMember({"text", "json"}));
  add_report_options(*cmd, opts->report);
  cmd->get_option("--year")->required();
  cmd->callback([opts, &ctx] {
    const Lang lang = ctx.lang();
    const ReadOptions read = make_read_options(opts->report);
    const int year = opts->report.year;
    const FormSet& forms = ctx.forms();
    std::shared_ptr<const Form> form = read.meta.form_id ? forms.by_id(*read.meta.form_id) : forms.for_year(year);
    if (!form) {
      std::cerr << fmt::format(
          "gongkai tally: {}\n",
          lang == Lang::zh
              ? fmt::format("没有适用于 {} 年度的表式{}", year, read.meta.form_id.value_or(""))
              : fmt::format("no form {}for the year {}", read.meta.form_id ? *read.meta.form_id + " " : "", year));
      ctx.exit_code = kUnreadable;
      return;
    }
    opts->registers.encoding = read.encoding;
    std::unique_ptr<RegisterRun> run = run_registers(ctx, *form, year, opts->registers, "tally");
    if (!run) return;
    Diagnostics& found = run->found;
    Report report = tally_report(form, read.meta, year, run->requests.get(), run->cases.get());
    // The balance holds by construction; check anyway, so that a form-year mismatch (or a form
    // without that balance) is said here rather than at the next step.
    Report checked = report;
    check_report(checked, CheckOptions{&forms}, found);

    print_findings(found, opts->format, lang);
    const RequestRegister& requests = *run->requests;
    const std::uint64_t rejected = requests.rejected() + (run->cases ? run->cases->rejected() : 0);
    const bool errors = found.has_errors();
    if (run->readable && (!errors || opts->allow_errors)) {
      YamlTallyNotes notes = tally_notes(report, &requests, run->cases.get(), lang);
      if (errors)
        notes.header.insert(notes.header.begin(),
                            lang == Lang::zh
                                ? fmt::format("注意：有 {} 行台账未能计入（见错误信息），以下数字不完整", rejected)
                                : fmt::format("WARNING: {} register row{} rejected (see the errors): these figures "
                                              "leave them out",
                                              rejected, rejected == 1 ? " was" : "s were"));
      write_file_atomic(opts->output, write_yaml_tally(report, notes), run->inputs);
    }
    if (!ctx.quiet && run->readable && opts->format == "text") {
      const CaseRegister* cases = run->cases.get();
      const std::string cases_zh =
          cases ? fmt::format("，复议诉讼台账 {} 行（{} 行未能计入）", cases->rows(), cases->rejected()) : "";
      const std::string cases_en = cases ? fmt::format(" and {} case{} ({} rejected)", cases->rows(),
                                                       cases->rows() == 1 ? "" : "s", cases->rejected())
                                         : "";
      std::cerr << (lang == Lang::zh ? fmt::format("统计 {} 年度：申请台账 {} 行（{} 行未能计入）{}\n", year,
                                                   requests.rows(), requests.rejected(), cases_zh)
                                     : fmt::format("tallied {}: {} request{} ({} rejected){}\n", year, requests.rows(),
                                                   requests.rows() == 1 ? "" : "s", requests.rejected(), cases_en));
      if (errors && !opts->allow_errors)
        std::cerr << (lang == Lang::zh ? "有错误，未写出统计结果（可用 --allow-errors 仍然写出）\n"
                                       : "not written because of the errors (--allow-errors writes it anyway)\n");
    }
    if (!run->readable)
      ctx.exit_code = kUnreadable;
    else if (errors)
      ctx.exit_code = kFindings;
    else
      ctx.exit_code = kOk;
  });
}

}  // namespace gongkai::cli
