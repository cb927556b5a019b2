// gongkai check FILE...: every rule of the form on each report, and the cross-year rules
// between reports of the same agency in consecutive years. All findings, then a summary.
#include "context.hpp"
#include "report_options.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/readers/input.hpp>
#include <gongkai/render/diagnostics_json.hpp>
#include <gongkai/render/diagnostics_text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>
#include <map>

namespace gongkai::cli {

namespace {

struct CheckCmdOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool strict = false;
  std::string previous;
  ReportOptionValues report;
};

}  // namespace

void register_check(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<CheckCmdOptions>();
  auto* cmd = app.add_subcommand("check", "Check reports against every rule of their form");
  cmd->add_option("files", opts->files, "Tallies: .yaml, .csv (\"-\" for standard input)")->required();
  cmd->add_option("--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->add_flag("--strict", opts->strict, "Count warnings as errors");
  cmd->add_option("--previous", opts->previous, "Last year's report, for the cross-year rules");
  add_report_options(*cmd, opts->report);
  cmd->callback([opts, &ctx] {
    const Lang lang = ctx.lang();
    ReadOptions read_options = make_read_options(opts->report);
    Diagnostics all;
    bool unreadable = false;
    std::vector<Report> reports;
    auto loader = [](const std::string& p) { return read_file(p); };
    auto read_one = [&](const std::string& file) -> std::optional<Report> {
      Diagnostics found;
      std::optional<Report> report;
      try {
        ReadResult r = read_report(file, ctx.forms(), read_options, loader, found);
        report = std::move(r.report);
      } catch (const InputError& e) {
        Diagnostic d;
        d.severity = Severity::error;
        d.rule = "input";
        d.message = e.message();
        d.where = e.where();
        found.add(std::move(d));
      }
      if (found.has_errors() || !report) {
        unreadable = true;
        all.append(found);
        return std::nullopt;
      }
      check_report(*report, CheckOptions{&ctx.forms()}, found);
      all.append(found);
      return report;
    };
    for (const auto& f : opts->files)
      if (auto r = read_one(f)) reports.push_back(std::move(*r));
    // Cross-year: --previous against every file, and consecutive years of one agency.
    if (!opts->previous.empty()) {
      Diagnostics ignored;
      if (auto prev = read_one(opts->previous))
        for (const auto& r : reports) check_cross_year(r, *prev, all);
    }
    std::map<std::pair<std::string, int>, const Report*> by_agency_year;
    for (const auto& r : reports) by_agency_year[{r.agency, r.year}] = &r;
    for (const auto& r : reports) {
      auto it = by_agency_year.find({r.agency, r.year - 1});
      if (r.year != 0 && it != by_agency_year.end()) check_cross_year(r, *it->second, all);
    }

    if (opts->format == "json") {
      std::cout << diagnostics_json(all, lang).dump(2) << "\n";
    } else {
      std::cout << render_diagnostics_text(all, lang);
    }
    const std::size_t errors = all.count(Severity::error);
    const std::size_t warnings = all.count(Severity::warning);
    if (!ctx.quiet && opts->format == "text") {
      std::cerr << (lang == Lang::zh ? fmt::format("检查了 {} 个文件：{} 个错误，{} 个警告\n", opts->files.size(), errors, warnings)
                                     : fmt::format("checked {} file{}: {} error{}, {} warning{}\n", opts->files.size(),
                                                   opts->files.size() == 1 ? "" : "s", errors, errors == 1 ? "" : "s",
                                                   warnings, warnings == 1 ? "" : "s"));
    }
    if (unreadable) ctx.exit_code = kUnreadable;
    else if (errors > 0 || (opts->strict && warnings > 0)) ctx.exit_code = kFindings;
    else ctx.exit_code = kOk;
  });
}

}  // namespace gongkai::cli
