#include "man_page.hpp"

#include <fmt/format.h>

#include <string_view>

namespace gongkai::cli {

namespace {

// Text as roff reads it: backslashes escaped, a line never starting with a control character.
std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\')
      out += "\\e";
    else
      out += c;
  }
  if (!out.empty() && (out.front() == '.' || out.front() == '\'')) out.insert(0, "\\&");
  return out;
}

// An option name in bold, its hyphens as minus signs (what a user types).
std::string option_name(std::string_view name) {
  std::string out = "\\fB";
  for (char c : name) out += c == '-' ? std::string("\\-") : std::string(1, c);
  return out + "\\fR";
}

std::string option_head(const OptionInfo& o) {
  if (o.positional) return fmt::format("\\fI{}\\fR{}", roff(o.value_name), o.repeatable ? " ..." : "");
  std::string out;
  for (const auto& n : o.names) out += (out.empty() ? "" : ", ") + option_name(n);
  if (!o.flag) out += fmt::format(" \\fI{}\\fR", roff(o.value_name));
  return out;
}

std::string option_items(const std::vector<OptionInfo>& options) {
  std::string out;
  for (const OptionInfo& o : options) {
    out += ".TP\n" + option_head(o) + "\n" + roff(o.description);
    if (o.required) out += " (required)";
    if (o.repeatable && !o.positional) out += " (repeatable)";
    out += "\n";
  }
  return out;
}

std::string usage(const CommandInfo& c) {
  std::string out = fmt::format("\\fBgongkai {}\\fR [\\fIoptions\\fR]", c.name);
  for (const OptionInfo& o : c.options) {
    if (!o.positional) continue;
    const std::string word = fmt::format("\\fI{}\\fR{}", roff(o.value_name), o.repeatable ? " ..." : "");
    out += o.required ? " " + word : " [" + word + "]";
  }
  return out;
}

constexpr std::string_view kDescription = R"(.SH DESCRIPTION
.B gongkai
compiles and checks the annual report on government information disclosure that every
Chinese government office publishes by 31 January under the Regulations on the Disclosure of
Government Information (政府信息公开条例).
It reads the year's tallies (YAML, CSV or XLSX) or the office's case registers, checks them
against every rule of the statutory form (2019 or 2021), and writes the published report as
Markdown, HTML, XLSX and JSON.
Official labels are written verbatim; findings name a rule ID and the file, line or cell.
.PP
Where a file is read, \fB\-\fR reads standard input; where a file is written (\fB\-o\fR,
\fB\-\-findings\fR, \fB\-\-overview\fR), \fB\-\fR writes standard output.
Outputs are written whole or not at all, and never over an input.
)";

