// Expands a roster file into the tree of units it names: globs resolved (sorted, so runs are
// reproducible), nested rosters followed, cycles and unmatched patterns reported.
#pragma once

#include <gongkai/aggregate/roster.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gongkai {

struct RosterNode {
  std::string path;  // the roster file
  Roster roster;
  std::string name;  // the roster's agency, else the file stem
  std::vector<std::unique_ptr<RosterNode>> sub_rosters;
  struct Leaf {
    std::string path;
    ReportMeta meta;        // from the roster entry
    std::size_t order = 0;  // position among all leaves of the whole tree, depth first
    // Set when the entry matched no file (only with `missing_as_units`): the unit's finding.
    // Held apart, so that a leaf stays small (a province's roster has 10^5 of them).
    std::shared_ptr<const Diagnostic> missing;
  };
  std::vector<Leaf> leaves;  // this roster's own units that are tallies, not rosters
};

// Reads and expands `path`. Errors (rule `roster`) go to `out`; nullopt when unusable. With
// `missing_as_units`, an entry that matches no file is not a roster error but a leaf of its
// own carrying that finding, so that a batch goes on with the other units.
[[nodiscard]] std::unique_ptr<RosterNode> load_roster_tree(const std::string& path, Diagnostics& out,
                                                           bool missing_as_units = false);

// Every leaf of the tree, depth first, with the chain of rosters above it (outermost first).
struct LeafRef {
  const RosterNode::Leaf* leaf = nullptr;
  std::vector<const RosterNode*> ancestors;
};
[[nodiscard]] std::vector<LeafRef> all_leaves(const RosterNode& root);

}  // namespace gongkai
