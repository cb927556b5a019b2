#include <gongkai/readers/yaml_tally.hpp>

#include <gongkai/core/date.hpp>
#include <gongkai/core/excerpt.hpp>
#include <gongkai/core/normalize.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/core/yaml_limits.hpp>
#include <gongkai/core/yaml_source.hpp>
#include <gongkai/readers/yaml_key_match.hpp>
#include <gongkai/readers/yaml_tables.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>

namespace gongkai {
namespace {

// The top-level keys that are not tables, with the Chinese names also accepted.
struct MetaKey {
  const char* id;
  std::vector<std::string> aliases;
};

const std::vector<MetaKey>& meta_keys() {
  static const std::vector<MetaKey> keys{
      {"agency", {"机关名称", "机关"}},
      {"level", {"层级", "机关层级"}},
      {"year", {"年度", "报告年度"}},
      {"form", {"表式"}},
      {"published", {"发布日期"}},
      {"tables", {"表格文件"}},
      {"prose", {"正文"}},
  };
  return keys;
}

// Top-level keys another reader owns (prose/prose_extras.hpp: section 六's fee statement and
// work plan, and `previous:`, last year's report; build/explanations_input.hpp: the office's
// explanations of findings); passed over here.
const std::vector<std::string>& foreign_keys() {
  static const std::vector<std::string> keys{"fees", "work_plan", "previous", "explanations"};
  return keys;
}

struct Entry {
  YAML::Node key;
  YAML::Node value;
  [[nodiscard]] bool given() const { return key.IsDefined() && key.IsScalar(); }
};

std::string heading_without_number(const std::string& heading) {
  const auto pos = heading.find("、");
  return pos == std::string::npos ? heading : heading.substr(pos + std::string_view("、").size());
}

Text known_forms(const FormSet& forms) {
  std::vector<std::string> zh, en;
  for (const auto& f : forms.all()) {
    if (f->year_to) {
      zh.push_back(fmt::format("{}（{}–{} 年度）", f->id, f->year_from, *f->year_to));
      en.push_back(fmt::format("{} ({}–{})", f->id, f->year_from, *f->year_to));
    } else {
      zh.push_back(fmt::format("{}（{} 年度起）", f->id, f->year_from));
      en.push_back(fmt::format("{} (from {})", f->id, f->year_from));
    }
  }
  return {fmt::format("{}", fmt::join(zh, "、")), fmt::format("{}", fmt::join(en, ", "))};
}

const Text kWantText{"文字", "text"};

class TallyReader {
 public:
  TallyReader(std::string_view name, std::string_view text, const FormSet& forms, const ReportMeta& over,
              Diagnostics& found)
      : text_(strip_bom(text)), forms_(forms), over_(over), src_(name, text_, found), found_(found) {}

  YamlTally read();

 private:
  bool parse(YAML::Node& root);
  void take_meta_keys(const YAML::Node& root);
  ReportMeta read_meta();
  std::shared_ptr<const Form> choose_form(const ReportMeta& meta);
  void read_tables(Report& report);
  void read_tables_file(YamlTally& tally);
  void read_prose(Report& report, YamlTally& tally);
  [[nodiscard]] SourceLoc content_where(const YAML::Node& scalar) const;
  void meta_error(SourceLoc where, Text message);

