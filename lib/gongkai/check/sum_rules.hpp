// The form's own arithmetic: its derived totals computed (`overflow` when a sum leaves int64),
// its column-sum and row-sum rules (the form names each one's rule ID: `column-total`,
// `category-sum`, `outcome-sum`, `case-total`) and its row-balance rules (`balance`).
#pragma once

#include <gongkai/check/rules.hpp>

namespace gongkai {

// Fills in the derived totals a report leaves out (derive.hpp); an overflow is a finding.
void check_derived_totals(CheckContext& ctx, Diagnostics& out);
// Every column-sum and row-sum rule of the form, in the form's order: a given total that is
// not the sum of its parts. Records the wrong totals in ctx.wrong_totals.
void check_sums(CheckContext& ctx, Diagnostics& out);
// Every row-balance rule of the form, per column, leaving out a balance through a wrong total.
void check_balances(CheckContext& ctx, Diagnostics& out);

}  // namespace gongkai
