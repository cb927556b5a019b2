#include <gongkai/core/civil_date.hpp>

#include <gongkai/core/date.hpp>

namespace gongkai {

std::optional<std::int64_t> parse_utc(std::string_view s) {
  auto num = [&](std::size_t at, std::size_t len) -> std::optional<unsigned> {
    if (at + len > s.size()) return std::nullopt;
    unsigned v = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      v = v * 10 + static_cast<unsigned>(s[i] - '0');
    }
    return v;
  };
  const auto day = Date::parse(s.substr(0, 10));
  if (!day) return std::nullopt;
  std::int64_t secs = day->days() * 86400;
  if (s.size() == 10) return secs;
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  auto h = num(11, 2), mi = num(14, 2);
  if (!h || !mi || s[13] != ':' || *h > 23 || *mi > 59) return std::nullopt;
  secs += *h * 3600 + *mi * 60;
  std::size_t at = 16;
  if (at < s.size() && s[at] == ':') {
    auto sec = num(17, 2);
    if (!sec || *sec > 60) return std::nullopt;
    secs += *sec;
    at = 19;
  }
  if (at < s.size() && s.substr(at) != "Z") return std::nullopt;
  return secs;
}

}  // namespace gongkai
