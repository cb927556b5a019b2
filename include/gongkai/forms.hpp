// The statutory forms an embedding program loads once and hands to every call: where the
// report-templates folder is, and the forms in it. Forms are data (report-templates/forms/*.yaml),
// so a program built against gongkai reads a new national form without being rebuilt.
//
//   gongkai::FormSet forms = gongkai::load_forms(gongkai::find_templates());
//   for (const auto& form : forms.all()) std::cout << form->id << "\n";
//
// Both functions report failure by throwing gongkai::InputError (core/diagnostic.hpp): where()
// names the folder or the form file (and the line of a broken form), message() says what is
// wrong in Chinese and English, rule() is "input". They throw nothing else for bad data.
#pragma once

#include <gongkai/core/diagnostic.hpp>
#include <gongkai/forms/form.hpp>
#include <gongkai/forms/form_set.hpp>

#include <string>

namespace gongkai {

// The report-templates folder (the one holding forms/): `explicit_dir` if given, else
// $GONGKAI_TEMPLATE_DIR, else share/gongkai/report-templates beside the running program
// (<prefix>/bin/prog finds <prefix>/share/…), else the folder the library was installed for.
// Throws InputError when none of them holds forms/.
[[nodiscard]] std::string find_templates(const std::string& explicit_dir = {});

// Every forms/*.yaml under `template_dir`, in file-name order. Throws InputError when the folder
// has no forms/ or no form in it, or a form cannot be read or is not a valid form definition.
[[nodiscard]] FormSet load_forms(const std::string& template_dir);

}  // namespace gongkai
