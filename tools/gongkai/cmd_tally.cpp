// gongkai tally REGISTER... --year N: the tables 三 (and, with --cases, 四) counted from case
// registers (台账), written as a YAML tally (docs/registers.md). Exit 2 when a register cannot
// be read, 1 when rows were rejected (listed, and no tally written unless --allow-errors).
#include "context.hpp"
#include "report_options.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/tally/register_input.hpp>
#include <gongkai/tally/tally.hpp>

#include <fmt/format.h>

#include <iostream>

namespace gongkai::cli {

namespace {

struct TallyCmdOptions {
  std::vector<std::string> registers;
  std::vector<std::string> cases;
  std::string columns;
  std::string case_columns;
  std::string output = "-";
  bool allow_errors = false;
  ReportOptionValues report;
};

void add_input_error(Diagnostics& out, const InputError& e) {
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "input";
  d.message = e.message();
  d.where = e.where();
  out.add(std::move(d));
}

// Reads each file into `table`; false when one could not be read.
bool feed(const std::vector<std::string>& files, Encoding encoding, RegisterTable& table, Diagnostics& out) {
  bool ok = true;
  for (const auto& f : files) {
    try {
      const std::string bytes = read_file(f);
      ok = read_register(f, bytes, encoding, table, out) && ok;
    } catch (const InputError& e) {
      add_input_error(out, e);
      ok = false;
    }
  }
  return ok && !table.unreadable();
}

void bad_usage(Context& ctx, const Text& message) {
  std::cerr << fmt::format("gongkai tally: {}\n", message.in(ctx.lang()));
  ctx.exit_code = kUnreadable;
}

}  // namespace

void register_tally(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<TallyCmdOptions>();
  auto* cmd = app.add_subcommand("tally", "Count tables 三 and 四 from case registers (台账) into a YAML tally");
  cmd->add_option("registers", opts->registers, "Request registers: .csv (UTF-8 or GB18030) or .xlsx")->required();
  cmd->add_option("--cases", opts->cases, "Review and litigation case registers (.csv or .xlsx)");
  cmd->add_option("--columns", opts->columns,
                  "Request register headers, e.g. received=收文时间,outcome=答复类型 (fields: id, received, "
                  "applicant, outcome, replied)");
  cmd->add_option("--case-columns", opts->case_columns,
                  "Case register headers, e.g. filed=收案日期 (fields: id, kind, filed, result, closed)");
  cmd->add_option("-o,--output", opts->output, "YAML tally to write (default: standard output)");
  cmd->add_flag("--allow-errors", opts->allow_errors, "Write the tally even when rows were rejected");
  add_report_options(*cmd, opts->report);
  cmd->get_option("--year")->required();
  cmd->callback([opts, &ctx] {
    const Lang lang = ctx.lang();
    const ReadOptions read = make_read_options(opts->report);
    const int year = opts->report.year;
    const FormSet& forms = ctx.forms();
    std::shared_ptr<const Form> form = read.meta.form_id ? forms.by_id(*read.meta.form_id) : forms.for_year(year);
    if (!form) {
      bad_usage(ctx, {fmt::format("没有适用于 {} 年度的表式{}", year, read.meta.form_id ? "「" + *read.meta.form_id + "」" : ""),
                      fmt::format("no form {}for the year {}", read.meta.form_id ? *read.meta.form_id + " " : "", year)});
      return;
    }
    const std::string vocabulary_path = (template_dir(ctx.template_dir) / "register-synonyms.yaml").string();
    const RegisterVocabulary vocabulary = read_register_vocabulary(vocabulary_path, read_file(vocabulary_path));

    RequestTerms request_words = request_terms(*form, vocabulary.requests, vocabulary_path);
    RegisterColumns request_cols = request_columns(vocabulary.requests);
    CaseTerms case_words = case_terms(*form, vocabulary.cases, vocabulary_path);
    RegisterColumns case_cols = case_columns(vocabulary.cases);
    if (auto bad = apply_column_spec(opts->columns, request_cols)) return bad_usage(ctx, {"--columns: " + bad->zh, "--columns: " + bad->en});
    if (auto bad = apply_column_spec(opts->case_columns, case_cols))
      return bad_usage(ctx, {"--case-columns: " + bad->zh, "--case-columns: " + bad->en});

    Diagnostics found;
    RequestRegister requests(request_words, request_cols, year, found);
    CaseRegister cases(case_words, case_cols, year, found);
    bool readable = feed(opts->registers, read.encoding, requests, found);
    if (!opts->cases.empty()) readable = feed(opts->cases, read.encoding, cases, found) && readable;

    const CaseRegister* case_register = opts->cases.empty() ? nullptr : &cases;
    Report report = tally_report(form, read.meta, year, &requests, case_register);
    // The balance holds by construction; check anyway, so that a form without it (or a
    // form-year mismatch) is said here rather than at the next step.
    Report checked = report;
    check_report(checked, CheckOptions{&forms}, found);

    std::cerr << render_diagnostics_text(found, lang);
    const std::uint64_t rejected = requests.rejected() + cases.rejected();
    const bool errors = found.has_errors();
    if (readable && (!errors || opts->allow_errors)) {
      YamlTallyNotes notes = tally_notes(report, &requests, case_register, lang);
      if (errors)
        notes.header.insert(notes.header.begin(),
                            lang == Lang::zh
                                ? fmt::format("注意：有 {} 行台账未能计入（见错误信息），以下数字不完整", rejected)
                                : fmt::format("WARNING: {} register row{} rejected (see the errors): these figures "
                                              "leave them out",
                                              rejected, rejected == 1 ? " was" : "s were"));
      std::vector<std::string> inputs = opts->registers;
      inputs.insert(inputs.end(), opts->cases.begin(), opts->cases.end());
      write_file_atomic(opts->output, write_yaml_tally(report, notes), inputs);
    }
    if (!ctx.quiet && readable) {
      const std::string cases_zh =
          case_register ? fmt::format("，复议诉讼台账 {} 行（{} 行未能计入）", cases.rows(), cases.rejected()) : "";
      const std::string cases_en =
          case_register ? fmt::format(" and {} case{} ({} rejected)", cases.rows(), cases.rows() == 1 ? "" : "s",
                                      cases.rejected())
                        : "";
      std::cerr << (lang == Lang::zh
                        ? fmt::format("统计 {} 年度：申请台账 {} 行（{} 行未能计入）{}\n", year, requests.rows(),
                                      requests.rejected(), cases_zh)
                        : fmt::format("tallied {}: {} request{} ({} rejected){}\n", year, requests.rows(),
                                      requests.rows() == 1 ? "" : "s", requests.rejected(), cases_en));
      if (errors && !opts->allow_errors)
        std::cerr << (lang == Lang::zh ? "有错误，未写出统计结果（可用 --allow-errors 仍然写出）\n"
                                       : "not written because of the errors (--allow-errors writes it anyway)\n");
    }
    if (!readable) ctx.exit_code = kUnreadable;
    else if (errors) ctx.exit_code = kFindings;
    else ctx.exit_code = kOk;
  });
}

}  // namespace gongkai::cli
