// A roster diff as a self-contained page (report-templates/html/roster-diff.mustache with
// html/overview.css inlined), with no script: the units that need a look come first in a
// table sorted for it (unreadable, duplicate names, carry-over broken, in force broken, then
// the most flags and the most changed cells), each name linking to the unit's row in the
// second table, which lists every unit in roster order; then every finding.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/diff/roster_diff.hpp>
#include <gongkai/render/html_report.hpp>

#include <string>

namespace gongkai {

// Template variables (escaped unless noted): lang title summary style (raw) attention_heading
// attention_note all_heading findings_heading columns[{heading numeric}]
// attention[{row class cells[{text numeric first}]}] units[{row class cells[…]}]
// has_findings findings[{severity text}].
// Throws InputError (naming the template) when the template does not parse.
[[nodiscard]] std::string render_roster_diff_html(const RosterDiff& diff, Lang lang, const HtmlTemplates& templates);

}  // namespace gongkai
