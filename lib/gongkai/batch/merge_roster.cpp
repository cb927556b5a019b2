#include <gongkai/batch/merge_roster.hpp>

#include <gongkai/check/checker.hpp>
#include <gongkai/check/messages.hpp>
#include <gongkai/io/roster_files.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

namespace gongkai {
namespace fs = std::filesystem;

namespace {

Diagnostic merge_error(const SourceLoc& where, Text msg, const std::string& rule = "merge") {
  return Diagnostic::error(rule, where, std::move(msg));
}

struct Node {
  const RosterNode* roster = nullptr;
  std::unique_ptr<Accumulator> sum;
  std::mutex mutex;
};

// A roster's own consolidated figures against the sum of its units, cell by cell.
void reconcile(const RosterNode& node, const Accumulator& sum, const MergeOptions& options, MergeOutcome& outcome) {
  const std::string own_path = (fs::path(node.path).parent_path() / *node.roster.own).string();
  outcome.files.push_back(own_path);
  Diagnostics read_findings;
  std::optional<Report> own;
  ReadOptions read = options.batch.read;
  read.defaults.override_with(node.roster.meta);
  try {
    own = read_report(own_path, *options.batch.forms, read, options.batch.load, read_findings).report;
  } catch (const Error& e) {
    read_findings.add(to_diagnostic(e));
  }
  outcome.findings.append(read_findings);
  if (!own || read_findings.has_errors()) return;
  Diagnostics ignored;
  check_report(*own, CheckOptions{options.batch.forms}, ignored);
  if (own->form->id != sum.result().form->id) {
    outcome.findings.add(merge_error(
        own->origin,
        {fmt::format("「{}」自报汇总数使用 {} 表式，与下级单位不同", node.name, own->form->id),
         fmt::format("'{}' reports its own figures in form {}, unlike its units", node.name, own->form->id)},
        "reconcile"));
    return;
  }
  const Report summed = sum.result();
  for (const auto& c : own->form->cells()) {
    const CellValue& mine = own->at(c);
    const CellValue& theirs = summed.at(c);
    if (!mine.has_value() || mine.computed) continue;
    std::int64_t expected = theirs.has_value() ? theirs.raw : 0;
    if (mine.raw == expected) continue;
    const std::string label = own->form->cell_label(c);
    Diagnostic d = merge_error(
        where_of(*own, c),
        {fmt::format("「{}」自报「{}」为 {}，但其 {} 个下级单位合计为 {}", node.name, label,
                     format_value(*c.column, mine.raw), sum.units(), format_value(*c.column, expected)),
         fmt::format("'{}' reports {} for '{}', but its {} units sum to {}", node.name,
                     format_value(*c.column, mine.raw), label, sum.units(), format_value(*c.column, expected))},
        "reconcile");
    d.cells.push_back(mention(*own->form, c));
    d.expected = format_value(*c.column, expected);
    d.actual = format_value(*c.column, mine.raw);
    outcome.findings.add(std::move(d));
  }
}

}  // namespace

MergeOutcome merge_roster(const std::string& roster_path, const MergeOptions& options) {
  MergeOutcome outcome;
  outcome.files.push_back(roster_path);
  auto tree = load_roster_tree(roster_path, outcome.findings);
  // A unit that cannot be found is not a unit that can be left out: no partial sum.
  if (!tree || outcome.findings.has_errors()) return outcome;
  const Roster& top = tree->roster;
  ReportMeta meta = top.meta;
  meta.override_with(options.batch.read.meta);
  if (!meta.year) {
    outcome.findings.add(
        merge_error(tree->roster.origin, {"名册缺少 year（汇总年度）", "the roster has no 'year'"}, "roster"));
    return outcome;
  }
  std::shared_ptr<const Form> form =
      meta.form_id ? options.batch.forms->by_id(*meta.form_id) : options.batch.forms->for_year(*meta.year);
  if (!form) {
    outcome.findings.add(merge_error(
        tree->roster.origin,
        {fmt::format("没有适用于 {} 年的表式", *meta.year), fmt::format("no form for the year {}", *meta.year)},
        "roster"));
    return outcome;
  }

  const auto leaves = all_leaves(*tree);
  // One running sum per roster in the tree; a unit is added to every roster above it.
  std::map<const RosterNode*, std::unique_ptr<Node>> nodes;
  for (const auto& ref : leaves)
    for (const RosterNode* r : ref.ancestors)
      if (nodes.find(r) == nodes.end()) {
        auto n = std::make_unique<Node>();
        n->roster = r;
        n->sum = std::make_unique<Accumulator>(form, *meta.year,
                                               r == tree.get() ? options.explain : std::vector<std::string>{});
        nodes.emplace(r, std::move(n));
      }
  if (nodes.find(tree.get()) == nodes.end()) {
    auto n = std::make_unique<Node>();
    n->roster = tree.get();
    n->sum = std::make_unique<Accumulator>(form, *meta.year, options.explain);
    nodes.emplace(tree.get(), std::move(n));
  }

  std::vector<UnitInput> inputs;
  for (const auto& ref : leaves) {
    UnitInput in;
    in.path = ref.leaf->path;
    in.meta = ref.leaf->meta;
    in.name = ref.leaf->meta.agency.value_or("");
    inputs.push_back(std::move(in));
    outcome.files.push_back(ref.leaf->path);
  }
  BatchOptions batch = options.batch;
  batch.read.meta = ReportMeta{};        // units carry their own
  batch.read.defaults.year = meta.year;  // for units that carry none (CSV, XLSX)
  // Contributions are recorded per unit and re-ordered afterwards, so -j does not change output.
  std::vector<std::vector<Contribution>> contributions(leaves.size());
  outcome.summed.assign(leaves.size(), 0);
  batch.step = [&](std::size_t index, const UnitInput& unit, Report& report, Diagnostics& out) {
    const std::string name = unit.name.empty() ? report.agency : unit.name;
    for (const RosterNode* r : leaves[index].ancestors) {
      Node& n = *nodes.at(r);
      std::lock_guard<std::mutex> lock(n.mutex);
      if (!n.sum->add(name, report, out, index)) return;
    }
    outcome.summed[index] = 1;
  };
  outcome.units = run_units(inputs, batch);
  outcome.left_out_because.resize(leaves.size());
  for (std::size_t i = 0; i < outcome.units.size(); ++i) {
    if (outcome.summed[i] != 0) continue;
    for (const auto& d : outcome.units[i].findings.items())
      if (d.severity == Severity::error && (outcome.units[i].summary.unreadable || d.rule == "merge")) {
        outcome.left_out_because[i] = d.message;
        break;
      }
  }
  for (const auto& u : outcome.units) outcome.findings.append(u.findings);

  for (const auto& [roster, node] : nodes)
    if (roster->roster.own) reconcile(*roster, *node->sum, options, outcome);

  const Accumulator& total = *nodes.at(tree.get())->sum;
  Report consolidated = total.result();
  consolidated.agency = meta.agency.value_or(tree->name);
  consolidated.level = meta.level.value_or(Level::government);
  consolidated.publication_date = meta.publication_date;
  consolidated.origin = tree->roster.origin;
  check_report(consolidated, CheckOptions{options.batch.forms}, outcome.findings);
  for (const auto& id : options.explain) {
    auto list = total.contributions(id);
    std::stable_sort(list.begin(), list.end(),
                     [](const Contribution& a, const Contribution& b) { return a.order < b.order; });
    outcome.explained.emplace_back(id, std::move(list));
  }
  outcome.consolidated = std::move(consolidated);
  return outcome;
}

}  // namespace gongkai
