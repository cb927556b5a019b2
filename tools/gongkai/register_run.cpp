#include "register_run.hpp"

#include <gongkai/io/files.hpp>
#include <gongkai/tally/office_terms.hpp>
#include <gongkai/tally/register_input.hpp>
#include <gongkai/tally/register_vocabulary.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace gongkai::cli {

namespace {

// Reads each file into `table`; false when one could not be read.
bool feed(const std::vector<std::string>& files, Encoding encoding, RegisterTable& table, Diagnostics& out) {
  bool ok = true;
  for (const auto& f : files) {
    try {
      const std::string bytes = read_file(f);
      ok = read_register(f, bytes, encoding, table, out) && ok;
    } catch (const Error& e) {
      out.add(to_diagnostic(e));
      ok = false;
    }
  }
  return ok && !table.unreadable();
}

// The office's terms file: --terms, else <stem>.terms.yaml or terms.yaml beside the first
// request register; empty when there is none.
std::string terms_file(const RegisterRunOptions& o) {
  namespace fs = std::filesystem;
  if (!o.terms.empty()) return o.terms;
  if (o.requests.empty() || o.requests.front() == "-") return {};
  const fs::path reg(o.requests.front());
  std::error_code ec;
  for (const fs::path& p :
       {reg.parent_path() / (reg.stem().string() + ".terms.yaml"), reg.parent_path() / "terms.yaml"})
    if (fs::is_regular_file(p, ec)) return p.string();
  return {};
}

}  // namespace

void add_register_options(CLI::App& cmd, RegisterRunOptions& o) {
  cmd.add_option("--cases", o.cases, "Review and litigation case registers (.csv or .xlsx)");
  cmd.add_option("--columns", o.columns,
                 "Request register headers, e.g. received=收文时间,outcome=答复类型 (fields: id, received, "
                 "applicant, outcome, replied)");
  cmd.add_option("--case-columns", o.case_columns,
                 "Case register headers, e.g. filed=收案日期 (fields: id, kind, filed, result, closed)");
  cmd.add_option("--terms", o.terms,
                 "The office's own words for outcomes, applicant types, case kinds and results (YAML; default: "
                 "<register>.terms.yaml or terms.yaml beside the register)");
}

std::unique_ptr<RegisterRun> run_registers(Context& ctx, const Form& form, int year, const RegisterRunOptions& o,
                                           const char* command) {
  const std::string vocabulary_path = (template_dir(ctx.template_dir) / "register-synonyms.yaml").string();
  const RegisterVocabulary vocabulary = read_register_vocabulary(vocabulary_path, read_file(vocabulary_path));
  RegisterColumns request_cols = request_columns(vocabulary.requests);
  RegisterColumns case_cols = case_columns(vocabulary.cases);
  const Lang lang = ctx.lang();
  for (auto [spec, option, cols] : {std::tuple{&o.columns, "--columns", &request_cols},
                                    std::tuple{&o.case_columns, "--case-columns", &case_cols}}) {
    if (auto bad = apply_column_spec(*spec, *cols)) {
      std::cerr << fmt::format("gongkai {}: {}: {}\n", command, option, bad->in(lang));
      ctx.exit_code = kUnreadable;
      return nullptr;
    }
  }
  auto run = std::make_unique<RegisterRun>();
  run->request_words = request_terms(form, vocabulary.requests, vocabulary_path);
  run->case_words = case_terms(form, vocabulary.cases, vocabulary_path);
  if (const std::string terms = terms_file(o); !terms.empty()) {
    try {
      const OfficeTerms office = read_office_terms(terms, read_file(terms));
      run->found.add(Diagnostic::info("terms", SourceLoc{terms, 0, 0, {}},
                                      {"本机关用语取自此文件", "the office's own terms read from this file"}));
      apply_office_terms(office, run->request_words, run->case_words, run->found);
    } catch (const Error& e) {
      run->found.add(to_diagnostic(e));
      run->readable = false;
    }
    run->inputs.push_back(terms);
  }
  run->requests = std::make_unique<RequestRegister>(run->request_words, request_cols, year, run->found);
  run->readable = feed(o.requests, o.encoding, *run->requests, run->found) && run->readable;
  if (!o.cases.empty()) {
    run->cases = std::make_unique<CaseRegister>(run->case_words, case_cols, year, run->found);
    run->readable = feed(o.cases, o.encoding, *run->cases, run->found) && run->readable;
  }
  run->inputs.insert(run->inputs.end(), o.requests.begin(), o.requests.end());
  run->inputs.insert(run->inputs.end(), o.cases.begin(), o.cases.end());
  return run;
}

}  // namespace gongkai::cli
