// The forms gongkai knows, chosen by ID or by report year.
#pragma once

#include <gongkai/forms/form.hpp>

#include <memory>
#include <string_view>
#include <vector>

namespace gongkai {

class FormSet {
 public:
  void add(std::shared_ptr<const Form> f);
  [[nodiscard]] std::shared_ptr<const Form> by_id(std::string_view id) const;
  // The form in force for a report year: the newest whose range covers it.
  [[nodiscard]] std::shared_ptr<const Form> for_year(int year) const;
  [[nodiscard]] const std::vector<std::shared_ptr<const Form>>& all() const { return forms_; }

 private:
  std::vector<std::shared_ptr<const Form>> forms_;  // sorted by year_from
};

}  // namespace gongkai
