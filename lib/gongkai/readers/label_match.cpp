#include <gongkai/readers/label_match.hpp>

#include <gongkai/core/normalize.hpp>
#include <gongkai/core/suggest.hpp>
#include <gongkai/core/text.hpp>

#include <utf8proc.h>

#include <algorithm>
#include <bit>
#include <map>
#include <optional>

namespace gongkai {
namespace {

bool is_ascii_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// A near miss is at most a quarter of the label's characters away (one at least), or the one
// label contains the other and is not much longer (「规范性文件」 in 「行政规范性文件」).
bool near_enough(std::u32string_view printed, std::u32string_view official, std::size_t distance) {
  const std::size_t longer = std::max(printed.size(), official.size());
  if (distance <= std::max<std::size_t>(1, longer / 4)) return true;
  const std::u32string_view shorter_s = printed.size() <= official.size() ? printed : official;
  const std::u32string_view longer_s = printed.size() <= official.size() ? official : printed;
  return shorter_s.size() >= 2 && shorter_s.size() * 2 >= longer_s.size() &&
         longer_s.find(shorter_s) != std::u32string_view::npos;
}

// The distance worth computing against a candidate: beyond twice its length the printed
// label is no typo of it, whatever its length, so a huge label costs what a short one does.
std::size_t distance_cap(std::u32string_view candidate) { return 2 * candidate.size() + 2; }

}  // namespace

std::string label_key(std::string_view label) {
  std::u32string cps = decode_utf8(compact(label));
  std::u32string out;
  out.reserve(cps.size());
  std::size_t part_start = 0;  // index in `out` where the current `/` part began
  for (std::size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    if (c == U'/') part_start = out.size() + 1;
    if (c == U'\u3001' || c == U'\uFF0C' || c == U',') {
      // 「1、」 opening a label or a part is numbering: the form writes it 「1.」.
      bool numbering = out.size() > part_start;
      for (std::size_t j = part_start; j < out.size() && numbering; ++j) numbering = is_ascii_digit(out[j]);
      c = numbering && c == U'\u3001' ? U'.' : U',';
    } else if (c == U'\u201C' || c == U'\u201D' || c == U'\u2018' || c == U'\u2019' || c == U'\u300C' ||
               c == U'\u300D' || c == U'\'') {
      c = U'"';
    }
    out.push_back(c);
  }
  return encode_utf8(out);
}

std::string strip_white_space(std::string_view label) {
  std::u32string cps = decode_utf8(label);
  std::u32string kept;
  kept.reserve(cps.size());
  for (char32_t c : cps) {
    const bool space = (c >= U'\t' && c <= U'\r') || c == U'\u0085' || c == U'\u2028' || c == U'\u2029' ||
                       c == U'\u200B' || c == U'\uFEFF' ||
                       utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS;
    if (!space) kept.push_back(c);
  }
  return encode_utf8(kept);
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
  return bounded_edit_distance(a, b, std::max(a.size(), b.size()), false);
}

void LabelMatcher::add(std::string text, std::size_t target) {
  std::string key = label_key(text);
  std::u32string points = decode_utf8(key);
  const unsigned words = distinctive_words(points);
  longest_bytes_ = std::max(longest_bytes_, text.size());
  candidates_.push_back({std::move(text), std::move(key), std::move(points), target, words});
}

LabelMatch LabelMatcher::match(std::string_view printed) const {
  LabelMatch result;
  // Targets hit by a pass; ambiguity is between targets, a target may have several texts.
  auto single_target = [](const std::vector<const Candidate*>& hits) -> std::optional<const Candidate*> {
    if (hits.empty()) return std::nullopt;
    for (const Candidate* h : hits)
      if (h->target != hits.front()->target) return nullptr;
    return hits.front();
  };
  auto ambiguous = [&result](const std::vector<const Candidate*>& hits) {
    result.ambiguous = true;
    std::vector<std::size_t> seen;
    for (const Candidate* h : hits) {
      if (std::find(seen.begin(), seen.end(), h->target) != seen.end()) continue;
      seen.push_back(h->target);
      result.closest.push_back(h->text);
    }
    return result;
  };

  // A label many times longer than every official one is neither the official wording wrapped
  // nor a typo of it, and no official label is "closest" to it: answered without normalising
  // or comparing it (a 3,000,000-character cell cost a second in NFKC and decoding alone).
  if (printed.size() > kLongLabelFactor * longest_bytes_ + kLongLabelSlackBytes) return result;

  std::vector<const Candidate*> hits;
  for (const auto& c : candidates_)
    if (c.text == printed) hits.push_back(&c);
  if (auto one = single_target(hits)) {
    if (*one == nullptr) return ambiguous(hits);
    result.kind = LabelMatchKind::exact;
    result.target = (*one)->target;
    result.official = (*one)->text;
    return result;
  }

  // Wrapped: the official wording once the white space is taken out.
  const std::string bare = strip_white_space(printed);
  if (bare.size() != printed.size()) {
    for (const auto& c : candidates_)
      if (strip_white_space(c.text) == bare) hits.push_back(&c);
    if (auto one = single_target(hits)) {
      if (*one == nullptr) return ambiguous(hits);
      result.kind = LabelMatchKind::normalised;
      result.wrapped = true;
      result.target = (*one)->target;
      result.official = (*one)->text;
      return result;
    }
  }

  const std::string key = label_key(printed);
  for (const auto& c : candidates_)
    if (c.key == key) hits.push_back(&c);
  if (auto one = single_target(hits)) {
    if (*one == nullptr) return ambiguous(hits);
    result.kind = LabelMatchKind::normalised;
    result.target = (*one)->target;
    result.official = (*one)->text;
    return result;
  }

  // Near misses: the best candidate of each target, by edit distance on code points. A
  // candidate that drops or adds a distinctive word of the printed label (「部分」, 「不」)
  // means another thing: never a near miss, and suggested only when nothing keeps them.
  struct Best {
    std::size_t distance;
    bool near;
    std::size_t mismatch;
    const Candidate* candidate;
  };
  auto better = [](const Best& x, const Best& y) {
    if (x.near != y.near) return x.near;
    if (x.mismatch != y.mismatch) return x.mismatch < y.mismatch;
    return x.distance < y.distance;
  };
  std::map<std::size_t, Best> best;  // by target
  const std::u32string points = decode_utf8(key);
  const unsigned words = distinctive_words(points);
  for (const auto& c : candidates_) {
    const std::size_t cap = distance_cap(c.key_points);
    const std::size_t d = bounded_edit_distance(points, c.key_points, cap, false);
    const auto mismatch = static_cast<std::size_t>(std::popcount(words ^ c.words));
    // Beyond the cap the distance is unknown but more than a quarter of the label: not near.
    const bool near = mismatch == 0 && d <= cap && near_enough(points, c.key_points, d);
    const Best here{d, near, mismatch, &c};
    auto it = best.find(c.target);
    if (it == best.end()) {
      best.emplace(c.target, here);
    } else if (better(here, it->second)) {
      it->second = here;
    }
  }
  std::vector<Best> ranked;
  for (const auto& [target, b] : best) ranked.push_back(b);
  std::stable_sort(ranked.begin(), ranked.end(), better);
  if (!ranked.empty() && ranked.front().near) {
    // Clearly better than the runner-up: half its distance or less.
    const bool clear = ranked.size() == 1 || !ranked[1].near || ranked[1].distance >= 2 * ranked.front().distance;
    if (clear) {
      result.kind = LabelMatchKind::near;
      result.target = ranked.front().candidate->target;
      result.official = ranked.front().candidate->text;
      return result;
    }
    result.ambiguous = true;
  }
  for (std::size_t i = 0; i < ranked.size() && result.closest.size() < 3; ++i) {
    if (ranked[i].mismatch > ranked.front().mismatch) break;
    result.closest.push_back(ranked[i].candidate->text);
  }
  return result;
}

}  // namespace gongkai
