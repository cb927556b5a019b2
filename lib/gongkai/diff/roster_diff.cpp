#include <gongkai/diff/roster_diff.hpp>

#include <gongkai/batch/run_units.hpp>
#include <gongkai/check/checker.hpp>
#include <gongkai/core/normalize.hpp>
#include <gongkai/io/files.hpp>
#include <gongkai/io/roster_files.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>

namespace gongkai {

namespace {

namespace fs = std::filesystem;

// One roster's units, as the batch reads them; its year fills in for inputs that carry none.
struct RosterUnits {
  std::unique_ptr<RosterNode> tree;
  std::vector<UnitInput> units;
  std::string name;
  int year = 0;
};

RosterUnits load_units(const std::string& path, RosterDiff& out) {
  RosterUnits r;
  out.files.push_back(path);
  Diagnostics problems;
  r.tree = load_roster_tree(path, problems, /*missing_as_units=*/true);
  out.findings.append(problems);
  if (!r.tree || problems.has_errors()) {
    out.rosters_unreadable = true;
    r.tree.reset();
    return r;
  }
  r.name = r.tree->roster.meta.agency.value_or(r.tree->name);
  r.year = r.tree->roster.meta.year.value_or(0);
  for (const auto& ref : all_leaves(*r.tree)) {
    UnitInput in;
    // As a person writes it: tests/data/../../sample-data/x.yaml is sample-data/x.yaml.
    in.path = fs::path(ref.leaf->path).lexically_normal().string();
    in.meta = ref.leaf->meta;
    in.name = ref.leaf->meta.agency.value_or("");
    if (r.year != 0) in.defaults.year = r.year;
    if (ref.leaf->missing) in.problems.push_back(*ref.leaf->missing);
    out.files.push_back(in.path);
    r.units.push_back(std::move(in));
  }
  return r;
}

// Reads and checks one unit as run_units does (the roster entry's meta over the batch's);
// nullopt when it cannot be read or its cells have errors.
std::optional<Report> read_checked_unit(const UnitInput& unit, const BatchOptions& batch, Diagnostics& out) {
  ReadOptions read = batch.read;
  ReportMeta meta = unit.meta;
  meta.override_with(batch.read.meta);
  read.meta = meta;
  read.defaults.override_with(unit.defaults);
  try {
    Diagnostics found;
    ReadResult r = read_report(unit.path, *batch.forms, read, batch.load, found);
    if (!r.report || !r.readable || found.has_errors()) {
      out.append(found);
      return std::nullopt;
    }
    Diagnostics ignored;  // last year's own findings are last year's
    check_report(*r.report, CheckOptions{batch.forms}, ignored);
    return std::move(r.report);
  } catch (const Error& e) {
    out.add(to_diagnostic(e));
  }
  return std::nullopt;
}

// Why a unit could not be compared: its first error, else a plain sentence naming the file.
Diagnostic unreadable_finding(const UnitResult& r, const std::string& path) {
  for (const auto& d : r.findings.items())
    if (d.severity == Severity::error) return d;
  return Diagnostic::error("input", SourceLoc{path, 0, 0, {}},
                           {"无法读取或含有错误，未比较", "could not be read, or has errors: not compared"});
}

Diagnostic duplicate_finding(const std::string& name, const std::string& roster, const std::vector<std::string>& files,
                             const std::string& path) {
  std::string list;
  for (const auto& f : files) list += (list.empty() ? "" : ", ") + f;
  return Diagnostic::error(
      "duplicate-unit", SourceLoc{path, 0, 0, {}},
      {fmt::format("名册 {} 中有 {} 个单位名为「{}」（{}）：无法确定与哪一个比较，均未比较", roster, files.size(), name,
                   list),
       fmt::format("roster {} has {} units named '{}' ({}): which one to compare is unclear, none is compared", roster,
                   files.size(), name, list)});
}

void add_flags(RosterUnitDiff& row, const ReportDiff& d) {
  row.changed_cells =
      d.count(ChangeKind::changed) + d.count(ChangeKind::newly_reported) + d.count(ChangeKind::no_longer_reported);
  row.not_comparable = d.count(ChangeKind::not_comparable);
  for (const auto& f : d.findings.items()) {
    ++row.flags[f.rule];
    if (f.rule == "carry-continuity") row.carry_broken = true;
    if (f.rule == "in-force-continuity") row.in_force_broken = true;
  }
  row.findings = d.findings;
}

}  // namespace

std::string_view to_string(RosterUnitStatus s) {
  switch (s) {
    case RosterUnitStatus::compared:
      return "compared";
    case RosterUnitStatus::appeared:
      return "appeared";
    case RosterUnitStatus::disappeared:
      return "disappeared";
    case RosterUnitStatus::duplicate:
      return "duplicate";
    case RosterUnitStatus::unreadable:
      return "unreadable";
  }
  return "compared";
}

const std::vector<std::string>& roster_flag_rules() {
  static const std::vector<std::string> rules{"swing", "to-zero", "from-zero", "table-zero"};
  return rules;
}

std::size_t RosterUnitDiff::flag_count(std::string_view rule) const {
  auto it = flags.find(std::string(rule));
  return it == flags.end() ? 0 : it->second;
}

std::size_t RosterUnitDiff::flagged() const {
  return findings.count(Severity::error) + findings.count(Severity::warning);
}

std::size_t RosterDiff::count(RosterUnitStatus s) const {
  return static_cast<std::size_t>(
      std::count_if(units.begin(), units.end(), [s](const RosterUnitDiff& u) { return u.status == s; }));
}

bool RosterDiff::carry_broken() const {
  return std::any_of(units.begin(), units.end(), [](const RosterUnitDiff& u) { return u.carry_broken; });
}

bool RosterDiff::unreadable() const { return rosters_unreadable || count(RosterUnitStatus::unreadable) > 0; }

bool RosterDiff::has_errors() const {
  if (findings.has_errors()) return true;
  return std::any_of(units.begin(), units.end(), [](const RosterUnitDiff& u) { return u.findings.has_errors(); });
}

bool RosterDiff::flagged() const {
  if (!findings.empty()) return true;
  return std::any_of(units.begin(), units.end(), [](const RosterUnitDiff& u) { return !u.findings.empty(); });
}

std::string roster_unit_key(std::string_view agency) { return compact(agency); }

RosterMatch match_roster_units(const std::vector<std::string>& old_names, const std::vector<std::string>& new_names) {
  RosterMatch m;
  m.pair_of_new.assign(new_names.size(), std::nullopt);
  m.old_paired.assign(old_names.size(), 0);
  m.duplicate_old.assign(old_names.size(), 0);
  m.duplicate_new.assign(new_names.size(), 0);
  std::map<std::string, std::vector<std::size_t>> old_by_key;
  std::map<std::string, std::vector<std::size_t>> new_by_key;
  for (std::size_t i = 0; i < old_names.size(); ++i) old_by_key[roster_unit_key(old_names[i])].push_back(i);
  for (std::size_t i = 0; i < new_names.size(); ++i) new_by_key[roster_unit_key(new_names[i])].push_back(i);
  for (const auto& [key, list] : old_by_key)
    if (list.size() > 1)
      for (std::size_t i : list) m.duplicate_old[i] = 1;
  for (const auto& [key, list] : new_by_key) {
    if (list.size() > 1)
      for (std::size_t i : list) m.duplicate_new[i] = 1;
    auto old = old_by_key.find(key);
    if (old == old_by_key.end()) continue;
    // A name given twice on either side pairs nothing: which one is meant is unclear.
    if (list.size() == 1 && old->second.size() == 1) {
      m.pair_of_new[list.front()] = old->second.front();
      m.old_paired[old->second.front()] = 1;
    } else {
      for (std::size_t i : old->second) m.old_paired[i] = 1;
    }
  }
  return m;
}

RosterDiff diff_rosters(const RosterDiffRequest& request) {
  RosterDiff out;
  out.old_roster = request.last_roster;
  out.new_roster = request.this_roster;
  out.key_figures = key_figures(*request.forms);
  RosterUnits last = load_units(request.last_roster, out);
  RosterUnits now = load_units(request.this_roster, out);
  out.old_name = last.name.empty() ? fs::path(request.last_roster).stem().string() : last.name;
  out.new_name = now.name.empty() ? fs::path(request.this_roster).stem().string() : now.name;
  out.old_year = last.year;
  out.new_year = now.year;
  if (out.rosters_unreadable) return out;

  BatchOptions batch;
  batch.jobs = request.jobs;
  batch.forms = request.forms;
  batch.read.encoding = request.encoding;
  batch.read.register_headers = request.register_headers;
  batch.load = request.load ? FileLoader(request.load) : FileLoader([](const std::string& p) { return read_file(p); });
  batch.progress = request.progress;

  // Pass 1: last year's units, for their names; each report read and checked without an error is
  // kept (its figures, for pass 2: each unit is read once). One with errors is read again in
  // pass 2, where why it cannot be compared is said.
  std::vector<std::optional<Report>> kept(last.units.size());
  batch.step = [&kept](std::size_t index, const UnitInput&, Report& report, Diagnostics& found) {
    if (!found.has_errors()) kept[index].emplace(report);  // a copy: run_units still summarises it
  };
  std::vector<UnitResult> old_results = run_units(last.units, batch);
  std::vector<std::string> old_names;
  old_names.reserve(old_results.size());
  for (const auto& r : old_results) old_names.push_back(r.summary.unit);
  std::map<std::string, std::size_t> old_by_key;  // unique and readable keys only
  {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < old_names.size(); ++i) ++seen[roster_unit_key(old_names[i])];
    for (std::size_t i = 0; i < old_names.size(); ++i)
      if (!old_results[i].summary.unreadable && seen[roster_unit_key(old_names[i])] == 1)
        old_by_key.emplace(roster_unit_key(old_names[i]), i);
  }

