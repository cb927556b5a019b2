// `gongkai forms`: a form's cells (ID and verbatim label), as text or JSON.
#pragma once

#include <gongkai/forms/form.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace gongkai {

[[nodiscard]] std::string render_form_text(const Form& form);
[[nodiscard]] nlohmann::ordered_json form_json(const Form& form);

}  // namespace gongkai
