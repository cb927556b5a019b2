#include <gongkai/render/generated_time.hpp>

#include <chrono>

#include <fmt/format.h>

namespace gongkai {

std::optional<std::int64_t> parse_source_date_epoch(std::string_view text) {
  if (text.empty() || text.size() > 12) return std::nullopt;
  std::int64_t v = 0;
  for (char ch : text) {
    if (ch < '0' || ch > '9') return std::nullopt;
    v = v * 10 + (ch - '0');
  }
  return v;
}

std::string iso_utc(std::int64_t epoch_seconds) {
  using namespace std::chrono;
  const sys_seconds t{seconds{epoch_seconds}};
  const sys_days day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> hms{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count());
}

std::string generated_time(const Report& report, std::optional<std::int64_t> source_date_epoch) {
  if (source_date_epoch) return iso_utc(*source_date_epoch);
  if (report.publication_date) return *report.publication_date + "T00:00:00Z";
  return fmt::format("{:04}-01-01T00:00:00Z", report.year + 1);
}

}  // namespace gongkai
