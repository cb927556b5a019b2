// How far an XLSX may make us go. A workbook is a ZIP of XML parts, and both layers can be
// turned against a reader: a part that inflates a thousandfold (a zip bomb), XML entities that
// expand exponentially (billion laughs), nesting or strings without end. Every bound that
// protects memory and time is here, so a caller (or a test) can tighten or relax them.
#pragma once

#include <cstdint>

namespace gongkai {

struct XlsxLimits {
  // Uncompressed bytes one part (a sheet, the shared strings) may inflate to.
  // Default: 1 GiB (a 1,000,000-row register of ~20 columns is about that).
  std::uint64_t max_part_bytes = std::uint64_t{1} << 30;

  // Uncompressed bytes all parts read from one workbook may inflate to together.
  // Default: 2 GiB.
  std::uint64_t max_total_bytes = std::uint64_t{2} << 30;

  // Largest uncompressed:compressed ratio of a part, held only against parts that inflate
  // beyond `ratio_applies_above` (small XML parts compress very well and are harmless).
  // Real sheets compress 5-50:1; deflate's ceiling is about 1030:1.
  // Default: 200.
  std::uint64_t max_ratio = 200;

  // Default: 16 MiB.
  std::uint64_t ratio_applies_above = std::uint64_t{16} << 20;

  // Entries in the ZIP's central directory. Default: 10,000.
  std::uint64_t max_entries = 10000;

  // Strings in xl/sharedStrings.xml. Their bytes are bounded by max_part_bytes; this bounds
  // the index kept beside them. Default: 8,000,000.
  std::uint64_t max_shared_strings = 8000000;

  // Columns of a sheet; a cell beyond is an error. Default: 16,384 (XFD, Excel's own limit).
  std::uint32_t max_columns = 16384;

  // Bytes of text in one cell or shared string. Excel allows 32,767 characters, up to 4
  // UTF-8 bytes each. Default: 131,072.
  std::uint64_t max_cell_text_bytes = 131072;

  // Element nesting depth in any XML part (a sheet needs 7). Default: 64.
  int max_xml_depth = 64;

  // Merged ranges kept per sheet. Default: 100,000.
  std::uint64_t max_merged_ranges = 100000;

  // Not a bound: parts this large compressed or larger are inflated on a second thread while
  // the first parses (readers/xlsx/read_ahead.hpp). Default: 1 MiB (a sheet of ~40,000 rows).
  std::uint64_t read_ahead_from = std::uint64_t{1} << 20;
};

}  // namespace gongkai
