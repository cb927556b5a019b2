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

namespace {

// Texts at least this long (bytes) are remembered by compact().
constexpr std::size_t kRememberBytes = 4096;

std::string compact_text(std::string_view s) {
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

}  // namespace

std::string compact(std::string_view s) {
  if (s.size() < kRememberBytes) return compact_text(s);
  // A key is compared with every label it might name, normalised again each time: for a
  // 3,000,000-character key that was seconds. The last long text is remembered per thread
  // (a copy of it and of its result: memory bounded by the input's size).
  thread_local std::string last_text;
  thread_local std::string last_compact;
  if (s != last_text) {
    last_compact = compact_text(s);
    last_text.assign(s);
  }
  return last_compact;
}

}  // namespace gongkai
