// The sheet scanner against expat: the same events for every well-formed text, the same
// verdict (and, for the errors a damaged workbook shows, the same words and position) for
// every malformed one, whatever the size of the reads.
#include "xml_engine_runs.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

using namespace gongkai;
using test::run_xml_engine;

template <>
struct doctest::StringMaker<test::XmlEngineRun> {
  static doctest::String convert(const test::XmlEngineRun& run) { return run.describe().c_str(); }
};

namespace {

// Both engines, whole and in small reads; checks they agree and returns expat's run.
test::XmlEngineRun agreed(const std::string& xml) {
  test::XmlEngineRun reference = run_xml_engine(xml, XmlEngine::expat);
  for (std::size_t chunk : {std::size_t{0}, std::size_t{1}, std::size_t{2}, std::size_t{7}}) {
    test::XmlEngineRun scanned = run_xml_engine(xml, XmlEngine::automatic, chunk, 7);
    INFO("xml: ", xml, "\nread size up to ", chunk);
    CHECK(scanned == reference);
  }
  return reference;
}

// A well-formed document from `rng`: declaration, prolog, nested elements with attributes,
// references, line ends of every kind, CDATA, comments and processing instructions.
class DocumentMaker {
 public:
  explicit DocumentMaker(std::uint32_t seed) : rng_(seed) {}

  std::string document() {
    std::string s;
    if (chance(10)) s += "\xEF\xBB\xBF";
    if (chance(60)) {
      s += "<?xml version=" + quoted("1.0");
      if (chance(50)) s += " encoding=" + quoted(pick<4>({"UTF-8", "utf-8", "Utf-8", "UTF-8"}));
      if (chance(30)) s += " standalone=" + quoted(chance(50) ? "yes" : "no");
      s += chance(30) ? " ?>" : "?>";
    }
    misc(s);
    element(s, 0);
    misc(s);
    return s;
  }

 private:
  bool chance(int percent) { return static_cast<int>(rng_() % 100) < percent; }
  std::size_t below(std::size_t n) { return rng_() % n; }
  template <std::size_t N>
  const char* pick(const std::array<const char*, N>& from) {
    return from[below(N)];
  }
  std::string quoted(const std::string& v) { return chance(50) ? "\"" + v + "\"" : "'" + v + "'"; }

  void misc(std::string& s) {
    for (std::size_t i = below(3); i > 0; --i) {
      switch (below(3)) {
        case 0:
          s += pick<4>({" ", "\n", "\r\n", "\t"});
          break;
        case 1:
          s += "<!--" + std::string(pick<4>({"", " c ", "中-文", "a\r\nb"})) + "-->";
          break;
        default:
          s += std::string("<?") + pick<3>({"pi", "xml-stylesheet", "mso-application"}) +
               pick<3>({"", " data", " progid=\"Excel.Sheet\"?"}) + "?>";
      }
    }
  }

  std::string text_piece(bool in_value) {
    static constexpr std::array<const char*, 22> pieces = {
        "12345",   "GK0001",   "予以公开", "a b", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;",
        "&#10;",   "&#x4E2D;", "&#13;",    "\t",  "\n",    "\r\n", "\r",   " ",      "\xF0\x9F\x98\x80",
        "_x000D_", ">",        "]",        "]]"};
    std::string p = pieces[below(pieces.size())];
    if (in_value && p == "]]") p = "]";
    return p;
  }

  std::string name() { return pick<10>({"row", "c", "v", "x:c", "a.b", "_n", "sheetData", "is", "t", "r-1"}); }

  void element(std::string& s, int depth) {
    std::string n = name();
    s += "<" + n;
    std::vector<std::string> used;
    for (std::size_t i = below(4); i > 0; --i) {
      std::string a = pick<6>({"r", "t", "s", "x:r", "xmlns", "xmlns:x"});
      if (std::find(used.begin(), used.end(), a) != used.end()) continue;
      used.push_back(a);
      std::string value;
      for (std::size_t k = below(4); k > 0; --k) value += text_piece(true);
      char q = chance(50) ? '"' : '\'';
      value += q == '"' ? "'" : "\"";  // the other quote is plain text
      s += pick<3>({" ", "\n ", "\t"}) + a + pick<2>({"=", " = "}) + q + value + q;
    }
    if (depth > 4 || chance(20)) {
      s += chance(50) ? "/>" : " />";
      return;
    }
    s += ">";
    for (std::size_t i = below(5); i > 0; --i) {
      switch (below(5)) {
        case 0:
          element(s, depth + 1);
          break;
        case 1:
          s += "<![CDATA[" + std::string(pick<4>({"", "<v>&amp;</v>", "]]", "a\r\nb]"})) + "]]>";
          break;
        case 2:
          misc(s);
          break;
        default: {
          std::string piece = text_piece(false);
          if (piece.starts_with('>') && s.ends_with("]]")) s += ' ';  // `]]>` may not be text
          s += piece;
        }
      }
    }
    s += "</" + n + (chance(20) ? " >" : ">");
  }