  // Pass 2: this year's units; each compared, on the worker that read it, with last year's unit
  // of its name (kept from pass 1, else read again there). Only the row is kept.
  std::vector<RosterUnitDiff> rows(now.units.size());
  std::vector<char> compared(now.units.size(), 0);
  batch.step = [&](std::size_t index, const UnitInput& unit, Report& report, Diagnostics&) {
    const std::string name = unit.name.empty() ? report.agency : unit.name;
    auto it = old_by_key.find(roster_unit_key(name));
    if (it == old_by_key.end()) return;
    RosterUnitDiff& row = rows[index];
    if (const std::optional<Report>& kept_before = kept[it->second]) {  // only read here: shared by workers
      add_flags(row, diff_reports(*kept_before, report, request.diff));
      compared[index] = 1;
      return;
    }
    Diagnostics problems;
    std::optional<Report> before = read_checked_unit(last.units[it->second], batch, problems);
    if (!before) {
      row.findings = problems;
      return;
    }
    add_flags(row, diff_reports(*before, report, request.diff));
    compared[index] = 1;
  };
  std::vector<UnitResult> new_results = run_units(now.units, batch);
  std::vector<std::string> new_names;
  new_names.reserve(new_results.size());
  for (const auto& r : new_results) new_names.push_back(r.summary.unit);
  const RosterMatch match = match_roster_units(old_names, new_names);

