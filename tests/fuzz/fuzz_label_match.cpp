// The label matcher (readers/label_match) and "did you mean" (core/suggest): any text against
// every row and column label of the 2021 form, and the excerpt a message quotes.
#include "fuzz_support.hpp"

#include <gongkai/core/excerpt.hpp>
#include <gongkai/core/suggest.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/readers/label_match.hpp>

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongkai;
  static const auto setup = [] {
    std::pair<LabelMatcher, std::vector<std::string>> s;
    const auto form = fuzz::forms().by_id("2021");
    std::size_t i = 0;
    for (const auto& c : form->cells()) {
      const std::string label = form->cell_label(c);
      s.first.add(label, i++);
      s.second.push_back(label);
    }
    return s;
  }();
  const std::string_view text = fuzz::as_text(data, size);
  const std::string shown = excerpt(text);
  if (shown.find('\n') != std::string::npos) __builtin_trap();
  if (find_invalid_utf8(text) != std::string_view::npos) return 0;  // callers decode first
  const LabelMatch m = setup.first.match(text);
  if (m.matched() && m.official.empty()) __builtin_trap();
  (void)did_you_mean(text, setup.second);
  return 0;
}
