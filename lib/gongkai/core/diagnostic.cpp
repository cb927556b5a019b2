#include <gongkai/core/diagnostic.hpp>

#include <gongkai/core/excerpt.hpp>

#include <algorithm>
#include <atomic>

namespace gongkai {
namespace {

std::atomic<std::size_t> g_finding_limit{kDefaultFindingLimit};

// A message longer than this (code points) is cut: a message quotes excerpts, so only a
// caller quoting a whole value gets here, and the output stays bounded anyway.
constexpr std::size_t kMessageChars = 2000;

std::string group_key(const Diagnostic& d) {
  std::string key;
  key.reserve(d.rule.size() + d.where.file.size() + d.message.en.size() + d.message.zh.size() + 4);
  key += static_cast<char>('0' + static_cast<int>(d.severity));
  key += d.rule;
  key += '\x1f';
  key += d.where.file;
  key += '\x1f';
  key += d.message.en;
  key += '\x1f';
  key += d.message.zh;
  return key;
}

bool same_group(const Diagnostic& a, const Diagnostic& b) {
  return a.severity == b.severity && a.rule == b.rule && a.where.file == b.where.file &&
         a.message.en == b.message.en && a.message.zh == b.message.zh;
}

std::size_t severity_index(Severity s) { return static_cast<std::size_t>(s); }

}  // namespace

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
  d.message.zh = excerpt(one_line(d.message.zh), kMessageChars);
  d.message.en = excerpt(one_line(d.message.en), kMessageChars);
  if (d.expected) d.expected = excerpt(*d.expected);
  if (d.actual) d.actual = excerpt(*d.actual);
  // A sheet's name is the workbook's text: a line break in it must not break the line.
  if (!d.where.cell_ref.empty()) d.where.cell_ref = one_line(d.where.cell_ref);
  std::string key = group_key(d);
  // (An index past the end means a caller reordered or cut items(): no grouping then.)
  if (auto it = groups_.find(key); it != groups_.end() && it->second < items_.size() &&
                                   same_group(items_[it->second], d)) {
    // Same file by the key, so the places keep only their lines and cells.
    Diagnostic& first = items_[it->second];
    d.where.file.clear();
    first.also.push_back(std::move(d.where));
    for (auto& more : d.also) first.also.push_back(std::move(more));
    return;
  }
  const std::size_t limit = finding_limit();
  if (limit != 0 && items_.size() >= limit) {
    dropped_[severity_index(d.severity)] += 1 + d.also.size();
    return;
  }
  groups_.emplace(std::move(key), items_.size());
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
