// The words of case registers, as data (report-templates/register-synonyms.yaml): per kind of
// register (requests, cases) the table it fills, the rows or columns with a role in the tally
// (received, carried over, outcomes, carried forward; pending), the column headers recognised
// for each field, and the synonyms staff write for the form's applicant columns, outcome rows,
// case kinds and results. Pure: the caller reads the file.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gongkai {

struct RegisterSchema {
  std::string table;                         // the table it fills: applications, review_litigation
  std::map<std::string, std::string> roles;  // role -> row or column ID
  // field -> header names, preferred first, in the fields' fixed order.
  std::vector<std::pair<std::string, std::vector<std::string>>> headers;
  // vocabulary (applicant, outcome, kind, result) -> (word, target ID) in file order.
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> synonyms;

  [[nodiscard]] const std::vector<std::string>* header_names(std::string_view field) const;
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& words(const std::string& vocabulary) const;
  [[nodiscard]] std::string role(const std::string& name) const;  // "" when not given
};

struct RegisterVocabulary {
  RegisterSchema requests;
  RegisterSchema cases;
};

// The fields of each register, in order: requests id, received, applicant, outcome, replied;
// cases id, kind, filed, result, closed.
[[nodiscard]] const std::vector<std::string>& request_fields();
[[nodiscard]] const std::vector<std::string>& case_fields();

// Throws InputError (file:line:col) when the file is not what the header of
// register-synonyms.yaml describes: a missing table, role, field, or a malformed entry.
[[nodiscard]] RegisterVocabulary read_register_vocabulary(std::string_view name, std::string_view text);

}  // namespace gongkai
