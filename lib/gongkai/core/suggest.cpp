#include <gongkai/core/suggest.hpp>

#include <gongkai/core/excerpt.hpp>
#include <gongkai/core/text.hpp>

#include <algorithm>
#include <array>
#include <bit>
#include <limits>

namespace gongkai {
namespace {

// Words whose presence turns one outcome into another: 部分公开 is not 予以公开, 不予公开 is
// not 予以公开. A suggestion must keep those of the input and add none.
constexpr std::array<std::u32string_view, 5> kDistinctive = {U"部分", U"不", U"未", U"非", U"无"};

// The text outside brackets: a label's note 「（区分处理的，只计这一情形，不计其他情形）」 and
// its numbering 「（二）」 say nothing of what the label means.
std::u32string outside_brackets(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  std::size_t depth = 0;
  for (const char32_t c : s) {
    if (c == U'（' || c == U'(') {
      ++depth;
    } else if ((c == U'）' || c == U')') && depth > 0) {
      --depth;
    } else if (depth == 0) {
      out.push_back(c);
    }
  }
  return out;
}

struct Ranked {
  std::size_t mismatch;
  std::size_t distance;
  std::size_t index;
};

}  // namespace

std::size_t bounded_edit_distance(std::u32string_view a, std::u32string_view b, std::size_t max, bool transpositions) {
  if (a.size() < b.size()) std::swap(a, b);  // b is the shorter
  if (a.size() - b.size() > max) return max + 1;
  if (b.empty()) return a.size();
  const std::size_t big = max + 1;
  const std::size_t n = b.size();
  // Rows over b, only the band |i - j| <= max is computed; outside it a cell is "too far".
  std::vector<std::size_t> before(n + 1, big), prev(n + 1, big), cur(n + 1, big);
  for (std::size_t j = 0; j <= std::min(n, max); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t lo = i > max ? i - max : 1;
    const std::size_t hi = std::min(n, i + max);
    std::fill(cur.begin(), cur.end(), big);
    if (i <= max) cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t v = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (transpositions && i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        v = std::min(v, before[j - 2] + 1);
      cur[j] = std::min(v, big);
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > max) return big;  // every path is already too long
    std::swap(before, prev);
    std::swap(prev, cur);
  }
  return std::min(prev[n], big);
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  const std::u32string x = decode_utf8(a);
  const std::u32string y = decode_utf8(b);
  return bounded_edit_distance(x, y, std::max(x.size(), y.size()));
}

unsigned distinctive_words(std::u32string_view text) {
  const std::u32string outside = outside_brackets(text);
  unsigned mask = 0;
  // 「部分」 contains no other word of the list, so each is looked for on its own.
  for (std::size_t i = 0; i < kDistinctive.size(); ++i)
    if (outside.find(kDistinctive[i]) != std::u32string::npos) mask |= 1U << i;
  return mask;
}

std::size_t distinctive_mismatch(std::u32string_view input, std::u32string_view candidate) {
  return static_cast<std::size_t>(std::popcount(distinctive_words(input) ^ distinctive_words(candidate)));
}

std::vector<std::string> did_you_mean(std::string_view input, const std::vector<std::string>& candidates) {
  std::size_t longest = 0;
  for (const auto& c : candidates) longest = std::max(longest, c.size());
  // A code point is at most 4 bytes: an input this long is more than a third longer than any
  // candidate, so it is none's typo. Decided before decoding, whatever the input's length.
  if (input.size() / 4 > longest + longest / 2 + 1) return {};
  const std::u32string in = decode_utf8(input);
  const unsigned in_words = distinctive_words(in);
  std::vector<Ranked> ranked;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::u32string cand = decode_utf8(candidates[i]);
    const std::size_t allowed = std::max<std::size_t>(1, std::max(in.size(), cand.size()) / 3);
    const std::size_t d = bounded_edit_distance(in, cand, allowed);
    if (d > allowed) continue;
    ranked.push_back({static_cast<std::size_t>(std::popcount(in_words ^ distinctive_words(cand))), d, i});
  }
  if (ranked.empty()) return {};
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& x, const Ranked& y) {
    return x.mismatch != y.mismatch ? x.mismatch < y.mismatch : x.distance < y.distance;
  });
  std::vector<std::string> out;
  for (const Ranked& r : ranked) {
    if (r.mismatch != ranked.front().mismatch || r.distance != ranked.front().distance) break;
    out.push_back(candidates[r.index]);
  }
  return out;
}

std::optional<std::string> closest(std::string_view input, const std::vector<std::string>& candidates) {
  auto all = did_you_mean(input, candidates);
  if (all.empty()) return std::nullopt;
  return std::move(all.front());
}

Text quoted_alternatives(const std::vector<std::string>& names) {
  Text t;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string e = excerpt(names[i]);
    t.zh += (i == 0 ? "" : "或") + ("「" + e + "」");
    t.en += (i == 0 ? "" : " or ") + ("'" + e + "'");
  }
  return t;
}

}  // namespace gongkai
