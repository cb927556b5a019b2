#include <gongkai/prose/subheading.hpp>

#include <gongkai/core/text.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

constexpr std::u32string_view kDigits = U"零一二三四五六七八九";

int digit(char32_t c) {
  auto at = kDigits.find(c);
  return at == std::u32string_view::npos || at == 0 ? -1 : static_cast<int>(at);
}

struct Style {
  std::string prefix;  // "### ", "**" or ""
  std::string suffix;  // "**" for bold
  int last = 0;        // the highest （N） seen
};

// The numbered heading a line opens with, if any.
std::optional<std::pair<Style, int>> heading(std::string_view line) {
  Style style;
  std::size_t i = 0;
  while (i < line.size() && line[i] == ' ') ++i;
  std::size_t hashes = i;
  while (hashes < line.size() && line[hashes] == '#') ++hashes;
  if (hashes > i && hashes < line.size() && line[hashes] == ' ') {
    style.prefix = std::string(line.substr(i, hashes - i)) + " ";
    i = hashes + 1;
  } else if (line.substr(i).starts_with("**")) {
    style.prefix = "**";
    style.suffix = "**";
    i += 2;
  }
  const std::u32string rest = decode_utf8(line.substr(i));
  if (rest.empty() || (rest[0] != U'（' && rest[0] != U'(')) return std::nullopt;
  const auto close = rest.find_first_of(U"）)");
  if (close == std::u32string::npos || close < 2) return std::nullopt;
  auto n = parse_chinese_number(std::u32string_view(rest).substr(1, close - 1));
  if (!n) return std::nullopt;
  return std::make_pair(style, *n);
}

}  // namespace

std::string chinese_number(int n) {
  const auto d = [](int k) { return encode_utf8(kDigits.substr(static_cast<std::size_t>(k), 1)); };
  if (n < 10) return d(n);
  const int tens = n / 10;
  const int ones = n % 10;
  return (tens == 1 ? std::string() : d(tens)) + "十" + (ones == 0 ? std::string() : d(ones));
}

std::optional<int> parse_chinese_number(std::u32string_view s) {
  if (s.empty() || s.size() > 3) return std::nullopt;
  const auto ten = s.find(U'十');
  if (ten == std::u32string_view::npos) {
    if (s.size() != 1) return std::nullopt;
    const int v = digit(s[0]);
    return v > 0 ? std::optional<int>(v) : std::nullopt;
  }
  int tens = 1;
  if (ten == 1)
    tens = digit(s[0]);
  else if (ten != 0)
    return std::nullopt;
  if (tens <= 0) return std::nullopt;
  int ones = 0;
  if (ten + 1 < s.size()) {
    if (ten + 2 != s.size()) return std::nullopt;
    ones = digit(s[ten + 1]);
    if (ones <= 0) return std::nullopt;
  }
  return tens * 10 + ones;
}

std::string append_subsection(std::string text, std::string_view title, std::string_view body) {
  Style style{"### ", "", 0};
  for (std::string_view line : split(text, '\n')) {
    if (auto h = heading(line)) {
      const int last = std::max(style.last, h->second);
      style = h->first;
      style.last = last;
    }
  }
  const int number = style.last + 1;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.pop_back();
  if (!text.empty()) text += "\n\n";
  text += fmt::format("{}（{}）{}{}\n\n", style.prefix, number <= 99 ? chinese_number(number) : std::to_string(number),
                      title, style.suffix);
  text += body;
  if (!text.ends_with('\n')) text += '\n';
  return text;
}

}  // namespace gongkai