  std::mt19937 rng_;
};

// One random change, the kind that breaks a document: a byte dropped, a token inserted, a
// span doubled.
std::string mutated(std::string s, std::mt19937& rng) {
  static constexpr std::array<const char*, 30> tokens = {"<",
                                                         ">",
                                                         "&",
                                                         ";",
                                                         "\"",
                                                         "'",
                                                         "/",
                                                         "=",
                                                         " ",
                                                         "]]>",
                                                         "<!--",
                                                         "-->",
                                                         "--",
                                                         "<?",
                                                         "?>",
                                                         "<![CDATA[",
                                                         "&#0;",
                                                         "&bogus;",
                                                         "\x01",
                                                         "\xFF",
                                                         "\xE4\xB8",
                                                         "\xEF\xBF\xBE",
                                                         "\r",
                                                         "a",
                                                         "<!DOCTYPE x>",
                                                         "<?xml version='1.0'?>",
                                                         "</c>",
                                                         "<c>",
                                                         "&#x110000;",
                                                         "\xED\xA0\x80"};
  if (s.empty()) return tokens[rng() % tokens.size()];
  std::size_t at = rng() % s.size();
  switch (rng() % 3) {
    case 0:
      s.erase(at, 1 + rng() % 3);
      break;
    case 1:
      s.insert(at, tokens[rng() % tokens.size()]);
      break;
    default: {
      std::size_t n = std::min<std::size_t>(1 + rng() % 8, s.size() - at);
      s.insert(at, s.substr(at, n));
    }
  }
  return s;
}

}  // namespace

