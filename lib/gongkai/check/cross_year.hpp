// The cross-year rules between a report and the same agency's report of the year before, as
// the form lists them: carried over this year equals carried forward last year
// (`carry-continuity`), and the stock of 规范性文件 in force follows from issued and repealed
// (`in-force-continuity`).
#pragma once

#include <gongkai/check/rules.hpp>

namespace gongkai {

void check_carry(const Report& current, const Report& previous, Diagnostics& out);
void check_stock(const Report& current, const Report& previous, Diagnostics& out);

}  // namespace gongkai
