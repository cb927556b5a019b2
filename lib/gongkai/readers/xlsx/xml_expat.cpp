// The expat engine of parse_xml: any encoding expat knows. Errors and callbacks as the
// scanner gives them (xml_engines.hpp).
#include <gongkai/readers/xlsx/xml_engines.hpp>

// The billion-laughs guard is declared only when XML_DTD is defined; Debian's expat is built
// with it (expat_config.h), which the public header does not include.
#ifndef XML_DTD
#define XML_DTD 1
#endif
#include <expat.h>

#include <algorithm>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <vector>

namespace gongkai::xml_detail {
namespace {

constexpr int kChunk = 1 << 16;

struct ParserDeleter {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

struct Context {
  XML_Parser parser = nullptr;
  const XmlRun* run = nullptr;
  int depth = 0;
  std::vector<XmlAttribute> attributes;
  std::exception_ptr failure;  // thrown by a handler; rethrown once expat has unwound
};

std::uint64_t line_of(XML_Parser p) { return XML_GetCurrentLineNumber(p); }
std::uint64_t column_of(XML_Parser p) { return XML_GetCurrentColumnNumber(p) + 1; }

// Expat is C: an exception must not cross it. Handlers' exceptions are kept and the parse
// stopped; parse_with_expat rethrows.
template <typename F>
void guarded(Context& ctx, F&& f) {
  if (ctx.failure) return;
  try {
    f();
  } catch (...) {
    ctx.failure = std::current_exception();
    XML_StopParser(ctx.parser, XML_FALSE);
    return;
  }
  if (ctx.run->handler.stop_requested()) XML_StopParser(ctx.parser, XML_FALSE);
}

void on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto& ctx = *static_cast<Context*>(data);
  guarded(ctx, [&] {
    if (++ctx.depth > ctx.run->limits.max_xml_depth) {
      fail_too_deep(*ctx.run, line_of(ctx.parser), column_of(ctx.parser));
    }
    ctx.attributes.clear();
    for (const char** a = attributes; a[0] != nullptr; a += 2) ctx.attributes.push_back({a[0], a[1]});
    ctx.run->handler.start(xml_local_name(name), XmlAttributes(ctx.attributes));
  });
}

void on_end(void* data, const XML_Char* name) {
  auto& ctx = *static_cast<Context*>(data);
  guarded(ctx, [&] {
    --ctx.depth;
    ctx.run->handler.end(xml_local_name(name));
  });
}

void on_text(void* data, const XML_Char* s, int len) {
  auto& ctx = *static_cast<Context*>(data);
  guarded(ctx, [&] { ctx.run->handler.text(std::string_view(s, static_cast<std::size_t>(len))); });
}

void on_doctype(void* data, const XML_Char* /*name*/, const XML_Char* /*sysid*/, const XML_Char* /*pubid*/,
                int /*has_internal_subset*/) {
  auto& ctx = *static_cast<Context*>(data);
  guarded(ctx, [&] { fail_doctype(*ctx.run, line_of(ctx.parser), column_of(ctx.parser)); });
}

}  // namespace

bool parse_with_expat(const XmlRun& run) {
  std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreate(nullptr));
  if (!parser) throw std::bad_alloc();
  Context ctx;
  ctx.parser = parser.get();
  ctx.run = &run;
  XML_Parser p = parser.get();
  XML_SetUserData(p, &ctx);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  XML_SetStartDoctypeDeclHandler(p, on_doctype);
  XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
  // Defence in depth: a DOCTYPE is refused above, so no entity can be declared at all.
  XML_SetBillionLaughsAttackProtectionMaximumAmplification(p, 100.0F);

  std::string_view prefix = run.prefix;
  for (;;) {
    void* buffer = XML_GetBuffer(p, kChunk);
    if (buffer == nullptr) throw std::bad_alloc();
    std::size_t n = 0;
    if (!prefix.empty()) {
      n = std::min(prefix.size(), static_cast<std::size_t>(kChunk));
      std::memcpy(buffer, prefix.data(), n);
      prefix.remove_prefix(n);
    } else {
      n = run.input.read(static_cast<char*>(buffer), static_cast<std::size_t>(kChunk));
    }
    bool last = n == 0;
    if (XML_ParseBuffer(p, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
      if (ctx.failure) std::rethrow_exception(ctx.failure);
      if (XML_GetErrorCode(p) == XML_ERROR_ABORTED && run.handler.stop_requested()) return false;
      fail_malformed(run, line_of(p), column_of(p), XML_ErrorString(XML_GetErrorCode(p)));
    }
    if (last) return true;
  }
}

}  // namespace gongkai::xml_detail
