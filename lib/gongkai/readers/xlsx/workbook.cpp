#include <gongkai/readers/xlsx/workbook.hpp>

#include <gongkai/readers/xlsx/package_parts.hpp>
#include <gongkai/readers/xlsx/sheet_stream.hpp>
#include <gongkai/readers/xlsx/xlsx_error.hpp>
#include <gongkai/readers/xlsx/xml_stream.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

struct SheetEntry {
  std::string name;
  std::string relationship;  // r:id
  bool hidden = false;
};

class WorkbookParser : public XmlHandler {
 public:
  void start(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "sheets") in_sheets_ = true;
    if (name != "sheet" || !in_sheets_) return;
    SheetEntry e;
    e.name = std::string(attributes.get("name").value_or(""));
    e.relationship = std::string(attributes.get("id").value_or(""));
    auto state = attributes.get("state").value_or("visible");
    e.hidden = state == "hidden" || state == "veryHidden";
    sheets.push_back(std::move(e));
  }
  void end(std::string_view name) override {
    if (name == "sheets") in_sheets_ = false;
  }

  std::vector<SheetEntry> sheets;

 private:
  bool in_sheets_ = false;
};

bool has_type(const PackageRelationship& rel, std::string_view suffix) {
  return std::string_view(rel.type).ends_with(suffix);
}

}  // namespace

XlsxWorkbook::XlsxWorkbook(std::string_view name, std::string_view bytes, const XlsxLimits& limits)
    : package_(name, bytes, limits) {
  std::string workbook_part = find_workbook_part(package_);
  std::vector<PackageRelationship> rels = read_relationships(package_, workbook_part);

  WorkbookParser parser;
  {
    ZipPartStream stream = package_.open(workbook_part);
    parse_xml_part(stream, parser, package_.limits(), package_.name());
  }
  if (rels.empty() && !parser.sheets.empty()) {
    xlsx_fail(XlsxFailure::corrupt, package_.name(), {},
              {fmt::format("缺少部件 {}", relationships_part_of(workbook_part)),
               fmt::format("missing part {}", relationships_part_of(workbook_part))});
  }
  for (const SheetEntry& e : parser.sheets) {
    const PackageRelationship* rel = nullptr;
    for (const auto& r : rels) {
      if (r.id == e.relationship) rel = &r;
    }
    if (rel == nullptr) {
      xlsx_fail(XlsxFailure::corrupt, package_.name(), workbook_part,
                {fmt::format("工作表「{}」引用的关系 {} 在 {} 中不存在", e.name, e.relationship,
                             relationships_part_of(workbook_part)),
                 fmt::format("sheet '{}' refers to relationship '{}', which {} does not define", e.name, e.relationship,
                             relationships_part_of(workbook_part))});
    }
    if (!has_type(*rel, "/worksheet") || rel->external) continue;  // chart and dialog sheets
    sheets_.push_back(XlsxSheet{e.name, rel->target, e.hidden});
  }
  for (const auto& r : rels) {
    if (has_type(r, "/sharedStrings") && !r.external) {
      shared_part_ = r.target;
      shared_ = SharedStrings::read(package_, shared_part_);
      break;
    }
  }
}

XlsxSheetSummary XlsxWorkbook::read_sheet(std::size_t index, const XlsxRowCallback& on_row) {
  const XlsxSheet& sheet = sheets_.at(index);
  WorksheetSource source;
  source.part = sheet.part;
  source.sheet_name = sheet.name;
  source.shared = shared_ ? &*shared_ : nullptr;
  source.shared_part = shared_part_;
  return stream_worksheet(package_, source, on_row);
}

}  // namespace gongkai
