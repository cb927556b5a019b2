// The register of administrative review and litigation cases about information disclosure
// (复议诉讼台账) tallied for one year N into table 四. A case counts when it was filed by
// 31 December N and not closed before N: closed in N, in the column of its result; open at the
// year's end, as 尚未审结. A case open across several year ends is pending in each of them.
// Each case is counted in the row of its kind (行政复议, 未经复议直接起诉, 复议后起诉).
#pragma once

#include <gongkai/tally/register_table.hpp>

#include <cstdint>
#include <vector>

namespace gongkai {

struct CaseStats {
  std::uint64_t closed = 0;   // closed in N
  std::uint64_t pending = 0;  // open at the end of N
  std::uint64_t outside = 0;  // accepted rows that count nowhere in N
};

class CaseRegister final : public RegisterTable {
 public:
  // REQUIRES: `terms` outlives the register.
  CaseRegister(CaseTerms& terms, RegisterColumns columns, int year, Diagnostics& out);

  [[nodiscard]] const CaseTerms& terms() const { return terms_; }
  [[nodiscard]] const CaseStats& stats() const { return stats_; }
  // Cases of kind `kind` with result `result` (indexes into terms().kinds and .results).
  [[nodiscard]] std::int64_t count(std::size_t kind, std::size_t result) const {
    return counts_[kind * terms_.results.size() + result];
  }

 private:
  void record(const RegisterRow& row) override;

  CaseTerms& terms_;
  DayNumber first_;
  DayNumber last_;
  std::size_t id_, kind_, filed_, result_, closed_;
  Text kind_place_, result_place_;
  std::vector<std::int64_t> counts_;
  CaseStats stats_;
};

}  // namespace gongkai
