#include <gongkai/tally/register_table.hpp>

#include <gongkai/core/excerpt.hpp>
#include <gongkai/core/suggest.hpp>

#include <fmt/format.h>

#include <cstring>

namespace gongkai {
namespace {

std::string quoted_list_zh(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += fmt::format("「{}」", i);
  return out;
}

std::string quoted_list_en(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += fmt::format("{}'{}'", out.empty() ? "" : ", ", i);
  return out;
}

// Findings remembered per file or sheet for error_once(): enough for every distinct bad value
// of a real register; past it (or for a key longer than kKeyBytes) a finding is reported the
// ordinary way, message built, and still grouped by Diagnostics::add.
constexpr std::size_t kKnownBound = 4096;
constexpr std::size_t kKeyBytes = 512;
constexpr std::size_t kNowhere = static_cast<std::size_t>(-1);

}  // namespace

DayKey day_key(std::initializer_list<DayNumber> days) {
  DayKey k;
  for (const DayNumber d : days) {
    if (k.size + sizeof d > sizeof k.bytes) break;
    std::memcpy(k.bytes + k.size, &d, sizeof d);
    k.size += sizeof d;
  }
  return k;
}

RegisterTable::RegisterTable(RegisterColumns columns, std::string option, Diagnostics& out)
    : out_(out), columns_(std::move(columns)), option_(std::move(option)) {}

void RegisterTable::begin(const RegisterOrigin& origin) {
  origin_ = origin;
  known_.clear();
  sheet_one_line_ = origin.sheet.empty() || one_line(origin.sheet) == origin.sheet;
  have_header_ = false;
  searched_ = 0;
  missed_.reset();
}

bool RegisterTable::row(const RegisterRow& row) {
  if (have_header_) {
    if (row.blank()) return true;
    ++rows_;
    record(row);
    return true;
  }
  if (row.blank()) return true;
  ++searched_;
  HeaderMatch m = match_header(columns_, row);
  if (m.complete) {
    match_ = std::move(m);
    have_header_ = true;
    file_has_header_ = true;
    sources_.push_back(origin_);
    const std::size_t id = columns_.index_of("id");
    id_columns_.push_back(id < match_.column.size() && match_.column[id] ? *match_.column[id] : 0);
    return true;
  }
  if (!missed_ || m.found > missed_->best.found) {
    Missed miss{origin_, origin_.where(row), {}, std::move(m), 0};
    for (const auto& c : row.cells) miss.best_cells.emplace_back(trim(c.text));
    missed_ = std::move(miss);
  }
  return searched_ < kHeaderSearchRows;
}

void RegisterTable::end() {
  if (have_header_) return;
  Missed m = missed_ ? std::move(*missed_) : Missed{origin_, SourceLoc{origin_.file, 0, 0, {}}, {}, {}, 0};
  if (!missed_ && !origin_.sheet.empty()) m.where = SourceLoc{origin_.file, 0, 0, origin_.sheet};
  m.searched = searched_;
  missed_in_file_.push_back(std::move(m));
}

void RegisterTable::end_file() {
  // A workbook may keep other sheets beside the register (a summary, the case register):
  // those are skipped with a note. A file with no register sheet at all cannot be tallied.
  for (const auto& m : missed_in_file_) report_missed(m, file_has_header_ ? Severity::info : Severity::error);
  if (!file_has_header_) unreadable_ = true;
  missed_in_file_.clear();
  file_has_header_ = false;
}

void RegisterTable::report_missed(const Missed& m, Severity severity) {
  Diagnostic d;
  d.severity = severity;
  d.rule = "register";
  d.where = m.where;
  const std::string sheet_zh = m.origin.sheet.empty() ? "" : fmt::format("工作表「{}」", m.origin.sheet);
  const std::string sheet_en = m.origin.sheet.empty() ? "" : fmt::format("sheet '{}': ", m.origin.sheet);
  if (m.searched == 0) {
    d.message = {fmt::format("{}没有任何内容，找不到台账表头", sheet_zh.empty() ? "文件" : sheet_zh),
                 fmt::format("{}it is empty: no register header", sheet_en)};
    if (severity == Severity::info)
      d.message = {fmt::format("{}为空，已跳过", sheet_zh), fmt::format("{}empty, skipped", sheet_en)};
    out_.add(std::move(d));
    return;
  }
  if (severity == Severity::info) {  // another sheet of the file is the register
    d.message = {fmt::format("{}不是台账（找不到台账表头），已跳过", sheet_zh),
                 fmt::format("{}no register header, skipped", sheet_en)};
    out_.add(std::move(d));
    return;
  }
  std::vector<std::string> missing_zh, missing_en, hints_zh, hints_en;
  for (std::size_t f = 0; f < columns_.fields.size(); ++f) {
    const RegisterField& field = columns_.fields[f];
    if (!field.required || (f < m.best.column.size() && m.best.column[f])) continue;
    std::string names_zh, names_en;
    for (const auto& h : field.headers) {
      names_zh += (names_zh.empty() ? "" : "、") + h;
      names_en += (names_en.empty() ? "" : ", ") + h;
    }
    missing_zh.push_back(fmt::format("{}（表头可为：{}）", field.name.zh, names_zh));
    missing_en.push_back(fmt::format("{} (headers: {})", field.name.en, names_en));
    // A header close to one of the names is probably meant: suggest naming it.
    for (std::size_t c = 0; c < m.best_cells.size(); ++c) {
      bool taken = false;
      for (const auto& col : m.best.column) taken = taken || (col && *col == c);
      if (taken || m.best_cells[c].empty() || !closest(m.best_cells[c], field.headers)) continue;
      hints_zh.push_back(fmt::format("「{}」是否为{}？可用 {} {}={} 指定", excerpt(excerpt(m.best_cells[c])),
                                     field.name.zh, option_, field.id, excerpt(m.best_cells[c])));
      hints_en.push_back(fmt::format("is '{}' the {}? say so with {} {}={}", excerpt(excerpt(m.best_cells[c])),
                                     field.name.en, option_, field.id, excerpt(m.best_cells[c])));
      break;
    }
  }
  std::string zh =
      fmt::format("{}在前 {} 个非空行中找不到台账表头：缺少{}", sheet_zh, m.searched, fmt::join(missing_zh, "；"));
  std::string en = fmt::format("{}no register header in the first {} non-empty row{}: missing {}", sheet_en, m.searched,
                               m.searched == 1 ? "" : "s", fmt::join(missing_en, "; "));
  if (!hints_zh.empty()) {
    zh += fmt::format("。{}", fmt::join(hints_zh, "；"));
    en += fmt::format(". {}", fmt::join(hints_en, "; "));
  }
  d.message = {std::move(zh), std::move(en)};
  out_.add(std::move(d));
}

std::string_view RegisterTable::text(const RegisterRow& row, std::size_t field) const {
  const auto& col = match_.column[field];
  return col ? trim(row.text(*col)) : std::string_view();
}

SourceLoc RegisterTable::where(const RegisterRow& row, std::size_t field) const {
  const auto& col = match_.column[field];
  return col ? origin_.where(row, *col) : origin_.where(row);
}

Text RegisterTable::field_name(std::size_t field) const {
  const std::string& h = match_.header[field];
  const RegisterField& f = columns_.fields[field];
  return {h.empty() ? f.name.zh : h, h.empty() ? f.name.en : fmt::format("{} ({})", f.name.en, h)};
}

void RegisterTable::error(const RegisterRow& row, std::size_t field, Text message) {
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "register";
  d.message = std::move(message);
  d.where = where(row, field);
  out_.add(std::move(d));
}

bool RegisterTable::add_place(const RegisterRow& row, std::size_t field, char kind, std::string_view key) {
  memo_key_ok_ = false;
  if (key.size() > kKeyBytes) return false;
  memo_key_.assign(1, kind);
  memo_key_.append(reinterpret_cast<const char*>(&field), sizeof field);
  memo_key_.append(key);
  const auto it = known_.find(std::string_view(memo_key_));
  if (it == known_.end()) {
    memo_key_ok_ = known_.size() < kKnownBound;
    return false;
  }
  const Known& k = it->second;
  if (k.index == kNowhere) return false;  // left out by the finding limit: add() counts it
  memo_key_ok_ = true;                    // the finding moved: remember() finds it again
  auto& items = out_.items();
  if (k.index >= items.size()) return false;
  Diagnostic& group = items[k.index];
  if (group.message.en != k.message_en || group.rule != "register" || group.severity != Severity::error ||
      group.where.file != origin_.file)
    return false;
  // What Diagnostics::add does with a finding of the group: the place without its file, a
  // sheet's name on one line, the very same place again not another place.
  const auto& col = match_.column[field];
  SourceLoc at;
  if (col) {
    at = origin_.place(row, *col);
  } else {
    at = origin_.where(row);
    std::string().swap(at.file);  // (clear() would keep a long path's buffer in every place)
  }
  if (!sheet_one_line_ && !at.cell_ref.empty()) at.cell_ref = one_line(at.cell_ref);
  if (!group.last_place_is(at)) group.add_place(std::move(at));
  return true;
}

void RegisterTable::remember(const RegisterRow& row, std::size_t field, Text message) {
  if (!memo_key_ok_) {
    error(row, field, std::move(message));
    return;
  }
  // A register's message quotes excerpts, so it is far below Diagnostics' cut: kept as one_line
  // makes it. (A longer one is not found below and is then reported the ordinary way.)
  std::string kept_en = one_line(message.en);
  const std::string kept_zh = one_line(message.zh);
  error(row, field, std::move(message));
  const auto& items = out_.items();
  std::size_t index = kNowhere;
  for (std::size_t i = 0; i < items.size() && index == kNowhere; ++i) {
    const Diagnostic& d = items[i];
    if (d.severity == Severity::error && d.rule == "register" && d.where.file == origin_.file &&
        d.message.en == kept_en && d.message.zh == kept_zh)
      index = i;
  }
  known_.insert_or_assign(memo_key_, Known{index, std::move(kept_en)});
}

void RegisterTable::require(const RegisterRow& row, std::size_t field, bool& ok) {
  if (!text(row, field).empty()) return;
  error_once(row, field, 'r', {}, [&]() -> Text {
    const Text name = field_name(field);
    return {fmt::format("{}为空", name.zh), fmt::format("{} is empty", name.en)};
  });
  ok = false;
}

std::optional<DayNumber> RegisterTable::date(const RegisterRow& row, std::size_t field, bool& ok) {
  const std::string_view t = text(row, field);
  if (t.empty()) return std::nullopt;
  const auto& col = match_.column[field];
  const bool number = col && *col < row.cells.size() && row.cells[*col].number;
  if (auto d = number ? parse_excel_date(t) : parse_register_date(t)) return d;
  error_once(row, field, 'd', t, [&]() -> Text {
    const Text name = field_name(field);
    return {fmt::format("{}「{}」不是有效日期（可写作 2023-01-05、2023/1/5、2023.1.5 或 2023年1月5日）", name.zh,
                        excerpt(t)),
            fmt::format("{} '{}' is not a valid date (write 2023-01-05, 2023/1/5, 2023.1.5 or 2023年1月5日)", name.en,
                        excerpt(t))};
  });
  ok = false;
  return std::nullopt;
}

std::optional<std::size_t> RegisterTable::term(const RegisterRow& row, std::size_t field, TermResolver& resolver,
                                               const Text& place, bool& ok) {
  const std::string_view t = text(row, field);
  if (t.empty()) return std::nullopt;
  const auto r = resolver.resolve(t);
  const LabelMatch& m = r.match;
  // Exact and normalised matches (width, spaces, punctuation) are taken. A near miss is not:
  // in a register 「不公开」 is two characters from 「公开」 and means the opposite, so it is
  // refused with the suggestion, and a word met often belongs in register-synonyms.yaml.
  if (m.kind == LabelMatchKind::exact || m.kind == LabelMatchKind::normalised) {
    if (r.first && m.kind == LabelMatchKind::normalised) {
      Diagnostic d;
      d.severity = Severity::warning;
      d.rule = "label";
      const Text name = field_name(field);
      d.message = {fmt::format("{}「{}」按「{}」计（同样写法的其他行不再提示）", name.zh, excerpt(t), m.official),
                   fmt::format("{} '{}' read as '{}' (not repeated for other rows)", name.en, excerpt(t), m.official)};
      d.where = where(row, field);
      out_.add(std::move(d));
    }
    return m.target;
  }
  ok = false;
  // The resolver and `place` are the field's, so the text decides the message.
  error_once(row, field, 't', t, [&]() -> Text {
    const Text name = field_name(field);
    if (r.group != nullptr)
      return {fmt::format("{}「{}」是一组，请写明其中一项：{}", name.zh, excerpt(t), quoted_list_zh(*r.group)),
              fmt::format("{} '{}' names a group: write one of {}", name.en, excerpt(t), quoted_list_en(*r.group))};
    if (m.ambiguous)
      return {fmt::format("{}「{}」不能确定是{}中的哪一项，同样接近：{}", name.zh, excerpt(t), place.zh,
                          quoted_list_zh(m.closest)),
              fmt::format("{} '{}' is ambiguous as {}: equally close to {}", name.en, excerpt(t), place.en,
                          quoted_list_en(m.closest))};
    const std::vector<std::string> near =
        m.kind == LabelMatchKind::near ? std::vector<std::string>{m.official} : m.closest;
    std::vector<std::string> quoted;
    for (const auto& c : near) quoted.push_back(fmt::format("'{}'", c));
    return {fmt::format("{}「{}」对应不到{}{}", name.zh, excerpt(t), place.zh,
                        near.empty() ? "" : fmt::format("，最接近的是：{}", quoted_list_zh(near))),
            fmt::format("{} '{}' is not {}{}", name.en, excerpt(t), place.en,
                        quoted.empty() ? "" : fmt::format("; did you mean {}?", fmt::join(quoted, " or ")))};
  });
  return std::nullopt;
}

void RegisterTable::note_id(const RegisterRow& row, std::size_t field, bool& ok) {
  const std::string_view id = text(row, field);
  if (id.empty()) return;
  const auto& col = match_.column[field];
  const std::uint32_t at =
      origin_.sheet.empty()
          ? static_cast<std::uint32_t>(col && *col < row.cells.size() && row.cells[*col].line > 0 ? row.cells[*col].line
                                                                                                  : row.line)
          : row.sheet_row;
  const auto source = static_cast<std::uint32_t>(sources_.size() - 1);
  const IdPlace* seen = ids_.insert(id, IdPlace{at, source});
  if (seen == nullptr) return;
  // The first place of an ID never changes, so the ID decides the message.
  error_once(row, field, 'i', id, [&]() -> Text {
    const RegisterOrigin& first_origin = sources_[seen->source];
    RegisterRow first;
    first.line = static_cast<int>(seen->row);
    first.sheet_row = seen->row;
    const std::string first_at = first_origin.sheet.empty()
                                     ? first_origin.row_name(first)
                                     : first_origin.where(first, id_columns_[seen->source]).to_string();
    const Text name = field_name(field);
    return {fmt::format("{}「{}」重复，首次出现在 {}", name.zh, excerpt(id), first_at),
            fmt::format("duplicate {} '{}': first seen at {}", name.en, excerpt(id), first_at)};
  });
  ok = false;
}

}  // namespace gongkai
