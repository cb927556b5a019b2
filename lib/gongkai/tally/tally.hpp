// From tallied registers to a report: the cells of table 三 from the request register and of
// table 四 from the case register, every one of them a figure (zeros included), each pointing
// to the register file it was counted from; derived totals are left to check (derive.hpp).
// Table 二 is not kept in a register and stays absent. tally_notes() says, for the YAML tally,
// which register rows each figure counts.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/model/report.hpp>
#include <gongkai/readers/report_meta.hpp>
#include <gongkai/tally/case_register.hpp>
#include <gongkai/tally/request_register.hpp>
#include <gongkai/tally/yaml_writer.hpp>

#include <memory>

namespace gongkai {

// `requests` and `cases` may be null (not given). REQUIRES: their terms were built for `form`.
[[nodiscard]] Report tally_report(std::shared_ptr<const Form> form, const ReportMeta& meta, int year,
                                  const RequestRegister* requests, const CaseRegister* cases);

// Provenance comments for write_yaml_tally, in `lang`.
[[nodiscard]] YamlTallyNotes tally_notes(const Report& report, const RequestRegister* requests,
                                         const CaseRegister* cases, Lang lang);

// `requests.csv`, `book.xlsx:申请` — how a register source is named in comments.
[[nodiscard]] std::string source_names(const RegisterTable& table);

}  // namespace gongkai
