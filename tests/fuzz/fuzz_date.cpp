// The register date parser (tally/register_date): any text as a date and as an Excel serial.
#include "fuzz_support.hpp"

#include <gongkai/tally/register_date.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongkai;
  const std::string_view text = fuzz::as_text(data, size);
  if (auto d = parse_register_date(text)) {
    // A parsed day formats and parses back to itself.
    const std::string shown = format_day(*d);
    const auto again = parse_register_date(shown);
    if (!again || *again != *d) __builtin_trap();
  }
  if (auto d = parse_excel_date(text)) (void)format_day(*d);
  return 0;
}
