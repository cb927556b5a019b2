// The Open Packaging Conventions layer of a workbook: [Content_Types].xml says which part is
// the workbook (so a Word document or a plain ZIP is told apart from a spreadsheet), and a
// part's relationships (`xl/_rels/workbook.xml.rels`) map the `r:id` of each sheet to the
// part that holds it.
#pragma once

#include <gongkai/readers/xlsx/zip_package.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct PackageRelationship {
  std::string id;      // rId1
  std::string type;    // …/relationships/worksheet
  std::string target;  // resolved part name: xl/worksheets/sheet1.xml
  bool external = false;
};

// The workbook part's name (xl/workbook.xml), from [Content_Types].xml. Throws InputError
// (not an XLSX workbook) when the package has no content types or names no workbook.
[[nodiscard]] std::string find_workbook_part(ZipPackage& package);

// `xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`.
[[nodiscard]] std::string relationships_part_of(std::string_view part);

// Reads the relationships of `source_part`, targets resolved against it; empty when it has
// none. Throws InputError when they are malformed.
[[nodiscard]] std::vector<PackageRelationship> read_relationships(ZipPackage& package, std::string_view source_part);

// `xl/workbook.xml` + `worksheets/sheet1.xml` -> `xl/worksheets/sheet1.xml`; an absolute
// target (`/xl/…`) is taken from the package root. nullopt when `..` climbs out of it.
[[nodiscard]] std::optional<std::string> resolve_target(std::string_view source_part, std::string_view target);

}  // namespace gongkai