TEST_SUITE("readers/xlsx/xml_engines") {
  TEST_CASE("a sheet as Excel writes it gives the same events") {
    test::XmlEngineRun run = agreed(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" s=\"1\"><v>44712</v></c></row>"
        "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t xml:space=\"preserve\"> 予以公开 &amp; </t></is></c></row>"
        "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>");
    REQUIRE(run.ok);
    CHECK(run.events.size() == 29);
    CHECK(run.events[0] == "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
    CHECK(run.events[3] == "<c r=\"A1\" t=\"s\">");
    CHECK(run.events[18] == "text: 予以公开 & ");
  }

  TEST_CASE("references, line ends and CDATA are decoded as expat decodes them") {
    test::XmlEngineRun run =
        agreed("<a x='1&#10;2\r\n3\t4&lt;&#x4E2D;' y=\"&quot;'\">a\r\nb\rc&#13;d<![CDATA[<&amp;>\r\n]]>&#x1F600;</a>");
    REQUIRE(run.ok);
    CHECK(run.events ==
          std::vector<std::string>{"<a x=\"1\n2 3 4<中\" y=\"\"'\">", "text:a\nb\nc\rd<&amp;>\n😀", "</a>"});
  }

  TEST_CASE("prefixes are dropped from element names, kept in attribute names") {
    test::XmlEngineRun run = agreed("<x:worksheet xmlns:x='u'><x:row x:r='3'/></x:worksheet>");
    REQUIRE(run.ok);
    CHECK(run.events ==
          std::vector<std::string>{"<worksheet xmlns:x=\"u\">", "<row x:r=\"3\">", "</row>", "</worksheet>"});
  }

  TEST_CASE("the errors of a damaged part are worded and placed as expat words and places them") {
    struct Case {
      std::string xml;
      std::string error;
    };
    std::vector<Case> cases = {
        {"<a>中中</b>", "f.xlsx: corrupt XLSX: p.xml:1:8: malformed XML (mismatched tag)"},
        {"<a>x</a>junk", "f.xlsx: corrupt XLSX: p.xml:1:9: malformed XML (junk after document element)"},
        {"<a/><b/>", "f.xlsx: corrupt XLSX: p.xml:1:5: malformed XML (junk after document element)"},
        {"<a>", "f.xlsx: corrupt XLSX: p.xml:1:4: malformed XML (no element found)"},
        {"", "f.xlsx: corrupt XLSX: p.xml:1:1: malformed XML (no element found)"},
        {"<a\n", "f.xlsx: corrupt XLSX: p.xml:1:1: malformed XML (unclosed token)"},
        {"<a><b></b>", "f.xlsx: corrupt XLSX: p.xml:1:11: malformed XML (no element found)"},
        {"<a>\n&foo;</a>", "f.xlsx: corrupt XLSX: p.xml:2:1: malformed XML (undefined entity)"},
        {"<a>&#0;</a>", "f.xlsx: corrupt XLSX: p.xml:1:4: malformed XML (reference to invalid character number)"},
        {"<a>&#xD800;</a>", "f.xlsx: corrupt XLSX: p.xml:1:4: malformed XML (reference to invalid character number)"},
        {"<a b='1' b='2'/>", "f.xlsx: corrupt XLSX: p.xml:1:10: malformed XML (duplicate attribute)"},
        {"<a b='<'/>", "f.xlsx: corrupt XLSX: p.xml:1:7: malformed XML (not well-formed (invalid token))"},
        {"<a b='1'c='2'/>", "f.xlsx: corrupt XLSX: p.xml:1:9: malformed XML (not well-formed (invalid token))"},
        {"<a>\x01</a>", "f.xlsx: corrupt XLSX: p.xml:1:4: malformed XML (not well-formed (invalid token))"},
        {"<a>\xFF</a>", "f.xlsx: corrupt XLSX: p.xml:1:4: malformed XML (not well-formed (invalid token))"},
        {"<a>\xEF\xBF\xBE</a>", "f.xlsx: corrupt XLSX: p.xml:1:4: malformed XML (not well-formed (invalid token))"},
        {"<a><?xml version='1.0'?></a>",
         "f.xlsx: corrupt XLSX: p.xml:1:4: malformed XML (XML or text declaration not at start of entity)"},
        {" <?xml version='1.0'?><a/>",
         "f.xlsx: corrupt XLSX: p.xml:1:2: malformed XML (XML or text declaration not at start of entity)"},
        {"<a/ >", "f.xlsx: corrupt XLSX: p.xml:1:4: malformed XML (not well-formed (invalid token))"},
        {"<a>&amp</a>", "f.xlsx: corrupt XLSX: p.xml:1:8: malformed XML (not well-formed (invalid token))"},
        {"<a b=1/>", "f.xlsx: corrupt XLSX: p.xml:1:6: malformed XML (not well-formed (invalid token))"},
        {"<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>",
         "f.xlsx: refused XLSX: p.xml:1:13: a DOCTYPE declaration (XML entities are not allowed in a workbook)"},
        {"<!DOCTYPE a SYSTEM \"x>y\"><a/>",
         "f.xlsx: refused XLSX: p.xml:1:25: a DOCTYPE declaration (XML entities are not allowed in a workbook)"},
    };
    for (const Case& c : cases) {
      INFO("xml: ", c.xml);
      CHECK(agreed(c.xml).error == c.error);
    }
  }

  TEST_CASE("nesting beyond the limit is refused by both, at the tag") {
    XlsxLimits limits;
    limits.max_xml_depth = 3;
    std::string xml = "<a><b>\n<c><d/></c></b></a>";
    std::string expected = "f.xlsx: refused XLSX: p.xml:2:4: XML nested deeper than 3 levels";
    CHECK(run_xml_engine(xml, XmlEngine::expat, 0, 1, limits).error == expected);
    CHECK(run_xml_engine(xml, XmlEngine::automatic, 3, 1, limits).error == expected);
  }

  TEST_CASE("a part in another encoding is read by expat") {
    std::string utf16{"\xFF\xFE<\0a\0/\0>\0", 10};
    CHECK(run_xml_engine(utf16, XmlEngine::automatic, 3).events == std::vector<std::string>{"<a>", "</a>"});
    std::string latin1 = "<?xml version='1.0' encoding='ISO-8859-1'?><a>\xE9</a>";
    CHECK(run_xml_engine(latin1, XmlEngine::automatic).events ==
          std::vector<std::string>{"<a>", "text:\xC3\xA9", "</a>"});
  }

  TEST_CASE("an encoding declared past the head the dispatch reads is refused, as expat refuses it") {
    std::string xml = "<?xml version='1.0'" + std::string(600, ' ') + "encoding='GBK'?><a/>";
    test::XmlEngineRun expat = run_xml_engine(xml, XmlEngine::expat);
    CHECK_FALSE(expat.ok);
    CHECK(expat.error.ends_with("malformed XML (unknown encoding)"));
    CHECK(run_xml_engine(xml, XmlEngine::automatic).error ==
          "f.xlsx: corrupt XLSX: p.xml:1:630: malformed XML (unknown encoding)");
  }

  TEST_CASE("a long tag and a long text cross many reads") {
    std::string value(300000, 'v');
    std::string text(700000, 't');
    test::XmlEngineRun run = run_xml_engine("<a x='" + value + "'>" + text + "</a>", XmlEngine::automatic, 4096);
    REQUIRE(run.ok);
    CHECK(run.events == std::vector<std::string>{"<a x=\"" + value + "\">", "text:" + text, "</a>"});
  }

  TEST_CASE("an error far into a long part is placed as expat places it") {
    // Lines of every ending and characters of every width, past many compactions of the buffer.
    std::string body;
    for (int i = 0; i < 20000; ++i) {
      body += "<c r='A" + std::to_string(i) + "'>中文 \xF0\x9F\x98\x80 x</c>";
      body += i % 3 == 0 ? "\r\n" : (i % 3 == 1 ? "\n" : "\r");
      if (i % 5 == 0) body += std::string(70, 'y');  // a long line now and then
    }
    // And the same as one line of about 1.3 MB, as Excel writes a sheet.
    std::string one_line = body;
    std::replace_if(
        one_line.begin(), one_line.end(), [](char c) { return c == '\r' || c == '\n'; }, ' ');
    for (bool single : {false, true}) {
      const std::string& lines = single ? one_line : body;
      for (const std::string& tail : {std::string("<c>中</d>"), std::string("x &bad; y"), std::string("\x01")}) {
        std::string xml = "<sheet>" + lines + tail + "</sheet>";
        test::XmlEngineRun expat = run_xml_engine(xml, XmlEngine::expat);
        REQUIRE_FALSE(expat.ok);
        CHECK(expat.error.find(single ? "p.xml:1:" : "p.xml:20001:") != std::string::npos);
        CHECK(run_xml_engine(xml, XmlEngine::automatic, 5000, 3).error == expat.error);
        CHECK(run_xml_engine(xml, XmlEngine::automatic).error == expat.error);
      }
    }
  }

  TEST_CASE("random documents and their mutations: same events, same verdict") {
    // Every well-formed document must give expat's events; every mutation expat's verdict.
    std::mt19937 rng(20261205);
    int documents = 0;
    int accepted_mutations = 0;
    int refused_mutations = 0;
    for (std::uint32_t seed = 1; seed <= 2000; ++seed) {
      DocumentMaker maker(seed);
      std::string doc = maker.document();
      test::XmlEngineRun reference = run_xml_engine(doc, XmlEngine::expat);
      INFO("document: ", doc);
      REQUIRE(reference.ok);
      CHECK(run_xml_engine(doc, XmlEngine::automatic, 1 + seed % 13, seed) == reference);
      ++documents;
      for (int m = 0; m < 8; ++m) {
        std::string broken = mutated(doc, rng);
        if (rng() % 2 == 0) broken = mutated(broken, rng);
        test::XmlEngineRun expat = run_xml_engine(broken, XmlEngine::expat);
        test::XmlEngineRun scanner = run_xml_engine(broken, XmlEngine::automatic, 1 + rng() % 9, seed);
        INFO("mutation: ", broken);
        CHECK(scanner.ok == expat.ok);
        if (expat.ok && scanner.ok) CHECK(scanner.events == expat.events);
        (expat.ok ? accepted_mutations : refused_mutations) += 1;
      }
    }
    CHECK(documents == 2000);
    // The mutations must test both ways: some survive as well-formed, most do not.
    CHECK(accepted_mutations > 1000);
    CHECK(refused_mutations > 4000);
  }
}
