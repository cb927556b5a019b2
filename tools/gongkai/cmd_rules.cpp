// gongkai rules [ID...] [--format text|json]: every rule gongkai reports (or the ones named), from
// the rule table: ID, default severity, summary in the --lang. An unknown ID is an error with
// the closest IDs of the table.
#include "context.hpp"

#include <gongkai/check.hpp>
#include <gongkai/core/suggest.hpp>
#include <gongkai/core/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <iostream>

namespace gongkai::cli {

namespace {

struct RulesOptions {
  std::vector<std::string> ids;
  std::string format = "text";
};

std::string pad(std::string_view s, std::size_t width) {
  std::string out(s);
  const std::size_t w = display_width(s);
  if (w < width) out.append(width - w, ' ');
  return out;
}

}  // namespace

void register_rules(CLI::App& app, Context& ctx) {
  auto opts = std::make_shared<RulesOptions>();
  auto* cmd = app.add_subcommand("rules", "List the rules findings name (ID, severity, summary)");
  cmd->add_option("ids", opts->ids, "Rule IDs to show; all rules when omitted");
  cmd->add_option("--format", opts->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([opts, &ctx] {
    const Lang lang = ctx.lang();
    std::vector<const RuleInfo*> chosen;
    if (opts->ids.empty())
      for (const RuleInfo& r : rule_list()) chosen.push_back(&r);
    for (const auto& id : opts->ids) {
      if (const RuleInfo* r = find_rule(id)) {
        chosen.push_back(r);
        continue;
      }
      std::string msg = lang == Lang::zh ? fmt::format("gongkai: 未知的规则「{}」", id)
                                         : fmt::format("gongkai: unknown rule '{}'", id);
      if (const auto near = rules_like(id); !near.empty())
        msg += lang == Lang::zh ? fmt::format("，是否要用{}？", quoted_alternatives(near).zh)
                                : fmt::format("; did you mean {}?", quoted_alternatives(near).en);
      std::cerr << msg << (lang == Lang::zh ? "（gongkai rules 列出全部规则）\n" : " (gongkai rules lists them all)\n");
      ctx.exit_code = kUnreadable;
      return;
    }
    if (opts->format == "json") {
      auto arr = nlohmann::ordered_json::array();
      for (const RuleInfo* r : chosen) {
        nlohmann::ordered_json j{{"id", r->id},
                                 {"severity", to_string(r->severity)},
                                 {"scope", to_string(r->scope)},
                                 {"summary", r->summary(lang)},
                                 {"spec", r->spec}};
        // Why sample-data/broken/ has no input showing it (tests/check_rule_samples.py).
        if (!r->no_sample.empty()) j["no_sample"] = r->no_sample;
        arr.push_back(std::move(j));
      }
      std::cout << arr.dump(2) << "\n";
      return;
    }
    std::size_t id_width = 0;
    for (const RuleInfo* r : chosen) id_width = std::max(id_width, r->id.size());
    for (const RuleInfo* r : chosen)
      std::cout << pad(r->id, id_width + 2) << pad(to_string(r->severity), 9) << r->summary(lang) << "\n";
  });
}

}  // namespace gongkai::cli
