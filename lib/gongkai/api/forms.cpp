// Public forms.hpp: the internal io/ functions, with every failure an InputError.
#include <gongkai/forms.hpp>

#include <gongkai/io/files.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace gongkai {

namespace {

[[noreturn]] void fail(const std::string& where, std::string zh, std::string en) {
  throw InputError(SourceLoc{where, 0, 0, {}}, Text{std::move(zh), std::move(en)});
}

}  // namespace

std::string find_templates(const std::string& explicit_dir) { return template_dir(explicit_dir).string(); }

FormSet load_forms(const std::string& dir) {
  const std::filesystem::path templates(dir);
  std::error_code ec;
  if (!std::filesystem::is_directory(templates / "forms", ec))
    fail(dir, "报告模板目录中没有 forms/ 子目录", "the report-templates folder has no forms/");
  FormSet set;
  try {
    set = load_forms(templates);  // io/files.hpp: throws InputError for a broken form
  } catch (const std::filesystem::filesystem_error& e) {
    fail(e.path1().string(), fmt::format("无法读取表式目录：{}", e.code().message()),
         fmt::format("cannot read the forms folder: {}", e.code().message()));
  }
  if (set.all().empty())
    fail((templates / "forms").string(), "表式目录中没有表式（*.yaml）", "the forms folder holds no form (*.yaml)");
  return set;
}

}  // namespace gongkai
