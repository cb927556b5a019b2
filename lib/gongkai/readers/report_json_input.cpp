#include <gongkai/readers/report_json_input.hpp>

#include <gongkai/readers/cell_text.hpp>
#include <gongkai/readers/encoding.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace gongkai {

namespace {

using json = nlohmann::json;

// Deeper nesting than a report JSON has is refused before parsing (a hostile file).
constexpr int kMaxDepth = 32;

SourceLoc at_pointer(const std::string& path, const std::string& pointer) { return SourceLoc{path, 0, 0, pointer}; }

SourceLoc at_byte(const std::string& path, std::string_view text, std::size_t byte) {
  int line = 1;
  int column = 1;
  for (std::size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return SourceLoc{path, line, column, {}};
}

// The byte where nesting first goes deeper than kMaxDepth, or npos.
std::size_t too_deep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\')
        ++i;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxDepth) return i;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return std::string_view::npos;
}

Diagnostic not_a_report(const SourceLoc& where, const std::string& what_zh, const std::string& what_en) {
  return Diagnostic::error(
      "input", where,
      {fmt::format("不是 gongkai 的报告 JSON（gongkai build --format json 的输出）：{}", what_zh),
       fmt::format("not a gongkai report JSON (as gongkai build --format json writes it): {}", what_en)});
}

std::optional<std::string> string_at(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

}  // namespace

ReadResult read_report_json_input(const std::string& path, const FormSet& forms, const ReadOptions& options,
                                  const FileLoader& load, Diagnostics& out) {
  ReadResult result;
  result.files.push_back(path);
  std::string bytes = load(path);
  auto text = to_utf8(bytes, path, Encoding::utf8, out);
  if (!text) return result;
  if (const std::size_t deep = too_deep(*text); deep != std::string_view::npos) {
    out.add(not_a_report(at_byte(path, *text, deep), fmt::format("嵌套超过 {} 层", kMaxDepth),
                         fmt::format("nested deeper than {} levels", kMaxDepth)));
    return result;
  }
  json doc;
  try {
    doc = json::parse(*text);
  } catch (const json::parse_error& e) {
    out.add(Diagnostic::error("input", at_byte(path, *text, e.byte == 0 ? 0 : e.byte - 1),
                              {"JSON 语法错误", "not valid JSON"}));
    return result;
  }
  if (!doc.is_object() || !doc.contains("cells") || !doc["cells"].is_object() || !doc.contains("form") ||
      !doc["form"].is_object()) {
    out.add(not_a_report(at_pointer(path, ""), "缺少 form 或 cells", "no 'form' or 'cells'"));
    return result;
  }
  ReportMeta meta;
  meta.agency = string_at(doc, "agency");
  if (auto level = string_at(doc, "level")) meta.level = parse_level(*level);
  if (doc.contains("year") && doc["year"].is_number_integer()) meta.year = doc["year"].get<int>();
  meta.form_id = string_at(doc["form"], "id");
  meta.publication_date = string_at(doc, "published");
  meta.override_with(options.meta);
  if (!meta.agency || meta.agency->empty() || !meta.year || !meta.level) {
    out.add(
        Diagnostic::error("meta", at_pointer(path, ""),
                          {"报告 JSON 缺少 agency、level 或 year", "the report JSON has no agency, level or year"}));
    return result;
  }
  std::shared_ptr<const Form> form = meta.form_id ? forms.by_id(*meta.form_id) : forms.for_year(*meta.year);
  if (!form) {
    out.add(Diagnostic::error("form", at_pointer(path, "/form/id"),
                              {fmt::format("未知的表式「{}」", meta.form_id.value_or("")),
                               fmt::format("unknown form '{}'", meta.form_id.value_or(""))}));
    return result;
  }
  Report report(form);
  report.agency = *meta.agency;
  report.level = *meta.level;
  report.year = *meta.year;
  report.publication_date = meta.publication_date;
  report.origin = SourceLoc{path, 1, 1, {}};
  for (const auto& [id, cell] : doc["cells"].items()) {
    const std::string pointer = "/cells/" + id;
    const CellDef* def = form->cell(id);
    if (def == nullptr) {
      out.add(Diagnostic::error("unknown-key", at_pointer(path, pointer),
                                {fmt::format("表式 {} 没有单元格「{}」", form->id, id),
                                 fmt::format("form {} has no cell '{}'", form->id, id)}));
      continue;
    }
    if (!cell.is_object()) {
      out.add(not_a_report(at_pointer(path, pointer), "单元格不是对象", "a cell is not an object"));
      continue;
    }
    // A total the build computed is computed again by check, as it was from the tally.
    if (cell.value("computed", false)) continue;
    const std::string state = cell.value("state", std::string());
    const SourceLoc where = at_pointer(path, pointer + "/value");
    if (state == "absent") continue;
    if (state == "blank") {
      CellValue& v = report.at(*def);
      v.state = CellState::blank;
      v.where = where;
      continue;
    }
    if (state != "value") {
      out.add(not_a_report(at_pointer(path, pointer + "/state"), "state 应为 value、blank 或 absent",
                           "'state' is not value, blank or absent"));
      continue;
    }
    auto value = cell.find("value");
    std::string figure;
    if (value != cell.end() && value->is_string())
      figure = value->get<std::string>();
    else if (value != cell.end() && value->is_number())
      figure = value->dump();
    else {
      out.add(not_a_report(where, "value 应为数字或数字文本", "'value' is not a number or a decimal string"));
      continue;
    }
    if (auto parsed = parse_cell_number(figure, *form, *def, where, out)) report.at(*def) = *parsed;
  }
  if (auto sections = doc.find("sections"); sections != doc.end() && sections->is_array()) {
    for (std::size_t i = 0; i < sections->size(); ++i) {
      const json& s = (*sections)[i];
      if (!s.is_object() || s.value("kind", std::string()) != "prose") continue;
      auto id = string_at(s, "id");
      auto markdown = string_at(s, "markdown");
      if (!id || !markdown) continue;
      report.prose[*id] = *markdown;
      report.prose_where[*id] = at_pointer(path, fmt::format("/sections/{}/markdown", i));
    }
  }
  result.report = std::move(report);
  return result;
}

}  // namespace gongkai
