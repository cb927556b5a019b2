#include "cli_model.hpp"

#include <gongkai/render/formats.hpp>

#include <algorithm>
#include <array>
#include <string_view>

namespace gongkai::cli {

namespace {

// "{text,json}" inside CLI11's type name ("TEXT:{text,json}"): the values an IsMember accepts.
std::vector<std::string> choices_of(const std::string& type_name) {
  std::vector<std::string> out;
  const auto open = type_name.find('{');
  const auto close = type_name.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return out;
  std::string_view list(type_name);
  list = list.substr(open + 1, close - open - 1);
  while (!list.empty()) {
    const auto comma = list.find(',');
    out.emplace_back(list.substr(0, comma));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

bool named(const OptionInfo& o, std::string_view name) {
  return std::find(o.names.begin(), o.names.end(), name) != o.names.end();
}

// Values that are text but no file: offered nothing.
constexpr std::array<std::string_view, 8> kPlainText = {"--agency",  "--published",      "--columns", "--case-columns",
                                                        "--explain", "--max-input-size", "ids",       "--year"};

void classify(const std::string& command, OptionInfo& o, const std::string& type_name) {
  if (o.flag) return;
  o.choices = choices_of(type_name);
  const std::string base = type_name.substr(0, type_name.find(':'));
  if (!o.choices.empty()) {
    o.kind = ValueKind::choices;
    o.value_name = o.choices.size() <= 4 ? "" : "WORD";
  } else if (named(o, "--form") || (command == "forms" && named(o, "form"))) {
    o.kind = ValueKind::form_id;
    o.value_name = "ID";
  } else if (command == "build" && named(o, "--format")) {
    o.kind = ValueKind::choice_list;
    for (const ReportFormat& f : report_formats()) o.choices.emplace_back(f.name);
    o.value_name = "LIST";
  } else if (named(o, "--template-dir") || (command == "build" && named(o, "--output")) ||
             (command == "init" && named(o, "dir"))) {
    o.kind = ValueKind::dir;
    o.value_name = "DIR";
  } else if (base == "INT" || base == "UINT" || base == "N" || base == "FLOAT" ||
             std::any_of(kPlainText.begin(), kPlainText.end(), [&](std::string_view n) { return named(o, n); })) {
    o.kind = ValueKind::none;
    o.value_name = base == "TEXT" || base.empty() ? "VALUE" : base;
    if (named(o, "--max-input-size")) o.value_name = "SIZE";
    if (named(o, "--published")) o.value_name = "YYYY-MM-DD";
    if (named(o, "--year")) o.value_name = "YEAR";
    if (named(o, "--agency")) o.value_name = "NAME";
    if (named(o, "--columns") || named(o, "--case-columns")) o.value_name = "FIELD=HEADER,…";
    if (named(o, "--explain")) o.value_name = "CELL";
    if (named(o, "ids")) o.value_name = "RULE";
  } else {
    o.kind = ValueKind::file;
    o.value_name = "FILE";
  }
  if (o.kind == ValueKind::choices && o.value_name.empty()) {
    for (std::size_t i = 0; i < o.choices.size(); ++i) o.value_name += (i == 0 ? "" : "|") + o.choices[i];
  }
}

std::vector<OptionInfo> options_of(const std::string& command, CLI::App& app) {
  std::vector<OptionInfo> named_options, positionals;
  for (CLI::Option* opt : app.get_options({})) {
    OptionInfo o;
    o.positional = opt->get_positional() && opt->get_lnames().empty() && opt->get_snames().empty();
    if (o.positional) {
      o.names.push_back(opt->get_name(true, false));
    } else {
      for (const auto& s : opt->get_snames()) o.names.push_back("-" + s);
      for (const auto& l : opt->get_lnames()) o.names.push_back("--" + l);
    }
    o.flag = opt->get_expected_max() == 0;
    o.required = opt->get_required();
    o.repeatable =
        opt->get_items_expected_max() > 1 || opt->get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
    o.description = opt->get_description();
    classify(command, o, opt->get_type_name());
    if (o.positional) {
      o.value_name = opt->get_name(true, false);
      positionals.push_back(std::move(o));
    } else {
      named_options.push_back(std::move(o));
    }
  }
  named_options.insert(named_options.end(), positionals.begin(), positionals.end());
  return named_options;
}

}  // namespace

CliModel describe_cli(CLI::App& app, const std::string& version) {
  CliModel m;
  m.version = version;
  m.globals = options_of("", app);
  for (CLI::App* sub : app.get_subcommands({})) {
    CommandInfo c;
    c.name = sub->get_name();
    c.description = sub->get_description();
    c.options = options_of(c.name, *sub);
    m.commands.push_back(std::move(c));
  }
  return m;
}

}  // namespace gongkai::cli
