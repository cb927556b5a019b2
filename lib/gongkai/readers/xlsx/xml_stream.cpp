#include <gongkai/readers/xlsx/xml_stream.hpp>

#include <gongkai/readers/xlsx/read_ahead.hpp>
#include <gongkai/readers/xlsx/xlsx_error.hpp>
#include <gongkai/readers/xlsx/xml_engines.hpp>

#include <fmt/format.h>

#include <optional>
#include <string>
#include <system_error>

namespace gongkai {
namespace {

class ZipInput : public XmlInput {
 public:
  explicit ZipInput(ZipPartStream& stream) : stream_(stream) {}
  std::size_t read(char* buffer, std::size_t size) override { return stream_.read(buffer, size); }

 private:
  ZipPartStream& stream_;
};

// Whether the part is UTF-8: no UTF-16 byte order mark or UTF-16 `<`, and an XML declaration,
// if any, that names no other encoding. `head` is the part's first bytes, up to the end of
// the declaration when there is one.
bool is_utf8(std::string_view head) {
  if (head.size() >= 2) {
    auto b0 = static_cast<unsigned char>(head[0]);
    auto b1 = static_cast<unsigned char>(head[1]);
    if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || b0 == 0 || b1 == 0) return false;
  }
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  if (!head.starts_with("<?xml")) return true;
  std::string_view decl = head.substr(0, head.find("?>"));
  auto at = decl.find("encoding");
  if (at == std::string_view::npos) return true;
  std::string_view rest = decl.substr(at + 8);
  auto open = rest.find_first_of("\"'");
  if (open == std::string_view::npos) return true;  // malformed: the scanner says so
  auto close = rest.find(rest[open], open + 1);
  if (close == std::string_view::npos) return true;
  std::string_view name = rest.substr(open + 1, close - open - 1);
  return xml_detail::ascii_iequal(name, "UTF-8");
}

}  // namespace

std::string_view xml_local_name(std::string_view qname) {
  auto colon = qname.rfind(':');
  return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

std::optional<std::string_view> XmlAttributes::get(std::string_view name) const {
  if (name.empty()) return std::nullopt;  // no attribute has an empty name
  for (const XmlAttribute& a : all_) {
    // Most names differ in their last byte: tested before the whole name is.
    if (a.name.size() >= name.size() && a.name.back() == name.back() && xml_local_name(a.name) == name) {
      return a.value;
    }
  }
  return std::nullopt;
}

bool parse_xml(XmlInput& input, std::string_view part, XmlHandler& handler, const XlsxLimits& limits,
               std::string_view file, XmlEngine engine) {
  // Enough of the head to see the declaration's encoding; a declaration is short.
  constexpr std::size_t kHead = 512;
  std::string head(kHead, '\0');
  std::size_t have = 0;
  while (have < kHead) {
    std::size_t n = input.read(head.data() + have, kHead - have);
    if (n == 0) break;
    have += n;
  }
  head.resize(have);
  xml_detail::XmlRun run{input, head, part, handler, limits, file};
  if (engine == XmlEngine::expat || !is_utf8(head)) return xml_detail::parse_with_expat(run);
  return xml_detail::parse_with_scanner(run);
}

bool parse_xml_part(ZipPartStream& stream, XmlHandler& handler, const XlsxLimits& limits, std::string_view file) {
  if (stream.compressed_size() >= limits.read_ahead_from) {
    std::optional<ReadAheadInput> ahead;
    try {
      ahead.emplace(stream);
    } catch (const std::system_error&) {
      // No thread to be had: read in line.
    }
    if (ahead) return parse_xml(*ahead, stream.part(), handler, limits, file);
  }
  ZipInput input(stream);
  return parse_xml(input, stream.part(), handler, limits, file);
}

namespace xml_detail {

void fail_malformed(const XmlRun& run, std::uint64_t line, std::uint64_t column, std::string_view message) {
  xlsx_fail(XlsxFailure::corrupt, run.file, fmt::format("{}:{}:{}", run.part, line, column),
            {fmt::format("XML 格式错误（{}）", message), fmt::format("malformed XML ({})", message)});
}

void fail_doctype(const XmlRun& run, std::uint64_t line, std::uint64_t column) {
  xlsx_fail(XlsxFailure::refused, run.file, fmt::format("{}:{}:{}", run.part, line, column),
            {"含有 DOCTYPE 声明（工作簿中不允许 XML 实体）",
             "a DOCTYPE declaration (XML entities are not allowed in a workbook)"});
}

void fail_too_deep(const XmlRun& run, std::uint64_t line, std::uint64_t column) {
  xlsx_fail(XlsxFailure::refused, run.file, fmt::format("{}:{}:{}", run.part, line, column),
            {fmt::format("XML 嵌套超过 {} 层", run.limits.max_xml_depth),
             fmt::format("XML nested deeper than {} levels", run.limits.max_xml_depth)});
}

}  // namespace xml_detail
}  // namespace gongkai
