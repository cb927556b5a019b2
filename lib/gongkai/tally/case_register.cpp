#include <gongkai/tally/case_register.hpp>

#include <gongkai/core/checked.hpp>
#include <gongkai/core/excerpt.hpp>

#include <fmt/format.h>

namespace gongkai {

CaseRegister::CaseRegister(CaseTerms& terms, RegisterColumns columns, int year, Diagnostics& out)
    : RegisterTable(columns, "--case-columns", out),
      terms_(terms),
      first_(day_number(year, 1, 1)),
      last_(day_number(year, 12, 31)),
      id_(columns.index_of("id")),
      kind_(columns.index_of("kind")),
      filed_(columns.index_of("filed")),
      result_(columns.index_of("result")),
      closed_(columns.index_of("closed")),
      kind_place_{fmt::format("表{}的案件类型", terms.table_number),
                  fmt::format("a case kind of table {}", terms.table_number)},
      result_place_{fmt::format("表{}的审理结果", terms.table_number),
                    fmt::format("a result column of table {}", terms.table_number)},
      counts_(terms.kinds.size() * terms.results.size(), 0) {}

void CaseRegister::record(const RegisterRow& row) {
  bool ok = true;
  note_id(row, id_, ok);
  require(row, kind_, ok);
  const auto kind = term(row, kind_, terms_.kind, kind_place_, ok);
  require(row, filed_, ok);
  const auto filed = date(row, filed_, ok);
  const std::string_view result_text = text(row, result_);
  const auto result = term(row, result_, terms_.result, result_place_, ok);
  const bool closed_given = !text(row, closed_).empty();
  const auto closed = date(row, closed_, ok);
  const bool result_pending = result && *result == terms_.pending;
  if (closed && filed && *closed < *filed) {
    error_once(row, closed_, 'b', day_key({*closed, *filed}).view(), [&]() -> Text {
      const Text c = field_name(closed_), f = field_name(filed_);
      return {fmt::format("{} {} 早于{} {}", c.zh, format_day(*closed), f.zh, format_day(*filed)),
              fmt::format("{} {} is before the {} {}", c.en, format_day(*closed), f.en, format_day(*filed))};
    });
    ok = false;
  }
  if (closed && (result_text.empty() || result_pending)) {
    const DayKey at = day_key({*closed});
    std::string key(at.view());
    key += result_text;
    error_once(row, result_, 'e', key, [&]() -> Text {
      const Text c = field_name(closed_), r = field_name(result_);
      return {
          excerpt(result_text).empty()
              ? fmt::format("已有{} {}，但{}为空", c.zh, format_day(*closed), r.zh)
              : fmt::format("已有{} {}，但{}为「{}」", c.zh, format_day(*closed), r.zh, excerpt(result_text)),
          excerpt(result_text).empty()
              ? fmt::format("the {} is {} but the {} is empty", c.en, format_day(*closed), r.en)
              : fmt::format("the {} is {} but the {} is '{}'", c.en, format_day(*closed), r.en, excerpt(result_text))};
    });
    ok = false;
  }
  if (!closed_given && result && !result_pending) {
    error_once(row, closed_, 'o', result_text, [&]() -> Text {
      const Text c = field_name(closed_), r = field_name(result_);
      return {fmt::format("{}为「{}」，但{}为空：无法确定审结年度（尚未审结的案件请将{}留空）", r.zh,
                          excerpt(result_text), c.zh, r.zh),
              fmt::format("the {} is '{}' but the {} is empty: the year it was closed is unknown (leave the result "
                          "empty while a case is open)",
                          r.en, excerpt(result_text), c.en)};
    });
    ok = false;
  }
  if (!ok || !kind || !filed) {
    reject();
    return;
  }
  std::optional<std::size_t> column;
  if (*filed <= last_) {
    if (closed && *closed >= first_ && *closed <= last_) {
      column = *result;
      ++stats_.closed;
    } else if (!closed || *closed > last_) {
      column = terms_.pending;
      ++stats_.pending;
    }
  }
  if (!column) {
    ++stats_.outside;
    return;
  }
  std::int64_t& c = counts_[*kind * terms_.results.size() + *column];
  if (auto next = checked_add(c, 1)) c = *next;
}

}  // namespace gongkai
