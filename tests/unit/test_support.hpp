// Shared fixtures for the unit tests: the real forms from report-templates/.
#pragma once

#include <gongkai/forms/form_set.hpp>
#include <gongkai/io/files.hpp>

#include <filesystem>

namespace gongkai::test {

inline const FormSet& forms() {
  static const FormSet set = load_forms(std::filesystem::path(GONGKAI_SOURCE_DIR) / "report-templates");
  return set;
}

}  // namespace gongkai::test
