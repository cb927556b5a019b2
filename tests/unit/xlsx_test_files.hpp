// Builds workbooks for the XLSX reader tests: real ones with libxlsxwriter, and hand-made ZIPs
// of raw XML parts with libzip (inline strings, damaged or hostile parts no writer would make).
// Files go to a temporary directory removed at the end of the test; the bytes are read back.
#pragma once

#include <doctest/doctest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace gongkai::test {

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "gongkai-xlsx-XXXXXX").string();
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] std::string file(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Closes a libxlsxwriter workbook and returns the file's bytes.
inline std::string close_workbook(lxw_workbook* book, const std::string& path) {
  REQUIRE(workbook_close(book) == LXW_NO_ERROR);
  return read_bytes(path);
}

struct ZipEntry {
  std::string name;
  std::string data;
  bool store = false;  // stored, not deflated
};

// A ZIP of the given entries, deflated at the best compression unless `store`.
inline std::string make_zip(const TempDir& dir, const std::vector<ZipEntry>& entries) {
  std::string path = dir.file("raw.zip");
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  REQUIRE(z != nullptr);
  for (const auto& e : entries) {
    zip_source_t* src = zip_source_buffer(z, e.data.data(), e.data.size(), 0);
    REQUIRE(src != nullptr);
    zip_int64_t idx = zip_file_add(z, e.name.c_str(), src, ZIP_FL_ENC_UTF_8);
    REQUIRE(idx >= 0);
    REQUIRE(zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), e.store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                     e.store ? 0 : 9) == 0);
  }
  REQUIRE(zip_close(z) == 0);
  return read_bytes(path);
}

inline const char* kContentTypesXml =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/xl/workbook.xml" )"
    R"(ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
    R"(</Types>)";

inline std::string workbook_xml(const std::vector<std::string>& sheet_names) {
  std::string s = R"(<?xml version="1.0" encoding="UTF-8"?>)"
                  R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
                  R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)";
  for (std::size_t i = 0; i < sheet_names.size(); ++i) {
    s += "<sheet name=\"" + sheet_names[i] + "\" sheetId=\"" + std::to_string(i + 1) + "\" r:id=\"rId" +
         std::to_string(i + 1) + "\"/>";
  }
  return s + "</sheets></workbook>";
}

inline std::string workbook_rels(std::size_t sheets, bool shared_strings) {
  std::string s = R"(<?xml version="1.0" encoding="UTF-8"?>)"
                  R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
  for (std::size_t i = 1; i <= sheets; ++i) {
    s += "<Relationship Id=\"rId" + std::to_string(i) +
         "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
         "Target=\"worksheets/sheet" +
         std::to_string(i) + ".xml\"/>";
  }
  if (shared_strings) {
    s += "<Relationship Id=\"rIdS\" "
         "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" "
         "Target=\"sharedStrings.xml\"/>";
  }
  return s + "</Relationships>";
}

// `<worksheet><sheetData>` + rows + `</sheetData>` + tail + `</worksheet>`.
inline std::string sheet_xml(const std::string& rows, const std::string& tail = {}) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>)"
         R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
         rows + "</sheetData>" + tail + "</worksheet>";
}

// A minimal workbook of raw parts: one sheet per entry of `sheets` (name, sheet XML), with a
// shared strings part when `shared` is given.
inline std::string raw_workbook(const TempDir& dir, const std::vector<std::pair<std::string, std::string>>& sheets,
                                const std::string* shared = nullptr, std::vector<ZipEntry> extra = {}) {
  std::vector<std::string> names;
  std::vector<ZipEntry> entries{{"[Content_Types].xml", kContentTypesXml}};
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    names.push_back(sheets[i].first);
    entries.push_back({"xl/worksheets/sheet" + std::to_string(i + 1) + ".xml", sheets[i].second});
  }
  entries.push_back({"xl/workbook.xml", workbook_xml(names)});
  entries.push_back({"xl/_rels/workbook.xml.rels", workbook_rels(sheets.size(), shared != nullptr)});
  if (shared != nullptr) entries.push_back({"xl/sharedStrings.xml", *shared});
  for (auto& e : extra) entries.push_back(std::move(e));
  return make_zip(dir, entries);
}

}  // namespace gongkai::test
