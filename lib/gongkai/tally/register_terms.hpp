// The words in a register's cells mapped to the form: an applicant type to a column of table
// 三, an outcome to one of its leaf rows, a case kind to a row of table 四 and a result to one
// of its columns. Candidates are the form's official labels (also without their numbering
// 「（三）」「1.」, and as category/sub-row paths 「不予公开-属于国家秘密」) and the synonyms of
// register-synonyms.yaml; matching is the label matcher's (readers/label_match.hpp). A register
// repeats a handful of words a million times, so each distinct word is matched once and cached.
#pragma once

#include <gongkai/forms/form.hpp>
#include <gongkai/readers/label_match.hpp>
#include <gongkai/tally/register_vocabulary.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gongkai {

// One vocabulary (say, applicant types): candidate texts per target, and the printed groups
// that span several targets (法人或其他组织, （三）不予公开) so that a register naming a group
// instead of one of its members gets a precise message.
class TermResolver {
 public:
  void add(std::string text, std::size_t target);
  void add_group(std::string text, std::vector<std::string> members);

  struct Resolved {
    const LabelMatch& match;
    // When the text names a group (exactly or once normalised): its members' official labels.
    // `match` is then no match.
    const std::vector<std::string>* group;
    bool first;  // the first time this exact text was resolved: report a `label` warning once
  };
  // REQUIRES: the references are used before the next call (past the cache bound they are reused).
  [[nodiscard]] Resolved resolve(std::string_view text);

  // When `text` names a group: the official labels of its members.
  [[nodiscard]] const std::vector<std::string>* group_members(std::string_view text) const;

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Entry {
    LabelMatch match;
    const std::vector<std::string>* group = nullptr;
  };
  LabelMatcher matcher_;
  LabelMatcher groups_;
  std::vector<std::vector<std::string>> members_;
  std::unordered_map<std::string, Entry, Hash, std::equal_to<>> cache_;
  Entry uncached_;
};

// Separators staff put between a category and its sub-row (「不予公开-属于国家秘密」,
// 「不予公开：国家秘密」) read as the label path separator `/`.
[[nodiscard]] std::string unify_separators(std::string_view text);

// A label without its leading numbering: 「（三）不予公开」 -> 「不予公开」, 「1.属于国家秘密」 ->
// 「属于国家秘密」, 「一、本年新收…」 -> 「本年新收…」.
[[nodiscard]] std::string_view strip_numbering(std::string_view label);

struct RequestTerms {
  const TableDef* table = nullptr;
  std::string table_number;  // 三: how messages name the table
  const RowDef* received = nullptr;
  const RowDef* carried_over = nullptr;
  const RowDef* carried_forward = nullptr;
  std::vector<const ColumnDef*> applicants;  // by target index
  std::vector<const RowDef*> outcomes;       // by target index
  TermResolver applicant;
  TermResolver outcome;
};

struct CaseTerms {
  const TableDef* table = nullptr;
  std::string table_number;               // 四
  std::vector<const RowDef*> kinds;       // by target index
  std::vector<const ColumnDef*> results;  // by target index
  std::size_t pending = 0;                // the result target of a case open at year end
  TermResolver kind;
  TermResolver result;
};

// Throw InputError naming `vocabulary_name` when the form lacks the table or a role.
[[nodiscard]] RequestTerms request_terms(const Form& form, const RegisterSchema& schema,
                                         std::string_view vocabulary_name);
[[nodiscard]] CaseTerms case_terms(const Form& form, const RegisterSchema& schema, std::string_view vocabulary_name);

}  // namespace gongkai
