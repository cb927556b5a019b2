#include <gongkai/readers/xlsx/xlsx_error.hpp>

#include <fmt/format.h>

namespace gongkai {

void xlsx_fail(XlsxFailure kind, std::string_view file, std::string_view part, const Text& detail,
               std::string cell_ref) {
  std::string_view zh;
  std::string_view en;
  switch (kind) {
    case XlsxFailure::not_xlsx:
      zh = "不是 XLSX 工作簿";
      en = "not an XLSX workbook";
      break;
    case XlsxFailure::corrupt:
      zh = "XLSX 文件损坏";
      en = "corrupt XLSX";
      break;
    case XlsxFailure::refused:
      zh = "拒绝读取 XLSX";
      en = "refused XLSX";
      break;
  }
  Text message = part.empty() ? Text{fmt::format("{}：{}", zh, detail.zh), fmt::format("{}: {}", en, detail.en)}
                              : Text{fmt::format("{}：{}：{}", zh, part, detail.zh),
                                     fmt::format("{}: {}: {}", en, part, detail.en)};
  throw InputError(SourceLoc{std::string(file), 0, 0, std::move(cell_ref)}, std::move(message));
}

}  // namespace gongkai
