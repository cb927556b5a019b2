// Reads the label-keyed long CSV of spec §7 (`section,row,column,value`, one cell a line,
// labels as printed). Labels are matched to the form by label_match.hpp, tolerant of the
// variants of spec §6; a non-exact match is a `label` warning, no match an error listing the
// closest candidates. The form is inferred from the labels when `meta.form_id` is not set,
// and the inference is reported as an info finding. Pure: takes name and text.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form_set.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/report_meta.hpp>

#include <optional>
#include <string_view>

namespace gongkai {

// `text` must already be UTF-8 (see encoding.hpp). Every problem goes to `out`.
[[nodiscard]] std::optional<Report> read_long_csv(std::string_view name, std::string_view text, const FormSet& forms,
                                                  const ReportMeta& meta, Diagnostics& out);

}  // namespace gongkai
