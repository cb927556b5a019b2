#include <gongkai/render/output_name.hpp>

#include <gongkai/core/text.hpp>
#include <gongkai/core/utf8_decode.hpp>

#include <fmt/format.h>

#include <cstdint>

namespace gongkai {

namespace {

bool replaced(char32_t cp) {
  if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) return true;
  if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) return true;
  switch (cp) {
    case '/':
    case '\\':
    case '<':
    case '>':
    case ':':
    case '"':
    case '|':
    case '?':
    case '*':
      return true;
    default:
      return false;
  }
}

bool windows_reserved(std::string_view name) {
  std::string base(name.substr(0, name.find('.')));
  while (!base.empty() && base.back() == ' ') base.pop_back();
  for (char& ch : base) ch = static_cast<char>(ch >= 'a' && ch <= 'z' ? ch - 'a' + 'A' : ch);
  if (base == "CON" || base == "PRN" || base == "AUX" || base == "NUL") return true;
  return base.size() == 4 && (base.rfind("COM", 0) == 0 || base.rfind("LPT", 0) == 0) && base[3] >= '1' &&
         base[3] <= '9';
}

}  // namespace

std::string safe_dir_name(std::string_view agency) {
  const std::string_view name = trim(agency);
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    char32_t cp = 0;
    const std::size_t n = decode_utf8_at(name, i, cp);
    if (n == 0) {
      out += '_';
      ++i;
      continue;
    }
    if (replaced(cp))
      out += '_';
    else
      out.append(name.substr(i, n));
    i += n;
  }
  if (out.empty()) return "_";
  if (out.front() == '.') out.front() = '_';
  for (auto it = out.rbegin(); it != out.rend() && (*it == '.' || *it == ' '); ++it) *it = '_';
  if (windows_reserved(out)) out.insert(out.begin(), '_');
  if (out.size() > kMaxDirNameBytes) {
    std::uint32_t hash = 2166136261U;  // FNV-1a of the agency as given
    for (char ch : agency) {
      hash ^= static_cast<unsigned char>(ch);
      hash *= 16777619U;
    }
    const std::string tail = fmt::format("~{:08x}", hash);
    std::size_t cut = kMaxDirNameBytes - tail.size();
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // a character boundary
    out = out.substr(0, cut) + tail;
  }
  return out;
}

}  // namespace gongkai
