#include <gongkai/tally/register_vocabulary.hpp>

#include <gongkai/core/yaml_source.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace gongkai {
namespace {

class VocabularyParser {
 public:
  explicit VocabularyParser(const YamlText& src) : src_(src) {}

  [[noreturn]] void fail(const YAML::Node& at, const std::string& zh, const std::string& en) const {
    src_.throw_at(at, {zh, en});
  }

  YAML::Node child(const YAML::Node& map, const char* key, const YAML::Node& parent) const {
    YAML::Node n = map[key];
    if (!n.IsDefined() || n.IsNull()) fail(parent, fmt::format("缺少「{}」", key), fmt::format("missing '{}'", key));
    return n;
  }

  std::string scalar(const YAML::Node& n, std::string_view what) const {
    if (!n.IsScalar() || n.Scalar().empty())
      fail(n, fmt::format("{} 应为非空文字", what), fmt::format("{} must be non-empty text", what));
    return n.Scalar();
  }

  RegisterSchema schema(const YAML::Node& root, const char* kind, const std::vector<std::string>& fields,
                        const std::vector<std::string>& roles, const std::vector<std::string>& vocabularies) const {
    const YAML::Node node = child(root, kind, root);
    if (!node.IsMap()) fail(node, fmt::format("「{}」应为映射", kind), fmt::format("'{}' must be a mapping", kind));
    RegisterSchema s;
    s.table = scalar(child(node, "table", node), "table");
    const YAML::Node r = child(node, "roles", node);
    for (const auto& role : roles) s.roles[role] = scalar(child(r, role.c_str(), r), role);
    const YAML::Node h = child(node, "headers", node);
    if (!h.IsMap()) fail(h, "「headers」应为映射", "'headers' must be a mapping");
    for (auto it = h.begin(); it != h.end(); ++it)
      if (std::find(fields.begin(), fields.end(), it->first.Scalar()) == fields.end())
        fail(it->first, fmt::format("未知的字段「{}」", it->first.Scalar()),
             fmt::format("unknown field '{}'", it->first.Scalar()));
    for (const auto& field : fields) {
      const YAML::Node list = child(h, field.c_str(), h);
      if (!list.IsSequence() || list.size() == 0)
        fail(list, fmt::format("「{}」应为非空列表", field), fmt::format("'{}' must be a non-empty list", field));
      std::vector<std::string> names;
      for (const auto& n : list) names.push_back(scalar(n, field));
      s.headers.emplace_back(field, std::move(names));
    }
    for (const auto& vocabulary : vocabularies) {
      auto& words = s.synonyms[vocabulary];
      const YAML::Node v = node[vocabulary];
      if (!v.IsDefined() || v.IsNull()) continue;
      if (!v.IsMap())
        fail(v, fmt::format("「{}」应为映射（用语: 编号）", vocabulary),
             fmt::format("'{}' must be a mapping (word: ID)", vocabulary));
      for (auto it = v.begin(); it != v.end(); ++it)
        words.emplace_back(scalar(it->first, vocabulary), scalar(it->second, it->first.Scalar()));
    }
    return s;
  }

 private:
  const YamlText& src_;
};

}  // namespace

const std::vector<std::string>* RegisterSchema::header_names(std::string_view field) const {
  for (const auto& [f, names] : headers)
    if (f == field) return &names;
  return nullptr;
}

const std::vector<std::pair<std::string, std::string>>& RegisterSchema::words(const std::string& vocabulary) const {
  static const std::vector<std::pair<std::string, std::string>> kNone;
  auto it = synonyms.find(vocabulary);
  return it == synonyms.end() ? kNone : it->second;
}

std::string RegisterSchema::role(const std::string& name) const {
  auto it = roles.find(name);
  return it == roles.end() ? std::string() : it->second;
}

const std::vector<std::string>& request_fields() {
  static const std::vector<std::string> kFields{"id", "received", "applicant", "outcome", "replied"};
  return kFields;
}

const std::vector<std::string>& case_fields() {
  static const std::vector<std::string> kFields{"id", "kind", "filed", "result", "closed"};
  return kFields;
}

RegisterVocabulary read_register_vocabulary(std::string_view name, std::string_view text) {
  const YamlText src(name, text);
  const YAML::Node root = src.load({"YAML 语法错误", "malformed YAML"});
  const VocabularyParser p(src);
  if (!root.IsMap()) p.fail(root, "文件顶层应为映射", "the top level must be a mapping");
  RegisterVocabulary v;
  try {
    v.requests = p.schema(root, "requests", request_fields(),
                          {"received", "carried_over", "outcomes", "carried_forward"}, {"applicant", "outcome"});
    v.cases = p.schema(root, "cases", case_fields(), {"pending"}, {"kind", "result"});
  } catch (const YAML::Exception& e) {
    throw InputError(SourceLoc{std::string(name), 0, 0, {}},
                     {fmt::format("结构错误：{}", e.msg), fmt::format("malformed structure: {}", e.msg)});
  }
  return v;
}

}  // namespace gongkai
