#include <gongkai/core/civil_date.hpp>

namespace gongkai {

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

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
  auto y = num(0, 4), mo = num(5, 2), d = num(8, 2);
  if (!y || !mo || !d || s[4] != '-' || s[7] != '-' || *mo < 1 || *mo > 12 || *d < 1 || *d > 31) return std::nullopt;
  std::int64_t secs = days_from_civil(*y, *mo, *d) * 86400;
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
