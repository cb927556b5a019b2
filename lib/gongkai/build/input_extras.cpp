#include <gongkai/build/input_extras.hpp>

#include <gongkai/io/files.hpp>
#include <gongkai/prose/prose_extras.hpp>

#include <filesystem>

namespace gongkai {

namespace {

namespace fs = std::filesystem;

std::string relative_to_input(const std::string& input, const std::string& name) {
  if (fs::path(name).is_absolute()) return name;
  return (fs::path(input).parent_path() / name).lexically_normal().string();
}

}  // namespace

bool is_yaml_path(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  for (char& ch : ext) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
  return ext == ".yaml" || ext == ".yml";
}

InputExtras read_input_extras(const std::string& input, const ReadResult& read) {
  InputExtras extras;
  if (!is_yaml_path(input) || input == "-" || read.yaml_text.empty()) return extras;
  try {
    ProseExtras found = read_prose_extras(input, read.yaml_text, extras.findings, read.yaml_tree());
    extras.fees = std::move(found.fees);
    extras.work_plan = std::move(found.work_plan);
    if (found.work_plan_file) extras.work_plan_file = relative_to_input(input, *found.work_plan_file);
    if (found.previous_file) extras.previous_file = relative_to_input(input, *found.previous_file);
  } catch (const Error& e) {
    extras.findings.add(to_diagnostic(e));
  }
  return extras;
}

ProseInputs prose_inputs(const InputExtras& extras, const Report& report, const Report* previous,
                         const ProseRules* rules, const FileLoader& load, Diagnostics& out) {
  ProseInputs in;
  in.report = &report;
  in.previous = previous;
  in.rules = rules;
  out.append(extras.findings);
  in.fees = extras.fees;
  in.work_plan = extras.work_plan;
  if (extras.work_plan_file) {
    try {
      in.work_plan = read_work_plan(*extras.work_plan_file, load(*extras.work_plan_file), out);
    } catch (const Error& e) {
      out.add(to_diagnostic(e));
    }
  }
  return in;
}

std::optional<ProseRules> load_prose_rules_from(const std::string& dir) {
  if (const fs::path p = template_dir(dir) / "prose-rules.yaml"; fs::exists(p))
    return load_prose_rules(p.string(), read_file(p.string()));
  return std::nullopt;
}

}  // namespace gongkai
