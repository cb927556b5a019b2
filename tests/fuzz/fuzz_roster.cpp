// Rosters (aggregate/roster): any text as a roster file.
#include "fuzz_support.hpp"

#include <gongkai/aggregate/roster.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongkai;
  const std::string_view text = fuzz::as_text(data, size);
  Diagnostics out;
  try {
    (void)looks_like_roster(text);
    (void)parse_roster("roster.yaml", text, out);
  } catch (const InputError&) {
  }
  fuzz::render_all(out);
  return 0;
}
