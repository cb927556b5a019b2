#include <gongkai/prose/text_reuse.hpp>

#include <gongkai/core/normalize.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/prose/percent.hpp>

#include <utf8proc.h>

#include <unordered_set>

namespace gongkai {
namespace {

std::u32string normalised(std::string_view text) {
  std::u32string out;
  for (char32_t c : decode_utf8(nfkc(text))) {
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    switch (cat) {
      case UTF8PROC_CATEGORY_LU:
      case UTF8PROC_CATEGORY_LL:
      case UTF8PROC_CATEGORY_LT:
      case UTF8PROC_CATEGORY_LM:
      case UTF8PROC_CATEGORY_LO:
        out.push_back(c);
        break;
      case UTF8PROC_CATEGORY_ND:
      case UTF8PROC_CATEGORY_NL:
      case UTF8PROC_CATEGORY_NO:
        out.push_back(U'0');
        break;
      default:
        break;  // spaces, punctuation, symbols, Markdown marks
    }
  }
  return out;
}

std::unordered_set<std::u32string> grams(const std::u32string& s) {
  std::unordered_set<std::u32string> out;
  for (std::size_t i = 0; i + kReuseGram <= s.size(); ++i) out.insert(s.substr(i, kReuseGram));
  return out;
}

}  // namespace

std::optional<ReuseScore> reuse_score(std::string_view current, std::string_view previous) {
  const auto now = grams(normalised(current));
  if (now.size() < kReuseMinGrams) return std::nullopt;
  const auto before = grams(normalised(previous));
  ReuseScore score;
  score.grams = now.size();
  for (const auto& g : now)
    if (before.contains(g)) ++score.shared;
  score.tenths =
      percent_tenths(static_cast<std::int64_t>(score.shared), static_cast<std::int64_t>(score.grams)).value_or(0);
  return score;
}

}  // namespace gongkai
