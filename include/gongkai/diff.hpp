// Comparing reports of one agency (`gongkai diff`): two years, two versions of one year, a
// series; every cell with its change and kind, flags with rule IDs, the 2019 → 2021 form change
// through the correspondence data; two rosters unit by unit (roster_diff.hpp). Reports come
// from read.hpp and are checked (check.hpp) first, so derived totals are there to compare.
// Nothing here names a third-party type.
#pragma once

#include <gongkai/diff/cell_diff.hpp>
#include <gongkai/diff/correspondence.hpp>
#include <gongkai/diff/prose_diff.hpp>
#include <gongkai/diff/report_diff.hpp>
#include <gongkai/diff/roster_diff.hpp>
#include <gongkai/diff/series.hpp>
#include <gongkai/diff/settings.hpp>
