#include <gongkai/forms/form_set.hpp>

#include <algorithm>

namespace gongkai {

void FormSet::add(std::shared_ptr<const Form> f) {
  forms_.push_back(std::move(f));
  std::stable_sort(forms_.begin(), forms_.end(),
                   [](const auto& a, const auto& b) { return a->year_from < b->year_from; });
}

std::shared_ptr<const Form> FormSet::by_id(std::string_view id) const {
  for (const auto& f : forms_)
    if (f->id == id) return f;
  return nullptr;
}

std::shared_ptr<const Form> FormSet::for_year(int year) const {
  for (auto it = forms_.rbegin(); it != forms_.rend(); ++it)
    if ((*it)->covers(year)) return *it;
  return nullptr;
}

}  // namespace gongkai
