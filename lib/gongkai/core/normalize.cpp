#include <gongkai/core/normalize.hpp>

#include <gongkai/core/text.hpp>

#include <utf8proc.h>
#include <cstdlib>

namespace gongkai {

std::string nfkc(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD));
  if (n < 0) return std::string(s);
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

std::string compact(std::string_view s) {
  std::u32string cps = decode_utf8(nfkc(s));
  std::u32string kept;
  kept.reserve(cps.size());
  for (char32_t c : cps) {
    auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    if (c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || cat == UTF8PROC_CATEGORY_ZS) continue;
    kept.push_back(c);
  }
  return encode_utf8(kept);
}

}  // namespace gongkai
