// Feeds a register file to a RegisterConsumer, one row at a time: a CSV (UTF-8, with or
// without BOM, or GB18030 as Excel on Chinese Windows saves it: see readers/encoding.hpp) or
// an XLSX workbook, every worksheet of it (readers/xlsx/workbook.hpp). The kind is told by the
// content, not the name. Pure: the file's bytes are in memory; memory beyond them does not
// grow with the number of rows.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/readers/encoding.hpp>
#include <gongkai/tally/register_row.hpp>

#include <string_view>

namespace gongkai {

enum class RegisterFormat { csv, xlsx, xls };

// By the first bytes: a ZIP is an XLSX, an OLE compound file an Excel 97–2003 .xls, else CSV.
[[nodiscard]] RegisterFormat sniff_register(std::string_view bytes);

// Returns false when the file could not be read (not decodable, malformed CSV quoting, a
// damaged or hostile workbook, an .xls): the errors are in `out`. Which encoding a CSV was
// read in is reported as an info finding when it was not UTF-8.
bool read_register(std::string_view name, std::string_view bytes, Encoding encoding, RegisterConsumer& consumer,
                   Diagnostics& out);

}  // namespace gongkai
