#include <gongkai/readers/encoding.hpp>

#include <gongkai/core/text.hpp>

#include <fmt/format.h>

#include <iconv.h>
#include <cerrno>

namespace gongkai {
namespace {

// Line and column of a byte offset in text that is valid UTF-8 up to that offset. Both are
// 1-based; the column counts characters (code points), not bytes, so it matches what an
// editor shows for Chinese text.
struct Position {
  int line = 1;
  int column = 1;
};

bool is_continuation(unsigned char c) { return (c & 0xC0U) == 0x80U; }

Position position_in_utf8(std::string_view valid_prefix) {
  Position p;
  for (char ch : valid_prefix) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      ++p.line;
      p.column = 1;
    } else if (!is_continuation(c)) {
      ++p.column;
    }
  }
  return p;
}

Diagnostic finding(Severity sev, std::string_view name, Position at, Text msg) {
  Diagnostic d;
  d.severity = sev;
  d.rule = "encoding";
  d.message = std::move(msg);
  d.where = SourceLoc{std::string(name), at.line, at.column, {}};
  return d;
}

// The position of the first byte that is not UTF-8 (counted only when there is one: valid text,
// the common case, is not walked a second time).
Position first_invalid_utf8(std::string_view text, std::size_t& offset) {
  offset = find_invalid_utf8(text);
  return offset == std::string_view::npos ? Position{} : position_in_utf8(text.substr(0, offset));
}

std::string hex_byte(char c) { return fmt::format("0x{:02X}", static_cast<unsigned char>(c)); }

// GB18030 to UTF-8 through glibc iconv. On failure returns nullopt and sets `bad` to the
// offset of the first undecodable byte and `converted` to the text decoded before it.
std::optional<std::string> gb18030_to_utf8(std::string_view bytes, std::size_t& bad, std::string& converted) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    bad = 0;
    return std::nullopt;
  }
  // Every GB18030 character becomes at most 4 UTF-8 bytes and takes at least 1 input byte.
  std::string out(bytes.size() * 4 + 4, '\0');
  char* in_ptr = const_cast<char*>(bytes.data());  // iconv's interface is not const-correct
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  if (rc == static_cast<std::size_t>(-1)) {
    bad = bytes.size() - in_left;
    converted = std::move(out);
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string n;
  for (char c : name) {
    if (c == '-' || c == '_') continue;
    n.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
  }
  if (n == "utf8") return Encoding::utf8;
  if (n == "gb18030" || n == "gbk" || n == "gb2312" || n == "cp936") return Encoding::gb18030;
  if (n == "auto" || n == "detect") return Encoding::detect;
  return std::nullopt;
}

std::optional<std::string> to_utf8(std::string_view bytes, std::string_view name, Encoding enc, Diagnostics& out) {
  // Excel's "Unicode text" is UTF-16: neither UTF-8 nor GB18030, so say what it is.
  if (enc == Encoding::detect && (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF"))) {
    out.add(finding(Severity::error, name, Position{},
                    {"文件为 UTF-16 编码（有字节顺序标记），请另存为 UTF-8 或 GB18030",
                     "the file is UTF-16 (it starts with a byte-order mark); save it as UTF-8 or GB18030"}));
    return std::nullopt;
  }
  if (enc != Encoding::gb18030) {
    std::string_view text = strip_bom(bytes);
    std::size_t offset = 0;
    const Position at = first_invalid_utf8(text, offset);
    if (offset == std::string_view::npos) return std::string(text);
    if (enc == Encoding::utf8) {
      out.add(finding(Severity::error, name, at,
                      {fmt::format("不是有效的 UTF-8：第 {} 行第 {} 个字符处的字节 {} 无法解码", at.line, at.column,
                                   hex_byte(text[offset])),
                       fmt::format("not valid UTF-8: byte {} at line {}, character {} cannot be decoded",
                                   hex_byte(text[offset]), at.line, at.column)}));
      return std::nullopt;
    }
    // Detect: not UTF-8, so try the encoding Chinese Windows saves CSV files in.
    std::size_t bad = 0;
    std::string partial;
    if (auto decoded = gb18030_to_utf8(bytes, bad, partial)) {
      std::string_view result = strip_bom(*decoded);
      out.add(finding(Severity::info, name, Position{0, 0},
                      {"文件不是有效的 UTF-8，已按 GB18030 解码", "decoded as GB18030 (not valid UTF-8)"}));
      return std::string(result);
    }
    // Neither: the UTF-8 position is the useful one (most such files are UTF-8 with a stray byte).
    out.add(finding(Severity::error, name, at,
                    {fmt::format("既不是有效的 UTF-8 也不是 GB18030：第 {} 行第 {} 个字符处的字节 {} 无法解码"
                                 "（请另存为 UTF-8，或用 --encoding 指定编码）",
                                 at.line, at.column, hex_byte(text[offset])),
                     fmt::format("neither valid UTF-8 nor GB18030: byte {} at line {}, character {} cannot be "
                                 "decoded (save the file as UTF-8, or name its encoding with --encoding)",
                                 hex_byte(text[offset]), at.line, at.column)}));
    return std::nullopt;
  }
  std::size_t bad = 0;
  std::string partial;
  if (auto decoded = gb18030_to_utf8(bytes, bad, partial)) return std::string(strip_bom(*decoded));
  // 0x0A is never part of a multi-byte GB18030 character, so the decoded prefix counts lines
  // and characters exactly.
  const Position at = position_in_utf8(partial);
  const std::string byte = bad < bytes.size() ? hex_byte(bytes[bad]) : std::string("?");
  out.add(
      finding(Severity::error, name, at,
              {fmt::format("不是有效的 GB18030：第 {} 行第 {} 个字符处的字节 {} 无法解码", at.line, at.column, byte),
               fmt::format("not valid GB18030: byte {} at line {}, character {} cannot be decoded", byte, at.line,
                           at.column)}));
  return std::nullopt;
}

std::optional<std::string> utf8_to_gb18030(std::string_view text) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  // A character takes at most 4 GB18030 bytes and at least 1 UTF-8 byte.
  std::string out(text.size() * 4 + 4, '\0');
  char* in_ptr = const_cast<char*>(text.data());  // iconv's interface is not const-correct
  std::size_t in_left = text.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  const std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) return std::nullopt;
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace gongkai
