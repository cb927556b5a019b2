#include <gongkai/core/yaml_limits.hpp>

#include <gongkai/core/diagnostic.hpp>

#include <fmt/format.h>

#include <mutex>
#include <vector>

namespace gongkai {
namespace {

std::mutex g_mutex;
YamlLimits g_limits;

bool blank(char c) { return c == ' ' || c == '\t'; }

// A line's content ends in a block scalar indicator: `|`, `>`, with optional chomping and
// indentation indicators (`|-`, `>+2`), maybe followed by a comment.
bool opens_block_scalar(std::string_view content) {
  const auto hash = content.find(" #");
  if (hash != std::string_view::npos) content = content.substr(0, hash);
  while (!content.empty() && blank(content.back())) content.remove_suffix(1);
  std::size_t i = content.size();
  while (i > 0 && (content[i - 1] == '-' || content[i - 1] == '+' || (content[i - 1] >= '0' && content[i - 1] <= '9')))
    --i;
  if (i == 0 || (content[i - 1] != '|' && content[i - 1] != '>')) return false;
  return i == 1 || blank(content[i - 2]);
}

YamlLimitProblem too_deep(int line, int column, std::size_t limit) {
  return {line,
          column,
          {fmt::format("YAML 嵌套超过 {} 层的上限（可用 --max-yaml-depth 调整）", limit),
           fmt::format("YAML nested deeper than the limit of {} levels (raise with --max-yaml-depth)", limit)}};
}

}  // namespace

void set_yaml_limits(YamlLimits limits) {
  const std::lock_guard lock(g_mutex);
  g_limits = limits;
}

YamlLimits yaml_limits() {
  const std::lock_guard lock(g_mutex);
  return g_limits;
}

std::optional<YamlLimitProblem> check_yaml_limits(std::string_view text, const YamlLimits& limits) {
  std::vector<std::size_t> indents;  // open block levels, by indentation
  std::size_t flow = 0;              // open [ and {
  std::size_t aliases = 0;
  char quote = 0;                         // inside '…' or "…" (they may span lines)
  std::optional<std::size_t> block_from;  // inside a block scalar: lines indented more than this
  int line = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(pos, end - pos);
    ++line;
    pos = end + 1;
    std::size_t indent = 0;
    while (indent < l.size() && (l[indent] == ' ' || l[indent] == '\t')) ++indent;
    const bool empty = indent == l.size() || l[indent] == '\r';
    if (block_from) {
      if (empty || indent > *block_from) {
        if (end == text.size()) break;
        continue;
      }
      block_from.reset();
    }
    if (empty || (quote == 0 && l[indent] == '#')) {
      if (end == text.size()) break;
      continue;
    }
    std::size_t i = indent;
    if (quote == 0 && flow == 0) {
      if (l.substr(i).starts_with("---") || l.substr(i).starts_with("...")) indents.clear();
      while (!indents.empty() && indents.back() >= indent) indents.pop_back();
      indents.push_back(indent);
      // `- - - x`: a list in a list on one line, one level each.
      std::size_t dashes = 0;
      while (i + 1 < l.size() && l[i] == '-' && blank(l[i + 1])) {
        ++dashes;
        i += 2;
        while (i < l.size() && blank(l[i])) ++i;
      }
      if (indents.size() + dashes > limits.max_depth) return too_deep(line, static_cast<int>(i + 1), limits.max_depth);
    }
    for (; i < l.size(); ++i) {
      const char c = l[i];
      if (quote != 0) {
        if (c == quote) {
          if (quote == '\'' && i + 1 < l.size() && l[i + 1] == '\'') {
            ++i;  // '' inside '…'
          } else {
            quote = 0;
          }
        } else if (c == '\\' && quote == '"') {
          ++i;
        }
        continue;
      }
      const bool token_start = i == 0 || blank(l[i - 1]) || l[i - 1] == '[' || l[i - 1] == '{' || l[i - 1] == ',';
      if (c == '#' && i > 0 && blank(l[i - 1])) break;
      if ((c == '"' || c == '\'') && (token_start || l[i - 1] == ':')) {
        quote = c;
      } else if (c == '[' || c == '{') {
        ++flow;
        if (indents.size() + flow > limits.max_depth) return too_deep(line, static_cast<int>(i + 1), limits.max_depth);
      } else if ((c == ']' || c == '}') && flow > 0) {
        --flow;
      } else if (c == '*' && token_start && i + 1 < l.size() && !blank(l[i + 1]) && l[i + 1] != '\r') {
        if (++aliases > limits.max_aliases)
          return YamlLimitProblem{
              line,
              static_cast<int>(i + 1),
              {fmt::format("YAML 别名（*名称）超过 {} 个的上限（可用 --max-yaml-aliases 调整）", limits.max_aliases),
               fmt::format("more YAML aliases (*name) than the limit of {} (raise with --max-yaml-aliases)",
                           limits.max_aliases)}};
      }
    }
    if (quote == 0 && flow == 0 && opens_block_scalar(l.substr(indent))) block_from = indent;
    if (end == text.size()) break;
  }
  return std::nullopt;
}

void require_yaml_limits(std::string_view name, std::string_view text) {
  if (auto p = check_yaml_limits(text))
    throw InputError(SourceLoc{std::string(name), p->line, p->column, {}}, p->message);
}

}  // namespace gongkai
