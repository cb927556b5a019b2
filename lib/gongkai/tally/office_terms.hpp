// An office's own words for what its register cells say (「同意公开」 for 予以公开, 「个体户」 for
// 商业企业), kept in a small YAML file next to the register — `<register stem>.terms.yaml` or
// `terms.yaml` in its folder — or named by `--terms` (docs/registers.md). Each word is mapped
// to what it means, written as the form's label (with or without its numbering, 「类别/项」
// paths included), a word register-synonyms.yaml already knows, or the stable ID:
//
//   outcome:   {同意公开: 予以公开, 部分同意: （二）部分公开}
//   applicant: {个体户: 商业企业}
//   kind:      {复议: 行政复议}
//   result:    {驳回: 维持}
//
// Not a copy of report-templates/: only the office's additions, which win over the shared ones.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/tally/register_terms.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct OfficeTerm {
  std::string word;     // as written in the register
  std::string meaning;  // a label, a known word or a stable ID
  SourceLoc where;      // of the word in the terms file
};

struct OfficeTerms {
  std::string file;
  // applicant, outcome (request registers), kind, result (case registers), in file order.
  std::map<std::string, std::vector<OfficeTerm>> by_vocabulary;
};

// Throws InputError (file:line:col) when the file is not a mapping of those four vocabularies
// to mappings of word: meaning.
[[nodiscard]] OfficeTerms read_office_terms(std::string_view name, std::string_view text);

// Adds every term to the resolvers, before any register is read. A meaning that names no
// row or column (or several) is an error at the term (rule `terms`), with the closest.
void apply_office_terms(const OfficeTerms& terms, RequestTerms& requests, CaseTerms& cases, Diagnostics& out);

}  // namespace gongkai
