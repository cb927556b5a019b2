// gongkai: compiles and checks the statutory 政府信息公开工作年度报告.
// A thin front: parse options, hand over to one subcommand, return its exit code.
#include "context.hpp"

#include <iostream>

int main(int argc, char** argv) {
  using namespace gongkai::cli;
  Context ctx;
  CLI::App app{"gongkai — 政府信息公开工作年度报告 compiler and checker", "gongkai"};
  app.set_version_flag("--version", std::string("gongkai ") + GONGKAI_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--lang", ctx.lang_option, "Message language: zh or en (default: from the locale)")
      ->check(CLI::IsMember({"zh", "en"}));
  app.add_option("--template-dir", ctx.template_dir, "Directory with forms/ and templates (default: installed)");
  app.add_flag("-q,--quiet", ctx.quiet, "Print nothing but findings");

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
