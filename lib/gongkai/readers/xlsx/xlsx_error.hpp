// The one wording of a workbook that cannot be read. Three kinds, so a user knows what to do:
// not a workbook at all (wrong file), a damaged one (re-save it), or one refused because it
// crosses a safety limit (XlsxLimits). Each names the file, the part inside the ZIP and, when
// known, the line and column in that part or the cell (`Sheet!C7`). Thrown as InputError:
// an unreadable input is fatal (exit code 2).
#pragma once

#include <gongkai/core/diagnostic.hpp>

#include <string>
#include <string_view>

namespace gongkai {

enum class XlsxFailure {
  not_xlsx,  // 不是 XLSX 工作簿 / not an XLSX workbook
  corrupt,   // XLSX 文件损坏 / corrupt XLSX
  refused,   // 拒绝读取 XLSX / refused XLSX (a safety limit)
};

// Throws InputError(SourceLoc{file, 0, 0, cell_ref}, "<kind>: <part>: <detail>"); `part`
// may be empty, then it is left out.
[[noreturn]] void xlsx_fail(XlsxFailure kind, std::string_view file, std::string_view part, const Text& detail,
                            std::string cell_ref = {});

}  // namespace gongkai
