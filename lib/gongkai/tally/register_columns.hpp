// Which column of a register holds which field. Registers are kept by hand, so their headers
// vary (收到日期, 收文日期, 申请时间); the names recognised by default are data
// (register-synonyms.yaml `headers`), and `--columns received=收文时间,outcome=答复类型`
// names the header of a field outright. The header row is found among the first rows of the
// file or sheet, so a title row above it does no harm.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/tally/register_row.hpp>
#include <gongkai/tally/register_vocabulary.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct RegisterField {
  std::string id;                    // received
  Text name;                         // {收到日期, received date}: how messages name it
  bool required = true;              // a register without this column cannot be tallied
  std::vector<std::string> headers;  // header texts recognised, preferred first
};

struct RegisterColumns {
  std::vector<RegisterField> fields;  // in the register kind's fixed order

  [[nodiscard]] std::size_t index_of(std::string_view field) const;  // REQUIRES: a known field
};

// The request register's fields (id optional; received, applicant, outcome, replied required)
// and the case register's (id optional; kind, filed, result, closed required), with the
// vocabulary's header names.
[[nodiscard]] RegisterColumns request_columns(const RegisterSchema& schema);
[[nodiscard]] RegisterColumns case_columns(const RegisterSchema& schema);

// Applies `received=收文时间,outcome=答复类型` (`,` or `，` between entries): each named field
// is then looked for under exactly that header. Returns the problem when the spec is malformed
// or names an unknown field; `columns` is then unchanged.
[[nodiscard]] std::optional<Text> apply_column_spec(std::string_view spec, RegisterColumns& columns);

struct HeaderMatch {
  std::vector<std::optional<std::size_t>> column;  // by field: the 0-based column holding it
  std::vector<std::string> header;                 // by field: the header text as found
  std::size_t found = 0;                           // fields found
  bool complete = false;                           // every required field found
};

// Reads `row` as a header row. A column serves one field; a field takes the column of its
// most preferred name. Headers compare after label_key() (width, spaces, punctuation).
[[nodiscard]] HeaderMatch match_header(const RegisterColumns& columns, const RegisterRow& row);

}  // namespace gongkai
