#include <gongkai/tally/request_register.hpp>

#include <gongkai/core/checked.hpp>
#include <gongkai/core/excerpt.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

constexpr std::size_t kReceived = 0;
constexpr std::size_t kCarriedOver = 1;
constexpr std::size_t kCarriedForward = 2;
constexpr std::size_t kFirstOutcome = 3;

}  // namespace

RequestRegister::RequestRegister(RequestTerms& terms, RegisterColumns columns, int year, Diagnostics& out)
    : RegisterTable(columns, "--columns", out),
      terms_(terms),
      year_(year),
      first_(day_number(year, 1, 1)),
      last_(day_number(year, 12, 31)),
      id_(columns.index_of("id")),
      received_(columns.index_of("received")),
      applicant_(columns.index_of("applicant")),
      outcome_(columns.index_of("outcome")),
      replied_(columns.index_of("replied")),
      applicant_place_{fmt::format("表{}的申请人类别", terms.table_number),
                       fmt::format("an applicant column of table {}", terms.table_number)},
      outcome_place_{fmt::format("表{}的办理结果", terms.table_number),
                     fmt::format("an outcome row of table {}", terms.table_number)},
      counts_((kFirstOutcome + terms.outcomes.size()) * terms.applicants.size(), 0) {}

void RequestRegister::add(std::size_t slot, std::size_t applicant) {
  std::int64_t& c = counts_[slot * terms_.applicants.size() + applicant];
  // A count cannot reach 2^63 from a register that fits in memory; checked all the same.
  if (auto next = checked_add(c, 1)) c = *next;
}

std::int64_t RequestRegister::count(const RowDef& row, std::size_t applicant) const {
  std::size_t slot = 0;
  if (&row == terms_.received)
    slot = kReceived;
  else if (&row == terms_.carried_over)
    slot = kCarriedOver;
  else if (&row == terms_.carried_forward)
    slot = kCarriedForward;
  else {
    std::optional<std::size_t> outcome;
    for (std::size_t i = 0; i < terms_.outcomes.size(); ++i)
      if (terms_.outcomes[i] == &row) outcome = i;
    if (!outcome) return 0;
    slot = kFirstOutcome + *outcome;
  }
  return counts_[slot * terms_.applicants.size() + applicant];
}

void RequestRegister::record(const RegisterRow& row) {
  bool ok = true;
  note_id(row, id_, ok);
  require(row, received_, ok);
  const auto received = date(row, received_, ok);
  require(row, applicant_, ok);
  const auto applicant = term(row, applicant_, terms_.applicant, applicant_place_, ok);
  const std::string_view outcome_text = text(row, outcome_);
  const auto outcome = term(row, outcome_, terms_.outcome, outcome_place_, ok);
  const bool replied_given = !text(row, replied_).empty();
  const auto replied = date(row, replied_, ok);
  if (replied && received && *replied < *received) {
    error_once(row, replied_, 'b', day_key({*replied, *received}).view(), [&]() -> Text {
      const Text r = field_name(replied_), d = field_name(received_);
      return {fmt::format("{} {} 早于{} {}", r.zh, format_day(*replied), d.zh, format_day(*received)),
              fmt::format("{} {} is before the {} {}", r.en, format_day(*replied), d.en, format_day(*received))};
    });
    ok = false;
  }
  if (replied && outcome_text.empty()) {
    error_once(row, outcome_, 'e', day_key({*replied}).view(), [&]() -> Text {
      const Text r = field_name(replied_), o = field_name(outcome_);
      return {fmt::format("已有{} {}，但{}为空", r.zh, format_day(*replied), o.zh),
              fmt::format("the {} is {} but the {} is empty", r.en, format_day(*replied), o.en)};
    });
    ok = false;
  }
  if (!replied_given && !outcome_text.empty()) {
    // An answered request whose date is missing cannot be placed in a year; counting it as
    // open would overstate 结转下年度 and hide the slip.
    error_once(row, replied_, 'o', outcome_text, [&]() -> Text {
      const Text r = field_name(replied_), o = field_name(outcome_);
      return {fmt::format("{}为「{}」，但{}为空：无法确定办结年度（尚未办结的申请请将{}留空）", o.zh,
                          excerpt(outcome_text), r.zh, o.zh),
              fmt::format("the {} is '{}' but the {} is empty: the year it was closed is unknown (leave the outcome "
                          "empty while a request is open)",
                          o.en, excerpt(outcome_text), r.en)};
    });
    ok = false;
  }
  if (!ok || !received || !applicant) {
    reject();
    return;
  }
  const std::size_t col = *applicant;
  const bool open_at_start = !replied || *replied >= first_;
  const bool open_at_end = !replied || *replied > last_;
  bool counted = false;
  if (*received >= first_ && *received <= last_) {
    add(kReceived, col);
    ++stats_.received;
    counted = true;
  } else if (*received < first_ && open_at_start) {
    add(kCarriedOver, col);
    ++stats_.carried_over;
    counted = true;
  }
  if (replied && *replied >= first_ && *replied <= last_) {
    add(kFirstOutcome + *outcome, col);
    ++stats_.closed;
  }
  if (*received <= last_ && open_at_end) {
    add(kCarriedForward, col);
    ++stats_.carried_forward;
  }
  if (!counted) ++stats_.outside;
}

}  // namespace gongkai
