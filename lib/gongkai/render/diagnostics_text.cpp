#include <gongkai/render/diagnostics_text.hpp>

#include <gongkai/core/excerpt.hpp>

#include <fmt/format.h>

namespace gongkai {
namespace {

// How many further places of a grouped finding the text names (JSON names them all).
constexpr std::size_t kPlacesShown = 5;

// A further place as the line names it: its cell or line (and column), its file too when it
// is another file.
std::string place(const SourceLoc& at) {
  if (!at.file.empty()) return at.to_string();
  if (!at.cell_ref.empty()) return at.cell_ref;
  if (at.line > 0 && at.column > 0) return fmt::format("{}:{}", at.line, at.column);
  if (at.line > 0) return fmt::format("{}", at.line);
  return "?";
}

std::string grouped(const Diagnostic& d, Lang lang) {
  const std::size_t further = d.place_count() - 1;
  if (further == 0) return {};
  std::string list;
  for (std::size_t i = 0; i < d.also.size() && i < kPlacesShown; ++i)
    list += (i == 0 ? "" : (lang == Lang::zh ? "、" : ", ")) + place(d.also[i]);
  const bool more = further > kPlacesShown;
  if (lang == Lang::zh) return fmt::format("（另有 {} 处相同：{}{}）", further, list, more ? " 等" : "");
  return fmt::format(" (also at {} more place{}: {}{})", further, further == 1 ? "" : "s", list, more ? ", …" : "");
}

}  // namespace

std::string render_diagnostic_line(const Diagnostic& d, Lang lang) {
  std::string where = d.where.to_string();
  // An explained finding (check/explanations.hpp) reads `explained[rule]`, its reason below.
  std::string out = fmt::format("{}{}{}[{}]: {}{}\n", where, where.empty() ? "" : ": ",
                                d.explanation ? std::string_view("explained") : to_string(d.severity), d.rule,
                                d.message.in(lang), grouped(d, lang));
  if (d.explanation) {
    const std::string at = d.explained_at.to_string();
    out += lang == Lang::zh ? fmt::format("  说明（{}）：{}\n", at, one_line(d.explanation->zh))
                            : fmt::format("  reason ({}): {}\n", at, one_line(d.explanation->en));
  }
  return out;
}

std::string render_diagnostics_text(const Diagnostics& ds, Lang lang) {
  // The findings to act on first, then those an office explained, in a group of their own.
  std::string out;
  std::string explained;
  std::size_t n = 0;
  for (const auto& d : ds.items()) {
    if (d.explanation) {
      explained += render_diagnostic_line(d, lang);
      ++n;
    } else {
      out += render_diagnostic_line(d, lang);
    }
  }
  if (ds.dropped() > 0) out += render_diagnostic_line(finding_limit_note(ds), lang);
  if (n > 0)
    out += (lang == Lang::zh ? fmt::format("已说明（{} 条，不计为警告）：\n", n)
                             : fmt::format("explained ({}, not counted as warnings):\n", n)) +
           explained;
  return out;
}

Diagnostic finding_limit_note(const Diagnostics& ds) {
  Diagnostic d;
  d.severity = Severity::info;
  d.rule = "finding-limit";
  d.message = {fmt::format("另有 {} 条结果未列出：最多列出 {} 条不同的结果（可用 --max-findings 调整，0 为不限）",
                           ds.dropped(), finding_limit()),
               fmt::format("{} more finding{} not listed: at most {} distinct findings are listed (raise with "
                           "--max-findings, 0 for no limit)",
                           ds.dropped(), ds.dropped() == 1 ? "" : "s", finding_limit())};
  return d;
}

}  // namespace gongkai
