#include <gongkai/render/markdown_html.hpp>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <memory>
#include <mutex>
#include <string_view>
#include <vector>

namespace gongkai {

namespace {

struct ParserFree {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeFree {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};

// The code point at the start (or end) of `s`, or 0.
char32_t first_code_point(std::string_view s) {
  if (s.empty()) return 0;
  const auto b = static_cast<unsigned char>(s[0]);
  const int len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (s.size() < static_cast<std::size_t>(len)) return 0;
  char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
  for (int i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[static_cast<std::size_t>(i)]) & 0x3Fu);
  return cp;
}

char32_t last_code_point(std::string_view s) {
  std::size_t at = s.size();
  while (at > 0 && (static_cast<unsigned char>(s[at - 1]) & 0xC0u) == 0x80u) --at;
  return at == 0 ? 0 : first_code_point(s.substr(at - 1));
}

// CJK ideographs, kana, hangul and full-width punctuation: text written without spaces.
bool is_wide(char32_t cp) { return cp >= 0x2E80 && !(cp >= 0xD800 && cp <= 0xDFFF); }

std::string_view literal(cmark_node* n) {
  if (n == nullptr || cmark_node_get_type(n) != CMARK_NODE_TEXT) return {};
  const char* lit = cmark_node_get_literal(n);
  return lit == nullptr ? std::string_view() : std::string_view(lit);
}

// A line break inside a Chinese paragraph is a soft break, which HTML shows as a space between
// two characters that never have one. Remove soft breaks between wide characters.
void drop_cjk_soft_breaks(cmark_node* doc) {
  std::vector<cmark_node*> drop;
  cmark_iter* it = cmark_iter_new(doc);
  for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(n) != CMARK_NODE_SOFTBREAK) continue;
    if (is_wide(last_code_point(literal(cmark_node_previous(n)))) &&
        is_wide(first_code_point(literal(cmark_node_next(n)))))
      drop.push_back(n);
  }
  cmark_iter_free(it);
  for (cmark_node* n : drop) cmark_node_free(n);  // unlinks it
}

}  // namespace

std::string markdown_to_html(std::string_view markdown) {
  // Registers the core extensions once per process; the once_flag makes it safe when several
  // units are built on worker threads.
  static std::once_flag registered;
  std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
  const int options = CMARK_OPT_DEFAULT;  // not CMARK_OPT_UNSAFE: raw HTML is dropped
  std::unique_ptr<cmark_parser, ParserFree> parser(cmark_parser_new(options));
  for (const char* name : {"table", "strikethrough", "autolink"})
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name))
      cmark_parser_attach_syntax_extension(parser.get(), ext);
  cmark_parser_feed(parser.get(), markdown.data(), markdown.size());
  std::unique_ptr<cmark_node, NodeFree> doc(cmark_parser_finish(parser.get()));
  drop_cjk_soft_breaks(doc.get());
  char* html = cmark_render_html(doc.get(), options, cmark_parser_get_syntax_extensions(parser.get()));
  std::string out(html);
  cmark_get_default_mem_allocator()->free(html);
  return out;
}

}  // namespace gongkai
