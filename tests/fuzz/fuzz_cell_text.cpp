// The cell-text parser (readers/cell_text): any text as a count cell and as a money cell.
#include "fuzz_support.hpp"

#include <gongkai/readers/cell_text.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongkai;
  static const auto form = fuzz::forms().by_id("2021");
  static const std::vector<const CellDef*> cells = [] {
    std::vector<const CellDef*> picked;
    // One count cell and one money cell (a column with a unit), whichever the form has first.
    for (const auto& c : form->cells()) {
      const bool money = c.column != nullptr && !c.column->unit.empty();
      if ((money && picked.size() == 1) || (!money && picked.empty())) picked.push_back(&c);
    }
    return picked;
  }();
  const std::string_view text = gongkai::fuzz::as_text(data, size);
  for (const CellDef* c : cells) {
    Diagnostics out;
    (void)parse_cell_text(text, *form, *c, SourceLoc{"t.csv", 1, 1, {}}, out);
    (void)parse_cell_number(text, *form, *c, SourceLoc{"t.csv", 1, 1, {}}, out);
    fuzz::render_all(out);
  }
  return 0;
}
