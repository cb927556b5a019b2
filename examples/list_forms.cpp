// Lists the statutory forms gongkai knows: each form's ID, title, first year and how many cells
// it has. The smallest program on the public API.
//
//   list_forms [TEMPLATE_DIR]
//
// Without TEMPLATE_DIR the forms are found as the library finds them ($GONGKAI_TEMPLATE_DIR,
// then the installed report-templates).
#include <gongkai/gongkai.hpp>

#include <iostream>

int main(int argc, char** argv) {
  try {
    const std::string dir = gongkai::find_templates(argc > 1 ? argv[1] : "");
    const gongkai::FormSet forms = gongkai::load_forms(dir);
    std::cout << "templates: " << dir << "\n";
    for (const auto& form : forms.all()) {
      std::cout << "form " << form->id << " (" << form->title << ", from " << form->year_from
                << "): " << form->cells().size() << " cells\n";
    }
    return 0;
  } catch (const gongkai::InputError& e) {
    std::cerr << e.where().to_string() << ": " << e.message().en << "\n";
    return 2;
  }
}
