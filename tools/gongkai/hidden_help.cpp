#include "hidden_help.hpp"

#include "cli_model.hpp"
#include "completion.hpp"
#include "context.hpp"
#include "man_page.hpp"

#include <gongkai/io/files.hpp>

#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai::cli {

std::optional<int> hidden_help(CLI::App& app, int argc, char** argv) {
  std::vector<std::string> after;  // the words after "help"
  std::string dir;                 // --template-dir
  bool seen_help = false;
  for (int i = 1; i < argc; ++i) {
    const std::string_view a(argv[i]);
    if (seen_help) {
      after.emplace_back(a);
    } else if (a == "help") {
      seen_help = true;
    } else if (a == "--template-dir" && i + 1 < argc) {
      dir = argv[++i];
    } else if (a.starts_with("--template-dir=")) {
      dir = std::string(a.substr(15));
    }
  }
  if (after.empty()) return std::nullopt;
  const std::string& what = after.front();
  if (what == "--man") {
    std::cout << man_page(describe_cli(app, GONGKAI_VERSION), after.size() > 1 ? after[1] : "1970-01-01");
    return kOk;
  }
  if (what == "--completion" && after.size() == 2 && (after[1] == "bash" || after[1] == "zsh")) {
    const CliModel model = describe_cli(app, GONGKAI_VERSION);
    std::cout << (after[1] == "bash" ? bash_completion(model) : zsh_completion(model));
    return kOk;
  }
  if (what == "--completion") {
    std::cerr << "gongkai: help --completion takes bash or zsh\n";
    return kUnreadable;
  }
  if (what == "--form-ids") {
    try {
      const FormSet forms = load_forms(gongkai::template_dir(dir));
      for (const auto& f : forms.all()) std::cout << f->id << "\n";
    } catch (const Error& e) {
      print_input_error(e, Lang::en);
      return kUnreadable;
    }
    return kOk;
  }
  return std::nullopt;
}

}  // namespace gongkai::cli
