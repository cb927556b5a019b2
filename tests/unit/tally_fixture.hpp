// Shared fixtures for the tally tests: the real register vocabulary and forms, and registers
// run over CSV text held in the test.
#pragma once

#include "test_support.hpp"

#include <gongkai/io/files.hpp>
#include <gongkai/render/diagnostics_text.hpp>
#include <gongkai/tally/case_register.hpp>
#include <gongkai/tally/register_input.hpp>
#include <gongkai/tally/register_vocabulary.hpp>
#include <gongkai/tally/request_register.hpp>

#include <doctest/doctest.h>

#include <memory>
#include <string>

namespace gongkai::test {

inline const RegisterVocabulary& vocabulary() {
  static const RegisterVocabulary v =
      read_register_vocabulary("register-synonyms.yaml",
                               read_file(std::string(GONGKAI_SOURCE_DIR) + "/report-templates/register-synonyms.yaml"));
  return v;
}

// A request register for `year` against form `form_id`; not movable (the register holds the terms).
struct RequestRun {
  std::shared_ptr<const Form> form;
  RequestTerms terms;
  Diagnostics out;
  RequestRegister reg;

  explicit RequestRun(int year, const std::string& form_id = "2021",
                      RegisterColumns columns = request_columns(vocabulary().requests))
      : form(forms().by_id(form_id)),
        terms(request_terms(*form, vocabulary().requests, "register-synonyms.yaml")),
        reg(terms, std::move(columns), year, out) {}
  RequestRun(const RequestRun&) = delete;

  bool feed(const std::string& name, const std::string& bytes) {
    return read_register(name, bytes, Encoding::detect, reg, out);
  }
  // The count in row `row` (an ID of table 三) and applicant column `column`.
  std::int64_t at(const std::string& row, const std::string& column) const {
    const RowDef* r = terms.table->row(row);
    REQUIRE_MESSAGE(r != nullptr, row);
    for (std::size_t i = 0; i < terms.applicants.size(); ++i)
      if (terms.applicants[i]->id == column) return reg.count(*r, i);
    FAIL("no column " << column);
    return 0;
  }
  std::string findings() const { return render_diagnostics_text(out, Lang::en); }
  std::string findings_zh() const { return render_diagnostics_text(out, Lang::zh); }
};

struct CaseRun {
  std::shared_ptr<const Form> form;
  CaseTerms terms;
  Diagnostics out;
  CaseRegister reg;

  explicit CaseRun(int year, const std::string& form_id = "2021")
      : form(forms().by_id(form_id)),
        terms(case_terms(*form, vocabulary().cases, "register-synonyms.yaml")),
        reg(terms, case_columns(vocabulary().cases), year, out) {}
  CaseRun(const CaseRun&) = delete;

  bool feed(const std::string& name, const std::string& bytes) {
    return read_register(name, bytes, Encoding::detect, reg, out);
  }
  std::int64_t at(const std::string& kind, const std::string& result) const {
    std::size_t k = terms.kinds.size(), r = terms.results.size();
    for (std::size_t i = 0; i < terms.kinds.size(); ++i)
      if (terms.kinds[i]->id == kind) k = i;
    for (std::size_t i = 0; i < terms.results.size(); ++i)
      if (terms.results[i]->id == result) r = i;
    REQUIRE(k < terms.kinds.size());
    REQUIRE(r < terms.results.size());
    return reg.count(k, r);
  }
  std::string findings() const { return render_diagnostics_text(out, Lang::en); }
};

}  // namespace gongkai::test
