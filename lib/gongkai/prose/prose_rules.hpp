// What prose may say about figures, as data (report-templates/prose-rules.yaml, docs/prose.md):
// - figures: names prose can cite besides the form's cells — sums of cells (both kinds of
//   document in force, the three litigation routes together) and shares (公开率);
// - narrative phrases: how `narrative-figure` recognises a clause that states a figure as a
//   literal number (现行有效 + 规范性文件 -> proactive.normative_docs.in_force).
// Like the forms, this is a file so that wording seen in new reports can be added without
// recompiling. A rule naming a cell the report's form lacks is simply not available there.
#pragma once

#include <gongkai/core/location.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

enum class FigureKind {
  sum,    // the sum of `parts` (cells or earlier figures), in their kind (count or amount)
  ratio,  // numerator / denominator as a percentage to one decimal
};

struct FigureDef {
  std::string id;  // e.g. proactive.documents.in_force; a form's cell of the same ID wins
  std::string zh;  // what it is, for findings: 现行有效规章和行政规范性文件件数
  std::string en;
  FigureKind kind = FigureKind::sum;
  std::vector<std::string> parts;  // sum
  std::string numerator;           // ratio
  std::string denominator;         // ratio
};

struct PhraseDef {
  std::string figure;  // the cell or figure the clause states
  // Every group must have one of its words in the clause (an AND of ORs).
  std::vector<std::vector<std::string>> all;
  std::vector<std::string> none;   // a clause holding any of these is about something else
  std::vector<std::string> units;  // the number must be followed by one of these: 件, 万元, …
  SourceLoc where;                 // the phrase's place in the rules file
};

struct ProseRules {
  std::vector<FigureDef> figures;
  std::vector<PhraseDef> phrases;
  // Words that make any clause unsafe to compare: changes (同比, 增加), subsets (其中),
  // running totals (累计). A number there is not the figure itself.
  std::vector<std::string> exclude;

  // nullptr when no figure has this ID.
  [[nodiscard]] const FigureDef* figure(std::string_view id) const;
};

// Throws InputError (with line and column) on any structural mistake in the file.
[[nodiscard]] ProseRules load_prose_rules(std::string_view name, std::string_view yaml_text);

}  // namespace gongkai
