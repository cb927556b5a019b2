// Reads a form definition (report-templates/forms/*.yaml) from text. Pure: the caller reads
// the file. Any structural mistake in the definition is an InputError naming line and column.
#pragma once

#include <gongkai/forms/form.hpp>

#include <memory>
#include <string_view>

namespace gongkai {

[[nodiscard]] std::shared_ptr<const Form> load_form(std::string_view name, std::string_view yaml_text);

}  // namespace gongkai
