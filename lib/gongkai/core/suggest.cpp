#include <gongkai/core/suggest.hpp>

#include <gongkai/core/text.hpp>

#include <algorithm>

namespace gongkai {
namespace {

std::size_t osa_distance(const std::u32string& a, const std::u32string& b) {
  // Three rolling rows: the transposition step looks two rows back.
  const std::size_t n = b.size();
  std::vector<std::size_t> before(n + 1), prev(n + 1), cur(n + 1);
  for (std::size_t j = 0; j <= n; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= n; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], before[j - 2] + 1);
    }
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return prev[n];
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  return osa_distance(decode_utf8(a), decode_utf8(b));
}

std::optional<std::string> closest(std::string_view input, const std::vector<std::string>& candidates) {
  const std::u32string in = decode_utf8(input);
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& c : candidates) {
    const std::u32string cand = decode_utf8(c);
    const std::size_t d = osa_distance(in, cand);
    const std::size_t allowed = std::max<std::size_t>(1, std::max(in.size(), cand.size()) / 3);
    if (d > allowed) continue;
    if (!best || d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

}  // namespace gongkai
