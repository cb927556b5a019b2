#include <gongkai/core/diagnostic.hpp>

#include <gongkai/core/excerpt.hpp>

#include <algorithm>
#include <atomic>
#include <functional>
#include <string_view>

namespace gongkai {
namespace {

std::atomic<std::size_t> g_finding_limit{kDefaultFindingLimit};

// A message longer than this (code points) is cut: a message quotes excerpts, so only a
// caller quoting a whole value gets here, and the output stays bounded anyway.
constexpr std::size_t kMessageChars = 2000;

// The hash of what makes findings the same: severity, rule, file and message.
std::size_t group_hash(const Diagnostic& d) {
  const std::hash<std::string_view> h;
  std::size_t v = static_cast<std::size_t>(d.severity);
  for (const std::string_view part : {std::string_view(d.rule), std::string_view(d.where.file),
                                      std::string_view(d.message.en), std::string_view(d.message.zh)})
    v = v * 1099511628211ULL ^ h(part);
  return v;
}

bool same_group(const Diagnostic& a, const Diagnostic& b) {
  return a.severity == b.severity && a.rule == b.rule && a.where.file == b.where.file && a.message.en == b.message.en &&
         a.message.zh == b.message.zh;
}

// Same line, column and cell (the file is the group's).
bool same_place(const SourceLoc& a, const SourceLoc& b) {
  return a.line == b.line && a.column == b.column && a.cell_ref == b.cell_ref;
}

std::size_t severity_index(Severity s) { return static_cast<std::size_t>(s); }

}  // namespace

Diagnostic Diagnostic::make(Severity severity, std::string rule, SourceLoc where, Text message) {
  Diagnostic d;
  d.severity = severity;
  d.rule = std::move(rule);
  d.message = std::move(message);
  d.where = std::move(where);
  return d;
}

void Diagnostic::add_place(SourceLoc at) {
  const bool packable = at.file.empty() && at.cell_ref.empty() && at.line > 0 && at.column > 0;  // int fits uint32
  if (also.size() < kPlacesKeptInFull || !packable)
    also.push_back(std::move(at));
  else
    also_lines.emplace_back(static_cast<std::uint32_t>(at.line), static_cast<std::uint32_t>(at.column));
}

bool Diagnostic::last_place_is(const SourceLoc& at) const {
  if (!also_lines.empty())
    return at.cell_ref.empty() && at.line > 0 && at.column > 0 &&
           also_lines.back() == std::pair{static_cast<std::uint32_t>(at.line), static_cast<std::uint32_t>(at.column)};
  return same_place(also.empty() ? where : also.back(), at);
}

Diagnostic Diagnostic::error(std::string rule, SourceLoc where, Text message) {
  return make(Severity::error, std::move(rule), std::move(where), std::move(message));
}

Diagnostic Diagnostic::warning(std::string rule, SourceLoc where, Text message) {
  return make(Severity::warning, std::move(rule), std::move(where), std::move(message));
}

Diagnostic Diagnostic::info(std::string rule, SourceLoc where, Text message) {
  return make(Severity::info, std::move(rule), std::move(where), std::move(message));
}

Diagnostic to_diagnostic(const Error& e) { return Diagnostic::error(e.rule(), e.where(), e.message()); }

void set_finding_limit(std::size_t limit) { g_finding_limit.store(limit); }
std::size_t finding_limit() { return g_finding_limit.load(); }

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::info:
      return "info";
    case Severity::warning:
      return "warning";
    case Severity::error:
      return "error";
  }
  return "error";
}

void Diagnostics::add(Diagnostic d) {
  // An excerpt escapes as one_line() does, and cuts.
  d.message.zh = excerpt(d.message.zh, kMessageChars);
  d.message.en = excerpt(d.message.en, kMessageChars);
  if (d.expected) d.expected = excerpt(*d.expected);
  if (d.actual) d.actual = excerpt(*d.actual);
  // A sheet's name is the workbook's text: a line break in it must not break the line.
  if (!d.where.cell_ref.empty()) d.where.cell_ref = one_line(d.where.cell_ref);
  const std::size_t key = group_hash(d);
  // (An index past the end means a caller reordered or cut items(): no grouping then.)
  for (auto [it, last] = groups_.equal_range(key); it != last; ++it) {
    if (it->second >= items_.size() || !same_group(items_[it->second], d)) continue;
    // Same file by the key, so the places keep only their lines and cells.
    Diagnostic& first = items_[it->second];
    if (d.also.empty() && d.also_lines.empty() && first.last_place_is(d.where)) return;
    d.where.file.clear();
    first.add_place(std::move(d.where));
    for (auto& more : d.also) first.add_place(std::move(more));
    for (const auto& [line, column] : d.also_lines)
      first.add_place(SourceLoc{"", static_cast<int>(line), static_cast<int>(column), {}});
    return;
  }
  const std::size_t limit = finding_limit();
  if (limit != 0 && items_.size() >= limit) {
    dropped_[severity_index(d.severity)] += d.place_count();
    return;
  }
  groups_.emplace(key, items_.size());
  items_.push_back(std::move(d));
}

void Diagnostics::append(const Diagnostics& other) {
  for (const auto& d : other.items_) add(d);
  for (std::size_t i = 0; i < 3; ++i) dropped_[i] += other.dropped_[i];
}

std::size_t Diagnostics::count(Severity s) const {
  return dropped_[severity_index(s)] +
         static_cast<std::size_t>(
             std::count_if(items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

}  // namespace gongkai
