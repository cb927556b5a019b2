#include "context.hpp"

#include <gongkai/io/files.hpp>

#include <fmt/format.h>

#include <iostream>

namespace gongkai::cli {

Lang Context::lang() const {
  if (lang_option == "zh") return Lang::zh;
  if (lang_option == "en") return Lang::en;
  return lang_from_environment();
}

const FormSet& Context::forms() {
  if (!loaded_) {
    forms_ = load_forms(gongkai::template_dir(template_dir));
    loaded_ = true;
  }
  return forms_;
}

void print_input_error(const InputError& e, Lang lang) {
  std::string where = e.where().to_string();
  std::cerr << fmt::format("{}{}error[{}]: {}\n", where, where.empty() ? "" : ": ", e.rule(), e.message().in(lang));
}

}  // namespace gongkai::cli
