// The rule table is the one list of every rule ID: each ID the sources emit (lib/, tools/, and the
// forms' own sum and cross-year rules) has a row, the rows are well formed, and the checker's
// check list is the table (a row with a check is run, in table order).
#include <gongkai/check.hpp>
#include <gongkai/check/rules.hpp>
#include <gongkai/io/files.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <string>

using namespace gongkai;
namespace fs = std::filesystem;

namespace {

// Comments removed (a `//` outside a string literal to the end of its line), whitespace runs made
// one space, split into statements at ';' so that each regex runs over a short text.
std::vector<std::string> statements(const std::string& text) {
  std::string code;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      code += c;
      if (c == '\\' && i + 1 < text.size()) code += text[++i];
      if (c == '"') in_string = false;
      continue;
    }
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
      code += ' ';
      continue;
    }
    if (c == '"' && (i == 0 || text[i - 1] != '\'')) in_string = true;
    code += (c == '\n' || c == '\t') ? ' ' : c;
  }
  std::vector<std::string> out;
  std::string cur;
  for (const char c : code) {
    if (c == ';') {
      out.push_back(cur);
      cur.clear();
    } else if (c != ' ' || cur.empty() || cur.back() != ' ') {
      cur += c;
    }
  }
  out.push_back(cur);
  return out;
}

// The ways a rule ID is written where a finding is made (each pattern's group 1 is the ID):
// `d.rule = "id"` or a test of it, `make(Severity::error, "id", …)`, a helper taking the rule
// first (`error("id", …)`, `warn(…)`, `problem(src, "id", …)`), or last after the message
// (`note(path, {…}, "id")`, `InputError(where, {…}, "output")`), and findings printed as text
// by the CLI (`warning[id]`).
const std::vector<std::regex>& patterns() {
  static const std::vector<std::regex> p{
      std::regex(R"re(\brule ?==? ?"([a-z][a-z-]*)")re"),
      std::regex(R"re(Severity::[a-z]+ ?, ?"([a-z][a-z-]*)")re"),
      std::regex(R"re(\b(?:error|warn|problem|note) ?\( ?(?:src ?, ?)?"([a-z][a-z-]*)")re"),
      std::regex(R"re(\} ?, ?"([a-z][a-z-]*)" ?\))re"),
      std::regex(R"re((?:error|warning|info)\[([a-z][a-z-]*)\])re"),
  };
  return p;
}

// Every rule ID the sources emit, with the first file that does.
std::map<std::string, std::string> emitted_ids() {
  std::map<std::string, std::string> ids;
  const fs::path root(GONGKAI_SOURCE_DIR);
  for (const char* dir : {"lib", "tools"}) {
    for (const auto& e : fs::recursive_directory_iterator(root / dir)) {
      const std::string ext = e.path().extension().string();
      if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
      const std::string rel = fs::relative(e.path(), root).string();
      if (rel == "lib/gongkai/check/rules.cpp") continue;  // the table itself
      for (const std::string& s : statements(read_file(e.path().string())))
        for (const std::regex& re : patterns())
          for (std::sregex_iterator m(s.begin(), s.end(), re), end; m != end; ++m) ids.emplace((*m)[1].str(), rel);
    }
  }
  // The forms name the rule of each sum, balance and cross-year rule.
  const std::regex form_rule(R"re(\brule: ?([a-z][a-z-]*))re");
  for (const auto& e : fs::directory_iterator(root / "report-templates" / "forms")) {
    if (e.path().extension() != ".yaml") continue;
    const std::string text = read_file(e.path().string());
    std::size_t start = 0;
    while (start < text.size()) {
      std::size_t end = text.find('\n', start);
      if (end == std::string::npos) end = text.size();
      const std::string line = text.substr(start, end - start);
      for (std::sregex_iterator m(line.begin(), line.end(), form_rule), stop; m != stop; ++m)
        ids.emplace((*m)[1].str(), fs::relative(e.path(), root).string());
      start = end + 1;
    }
  }
  return ids;
}

}  // namespace

TEST_SUITE("check.rules") {
  TEST_CASE("every rule ID emitted anywhere in the sources has a row in the rule table") {
    const auto ids = emitted_ids();
    // The scan still sees the ways rules are written (a changed idiom would make it blind).
    CHECK(ids.size() >= 40U);
    for (const char* known : {"balance", "csv", "yaml", "missing-section", "output", "reconcile", "carry-over",
                              "in-force-continuity", "stub", "meta"})
      CHECK_MESSAGE(ids.count(known) == 1U, known);
    for (const auto& [id, file] : ids) {
      CAPTURE(file);
      CHECK_MESSAGE(find_rule(id) != nullptr,
                    "rule '" << id << "' (emitted in " << file << ") has no row in lib/gongkai/check/rules.cpp");
    }
  }

  TEST_CASE("the rows are well formed: unique IDs, both summaries, a check or who finds it") {
    std::set<std::string_view> seen;
    for (const RuleRow& row : rule_table()) {
      const RuleInfo& r = row.info;
      CAPTURE(r.id);
      CHECK(seen.insert(r.id).second);
      CHECK(std::regex_match(std::string(r.id), std::regex("[a-z]+(-[a-z]+)*")));
      CHECK_FALSE(r.summary_zh.empty());
      CHECK_FALSE(r.summary_en.empty());
      CHECK_FALSE(r.spec.empty());
      const bool has_check = row.check != nullptr || row.cross != nullptr;
      CHECK(has_check != !row.found_by.empty());
      if (row.check != nullptr) CHECK(r.scope == RuleScope::report);
      if (row.cross != nullptr) CHECK(r.scope == RuleScope::cross_year);
    }
    CHECK(rule_list().size() == rule_table().size());
  }

  TEST_CASE("an unknown rule ID gets the closest IDs of the table") {
    CHECK(find_rule("balance") != nullptr);
    CHECK(find_rule("balanse") == nullptr);
    CHECK(rules_like("balanse") == std::vector<std::string>{"balance"});
    CHECK(rules_like("carry-continuty") == std::vector<std::string>{"carry-continuity"});
    CHECK(rules_like("zzzzzzzz").empty());
  }
}
