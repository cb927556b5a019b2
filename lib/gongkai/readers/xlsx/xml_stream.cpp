#include <gongkai/readers/xlsx/xml_stream.hpp>

#include <gongkai/readers/xlsx/xlsx_error.hpp>

#include <fmt/format.h>

// The billion-laughs guard is declared only when XML_DTD is defined; Debian's expat is built
// with it (expat_config.h), which the public header does not include.
#ifndef XML_DTD
#define XML_DTD 1
#endif
#include <expat.h>

#include <cstring>
#include <exception>
#include <memory>

namespace gongkai {
namespace {

constexpr int kChunk = 1 << 16;

// One pass over the name: this runs for every element and attribute of a million-row sheet.
std::string_view local_name(const char* qname) {
  const char* start = qname;
  const char* p = qname;
  for (; *p != '\0'; ++p) {
    if (*p == ':') start = p + 1;
  }
  return std::string_view(start, static_cast<std::size_t>(p - start));
}

struct ParserDeleter {
  void operator()(XML_ParserStruct* p) const { XML_ParserFree(p); }
};

struct Context {
  XML_Parser parser = nullptr;
  XmlHandler* handler = nullptr;
  const XlsxLimits* limits = nullptr;
  std::string_view file;
  std::string_view part;
  int depth = 0;
  std::exception_ptr failure;  // thrown by a handler; rethrown once expat has unwound
};

std::string position(XML_Parser p, std::string_view part) {
  return fmt::format("{}:{}:{}", part, XML_GetCurrentLineNumber(p), XML_GetCurrentColumnNumber(p) + 1);
}

// Expat is C: an exception must not cross it. Handlers' exceptions are kept and the parse
// stopped; parse_xml_part rethrows.
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
  if (ctx.handler->stop_requested()) XML_StopParser(ctx.parser, XML_FALSE);
}

void on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
  auto& ctx = *static_cast<Context*>(data);
  guarded(ctx, [&] {
    if (++ctx.depth > ctx.limits->max_xml_depth) {
      xlsx_fail(XlsxFailure::refused, ctx.file, position(ctx.parser, ctx.part),
                {fmt::format("XML 嵌套超过 {} 层", ctx.limits->max_xml_depth),
                 fmt::format("XML nested deeper than {} levels", ctx.limits->max_xml_depth)});
    }
    ctx.handler->start(local_name(name), XmlAttributes(attributes));
  });
}

void on_end(void* data, const XML_Char* name) {
  auto& ctx = *static_cast<Context*>(data);
  guarded(ctx, [&] {
    --ctx.depth;
    ctx.handler->end(local_name(name));
  });
}

void on_text(void* data, const XML_Char* s, int len) {
  auto& ctx = *static_cast<Context*>(data);
  guarded(ctx, [&] { ctx.handler->text(std::string_view(s, static_cast<std::size_t>(len))); });
}

void on_doctype(void* data, const XML_Char* /*name*/, const XML_Char* /*sysid*/, const XML_Char* /*pubid*/,
                int /*has_internal_subset*/) {
  auto& ctx = *static_cast<Context*>(data);
  guarded(ctx, [&] {
    xlsx_fail(XlsxFailure::refused, ctx.file, position(ctx.parser, ctx.part),
              {"含有 DOCTYPE 声明（工作簿中不允许 XML 实体）",
               "a DOCTYPE declaration (XML entities are not allowed in a workbook)"});
  });
}

}  // namespace

std::optional<std::string_view> XmlAttributes::get(std::string_view name) const {
  for (const char** a = raw_; a[0] != nullptr; a += 2) {
    if (local_name(a[0]) == name) return std::string_view(a[1]);
  }
  return std::nullopt;
}

bool parse_xml_part(ZipPartStream& stream, XmlHandler& handler, const XlsxLimits& limits, std::string_view file) {
  std::unique_ptr<XML_ParserStruct, ParserDeleter> parser(XML_ParserCreate(nullptr));
  if (!parser) throw std::bad_alloc();
  Context ctx;
  ctx.parser = parser.get();
  ctx.handler = &handler;
  ctx.limits = &limits;
  ctx.file = file;
  ctx.part = stream.part();
  XML_Parser p = parser.get();
  XML_SetUserData(p, &ctx);
  XML_SetElementHandler(p, on_start, on_end);
  XML_SetCharacterDataHandler(p, on_text);
  XML_SetStartDoctypeDeclHandler(p, on_doctype);
  XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
  // Defence in depth: a DOCTYPE is refused above, so no entity can be declared at all.
  XML_SetBillionLaughsAttackProtectionMaximumAmplification(p, 100.0F);

  for (;;) {
    void* buffer = XML_GetBuffer(p, kChunk);
    if (buffer == nullptr) throw std::bad_alloc();
    std::size_t n = stream.read(static_cast<char*>(buffer), static_cast<std::size_t>(kChunk));
    bool last = n == 0;
    if (XML_ParseBuffer(p, static_cast<int>(n), last ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
      if (ctx.failure) std::rethrow_exception(ctx.failure);
      if (XML_GetErrorCode(p) == XML_ERROR_ABORTED && handler.stop_requested()) return false;
      xlsx_fail(XlsxFailure::corrupt, file, position(p, ctx.part),
                {fmt::format("XML 格式错误（{}）", XML_ErrorString(XML_GetErrorCode(p))),
                 fmt::format("malformed XML ({})", XML_ErrorString(XML_GetErrorCode(p)))});
    }
    if (last) return true;
  }
}

}  // namespace gongkai
