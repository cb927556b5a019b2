#include "cmd_diff_roster.hpp"

#include "diff_output.hpp"
#include "progress.hpp"

#include <gongkai/diff/roster_diff.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/render/roster_diff_html.hpp>
#include <gongkai/render/roster_diff_json.hpp>
#include <gongkai/render/roster_diff_table.hpp>
#include <gongkai/render/roster_diff_text.hpp>
#include <gongkai/render/roster_diff_xlsx.hpp>

#include <filesystem>
#include <iostream>

namespace gongkai::cli {

void run_diff_roster(const RosterDiffArgs& args, Context& ctx) {
  const Lang lang = ctx.lang();
  const bool zh = lang == Lang::zh;
  if (args.rosters.size() != 2) {
    std::cerr << (zh ? "gongkai diff --roster：需要两份名册：上年度的、本年度的\n"
                     : "gongkai diff --roster: needs two rosters: last year's, this year's\n");
    ctx.exit_code = kUnreadable;
    return;
  }
  // The format as for two reports (--format, else -o FILE's extension, else text; XLSX never to a
  // terminal), of the five a roster diff has.
  const auto choice = choose_diff_output(args.format, args.output, lang);
  if (!choice) {
    ctx.exit_code = kUnreadable;
    return;
  }
  const std::string format(choice->format->name);
  if (format != "text" && format != "json" && format != "csv" && format != "html" && format != "xlsx") {
    std::cerr << (zh ? "gongkai diff --roster：格式为 text、json、csv、html 或 xlsx\n"
                     : "gongkai diff --roster: the format is text, json, csv, html or xlsx\n");
    ctx.exit_code = kUnreadable;
    return;
  }
  RosterDiffRequest request;
  request.last_roster = args.rosters[0];
  request.this_roster = args.rosters[1];
  request.forms = &ctx.forms();
  request.diff = args.diff;
  request.jobs = args.jobs;
  request.encoding = args.encoding;
  request.register_headers = ctx.register_headers();
  request.load = [](const std::string& p) { return read_file(p); };
  request.progress = make_progress_bar(ctx.quiet);
  const RosterDiff diff = diff_rosters(request);
  if (diff.rosters_unreadable) {
    std::cerr << render_diagnostics_text(diff.findings, lang);
    ctx.exit_code = kUnreadable;
    return;
  }
  std::string content;
  if (format == "json") {
    content = render_roster_diff_json(diff, lang);
  } else if (format == "csv") {
    content = "\xEF\xBB\xBF" + render_roster_diff_csv(diff, lang);  // with a BOM: Excel opens it as UTF-8
  } else if (format == "html") {
    HtmlTemplates html;
    const std::filesystem::path dir = template_dir(ctx.template_dir) / "html";
    html.page_name = (dir / "roster-diff.mustache").string();
    html.page = read_file(html.page_name);
    html.style = read_file((dir / "overview.css").string());
    content = render_roster_diff_html(diff, lang, html);
  } else if (format == "xlsx") {
    content = render_roster_diff_xlsx(diff, lang);
  } else {
    content = render_roster_diff_text(diff, lang);
  }
  write_file_atomic(args.output, content, diff.files);
  // Unreadable units are said on standard error too, whatever the format: they make exit 2.
  if (format != "text" && diff.unreadable()) {
    Diagnostics why;
    for (const auto& u : diff.units)
      if (u.status == RosterUnitStatus::unreadable) why.append(u.findings);
    std::cerr << render_diagnostics_text(why, lang);
  }
  if (diff.unreadable())
    ctx.exit_code = kUnreadable;
  else if (diff.carry_broken() || diff.has_errors() || (args.strict && diff.flagged()))
    ctx.exit_code = kFindings;
  else
    ctx.exit_code = kOk;
}

}  // namespace gongkai::cli