  std::string_view text_;
  const FormSet& forms_;
  const ReportMeta& over_;
  YamlSource src_;
  Diagnostics& found_;
  std::map<std::string, Entry> meta_;  // by MetaKey::id
  std::vector<Entry> rest_;            // the other top-level keys, in order
  std::optional<SourceLoc> first_inline_table_;
};

void TallyReader::meta_error(SourceLoc where, Text message) {
  src_.error("meta", std::move(where), std::move(message));
}

// What the lines of a file hold, read before yaml-cpp sees it. yaml-cpp 0.7 loops forever in
// LoadAll on some malformed inputs and reads a stray leading `,` as an empty document, so the
// document markers and the presence of content are found here.
struct LineScan {
  int first_content = 0;    // 1-based line of the first content, 0 when none
  int second_document = 0;  // line of a `---` after content: a second document
  std::string content;      // the content, when it is a single line
};

LineScan scan_lines(std::string_view text) {
  LineScan scan;
  int number = 0;
  int content_lines = 0;
  for (std::string_view line : split(text, '\n')) {
    ++number;
    std::string_view body = trim(line);
    if (line.starts_with("---") && (line.size() == 3 || line[3] == ' ' || line[3] == '\t' || line[3] == '\r')) {
      if (scan.first_content != 0) {
        if (scan.second_document == 0) scan.second_document = number;
        continue;
      }
      body = trim(line.substr(3));
    } else if (line.starts_with("...")) {
      continue;
    }
    if (body.empty() || body.front() == '#') continue;
    if (scan.first_content == 0) scan.first_content = number;
    if (++content_lines == 1)
      scan.content = std::string(body);
    else
      scan.content.clear();
  }
  return scan;
}

bool TallyReader::parse(YAML::Node& root) {
  const SourceLoc file{src_.name(), 0, 0, {}};
  const LineScan scan = scan_lines(text_);
  if (trim(text_).empty()) {
    src_.error("yaml", file,
               {"文件为空：年度报告数据至少需要 agency、level、year 三项",
                "the file is empty: a tally needs at least agency, level and year"});
    return false;
  }
  if (scan.first_content == 0) {
    src_.error("yaml", file,
               {"文件为空（只有注释）：年度报告数据至少需要 agency、level、year 三项",
                "the file is empty (comments only): a tally needs at least agency, level and year"});
    return false;
  }
  if (const auto limit = check_yaml_limits(text_)) {
    src_.error("yaml-limit", SourceLoc{src_.name(), limit->line, limit->column, {}}, limit->message);
    return false;
  }
  auto parsed = src_.parse(src_.out(), "yaml", {"YAML 语法错误", "malformed YAML"});
  if (!parsed) return false;
  root = *parsed;  // `root` is empty: this binds it, no document is rewritten
  if (scan.second_document != 0) {
    src_.error("yaml", SourceLoc{src_.name(), scan.second_document, 1, {}},
               {"文件含有多个 YAML 文档（---），一份年度报告数据只能有一个文档",
                "the file holds more than one YAML document (---); a tally is one document"});
  }
  if (root.IsNull() && scan.content != "~" && scan.content != "null" && scan.content != "Null" &&
      scan.content != "NULL") {
    // Content yaml-cpp read as nothing: it does so for a line that starts with a stray `,`.
    src_.error("yaml", SourceLoc{src_.name(), scan.first_content, 1, {}},
               {"YAML 语法错误：未能读出任何内容（该行是否以多余的符号开头？）",
                "malformed YAML: nothing could be read (does this line start with a stray character?)"});
    return false;
  }
  if (!root.IsMap()) {
    const SourceLoc at = root.IsNull() ? SourceLoc{src_.name(), scan.first_content, 1, {}} : src_.where(root);
    src_.wrong_type(root, at, {"文件顶层", "the top level"}, {"映射（键: 值）", "a mapping (key: value)"});
    return false;
  }
  return true;
}

void TallyReader::take_meta_keys(const YAML::Node& root) {
  std::map<std::string, SourceLoc> other_keys;
  for (auto it = root.begin(); it != root.end(); ++it) {
    const YAML::Node k = it->first;  // a copy: `->` yields a temporary proxy
    if (!k.IsScalar()) {
      src_.wrong_type(k, src_.where(k), {"键", "a key"}, kWantText);
      continue;
    }
    const MetaKey* hit = nullptr;
    for (const auto& mk : meta_keys()) {
      if (k.Scalar() == mk.id) hit = &mk;
      for (const auto& alias : mk.aliases)
        if (match_label(k.Scalar(), alias) != KeyMatch::none) hit = &mk;
      if (hit != nullptr) break;
    }
    if (hit == nullptr) {
      if (std::find(foreign_keys().begin(), foreign_keys().end(), k.Scalar()) == foreign_keys().end() &&
          src_.first_time(other_keys, k))
        rest_.push_back({k, it->second});
      continue;
    }
    Entry& slot = meta_[hit->id];
    if (slot.given()) {
      src_.duplicate(k, hit->id, src_.where(slot.key));
      continue;
    }
    slot = {k, it->second};
  }
}

ReportMeta TallyReader::read_meta() {
  // Problems with a field the caller overrides are dropped: the override is the fix.
  ReportMeta file;
  auto scalar = [&](const char* id, bool overridden, std::string& text) -> const Entry* {
    auto it = meta_.find(id);
    if (it == meta_.end()) return nullptr;
    const Entry& e = it->second;
    if (!e.value.IsScalar()) {
      if (!overridden)
        src_.wrong_type(e.value, src_.where_value(e.key, e.value), {fmt::format("「{}」", id), fmt::format("'{}'", id)},
                        kWantText);
      return nullptr;
    }
    text = std::string(trim(e.value.Scalar()));
    return &e;
  };
  std::string text;
  if (const Entry* e = scalar("agency", over_.agency.has_value(), text)) {
    if (!text.empty())
      file.agency = text;
    else if (!over_.agency)
      meta_error(src_.where_value(e->key, e->value), {"机关名称（agency）为空", "the agency name (agency) is empty"});
  }
  if (const Entry* e = scalar("level", over_.level.has_value(), text)) {
    file.level = parse_level(text);
    if (!file.level && !over_.level)
      meta_error(src_.where_value(e->key, e->value),
                 {fmt::format("层级「{}」无效，应为 department（部门）或 government（政府）", excerpt(text)),
                  fmt::format("level '{}' is not valid: use department (部门) or government (政府)", excerpt(text))});
  }
  if (const Entry* e = scalar("year", over_.year.has_value(), text)) {
    const bool digits =
        text.size() == 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    const int y = digits ? std::stoi(text) : 0;
    if (digits && y >= 1990 && y <= 2200)
      file.year = y;
    else if (!over_.year)
      meta_error(src_.where_value(e->key, e->value),
                 {fmt::format("年度「{}」无效，应为四位年份，如 2023", excerpt(text)),
                  fmt::format("year '{}' is not valid: write a four-digit year such as 2023", excerpt(text))});
  }
  if (const Entry* e = scalar("form", over_.form_id.has_value(), text)) {
    if (!text.empty())
      file.form_id = text;
    else if (!over_.form_id)
      meta_error(src_.where_value(e->key, e->value), {"表式（form）为空", "the form (form) is empty"});
  }
  if (const Entry* e = scalar("published", over_.publication_date.has_value(), text)) {
    if (Date::parse(text))
      file.publication_date = text;
    else if (!over_.publication_date)
      meta_error(src_.where_value(e->key, e->value),
                 {fmt::format("发布日期「{}」无效，应为 YYYY-MM-DD 格式的日期", excerpt(text)),
                  fmt::format("publication date '{}' is not valid: write a date as YYYY-MM-DD", excerpt(text))});
  }
  ReportMeta merged = file;
  merged.override_with(over_);
  const SourceLoc whole{src_.name(), 0, 0, {}};
  if (!merged.agency && !meta_.contains("agency"))
    meta_error(whole, {"缺少机关名称（agency）", "missing the agency name (agency)"});
  if (!merged.level && !meta_.contains("level"))
    meta_error(whole,
               {"缺少层级（level: department 或 government）", "missing the level (level: department or government)"});
  if (!merged.year && !meta_.contains("year"))
    meta_error(whole, {"缺少年度（year）", "missing the report year (year)"});
  return merged;
}

std::shared_ptr<const Form> TallyReader::choose_form(const ReportMeta& meta) {
  if (meta.form_id) {
    for (const auto& f : forms_.all())
      if (f->id == *meta.form_id || match_label(*meta.form_id, f->title) != KeyMatch::none) return f;
    auto it = meta_.find("form");
    const SourceLoc at = over_.form_id || it == meta_.end() ? SourceLoc{src_.name(), 0, 0, {}}
                                                            : src_.where_value(it->second.key, it->second.value);
    const Text known = known_forms(forms_);
    meta_error(at, {fmt::format("未知的表式「{}」；已知的表式：{}", *meta.form_id, known.zh),
                    fmt::format("unknown form '{}'; known forms: {}", *meta.form_id, known.en)});
    return nullptr;
  }
  if (!meta.year) return nullptr;  // reported as missing or invalid already
  if (auto f = forms_.for_year(*meta.year)) return f;
  auto it = meta_.find("year");
  const SourceLoc at = over_.year || it == meta_.end() ? SourceLoc{src_.name(), 0, 0, {}}
                                                       : src_.where_value(it->second.key, it->second.value);
  const Text known = known_forms(forms_);
  meta_error(at,
             {fmt::format("没有适用于 {} 年度的表式，请用 form 指定；已知的表式：{}", *meta.year, known.zh),
              fmt::format("no form covers the year {}; name one with form:; known forms: {}", *meta.year, known.en)});
  return nullptr;
}

void TallyReader::read_tables(Report& report) {
  const Form& form = *report.form;
  YamlTableReader tables(src_, report);
  for (const Entry& e : rest_) {
    const std::string& key = e.key.Scalar();
    bool done = false;
    for (const auto& t : form.tables) {
      KeyMatch m = key == t.id ? KeyMatch::exact : KeyMatch::none;
      for (const auto& alias : t.csv_sections)
        if (m == KeyMatch::none && t.row(alias) == nullptr && match_label(key, alias) != KeyMatch::none)
          m = KeyMatch::exact;  // one of our accepted names, not the official wording
      for (const auto& s : form.sections) {
        if (m != KeyMatch::none || s.id != t.section) continue;
        m = match_label(key, s.heading);
        if (m == KeyMatch::normalized) src_.label_variant(e.key, s.heading);
      }
      if (m == KeyMatch::none) continue;
      if (!first_inline_table_) first_inline_table_ = src_.where(e.key);
      tables.read_table(t, e.key, e.value);
      done = true;
      break;
    }
    // Table 四's rows as top-level keys, as the long CSV's `review` and `litigation` sections.
    for (const auto& t : form.tables) {
      for (const auto& alias : t.csv_sections) {
        const RowDef* row = t.row(alias);
        if (done || row == nullptr) continue;
        KeyMatch m = key == row->id ? KeyMatch::exact : match_label(key, row->label);
        if (m == KeyMatch::none) continue;
        if (m == KeyMatch::normalized) src_.label_variant(e.key, row->label);
        if (!first_inline_table_) first_inline_table_ = src_.where(e.key);
        tables.read_row(t, *row, e.key, e.value);
        done = true;
      }
    }
    if (done) continue;
    std::vector<std::string> known, names;
    for (const auto& mk : meta_keys()) known.push_back(mk.id);
    for (const auto& t : form.tables) known.push_back(t.id);
    for (const auto& t : form.tables)
      for (const auto& alias : t.csv_sections)
        if (t.row(alias) != nullptr) known.push_back(alias);
    known.insert(known.end(), foreign_keys().begin(), foreign_keys().end());
    names = known;
    for (const auto& mk : meta_keys()) names.insert(names.end(), mk.aliases.begin(), mk.aliases.end());
    for (const auto& s : form.sections)
      if (s.is_table) names.push_back(s.heading);
    src_.unknown_key(e.key, {"顶层", "the top level"}, names, known);
  }
}

void TallyReader::read_tables_file(YamlTally& tally) {
  auto it = meta_.find("tables");
  if (it == meta_.end()) return;
  const Entry& e = it->second;
  const SourceLoc at = src_.where_value(e.key, e.value);
  if (!e.value.IsScalar() || trim(e.value.Scalar()).empty()) {
    src_.wrong_type(e.value, at, {"「tables」", "'tables'"}, {"文件路径", "a file path"});
    return;
  }
  if (first_inline_table_) {
    src_.error("yaml", at,
               {fmt::format("tables 指定了表格文件，但第 {} 行又直接给出了表格数据；表格数据只能来自一处",
                            first_inline_table_->line),
                fmt::format("'tables' names a file, but table cells are also given at line {}; give them in one "
                            "place only",
                            first_inline_table_->line)});
    return;
  }
  tally.tables_file = std::string(trim(e.value.Scalar()));
}

SourceLoc TallyReader::content_where(const YAML::Node& scalar) const {
  // A block scalar (| or >) is marked at its indicator; its text starts on the next line.
  SourceLoc at = src_.where(scalar);
  const YAML::Mark m = scalar.Mark();
  if (m.pos < 0 || static_cast<std::size_t>(m.pos) >= text_.size()) return at;
  const char indicator = text_[static_cast<std::size_t>(m.pos)];
  if (indicator != '|' && indicator != '>') return at;
  const auto eol = text_.find('\n', static_cast<std::size_t>(m.pos));
  if (eol == std::string_view::npos) return at;
  std::size_t i = eol + 1;
  while (i < text_.size() && text_[i] == ' ') ++i;
  return SourceLoc{src_.name(), at.line + 1, static_cast<int>(i - eol), {}};  // spaces: one byte each
}

void TallyReader::read_prose(Report& report, YamlTally& tally) {
  auto it = meta_.find("prose");
  if (it == meta_.end()) return;
  const Entry& prose = it->second;
  if (prose.value.IsNull()) return;
  if (!prose.value.IsMap()) {
    src_.wrong_type(prose.value, src_.where_value(prose.key, prose.value), {"「prose」", "'prose'"},
                    {"映射（章节: 正文）", "a mapping (section: text)"});
    return;
  }
  const Form& form = *report.form;
  std::map<std::string, SourceLoc> seen;
  for (auto p = prose.value.begin(); p != prose.value.end(); ++p) {
    const YAML::Node k = p->first;   // a copy: `->` yields a temporary proxy
    const YAML::Node v = p->second;  // a copy: `->` yields a temporary proxy
    if (!k.IsScalar()) {
      src_.wrong_type(k, src_.where(k), {"键", "a key"}, kWantText);
      continue;
    }
    const SectionDef* section = nullptr;
    for (const auto& s : form.sections) {
      if (s.is_table || section != nullptr) continue;
      if (k.Scalar() == s.id || match_label(k.Scalar(), heading_without_number(s.heading)) != KeyMatch::none) {
        section = &s;
      } else if (KeyMatch m = match_label(k.Scalar(), s.heading); m != KeyMatch::none) {
        if (m == KeyMatch::normalized) src_.label_variant(k, s.heading);
        section = &s;
      }
    }
    if (section == nullptr) {
      std::vector<std::string> known, names;
      for (const auto& s : form.sections)
        if (!s.is_table) known.push_back(s.id);
      names = known;
      for (const auto& s : form.sections)
        if (!s.is_table) names.push_back(s.heading);
      src_.unknown_key(k, {"「prose」", "'prose'"}, names, known);
      continue;
    }
    if (auto first = seen.find(section->id); first != seen.end()) {
      src_.duplicate(k, section->id, first->second);
      continue;
    }
    seen.emplace(section->id, src_.where(k));
    const Text subject{fmt::format("正文「{}」", section->id), fmt::format("prose '{}'", section->id)};
    if (v.IsNull()) continue;
    if (v.IsScalar()) {
      report.prose[section->id] = v.Scalar();
      report.prose_where[section->id] = content_where(v);
      continue;
    }
    if (!v.IsMap()) {
      src_.wrong_type(v, src_.where(v), subject, {"文字或 {file: 路径}", "text or {file: path}"});
      continue;
    }
    std::optional<std::string> file;
    for (auto f = v.begin(); f != v.end(); ++f) {
      const YAML::Node fk = f->first;  // a copy: `->` yields a temporary proxy
      if (!fk.IsScalar() || (fk.Scalar() != "file" && fk.Scalar() != "文件")) {
        if (!fk.IsScalar())
          src_.wrong_type(fk, src_.where(fk), {"键", "a key"}, kWantText);
        else
          src_.unknown_key(fk, {fmt::format("「prose.{}」", section->id), fmt::format("'prose.{}'", section->id)},
                           {"file"}, {"file"});
        continue;
      }
      if (!f->second.IsScalar() || trim(f->second.Scalar()).empty()) {
        src_.wrong_type(f->second, src_.where_value(fk, f->second), {"「file」", "'file'"},
                        {"文件路径", "a file path"});
        continue;
      }
      file = std::string(trim(f->second.Scalar()));
    }
    if (file)
      tally.prose_files[section->id] = *file;
    else if (v.size() == 0)
      src_.error("yaml", src_.where(v),
                 {fmt::format("正文「{}」的映射应给出文件：{{file: 路径.md}}", section->id),
                  fmt::format("prose '{}': the mapping must name a file: {{file: path.md}}", section->id)});
  }
}

YamlTally TallyReader::read() {
  YamlTally tally;
  YAML::Node root;
  if (!parse(root)) return tally;
  take_meta_keys(root);
  const ReportMeta meta = read_meta();
  std::shared_ptr<const Form> form = choose_form(meta);
  // Without a form the keys are still checked, against the newest form, so that one run
  // reports every problem of the file; no report is returned.
  std::shared_ptr<const Form> reading = form ? form : (forms_.all().empty() ? nullptr : forms_.all().back());
  if (!reading) {
    src_.error("meta", SourceLoc{src_.name(), 0, 0, {}}, {"没有载入任何表式", "no forms are loaded"});
    return tally;
  }
  Report report(reading);
  read_tables(report);
  read_tables_file(tally);
  read_prose(report, tally);
  if (!form) return tally;
  report.agency = meta.agency.value_or("");
  report.level = meta.level.value_or(Level::department);
  report.year = meta.year.value_or(0);
  report.publication_date = meta.publication_date;
  report.origin = SourceLoc{src_.name(), 1, 1, {}};
  tally.report = std::move(report);
  tally.root = root;
  return tally;
}

}  // namespace

YamlTally read_yaml_tally(std::string_view name, std::string_view text, const FormSet& forms, const ReportMeta& meta,
                          Diagnostics& out) {
  Diagnostics found;
  YamlTally tally = TallyReader(name, text, forms, meta, found).read();
  // In file order, so the findings read top to bottom like the file; file-wide ones first.
  auto& items = found.items();
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::pair(a.where.line, a.where.column) < std::pair(b.where.line, b.where.column);
  });
  out.append(found);
  return tally;
}

}  // namespace gongkai
