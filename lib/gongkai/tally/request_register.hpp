// The register of information requests (依申请公开台账) tallied for one year N into the
// applications table (三). Definitions (docs/registers.md):
//   received        — received in N;
//   carried_over    — received before N and not closed before N;
//   outcome rows    — closed (replied) in N, in the row of its outcome;
//   carried_forward — received by 31 December N and open at the year's end.
// Every request received by the year's end and not closed before it is thus counted once on
// each side, so the form's balance (一 + 二 = 三（七） + 四) holds by construction. Each row is
// counted in its applicant's column. Memory is constant per row but for the set of IDs.
#pragma once

#include <gongkai/tally/register_table.hpp>

#include <cstdint>
#include <vector>

namespace gongkai {

struct RequestStats {
  std::uint64_t received = 0;  // rows received in N
  std::uint64_t carried_over = 0;
  std::uint64_t closed = 0;  // rows closed in N
  std::uint64_t carried_forward = 0;
  std::uint64_t outside = 0;  // accepted rows that count nowhere in N (closed before, or received after)
};

class RequestRegister final : public RegisterTable {
 public:
  // REQUIRES: `terms` outlives the register.
  RequestRegister(RequestTerms& terms, RegisterColumns columns, int year, Diagnostics& out);

  [[nodiscard]] const RequestTerms& terms() const { return terms_; }
  [[nodiscard]] int year() const { return year_; }
  [[nodiscard]] const RequestStats& stats() const { return stats_; }
  // The count of row `row` (received, carried_over, carried_forward or an outcome row) in
  // applicant column `applicant` (an index into terms().applicants).
  [[nodiscard]] std::int64_t count(const RowDef& row, std::size_t applicant) const;

 private:
  void record(const RegisterRow& row) override;
  void add(std::size_t slot, std::size_t applicant);

  RequestTerms& terms_;
  int year_;
  DayNumber first_;
  DayNumber last_;
  std::size_t id_, received_, applicant_, outcome_, replied_;  // field indexes
  Text applicant_place_, outcome_place_;                       // what the words must name
  // Slots: 0 received, 1 carried over, 2 carried forward, 3 + i outcome i; each by applicant.
  std::vector<std::int64_t> counts_;
  RequestStats stats_;
};

}  // namespace gongkai