  // Files of each duplicated key, per roster, for the finding.
  std::map<std::string, std::vector<std::string>> old_dups, new_dups;
  for (std::size_t i = 0; i < old_names.size(); ++i)
    if (match.duplicate_old[i] != 0) old_dups[roster_unit_key(old_names[i])].push_back(last.units[i].path);
  for (std::size_t i = 0; i < new_names.size(); ++i)
    if (match.duplicate_new[i] != 0) new_dups[roster_unit_key(new_names[i])].push_back(now.units[i].path);

  const std::size_t figures = out.key_figures.size();
  std::vector<char> old_listed(old_results.size(), 0);
  for (std::size_t i = 0; i < new_results.size(); ++i) {
    const UnitSummary& s = new_results[i].summary;
    const std::string key = roster_unit_key(s.unit);
    const std::optional<std::size_t> pair = match.pair_of_new[i];
    RosterUnitDiff row;
    row.name = s.unit;
    row.new_file = now.units[i].path;
    row.new_year = s.year;
    row.new_figures = s.figures;
    row.old_figures.assign(figures, std::nullopt);
    if (pair) {
      old_listed[*pair] = 1;
      row.old_file = last.units[*pair].path;
      row.old_year = old_results[*pair].summary.year;
      row.old_figures = old_results[*pair].summary.figures;
    }
    if (s.unreadable) {
      row.status = RosterUnitStatus::unreadable;
      row.findings.add(unreadable_finding(new_results[i], row.new_file));
    } else if (match.duplicate_new[i] != 0) {
      row.status = RosterUnitStatus::duplicate;
      row.findings.add(duplicate_finding(s.unit, request.this_roster, new_dups[key], row.new_file));
    } else if (old_dups.count(key) != 0) {
      row.status = RosterUnitStatus::duplicate;
      row.findings.add(duplicate_finding(s.unit, request.last_roster, old_dups[key], row.new_file));
    } else if (!pair) {
      row.status = RosterUnitStatus::appeared;
    } else if (compared[i] != 0) {
      row = std::move(rows[i]);
      row.status = RosterUnitStatus::compared;
      row.name = s.unit;
      row.new_file = now.units[i].path;
      row.new_year = s.year;
      row.new_figures = s.figures;
      row.old_file = last.units[*pair].path;
      row.old_year = old_results[*pair].summary.year;
      row.old_figures = old_results[*pair].summary.figures;
    } else {
      // Paired but not compared: last year's unit could not be read, or this year's was read
      // but its cells have errors (an unknown key, a word where a figure belongs).
      row.status = RosterUnitStatus::unreadable;
      if (old_results[*pair].summary.unreadable)
        row.findings.add(unreadable_finding(old_results[*pair], row.old_file));
      else if (!rows[i].findings.empty())
        row.findings = rows[i].findings;
      else
        row.findings.add(unreadable_finding(new_results[i], row.new_file));
    }
    out.units.push_back(std::move(row));
  }
  // Last year's units without a row: gone, given twice, or unreadable.
  for (std::size_t o = 0; o < old_results.size(); ++o) {
    if (old_listed[o] != 0) continue;
    const UnitSummary& s = old_results[o].summary;
    const std::string key = roster_unit_key(s.unit);
    RosterUnitDiff row;
    row.name = s.unit;
    row.old_file = last.units[o].path;
    row.old_year = s.year;
    row.old_figures = s.figures;
    row.new_figures.assign(figures, std::nullopt);
    if (s.unreadable) {
      row.status = RosterUnitStatus::unreadable;
      row.findings.add(unreadable_finding(old_results[o], row.old_file));
    } else if (match.duplicate_old[o] != 0) {
      row.status = RosterUnitStatus::duplicate;
      row.findings.add(duplicate_finding(s.unit, request.last_roster, old_dups[key], row.old_file));
    } else if (match.old_paired[o] != 0) {
      continue;  // its name is this year's duplicate: said on those rows
    } else {
      row.status = RosterUnitStatus::disappeared;
    }
    out.units.push_back(std::move(row));
  }
  return out;
}

}  // namespace gongkai
