// An RFC 4180 CSV reader over UTF-8 text: quoted fields with "" for a quote, line breaks
// inside quotes, CRLF or LF line ends. It pulls one row at a time so that a million-row case
// register is read without holding all rows, and a field is a view into the input unless it
// had to be unescaped ("" inside quotes), so reading copies almost nothing.
//
// Every field carries its 1-based line and column; the column counts characters (code
// points) from the start of the line, not bytes, as an editor shows them. Malformed quoting is
// a Diagnostic (rule `csv`) at the offending line:column; reading goes on where it safely can,
// so all such problems of a file are reported together.
#pragma once

#include <gongkai/core/diagnostic.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct CsvField {
  std::string_view text;  // unquoted and unescaped; valid until the next call to next()
  int line = 0;           // where the field starts (its opening quote, when quoted)
  int column = 0;
  bool quoted = false;
};

struct CsvRow {
  std::vector<CsvField> fields;
  int line = 0;  // the line the row starts on
};

class CsvReader {
 public:
  // `name` names the input in diagnostics. `text` must outlive the reader and be UTF-8.
  CsvReader(std::string_view name, std::string_view text, char delimiter = ',');

  // Reads the next row into `row` (reusing its storage). Returns false at the end of input,
  // or after an unterminated quoted field (reported to `out`), which ends the input.
  // Lines with no characters at all are skipped: they hold no record.
  bool next(CsvRow& row, Diagnostics& out);

 private:
  void error(int line, int column, Text message, Diagnostics& out) const;
  void newline();
  // Advances the character column to byte offset `to` on the current line.
  int column_at(std::size_t to);

  std::string name_;
  std::string_view text_;
  char delimiter_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::size_t col_byte_ = 0;  // byte offset whose character column is col_
  int col_ = 1;
  bool done_ = false;
  std::string scratch_;  // unescaped text of fields that contained ""
  struct Pending {
    std::size_t begin, end;
    bool in_scratch;
  };
  std::vector<Pending> spans_;
};

}  // namespace gongkai
