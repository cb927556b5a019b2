// gongkai's own report JSON (`gongkai build --format json`, render/report_json.hpp) read back
// as an input, so that check, diff and merge take it like a YAML tally: who and when, the form,
// every cell's state (a figure, blank, or absent: kept apart, never folded into 0) and the
// prose sections as they were expanded. Totals the build had computed (`"computed": true`) are
// left out and computed again by check, as they were from the tally; the findings the JSON
// carries are not read (check finds them again). Each cell's provenance is its place in the
// JSON as a pointer: `report.json:/cells/applications.received.total`.
#pragma once

#include <gongkai/readers/input.hpp>

#include <string>

namespace gongkai {

// The reader table's `read` for .json. Errors: not JSON, or not a report JSON (rule `input`,
// naming the place: a line and column, or the pointer), an unknown form (`form`), a cell the
// form does not have (`unknown-key`), a figure that is not one (`number`).
[[nodiscard]] ReadResult read_report_json_input(const std::string& path, const FormSet& forms,
                                                const ReadOptions& options, const FileLoader& load, Diagnostics& out);

}  // namespace gongkai
