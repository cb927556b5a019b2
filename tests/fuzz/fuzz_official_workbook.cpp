// The official-layout workbook (readers/official_workbook): any bytes as tables 二, 三, 四.
#include "fuzz_support.hpp"

#include <gongkai/readers/official_workbook.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongkai;
  Diagnostics out;
  ReportMeta meta;
  meta.agency = "某局";
  meta.year = 2023;
  try {
    (void)read_official_workbook("w.xlsx", fuzz::as_text(data, size), fuzz::forms(), meta, out);
  } catch (const InputError&) {
  }
  fuzz::render_all(out);
  return 0;
}
