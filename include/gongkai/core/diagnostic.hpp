// Findings as data. A check never prints: it appends Diagnostics, each naming its rule (the
// stable IDs of the spec, §5), the cells involved, the expected and actual figures and where
// the value came from. Renderers (render/diagnostics_*.hpp) turn them into text or JSON.
#pragma once

#include <gongkai/core/error.hpp>
#include <gongkai/core/location.hpp>
#include <gongkai/core/text.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace gongkai {

enum class Severity { info, warning, error };

[[nodiscard]] std::string_view to_string(Severity s);

struct CellMention {
  std::string id;     // stable cell ID, e.g. applications.received.natural_person
  std::string label;  // official wording, e.g. 一、本年新收政府信息公开申请数量 / 自然人
};

// The further places one grouped finding keeps as SourceLoc; past them a place that is a line and
// column of the finding's file (a CSV register's row) is packed into 8 bytes (Diagnostic::
// also_lines): a register of a million bad rows keeps every place in ~8 MB, not ~100 MB.
inline constexpr std::size_t kPlacesKeptInFull = 1000;

struct Diagnostic {
  Severity severity = Severity::error;
  std::string rule;                     // stable rule ID: balance, outcome-sum, label, ...
  Text message;                         // the full sentence, in both languages
  std::vector<CellMention> cells;       // the cells the finding is about, first is the culprit
  std::optional<std::string> expected;  // the figure it should be, when the rule knows
  std::optional<std::string> actual;    // the figure found
  SourceLoc where;                      // where the culprit value came from
  // The same finding at further places, in the order met (rows of a register with the same
  // problem): Diagnostics::add groups a finding whose rule, severity, file and message are
  // those of an earlier one. `file` is empty when it is `where.file`.
  std::vector<SourceLoc> also;
  // The places after `also` (once it holds kPlacesKeptInFull), each a line and a column of
  // `where.file`, in the order met.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> also_lines;
  // An office's written reason for this finding (an explanation kept with the tallies, keyed by
  // rule and cell; issue 9's "explained warnings"): the finding is shown as explained instead of
  // as a warning, is not counted by --strict, and SARIF lists it as a suppression with this
  // reason. Empty when not explained.
  std::optional<Text> explanation;
  SourceLoc explained_at;  // where that explanation was written

  // How many places the finding has in all: `where`, then `also`, then `also_lines`.
  [[nodiscard]] std::size_t place_count() const { return 1 + also.size() + also_lines.size(); }
  // A further place (its `file` empty when it is `where.file`): into `also`, or packed.
  void add_place(SourceLoc at);
  // Whether `at` (a place of `where.file`) is the finding's last place: the very same finding
  // met again (a file read twice in one run) is not another place.
  [[nodiscard]] bool last_place_is(const SourceLoc& at) const;

  // A finding of a severity, with its rule, place and message; the rest is filled in after.
  [[nodiscard]] static Diagnostic error(std::string rule, SourceLoc where, Text message);
  [[nodiscard]] static Diagnostic warning(std::string rule, SourceLoc where, Text message);
  [[nodiscard]] static Diagnostic info(std::string rule, SourceLoc where, Text message);
  [[nodiscard]] static Diagnostic make(Severity severity, std::string rule, SourceLoc where, Text message);
};

// The most distinct findings one Diagnostics keeps (docs/limits.md): beyond it, findings are
// counted, not kept, and the output says how many were left out. Process-wide; the CLI's
// `--max-findings` sets it. 0 means no limit.
inline constexpr std::size_t kDefaultFindingLimit = 1000;
void set_finding_limit(std::size_t limit);
[[nodiscard]] std::size_t finding_limit();

// Collects findings in the order they are found. Reading continues after an error so that
// all findings of a file are reported together.
class Diagnostics {
 public:
  // Adds a finding: its message made one line (control characters escaped), its expected and
  // actual values cut to an excerpt, grouped with an earlier identical one (see `also`),
  // or counted in dropped() when the finding limit is reached.
  void add(Diagnostic d);
  void append(const Diagnostics& other);
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return items_; }
  [[nodiscard]] std::vector<Diagnostic>& items() { return items_; }
  void clear() {
    items_.clear();
    groups_.clear();
    dropped_[0] = dropped_[1] = dropped_[2] = 0;
  }
  // Findings of a severity, the dropped ones included.
  [[nodiscard]] std::size_t count(Severity s) const;
  [[nodiscard]] bool has_errors() const { return count(Severity::error) > 0; }
  [[nodiscard]] bool empty() const { return items_.empty() && dropped() == 0; }
  // Findings left out because of the finding limit.
  [[nodiscard]] std::size_t dropped() const { return dropped_[0] + dropped_[1] + dropped_[2]; }

 private:
  std::vector<Diagnostic> items_;
  std::unordered_multimap<std::size_t, std::size_t> groups_;  // group hash -> index in items_
  std::size_t dropped_[3] = {0, 0, 0};                        // by severity
};

// The finding that stands for an error that stopped a piece of work: severity error, the
// error's rule ("input" or "output"), place and message.
[[nodiscard]] Diagnostic to_diagnostic(const Error& e);

}  // namespace gongkai
