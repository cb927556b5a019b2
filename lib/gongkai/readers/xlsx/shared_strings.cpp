#include <gongkai/readers/xlsx/shared_strings.hpp>

#include <gongkai/readers/xlsx/ooxml_text.hpp>
#include <gongkai/readers/xlsx/xlsx_error.hpp>
#include <gongkai/readers/xlsx/xml_stream.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>

namespace gongkai {

class SharedStringsBuilder : public XmlHandler {
 public:
  SharedStringsBuilder(SharedStrings& table, const ZipPackage& package, std::string_view part)
      : table_(table), package_(package), part_(part) {}

  void start(std::string_view name, const XmlAttributes& attributes) override {
    if (name == "sst") {
      reserve(attributes.get("uniqueCount"));
    } else if (name == "si") {
      if (table_.ends_.size() >= package_.limits().max_shared_strings) {
        xlsx_fail(XlsxFailure::refused, package_.name(), part_,
                  {fmt::format("共享字符串超过上限 {} 个", package_.limits().max_shared_strings),
                   fmt::format("more than {} shared strings, the limit", package_.limits().max_shared_strings)});
      }
      in_item_ = true;
      item_start_ = table_.text_.size();
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && in_item_ && phonetic_ == 0) {
      in_text_ = true;
    }
  }

  void end(std::string_view name) override {
    if (name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "si") {
      decode_ooxml_escapes(table_.text_, item_start_);
      table_.ends_.push_back(table_.text_.size());
      in_item_ = false;
    }
  }

  void text(std::string_view chunk) override {
    if (!in_text_) return;
    if (table_.text_.size() - item_start_ + chunk.size() > package_.limits().max_cell_text_bytes) {
      xlsx_fail(XlsxFailure::refused, package_.name(), part_,
                {fmt::format("第 {} 个共享字符串超过 {} 字节的上限", table_.ends_.size(),
                             package_.limits().max_cell_text_bytes),
                 fmt::format("shared string {} is longer than the limit of {} bytes", table_.ends_.size(),
                             package_.limits().max_cell_text_bytes)});
    }
    table_.text_.append(chunk);
  }

 private:
  // Room for the strings the table says it holds (within the limit), so that a million of
  // them are not copied at each doubling of the arrays: every page first touched costs.
  // Room reserved and not used is never touched, so a wrong count costs nothing.
  void reserve(std::optional<std::string_view> unique_count) {
    std::uint64_t n = 0;
    if (!unique_count ||
        std::from_chars(unique_count->data(), unique_count->data() + unique_count->size(), n).ec != std::errc()) {
      return;
    }
    n = std::min<std::uint64_t>(n, package_.limits().max_shared_strings);
    table_.ends_.reserve(static_cast<std::size_t>(n));
    table_.text_.reserve(static_cast<std::size_t>(std::min<std::uint64_t>(n * 16, package_.limits().max_part_bytes)));
  }

  SharedStrings& table_;
  const ZipPackage& package_;
  std::string_view part_;
  bool in_item_ = false;
  bool in_text_ = false;
  int phonetic_ = 0;
  std::size_t item_start_ = 0;
};

SharedStrings SharedStrings::read(ZipPackage& package, std::string_view part) {
  SharedStrings table;
  ZipPartStream stream = package.open(part);
  SharedStringsBuilder builder(table, package, stream.part());
  parse_xml_part(stream, builder, package.limits(), package.name());
  return table;
}

}  // namespace gongkai