constexpr std::string_view kFixedSections = R"(.SH EXIT STATUS
.TP
.B 0
No errors (warnings allowed, unless \fB\-\-strict\fR).
.TP
.B 1
The inputs were read and contain errors (or rows of a register were rejected).
.TP
.B 2
An input could not be read (or crosses a limit), an output could not be written, or the
command line is wrong.
.TP
.B 129, 130, 143
Interrupted by SIGHUP, SIGINT or SIGTERM: temporary files and staging folders are removed,
only complete files are left.
.SH ENVIRONMENT
.TP
.B LC_ALL, LC_MESSAGES, LANG
The message language when \fB\-\-lang\fR is not given: the first of them that is set names
the locale; a \fBzh\fR locale (zh_CN.UTF\-8) gives Chinese, any other English.
.TP
.B LANGUAGE
A list of languages by preference, as GNU gettext reads it (\fBzh_CN:en\fR): its first
\fBzh\fR or \fBen\fR entry decides, unless the locale is C or POSIX (C.UTF\-8 included).
.TP
.B NO_COLOR
When set and not empty, findings are never coloured. Otherwise the severity of a finding is
coloured only when standard error is a terminal and \fBTERM\fR is not \fBdumb\fR.
.TP
.B SOURCE_DATE_EPOCH
Seconds since 1970\-01\-01 UTC: the date written in the outputs in place of today
(reproducible builds). gongkai reads no clock otherwise.
.TP
.B GONGKAI_TEMPLATE_DIR
The report\-templates folder, when \fB\-\-template\-dir\fR is not given.
.TP
.B GONGKAI_KEPT_REPORTS
How many reports \fBcheck\fR keeps in memory for the cross\-year pairs of units given together
(default 1000; docs/limits.md). A year of a pair beyond them is read and checked again; the
findings are the same.
.TP
.B TMPDIR
Where gongkai makes its private folder for temporary files (removed at exit, and on SIGINT,
SIGTERM or SIGHUP). When unset: \fI/dev/shm\fR if it is a memory file system with 1 GiB free,
else \fI/tmp\fR.
.SH FILES
.TP
.I PREFIX/share/gongkai/report\-templates/
The forms and templates, found beside the program (\fIPREFIX/bin/gongkai\fR), so that an
installed tree can be moved; \fI/usr/share/gongkai/report\-templates/\fR for the Debian
package. Searched after \fB\-\-template\-dir\fR and \fBGONGKAI_TEMPLATE_DIR\fR.
.TP
.I LIBDIR/gongkai/gongkai\-pdf.so
The PDF reader's poppler half, loaded only when a PDF is read (\fBgongkai import\fR, a \fI.pdf\fR
input), from beside the program (\fIPREFIX/bin/../LIBDIR/gongkai/\fR) or where it was installed;
\fI/usr/lib/gongkai/gongkai\-pdf.so\fR for the Debian package. Loaded only when it and its folder
belong to root or to the user running gongkai and no one else may write them.
.TP
.I report\-templates/forms/form\-2019.yaml, form\-2021.yaml
The statutory forms: tables, official labels, cell IDs, sum rules, deadlines.
.TP
.I report\-templates/html/
The report and overview pages (Mustache) and their stylesheets.
.TP
.I report\-templates/diff\-thresholds.yaml
What \fBgongkai diff\fR flags.
.TP
.I report\-templates/register\-synonyms.yaml
The column headers case registers are recognised by.
.SH EXAMPLES
Start a report for 2024 from last year's, check it, then build every format:
.PP
.EX
gongkai init 2024 \-\-agency \(aqXX市XX局\(aq \-\-year 2024 \-\-from 2023
gongkai check 2024/report.yaml
gongkai build 2024/report.yaml \-o out
.EE
.PP
Count tables 三 and 四 from a case register, and check the tally read from standard input:
.PP
.EX
gongkai tally register.csv \-o tally.yaml
gongkai tally register.csv | gongkai check \-
.EE
.PP
Build only the Markdown of one report to standard output:
.PP
.EX
gongkai build report.yaml \-\-format md \-o \-
.EE
.PP
Consolidate a county's units, then compare two years of one agency:
.PP
.EX
gongkai merge roster.yaml \-o county.yaml
gongkai diff 2022.yaml 2023.yaml
.EE
.SH SEE ALSO
The README and ARCHITECTURE files of the source, and \fBgongkai rules\fR for the rule table.
)";

}  // namespace

std::string man_page(const CliModel& model, const std::string& date) {
  std::string out;
  out += ".\\\" gongkai(1): generated by `gongkai help --man` from the command line itself.\n";
  out += fmt::format(".TH GONGKAI 1 {} \"gongkai {}\" \"User Commands\"\n", date, model.version);
  out +=
      ".SH NAME\ngongkai \\- compile and check the annual report on government information disclosure "
      "(政府信息公开工作年度报告)\n";
  out +=
      ".SH SYNOPSIS\n.B gongkai\n[\\fIglobal options\\fR] \\fIcommand\\fR [\\fIoptions\\fR] "
      "[\\fIfile\\fR ...]\n.br\n.B gongkai help\n[\\fIcommand\\fR]\n";
  out += kDescription;
  out += ".SH GLOBAL OPTIONS\nGiven before the command.\n" + option_items(model.globals);
  out += ".SH COMMANDS\n";
  for (const CommandInfo& c : model.commands) {
    out += ".SS " + c.name + "\n" + usage(c) + "\n.PP\n" + roff(c.description) + ".\n";
    out += option_items(c.options);
  }
  out += kFixedSections;
  return out;
}

}  // namespace gongkai::cli
