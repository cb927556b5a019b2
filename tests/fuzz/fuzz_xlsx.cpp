// The XLSX container and sheet XML (readers/xlsx/): any bytes as a workbook, every sheet read
// row by row.
#include "fuzz_support.hpp"

#include <gongkai/readers/xlsx/workbook.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace gongkai;
  try {
    XlsxWorkbook book("w.xlsx", fuzz::as_text(data, size));
    std::size_t cells = 0;
    for (std::size_t i = 0; i < book.sheets().size(); ++i)
      (void)book.read_sheet(i, [&](std::uint32_t, std::span<const XlsxCell> row) {
        cells += row.size();
        return true;
      });
  } catch (const InputError&) {
  }
  return 0;
}
