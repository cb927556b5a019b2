// Rules about single cells of a report: a blank cell (`blank-cell`, or `stub` when it still holds
// gongkai init's marker) and a category figure given without its sub-rows (`category-sum`).
#pragma once

#include <gongkai/check/rules.hpp>

namespace gongkai {

void check_blank_cells(CheckContext& ctx, Diagnostics& out);
void check_lone_categories(CheckContext& ctx, Diagnostics& out);

}  // namespace gongkai
