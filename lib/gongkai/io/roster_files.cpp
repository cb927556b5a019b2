#include <gongkai/io/roster_files.hpp>

#include <gongkai/io/files.hpp>

#include <fmt/format.h>
#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <set>

namespace gongkai {
namespace fs = std::filesystem;

namespace {

void roster_error(Diagnostics& out, const SourceLoc& where, Text msg) {
  out.add(Diagnostic::error("roster", where, std::move(msg)));
}

std::vector<std::string> expand(const std::string& pattern) {
  std::vector<std::string> out;
  if (pattern.find_first_of("*?[") == std::string::npos) {
    out.push_back(pattern);
    return out;
  }
  glob_t g{};
  if (::glob(pattern.c_str(), 0, nullptr, &g) == 0)
    for (std::size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
  ::globfree(&g);
  std::sort(out.begin(), out.end());
  return out;
}

std::unique_ptr<RosterNode> load(const std::string& path, std::set<std::string>& stack, std::size_t& order,
                                 bool missing_as_units, Diagnostics& out) {
  std::error_code ec;
  std::string canonical = fs::weakly_canonical(path, ec).string();
  if (stack.count(canonical) != 0) {
    roster_error(out, SourceLoc{path, 0, 0, {}}, {"名册循环引用了自身", "the roster includes itself (a cycle)"});
    return nullptr;
  }
  std::string text;
  try {
    text = read_file(path);
  } catch (const Error& e) {
    out.add(to_diagnostic(e));  // rule `input`, as any file that cannot be read
    return nullptr;
  }
  auto roster = parse_roster(path, text, out);
  if (!roster) return nullptr;
  stack.insert(canonical);
  auto node = std::make_unique<RosterNode>();
  node->path = path;
  node->name = roster->meta.agency.value_or(fs::path(path).stem().string());
  const fs::path dir = fs::path(path).parent_path();
  for (const auto& entry : roster->units) {
    std::string pattern = fs::path(entry.path).is_absolute() ? entry.path : (dir / entry.path).string();
    auto files = expand(pattern);
    if (files.size() == 1 && files[0] == pattern && !fs::exists(pattern, ec)) files.clear();
    if (files.empty()) {
      const Text msg{fmt::format("「{}」没有匹配任何文件", entry.path),
                     fmt::format("'{}' matches no file", entry.path)};
      if (!missing_as_units) {
        roster_error(out, entry.where, msg);
        continue;
      }
      Diagnostics one;
      roster_error(one, entry.where, msg);
      node->leaves.push_back({pattern, entry.meta, order++, std::make_shared<const Diagnostic>(one.items().front())});
      continue;
    }
    // A glob's files at once, the capacity still growing geometrically (a roster of many entries).
    if (const std::size_t need = node->leaves.size() + files.size(); need > node->leaves.capacity())
      node->leaves.reserve(std::max(need, 2 * node->leaves.capacity()));
    for (const auto& f : files) {
      bool is_roster = false;
      std::string ext = fs::path(f).extension().string();
      if (ext == ".yaml" || ext == ".yml") {
        try {
          is_roster = looks_like_roster(read_file(f));
        } catch (const Error&) {
          is_roster = false;  // reported when the unit is read
        }
      }
      if (is_roster) {
        if (auto sub = load(f, stack, order, missing_as_units, out)) node->sub_rosters.push_back(std::move(sub));
      } else {
        node->leaves.push_back({f, entry.meta, order++, nullptr});
      }
    }
  }
  stack.erase(canonical);
  node->roster = std::move(*roster);
  return node;
}

void collect(const RosterNode& node, std::vector<const RosterNode*>& chain, std::vector<LeafRef>& out) {
  chain.push_back(&node);
  for (const auto& leaf : node.leaves) out.push_back({&leaf, chain});
  for (const auto& sub : node.sub_rosters) collect(*sub, chain, out);
  chain.pop_back();
}

}  // namespace

std::unique_ptr<RosterNode> load_roster_tree(const std::string& path, Diagnostics& out, bool missing_as_units) {
  std::set<std::string> stack;
  std::size_t order = 0;
  return load(path, stack, order, missing_as_units, out);
}

std::vector<LeafRef> all_leaves(const RosterNode& root) {
  std::vector<LeafRef> out;
  std::vector<const RosterNode*> chain;
  collect(root, chain, out);
  std::sort(out.begin(), out.end(), [](const LeafRef& a, const LeafRef& b) { return a.leaf->order < b.leaf->order; });
  return out;
}

}  // namespace gongkai
