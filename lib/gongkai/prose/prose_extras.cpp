#include <gongkai/prose/prose_extras.hpp>

#include <gongkai/core/text.hpp>
#include <gongkai/prose/prose_yaml.hpp>

#include <fmt/format.h>

namespace gongkai {

ProseExtras read_prose_extras(std::string_view name, std::string_view yaml_text, Diagnostics& out,
                              const YAML::Node* parsed) {
  const std::string text(strip_bom(yaml_text));
  YamlSource src(name, text, out);
  const YAML::Node root = parsed != nullptr ? *parsed : src.load({"不是有效的 YAML", "not valid YAML"});
  ProseExtras extras;
  if (!root.IsMap()) return extras;  // the tally reader reports that
  for (const auto& kv : root) {
    const std::string key = kv.first.Scalar();
    if (key == "fees") {
      extras.fees = read_fee_node(src, kv.first, kv.second);
    } else if (key == "previous") {
      if (kv.second.IsScalar() && !trim(kv.second.Scalar()).empty())
        extras.previous_file = std::string(trim(kv.second.Scalar()));
      else
        src.wrong_type(kv.second, src.where_value(kv.first, kv.second), {"「previous」", "'previous'"},
                       {"上年报告的文件名", "the file name of last year's report"});
    } else if (key == "work_plan") {
      if (kv.second.IsScalar() && !trim(kv.second.Scalar()).empty()) {
        extras.work_plan_file = std::string(trim(kv.second.Scalar()));
      } else if (kv.second.IsMap() || kv.second.IsSequence()) {
        extras.work_plan = read_work_plan_node(src, kv.second);
      } else {
        src.wrong_type(kv.second, src.where_value(kv.first, kv.second), {"「work_plan」", "'work_plan'"},
                       {"文件名或工作要点", "a file name or a work plan"});
      }
    }
  }
  return extras;
}

}  // namespace gongkai
