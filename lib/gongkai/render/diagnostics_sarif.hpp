// Findings as SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format), for code-scanning
// and review tools: `gongkai check --format sarif`, `gongkai diff --format sarif`. One run of
// the tool `gongkai`:
//  - tool.driver.rules: every rule of the rule table (check/rules.cpp), in table order, each
//    once — ID, default severity as defaultConfiguration.level (error, warning, note), the
//    summary in --lang as shortDescription, summary and definition as fullDescription, where it
//    is defined as help; a finding of a rule not in the table (none today) adds a descriptor;
//  - results: each finding, in order found — ruleId and ruleIndex, level, message in --lang;
//    its place as a location: the file (a relative path as given, with uriBaseId %SRCROOT%, the
//    run's working folder; an absolute one as a file: URI), line and column as a region (YAML,
//    CSV), a workbook cell — which a SARIF region cannot express — as a logicalLocation (kind
//    "cell", fullyQualifiedName "Sheet!C7") and properties.cell; the further places of a
//    grouped finding (Diagnostic::also) as relatedLocations; the cells involved, expected and
//    actual figures in properties; a finding an office explained (Diagnostic::explanation) with
//    a suppression of kind "external", its written reason as justification and where it was
//    written as location.
// Deterministic: no clock, no absolute folder of the run, keys in a fixed order.
#pragma once

#include <gongkai/core/diagnostic.hpp>

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace gongkai {

// The SARIF log of `findings`, as JSON.
[[nodiscard]] nlohmann::ordered_json diagnostics_sarif(const Diagnostics& findings, Lang lang);

// The same, as text (two-space indented, ending in a newline).
[[nodiscard]] std::string render_diagnostics_sarif(const Diagnostics& findings, Lang lang);

// A path as a SARIF artifact URI: "/" kept, every byte outside RFC 3986's unreserved set
// percent-encoded (Chinese names included); an absolute path becomes a file: URI.
[[nodiscard]] std::string sarif_uri(const std::string& path);

}  // namespace gongkai
