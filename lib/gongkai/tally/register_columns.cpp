#include <gongkai/tally/register_columns.hpp>

#include <gongkai/readers/label_match.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

RegisterColumns columns_of(const RegisterSchema& schema, const std::vector<std::string>& ids,
                           const std::vector<Text>& names, const std::vector<bool>& required) {
  RegisterColumns out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    RegisterField f{ids[i], names[i], required[i], {}};
    if (const auto* headers = schema.header_names(ids[i])) f.headers = *headers;
    out.fields.push_back(std::move(f));
  }
  return out;
}

std::vector<std::string_view> split_entries(std::string_view spec) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= spec.size();) {
    const bool at_end = i == spec.size();
    std::size_t len = 0;
    if (!at_end && spec[i] == ',')
      len = 1;
    else if (!at_end && spec.substr(i).starts_with("，"))
      len = std::string_view("，").size();
    if (at_end || len > 0) {
      out.push_back(trim(spec.substr(start, i - start)));
      if (at_end) break;
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  return out;
}

}  // namespace

std::size_t RegisterColumns::index_of(std::string_view field) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i].id == field) return i;
  return fields.size();
}

RegisterColumns request_columns(const RegisterSchema& schema) {
  return columns_of(schema, request_fields(),
                    {{"编号", "ID"},
                     {"收到日期", "received date"},
                     {"申请人类型", "applicant type"},
                     {"办理结果", "outcome"},
                     {"答复日期", "reply date"}},
                    {false, true, true, true, true});
}

RegisterColumns case_columns(const RegisterSchema& schema) {
  return columns_of(schema, case_fields(),
                    {{"编号", "ID"},
                     {"案件类型", "case kind"},
                     {"立案日期", "filed date"},
                     {"结果", "result"},
                     {"审结日期", "closed date"}},
                    {false, true, true, true, true});
}

std::optional<Text> apply_column_spec(std::string_view spec, RegisterColumns& columns) {
  RegisterColumns updated = columns;
  std::string known;
  for (const auto& f : columns.fields) known += (known.empty() ? "" : ", ") + f.id;
  for (std::string_view entry : split_entries(spec)) {
    if (entry.empty()) continue;
    const auto eq = entry.find('=');
    const std::string_view field = eq == std::string_view::npos ? entry : trim(entry.substr(0, eq));
    const std::string_view header = eq == std::string_view::npos ? std::string_view() : trim(entry.substr(eq + 1));
    if (eq == std::string_view::npos || field.empty() || header.empty())
      return Text{fmt::format("列名设置「{}」应写作 字段=表头，如 received=收文时间", entry),
                  fmt::format("column setting '{}' must read field=header, e.g. received=收文时间", entry)};
    const std::size_t i = updated.index_of(field);
    if (i == updated.fields.size())
      return Text{fmt::format("未知的字段「{}」；可用的字段：{}", field, known),
                  fmt::format("unknown field '{}'; the fields are: {}", field, known)};
    updated.fields[i].headers = {std::string(header)};
  }
  columns = std::move(updated);
  return std::nullopt;
}

HeaderMatch match_header(const RegisterColumns& columns, const RegisterRow& row) {
  HeaderMatch m;
  m.column.resize(columns.fields.size());
  m.header.resize(columns.fields.size());
  std::vector<std::string> keys;
  keys.reserve(row.cells.size());
  for (const auto& c : row.cells) keys.push_back(c.text.empty() ? std::string() : label_key(trim(c.text)));
  std::vector<bool> taken(row.cells.size(), false);
  m.complete = true;
  for (std::size_t f = 0; f < columns.fields.size(); ++f) {
    for (const auto& name : columns.fields[f].headers) {
      const std::string want = label_key(name);
      for (std::size_t c = 0; c < keys.size() && !m.column[f]; ++c)
        if (!taken[c] && !keys[c].empty() && keys[c] == want) {
          m.column[f] = c;
          m.header[f] = std::string(trim(row.cells[c].text));
          taken[c] = true;
        }
      if (m.column[f]) break;
    }
    if (m.column[f])
      ++m.found;
    else if (columns.fields[f].required)
      m.complete = false;
  }
  return m;
}

}  // namespace gongkai
