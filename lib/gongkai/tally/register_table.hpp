// What the request and the case register share: finding the header row of each file or sheet,
// reading a data row's fields (dates, words of the form, IDs) with a finding for each one that
// cannot be read, and duplicate IDs across every file of the run. A row with any such problem
// is rejected: listed (rule `register`, with its file:line:col or Sheet!C12) and not counted,
// never dropped silently. The concrete registers say what a row means (record()).
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/tally/id_set.hpp>
#include <gongkai/tally/register_columns.hpp>
#include <gongkai/tally/register_date.hpp>
#include <gongkai/tally/register_row.hpp>
#include <gongkai/tally/register_terms.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gongkai {

// Dates as a key of error_once(): their bytes.
struct DayKey {
  char bytes[2 * sizeof(DayNumber)] = {};
  std::size_t size = 0;
  [[nodiscard]] std::string_view view() const { return {bytes, size}; }
};
[[nodiscard]] DayKey day_key(std::initializer_list<DayNumber> days);

class RegisterTable : public RegisterConsumer {
 public:
  // The header row must appear among this many non-empty rows at the top of a file or sheet.
  static constexpr int kHeaderSearchRows = 20;

  void begin(const RegisterOrigin& origin) final;
  bool row(const RegisterRow& row) final;
  void end() final;
  void end_file() final;

  // A file none of whose sheets has the register's header: the input could not be read.
  [[nodiscard]] bool unreadable() const { return unreadable_; }
  [[nodiscard]] std::uint64_t rows() const { return rows_; }          // data rows read
  [[nodiscard]] std::uint64_t rejected() const { return rejected_; }  // of which rejected
  // Every file and sheet a header was found in, in reading order.
  [[nodiscard]] const std::vector<RegisterOrigin>& sources() const { return sources_; }

 protected:
  // `option` names the command-line option that sets the columns (--columns), for hints.
  RegisterTable(RegisterColumns columns, std::string option, Diagnostics& out);

  // A data row of a file or sheet whose header is known. Calls reject() when it fails.
  virtual void record(const RegisterRow& row) = 0;

  [[nodiscard]] std::string_view text(const RegisterRow& row, std::size_t field) const;
  [[nodiscard]] SourceLoc where(const RegisterRow& row, std::size_t field) const;
  [[nodiscard]] const std::string& header(std::size_t field) const { return match_.header[field]; }
  // How messages name a field: zh the header as found (收文日期), en "received date (收文日期)".
  [[nodiscard]] Text field_name(std::size_t field) const;

  void error(const RegisterRow& row, std::size_t field, Text message);
  // A finding on `field` of `row` whose message depends only on `kind` and `key` (the values it
  // quotes) within the current file or sheet. `make` (returning the Text) runs once per
  // distinct key; a further row with the key is one more place of the grouped finding, as
  // Diagnostics::add would make it, without building or comparing messages again. A register
  // of a million bad rows costs about what a good one does.
  template <typename Make>
  void error_once(const RegisterRow& row, std::size_t field, char kind, std::string_view key, Make&& make) {
    if (add_place(row, field, kind, key)) return;
    remember(row, field, make());
  }
  void reject() { ++rejected_; }

  // An empty cell is nullopt; a bad date is an error (ok = false) and nullopt.
  [[nodiscard]] std::optional<DayNumber> date(const RegisterRow& row, std::size_t field, bool& ok);
  // A word of the form: its target, or an error (ok = false) naming the closest words. `place`
  // says what it should name: {表三的申请人类别, an applicant column of table 三}.
  [[nodiscard]] std::optional<std::size_t> term(const RegisterRow& row, std::size_t field, TermResolver& resolver,
                                                const Text& place, bool& ok);
  // An empty required cell: an error (ok = false).
  void require(const RegisterRow& row, std::size_t field, bool& ok);
  // Remembers a non-empty ID; a repeated one is an error naming the first row (ok = false).
  void note_id(const RegisterRow& row, std::size_t field, bool& ok);

  Diagnostics& out_;

 private:
  struct Missed {  // a file or sheet whose header was not found
    RegisterOrigin origin;
    SourceLoc where;
    std::vector<std::string> best_cells;  // the row that came closest, its texts
    HeaderMatch best;
    int searched = 0;
  };

  void report_missed(const Missed& m, Severity severity);
  // error_once's halves: true when the row was added to the finding known for the key (left in
  // memo_key_ for remember()); remember() reports a new one and notes where it went.
  bool add_place(const RegisterRow& row, std::size_t field, char kind, std::string_view key);
  void remember(const RegisterRow& row, std::size_t field, Text message);

  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  struct Known {             // a finding of the current file or sheet, by its key
    std::size_t index;       // in out_.items(); npos when it was not kept (the finding limit)
    std::string message_en;  // as kept, to see that items() still holds it there
  };

  RegisterColumns columns_;
  std::string option_;
  RegisterOrigin origin_;
  HeaderMatch match_;
  bool have_header_ = false;
  int searched_ = 0;
  std::optional<Missed> missed_;        // the current sheet's best attempt
  std::vector<Missed> missed_in_file_;  // sheets of the current file without a header
  bool file_has_header_ = false;
  bool unreadable_ = false;
  std::uint64_t rows_ = 0;
  std::uint64_t rejected_ = 0;
  std::vector<RegisterOrigin> sources_;
  std::vector<std::size_t> id_columns_;  // by source: the ID column
  IdSet ids_;
  std::unordered_map<std::string, Known, KeyHash, std::equal_to<>> known_;  // cleared by begin()
  std::string memo_key_;                                                    // the key of the last add_place()
  bool memo_key_ok_ = false;    // it may be remembered (short enough, room left)
  bool sheet_one_line_ = true;  // the sheet's name needs no escaping in a cell reference
};

}  // namespace gongkai
