// Matching a label as printed in a published report to the official wording of the form.
// Published tables retype the labels: line-wrap spaces (「商业 企业」), half-width punctuation,
// 「1、」 numbering for 「1.」, 「，」 for 「、」, typos (「5.属于三类内容事务信息」), words added
// or dropped (「3.其他原因」, 「规范性文件」). Each is accepted when it points to one official
// label unambiguously, and the caller reports a `label` warning naming both wordings (spec §5,
// §6); anything else is no match, with the closest official labels to help the user.
//
// A target (a row, a column) may be written several ways — with or without its parents — so
// candidates are (text, target) pairs and ambiguity is judged between targets, not texts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// The comparison key of a label: compact() (NFKC, case folding, no white space), a numbering
// 「1、」 at the start of a label or of a `/`-separated part read as 「1.」, then 「、」 and
// 「，」 read as 「,」 and the various quote marks (“”‘’「」) read as 「"」.
[[nodiscard]] std::string label_key(std::string_view label);

// The label with every white space removed — spaces, line breaks, tabs, no-break and
// ideographic spaces, zero-width spaces — and nothing else changed: a label wrapped inside its
// cell (「结\n果\n维\n持」, 「商业 \n企业」) gives back the official wording.
[[nodiscard]] std::string strip_white_space(std::string_view label);

// Levenshtein distance between two strings in code points.
[[nodiscard]] std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

enum class LabelMatchKind {
  exact,       // the official wording, verbatim: no warning
  normalised,  // the same label once normalised (label_key): a `label` warning
  near,        // a near miss (typo, a word more or less) that fits one target clearly: a warning
  none,        // no target, or several equally
};

struct LabelMatch {
  LabelMatchKind kind = LabelMatchKind::none;
  std::size_t target = 0;  // when matched
  std::string official;    // when matched: the candidate text it was matched to
  // When not matched: up to three candidate texts of the closest targets, closest first.
  std::vector<std::string> closest;
  bool ambiguous = false;  // when not matched: several targets fit equally (`closest` names them)
  // When normalised: the printed label is the official wording once its white space is removed
  // (strip_white_space): wrapped inside its cell, not retyped. A reader of table cells, where
  // a wrap is layout, not wording, reports no finding for it (see `reads_as_official`).
  bool wrapped = false;

  [[nodiscard]] bool matched() const { return kind != LabelMatchKind::none; }
};

// True when the match is the official wording as far as a table cell can tell: verbatim, or
// only wrapped (white space inside the cell).
[[nodiscard]] inline bool reads_as_official(const LabelMatch& m) {
  return m.kind == LabelMatchKind::exact || (m.kind == LabelMatchKind::normalised && m.wrapped);
}

class LabelMatcher {
 public:
  // One way of writing the label of `target`. Targets are the caller's indexes.
  void add(std::string text, std::size_t target);
  [[nodiscard]] LabelMatch match(std::string_view printed) const;
  [[nodiscard]] bool empty() const { return candidates_.empty(); }

  // A printed label longer than kLongLabelFactor × the longest candidate (bytes) plus
  // kLongLabelSlackBytes (room for the white space of a label wrapped in its cell) is no match
  // and has no closest candidates: it is not compared at all.
  static constexpr std::size_t kLongLabelFactor = 4;
  static constexpr std::size_t kLongLabelSlackBytes = 1024;

 private:
  struct Candidate {
    std::string text;
    std::string key;
    std::u32string key_points;
    std::size_t target;
    unsigned words;  // distinctive_words(key_points)
  };
  std::vector<Candidate> candidates_;
  std::size_t longest_bytes_ = 0;
};

}  // namespace gongkai
