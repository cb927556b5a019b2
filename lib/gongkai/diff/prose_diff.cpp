#include <gongkai/diff/prose_diff.hpp>

#include <algorithm>
#include <cstdint>

namespace gongkai {
namespace {

std::vector<std::string> lines_of(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    const std::size_t nl = s.find('\n');
    std::string_view line = s.substr(0, nl);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) line.remove_suffix(1);
    out.emplace_back(line);
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

}  // namespace

std::vector<ProseLine> diff_lines(std::string_view before, std::string_view after) {
  const std::vector<std::string> a = lines_of(before);
  const std::vector<std::string> b = lines_of(after);
  std::vector<ProseLine> out;
  if (a.size() > kProseDiffMaxLines || b.size() > kProseDiffMaxLines) {
    if (a == b) {
      for (const auto& l : a) out.push_back({' ', l});
      return out;
    }
    for (const auto& l : a) out.push_back({'-', l});
    for (const auto& l : b) out.push_back({'+', l});
    return out;
  }
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::uint32_t> lcs((n + 1) * (m + 1), 0);
  auto at = [&](std::size_t i, std::size_t j) -> std::uint32_t& { return lcs[i * (m + 1) + j]; };
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      at(i, j) = a[i] == b[j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < n && j < m) {
    if (a[i] == b[j]) {
      out.push_back({' ', a[i]});
      ++i;
      ++j;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      out.push_back({'-', a[i++]});
    } else {
      out.push_back({'+', b[j++]});
    }
  }
  for (; i < n; ++i) out.push_back({'-', a[i]});
  for (; j < m; ++j) out.push_back({'+', b[j]});
  return out;
}

}  // namespace gongkai
