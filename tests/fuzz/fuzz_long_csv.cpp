// Label-keyed long CSV (readers/long_csv, the label matcher behind it): any text as a CSV.
#include "fuzz_support.hpp"

#include <gongkai/core/text.hpp>
#include <gongkai/readers/long_csv.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongkai;
  const std::string_view text = fuzz::as_text(data, size);
  if (find_invalid_utf8(text) != std::string_view::npos) return 0;  // the caller decodes first
  Diagnostics out;
  ReportMeta meta;
  meta.agency = "某局";
  meta.year = 2023;
  try {
    (void)read_long_csv("t.csv", text, fuzz::forms(), meta, out);
  } catch (const InputError&) {
  }
  fuzz::render_all(out);
  return 0;
}
