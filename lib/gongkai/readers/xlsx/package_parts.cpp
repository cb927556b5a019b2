#include <gongkai/readers/xlsx/package_parts.hpp>

#include <gongkai/readers/xlsx/xlsx_error.hpp>
#include <gongkai/readers/xlsx/xml_stream.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

constexpr std::string_view kContentTypes = "[Content_Types].xml";

// The main part of a workbook, a macro-enabled workbook, or a template (transitional or
// strict OOXML alike).
bool is_workbook_type(std::string_view type) {
  return type.ends_with(".main+xml") && (type.find("spreadsheetml.sheet.") != std::string_view::npos ||
                                         type.find("spreadsheetml.template.") != std::string_view::npos ||
                                         type.find("ms-excel.sheet.") != std::string_view::npos ||
                                         type.find("ms-excel.template.") != std::string_view::npos);
}

class ContentTypesParser : public XmlHandler {
 public:
  void start(std::string_view name, const XmlAttributes& attributes) override {
    if (name != "Override" || workbook) return;
    auto type = attributes.get("ContentType");
    auto part = attributes.get("PartName");
    if (type && part && is_workbook_type(*type)) {
      std::string_view p = *part;
      if (p.starts_with('/')) p.remove_prefix(1);
      workbook = std::string(p);
    }
  }
  void end(std::string_view /*name*/) override {}

  std::optional<std::string> workbook;
};

class RelationshipsParser : public XmlHandler {
 public:
  RelationshipsParser(const ZipPackage& package, std::string_view rels_part, std::string_view source_part)
      : package_(package), rels_part_(rels_part), source_part_(source_part) {}

  void start(std::string_view name, const XmlAttributes& attributes) override {
    if (name != "Relationship") return;
    PackageRelationship rel;
    rel.id = std::string(attributes.get("Id").value_or(""));
    rel.type = std::string(attributes.get("Type").value_or(""));
    rel.external = attributes.get("TargetMode").value_or("") == "External";
    std::string_view target = attributes.get("Target").value_or("");
    if (rel.external) {
      rel.target = std::string(target);
    } else {
      auto resolved = resolve_target(source_part_, target);
      if (!resolved) {
        xlsx_fail(XlsxFailure::corrupt, package_.name(), rels_part_,
                  {fmt::format("关系 {} 的目标「{}」超出了压缩包", rel.id, target),
                   fmt::format("relationship {} targets '{}', outside the package", rel.id, target)});
      }
      rel.target = std::move(*resolved);
    }
    relationships.push_back(std::move(rel));
  }
  void end(std::string_view /*name*/) override {}

  std::vector<PackageRelationship> relationships;

 private:
  const ZipPackage& package_;
  std::string_view rels_part_;
  std::string_view source_part_;
};

}  // namespace

std::string find_workbook_part(ZipPackage& package) {
  if (!package.has(kContentTypes)) {
    xlsx_fail(XlsxFailure::not_xlsx, package.name(), {},
              {"ZIP 压缩包中没有 [Content_Types].xml", "a ZIP archive without [Content_Types].xml"});
  }
  ZipPartStream stream = package.open(kContentTypes);
  ContentTypesParser parser;
  parse_xml_part(stream, parser, package.limits(), package.name());
  if (!parser.workbook) {
    xlsx_fail(
        XlsxFailure::not_xlsx, package.name(), kContentTypes,
        {"未声明工作簿部件（可能是 Word 或 PowerPoint 文件）", "names no workbook part (a Word or PowerPoint file?)"});
  }
  return *parser.workbook;
}

std::string relationships_part_of(std::string_view part) {
  auto slash = part.rfind('/');
  std::string_view dir = slash == std::string_view::npos ? std::string_view() : part.substr(0, slash + 1);
  std::string_view file = slash == std::string_view::npos ? part : part.substr(slash + 1);
  return fmt::format("{}_rels/{}.rels", dir, file);
}

std::vector<PackageRelationship> read_relationships(ZipPackage& package, std::string_view source_part) {
  std::string rels = relationships_part_of(source_part);
  if (!package.has(rels)) return {};
  ZipPartStream stream = package.open(rels);
  RelationshipsParser parser(package, stream.part(), source_part);
  parse_xml_part(stream, parser, package.limits(), package.name());
  return std::move(parser.relationships);
}

std::optional<std::string> resolve_target(std::string_view source_part, std::string_view target) {
  std::vector<std::string_view> segments;
  if (target.starts_with('/')) {
    target.remove_prefix(1);
  } else {
    auto slash = source_part.rfind('/');
    std::string_view dir = slash == std::string_view::npos ? std::string_view() : source_part.substr(0, slash);
    while (!dir.empty()) {
      auto next = dir.find('/');
      segments.push_back(dir.substr(0, next));
      if (next == std::string_view::npos) break;
      dir.remove_prefix(next + 1);
    }
  }
  while (!target.empty()) {
    auto next = target.find('/');
    std::string_view seg = target.substr(0, next);
    if (seg == "..") {
      if (segments.empty()) return std::nullopt;
      segments.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segments.push_back(seg);
    }
    if (next == std::string_view::npos) break;
    target.remove_prefix(next + 1);
  }
  std::string out;
  for (std::string_view s : segments) {
    if (!out.empty()) out.push_back('/');
    out.append(s);
  }
  return out;
}

}  // namespace gongkai
