// gongkai: compiles and checks the statutory 政府信息公开工作年度报告.
// A thin front: parse options, hand over to one subcommand, return its exit code.
#include "cmd_diff.hpp"
#include "cmd_verify.hpp"
#include "colour.hpp"
#include "context.hpp"
#include "help_text.hpp"
#include "hidden_help.hpp"

#include <gongkai/core/suggest.hpp>
#include <gongkai/core/yaml_limits.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/io/interrupt.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
  using namespace gongkai::cli;
  using gongkai::Lang;
  Context ctx;
  ctx.argv.assign(argv, argv + argc);
  if (!ctx.argv.empty()) ctx.argv.front() = "gongkai";
  // Before any thread: SIGINT/SIGTERM remove temporary files and staging folders (io/interrupt.hpp).
  const Lang lang = language_of(argc, argv);
  gongkai::install_interrupt_cleanup(lang);
  gongkai::use_private_temp_dir();
  const StderrTint tint;  // findings coloured on a terminal, unless NO_COLOR (colour.hpp)
  CLI::App app{"gongkai — 政府信息公开工作年度报告 compiler and checker", "gongkai"};
  app.set_version_flag("--version", std::string("gongkai ") + GONGKAI_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--lang", ctx.lang_option, "Message language: zh or en (default: from the locale)")
      ->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--template-dir", ctx.template_dir, "Directory with forms/ and templates (default: installed)");
  app.add_flag("-q,--quiet", ctx.quiet, "Print nothing but findings");
  app.add_option_function<std::string>(
         "--max-input-size",
         [](const std::string& v) {
           const auto bytes = gongkai::parse_byte_size(v);
           if (!bytes)
             throw CLI::ValidationError("--max-input-size",
                                        fmt::format("'{}' is not a size such as 512M or 2G (docs/limits.md)", v));
           gongkai::set_max_input_size(*bytes);
         },
         "Largest input file read, e.g. 512M, 2G (default: 256M; see docs/limits.md)")
      ->trigger_on_parse();
  app.add_option_function<std::size_t>(
         "--max-findings", [](std::size_t n) { gongkai::set_finding_limit(n); },
         "List at most N distinct findings, the rest counted (default: 1000; 0: no limit)")
      ->type_name("N")
      ->trigger_on_parse();
  app.add_option_function<std::size_t>(
         "--max-yaml-depth",
         [](std::size_t n) {
           auto l = gongkai::yaml_limits();
           l.max_depth = n;
           gongkai::set_yaml_limits(l);
         },
         "Refuse YAML inputs nested deeper than N levels (default: 64)")
      ->type_name("N")
      ->trigger_on_parse();
  app.add_option_function<std::size_t>(
         "--max-yaml-aliases",
         [](std::size_t n) {
           auto l = gongkai::yaml_limits();
           l.max_aliases = n;
           gongkai::set_yaml_limits(l);
         },
         "Refuse YAML inputs with more than N aliases (default: 20)")
      ->type_name("N")
      ->trigger_on_parse();

  // The subcommands, one visible table.
  register_forms(app, ctx);
  register_check(app, ctx);
  register_rules(app, ctx);
  register_merge(app, ctx);
  register_tally(app, ctx);
  register_init(app, ctx);
  register_build(app, ctx);
  register_diff(app, ctx);
  register_verify(app, ctx);
  register_import(app, ctx);

  // Help and parse errors speak the language asked for, before the options are parsed.
  if (lang == Lang::zh) localize_help(app);
  bool asks_help = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a(argv[i]);
    asks_help = asks_help || a == "--help" || a == "-h" || a == "--version";
  }
  const std::string word = first_command_word(argc, argv);
  if (word == "help") {
    if (const auto hidden = hidden_help(app, argc, argv)) return *hidden;  // --man, --completion, --form-ids
    // `gongkai help check` is `gongkai check --help`; `gongkai help` lists the subcommands.
    std::string topic;
    for (int i = 1; i + 1 < argc; ++i)
      if (std::string_view(argv[i]) == "help") topic = argv[i + 1];
    const CLI::App* sub = nullptr;
    for (const CLI::App* s : app.get_subcommands({}))
      if (s->get_name() == topic) sub = s;
    std::cout << (sub != nullptr ? sub->help() : subcommand_list(app, lang));
    return kOk;
  }
  if (word.empty() && !asks_help) {
    std::cerr << subcommand_list(app, lang);
    return kUnreadable;
  }
  if (!word.empty()) {
    std::vector<std::string> names;
    for (const CLI::App* s : app.get_subcommands({})) names.push_back(s->get_name());
    if (std::find(names.begin(), names.end(), word) == names.end()) {
      const auto near = gongkai::closest(word, names);
      std::string msg = lang == Lang::zh ? fmt::format("gongkai: 未知的子命令「{}」", word)
                                         : fmt::format("gongkai: unknown subcommand '{}'", word);
      if (near)
        msg += lang == Lang::zh ? fmt::format("，是否要用「{}」？", *near) : fmt::format("; did you mean '{}'?", *near);
      std::cerr << msg << "\n\n" << subcommand_list(app, lang);
      return kUnreadable;
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e) == 0 ? kOk : kUnreadable;
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e) == 0 ? kOk : kUnreadable;
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e) == 0 ? kOk : kUnreadable;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e) == 0 ? kOk : kUnreadable;
    std::cerr << parse_error_text(e, ctx.lang_option.empty() ? lang : ctx.lang()) << "\n";
    return kUnreadable;
  } catch (const gongkai::Error& e) {
    print_input_error(e, ctx.lang());
    return kUnreadable;
  } catch (const std::exception& e) {
    std::cerr << "gongkai: internal error: " << e.what() << "\n";
    return kUnreadable;
  }
  return ctx.exit_code;
}
