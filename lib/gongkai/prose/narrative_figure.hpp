// Rule `narrative-figure` (warning, spec §5): a number typed into the prose that contradicts
// the table figure it states — 「现行有效行政规范性文件393件」 while table 二 says 470.
//
// Reading free Chinese text for figures is guesswork, so the rule only speaks when the guess
// is safe. The prose is cut into sentences at 。；！？ and line breaks, sentences into clauses
// at ，and brackets, and a list 「许可决定18536件、处罚决定1247件」 at 、 when every item has
// its own number. A clause is compared only when
//   - exactly one figure's phrases (prose-rules.yaml) match it: every keyword group present,
//     none of its `none` words and none of the global `exclude` words (同比, 增加, 其中, …);
//     failing that, a short clause continuing its sentence — 「…规范性文件4件，废止2件，现行
//     有效27件」 — may take keyword groups from earlier in the sentence, if at least one is its
//     own and the clause holds nothing else but the number and filler words (共, 为, 已 …);
//   - it holds exactly one number followed directly by a unit (件, 万元, …), not hedged
//     (约, 近, 逾, 超, 第 before it; 以上, 左右, 余, 多 after it), and no other number but a
//     year (「第3季度新收申请10件」 is about a quarter);
//   - the figure has a value in the tables.
// Placeholders are blanked out first: a figure cited by placeholder cannot contradict.
// A number written with fewer decimals than the table holds is compared after rounding the
// table figure half away from zero (24252.31万元 states 24252.311082); amounts may be
// written in 元 or 万元.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/prose/prose_rules.hpp>

#include <string_view>

namespace gongkai {

// `text` is one section's prose as written (placeholders unexpanded); `start` is where its
// first byte came from. Each finding points at the number.
void check_narrative_figures(const Report& report, const ProseRules& rules, std::string_view text,
                             const SourceLoc& start, Diagnostics& out);

}  // namespace gongkai
