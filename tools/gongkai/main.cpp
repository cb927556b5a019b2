// gongkai: compiles and checks the statutory 政府信息公开工作年度报告.
// A thin front: parse options, hand over to one subcommand, return its exit code.
#include "context.hpp"

#include <gongkai/io/files.hpp>
#include <gongkai/io/interrupt.hpp>

#include <fmt/format.h>

#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
  using namespace gongkai::cli;
  Context ctx;
  // Before any thread: SIGINT/SIGTERM remove temporary files and staging folders (io/interrupt.hpp).
  gongkai::Lang lang = gongkai::lang_from_environment();
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    const std::string_view v = a == "--lang" && i + 1 < argc ? std::string_view(argv[i + 1])
                               : a.substr(0, 7) == "--lang=" ? a.substr(7)
                                                             : std::string_view();
    if (v == "zh") lang = gongkai::Lang::zh;
    if (v == "en") lang = gongkai::Lang::en;
  }
  gongkai::install_interrupt_cleanup(lang);
  gongkai::use_private_temp_dir();
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

  // The subcommands, one visible table.
  register_forms(app, ctx);
  register_check(app, ctx);
  register_merge(app, ctx);
  register_tally(app, ctx);
  register_init(app, ctx);
  register_build(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? kOk : kUnreadable;
  } catch (const gongkai::InputError& e) {
    print_input_error(e, ctx.lang());
    return kUnreadable;
  } catch (const std::exception& e) {
    std::cerr << "gongkai: internal error: " << e.what() << "\n";
    return kUnreadable;
  }
  return ctx.exit_code;
}
