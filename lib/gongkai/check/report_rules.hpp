// Rules about a report as a whole: its form fits its year (`form-year`) and it was published
// by the deadline of its agency's level (`deadline`).
#pragma once

#include <gongkai/check/rules.hpp>

namespace gongkai {

void check_form_year(CheckContext& ctx, Diagnostics& out);
void check_deadline(CheckContext& ctx, Diagnostics& out);

}  // namespace gongkai
