// gongkai forms [ID] [--format text|json]: the cells of a form, ID and verbatim label.
#include "context.hpp"

#include <gongkai/render/form_listing.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

namespace gongkai::cli {

namespace {
struct FormsOptions {
  std::string id;
  std::string format = "text";
};
}  // namespace

void register_forms(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<FormsOptions>();
  auto* cmd = app.add_subcommand("forms", "List a form's cells (stable ID and official label)");
  cmd->add_option("form", opts->id, "Form ID (2019, 2021); all forms when omitted");
  cmd->add_option("--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([opts, &ctx] {
    const FormSet& forms = ctx.forms();
    std::vector<std::shared_ptr<const Form>> chosen;
    if (opts->id.empty()) {
      chosen = forms.all();
    } else if (auto f = forms.by_id(opts->id)) {
      chosen.push_back(f);
    } else {
      std::string known;
      for (const auto& f2 : forms.all()) known += (known.empty() ? "" : ", ") + f2->id;
      std::cerr << (ctx.lang() == Lang::zh ? fmt::format("gongkai: 没有表式「{}」（已知：{}）\n", opts->id, known)
                                           : fmt::format("gongkai: no form '{}' (known: {})\n", opts->id, known));
      ctx.exit_code = kUnreadable;
      return;
    }
    if (opts->format == "json") {
      auto arr = nlohmann::ordered_json::array();
      for (const auto& f : chosen) arr.push_back(form_json(*f));
      std::cout << (chosen.size() == 1 ? arr[0] : arr).dump(2) << "\n";
    } else {
      bool first = true;
      for (const auto& f : chosen) {
        if (!first) std::cout << "\n";
        first = false;
        std::cout << render_form_text(*f);
      }
    }
  });
}

}  // namespace gongkai::cli
