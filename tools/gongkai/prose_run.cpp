#include "prose_run.hpp"

#include "unit_inputs.hpp"

#include <gongkai/check/checker.hpp>
#include <gongkai/core/text.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/prose/prose_extras.hpp>

#include <filesystem>

namespace gongkai::cli {

namespace {

namespace fs = std::filesystem;

void add_input_error(Diagnostics& out, const InputError& e) {
  Diagnostic d;
  d.severity = Severity::error;
  d.rule = "input";
  d.message = e.message();
  d.where = e.where();
  out.add(std::move(d));
}

std::string relative_to_input(const std::string& input, const std::string& name) {
  if (fs::path(name).is_absolute()) return name;
  return (fs::path(input).parent_path() / name).lexically_normal().string();
}

// A roster is a YAML with a top-level `units:` key.
bool is_roster(const std::string& path) {
  if (!is_yaml_path(path)) return false;
  std::string text;
  try {
    text = read_file(path);
  } catch (const InputError&) {
    return false;
  }
  for (std::string_view line : split(text, '\n'))
    if (line.starts_with("units:")) return true;
  return false;
}

}  // namespace

bool is_yaml_path(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& ch : ext) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return ext == ".yaml" || ext == ".yml";
}

ProseInputs prose_inputs(const std::string& input, const Report& report, const Report* previous,
                         const ProseRules* rules, Diagnostics& out, const std::string* input_text) {
  ProseInputs in;
  in.report = &report;
  in.previous = previous;
  in.rules = rules;
  if (!is_yaml_path(input) || input == "-") return in;
  try {
    ProseExtras extras = read_prose_extras(input, input_text != nullptr ? *input_text : read_file(input), out);
    in.fees = extras.fees;
    in.work_plan = extras.work_plan;
    if (extras.work_plan_file) {
      const std::string plan_path = relative_to_input(input, *extras.work_plan_file);
      in.work_plan = read_work_plan(plan_path, read_file(plan_path), out);
    }
  } catch (const InputError& e) {
    add_input_error(out, e);
  }
  return in;
}

std::optional<ProseRules> load_prose_rules_from(const std::string& dir) {
  if (const fs::path p = template_dir(dir) / "prose-rules.yaml"; fs::exists(p))
    return load_prose_rules(p.string(), read_file(p.string()));
  return std::nullopt;
}

std::unique_ptr<Report> read_checked_report(const std::string& path, const FormSet& forms, const ReadOptions& options,
                                            std::vector<std::string>& files, Diagnostics& out) {
  auto loader = [](const std::string& p) { return read_file(p); };
  Diagnostics found;
  std::unique_ptr<Report> report;
  try {
    ReadResult r = read_report(path, forms, options, loader, found);
    files.insert(files.end(), r.files.begin(), r.files.end());
    if (r.report) report = std::make_unique<Report>(std::move(*r.report));
  } catch (const InputError& e) {
    add_input_error(found, e);
  }
  if (found.has_errors() || !report) {
    out.append(found);
    return nullptr;
  }
  Diagnostics ignored;  // its own findings are reported where it is a unit
  check_report(*report, CheckOptions{&forms}, ignored);
  return report;
}

bool PreviousReports::read(const std::string& path, const FormSet& forms, const ReadOptions& options,
                           std::vector<std::string>& files, Diagnostics& out) {
  std::vector<UnitInput> units;
  if (is_roster(path)) {
    units = unit_inputs({}, path, out);
    if (out.has_errors()) return false;
  } else {
    units.push_back(UnitInput{{}, path, {}, {}, {}});
  }
  bool ok = true;
  for (const auto& u : units) {
    ReadOptions read = options;
    read.meta.override_with(u.meta);
    read.defaults.override_with(u.defaults);
    auto r = read_checked_report(u.path, forms, read, files, out);
    if (!r) {
      ok = false;
      continue;
    }
    given_.push_back(std::move(r));
  }
  return ok;
}

const Report* PreviousReports::find(const std::string& input, const Report& current, bool single_unit,
                                    const FormSet& forms, const ReadOptions& options, Diagnostics& out,
                                    const std::string* input_text) {
  for (const auto& p : given_)
    if (p->agency == current.agency && p->year == current.year - 1) return p.get();
  if (single_unit && given_.size() == 1) {
    (void)check_previous_fits(current, *given_.front(), out);  // says why it does not fit
    return nullptr;
  }
  if (!given_.empty() || !is_yaml_path(input) || input == "-") return nullptr;
  // The unit's own `previous:`.
  std::optional<std::string> named;
  try {
    Diagnostics ignored;  // the YAML's own problems are reported by prose_inputs
    named = read_prose_extras(input, input_text != nullptr ? *input_text : read_file(input), ignored).previous_file;
  } catch (const InputError&) {
    return nullptr;
  }
  if (!named) return nullptr;
  const std::string path = relative_to_input(input, *named);
  std::lock_guard lock(mutex_);
  auto it = named_.find(path);
  if (it == named_.end()) {
    std::vector<std::string> files;
    it = named_.emplace(path, read_checked_report(path, forms, options, files, out)).first;
  }
  if (!it->second || !check_previous_fits(current, *it->second, out)) return nullptr;
  return it->second.get();
}

}  // namespace gongkai::cli
