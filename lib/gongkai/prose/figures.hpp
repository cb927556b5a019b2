// What a figure name means in a report: a cell of the form (`applications.received.total`,
// read after check_report so derived totals are there) or a figure of the prose rules (a sum
// or a share of cells). Placeholders and the narrative-figure check both go through here, so
// a name means the same thing wherever prose uses it.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/prose/prose_rules.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

enum class FigureFormat {
  count,    // an integer
  amount,   // Decimal micro-units of the column's unit (万元)
  percent,  // tenths of a percent
};

struct FigureValue {
  std::int64_t raw = 0;
  FigureFormat format = FigureFormat::count;
  const ColumnDef* column = nullptr;  // a cell's column: printed with format_value, as the tables do
};

struct FigureLookup {
  bool known = false;                // a cell of the form, or a figure available in it
  std::optional<FigureValue> value;  // the figure, when it has one
  std::optional<Text> problem;       // known but without a figure: why (blank cell, 0 base…)
};

// `rules` may be nullptr (cells only). A figure of the rules is available in a form when every
// cell it is built from exists in that form.
[[nodiscard]] FigureLookup lookup_figure(const Report& report, const ProseRules* rules, std::string_view id);

// As printed in prose: 120, 24252.311082 (a cell through format_value), 95.8%.
[[nodiscard]] std::string format_figure(const FigureValue& v);

// Every name the form and rules make available, cells first, for "did you mean".
[[nodiscard]] std::vector<std::string> figure_names(const Form& form, const ProseRules* rules);

// How findings name a figure: the cell's label path (第二十条第（一）项 / 行政规范性文件 ·
// 现行有效件数) or the rules' zh / en description; the ID when neither is known.
[[nodiscard]] Text figure_label(const Form& form, const ProseRules* rules, std::string_view id);

}  // namespace gongkai
