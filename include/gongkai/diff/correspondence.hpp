// Which cells of one form hold the same figure as which cells of another, across a form change
// (report-templates/forms/correspondence/*.yaml): data, not code. Only cells of the same
// meaning are paired; the rest are not comparable, with the reason the data gives.
#pragma once

#include <gongkai/core/text.hpp>
#include <gongkai/forms/form.hpp>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

// One correspondence file as written: cell-ID patterns (`table.*`, `table.row.*` or one ID).
struct CorrespondenceDef {
  std::string from_form, to_form;
  std::vector<std::string> same;                           // same ID, same meaning
  std::vector<std::pair<std::string, std::string>> pairs;  // from-form ID -> to-form ID
  struct Reason {
    std::string form;                   // the form whose cells these are
    std::vector<std::string> patterns;  // their IDs
    Text text;
  };
  std::vector<Reason> not_comparable;
};

// Throws InputError naming `name` and the place when the text is malformed.
[[nodiscard]] CorrespondenceDef load_correspondence(std::string_view name, std::string_view yaml_text);

// Whether `id` matches `pattern` (an exact ID, or a prefix ending in `.*`).
[[nodiscard]] bool cell_pattern_matches(std::string_view pattern, std::string_view id);

// The correspondence between two given forms, in the direction asked (old -> new).
struct CellMap {
  std::map<std::string, std::string, std::less<>> old_to_new;  // cell IDs
  std::map<std::string, std::string, std::less<>> new_to_old;
  std::map<std::string, Text, std::less<>> why_not;  // "old:ID" / "new:ID" -> reason, when the data gives one

  // Pairs every cell by its own ID (one form compared with itself).
  [[nodiscard]] static CellMap identity(const Form& form);
  // Applies `def` (read in either direction) to the forms `older` and `newer`. nullopt when
  // `def` is not about these two forms.
  [[nodiscard]] static std::optional<CellMap> from(const CorrespondenceDef& def, const Form& older, const Form& newer);
  [[nodiscard]] const Text* reason_old(std::string_view id) const;
  [[nodiscard]] const Text* reason_new(std::string_view id) const;
};

}  // namespace gongkai
