#include "render_fixture.hpp"

#include <gongkai/render/json_writer.hpp>
#include <gongkai/render/report_json.hpp>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <vector>

using namespace gongkai;

TEST_SUITE("render/report_json") {
  TEST_CASE("who, when, which form, and the sections in order with their prose") {
    auto f = test::sample_built();
    const auto j = report_json(f.built, Lang::en);
    CHECK(j["title"] == "测试局2023年政府信息公开工作年度报告");
    CHECK(j["agency"] == "测试局");
    CHECK(j["level"] == "department");
    CHECK(j["year"] == 2023);
    CHECK(j["form"].dump() == R"({"id":"2021","title":"国办公开办函〔2021〕30号"})");
    CHECK(j["published"] == "2024-01-20");
    CHECK(j["generated"] == "2024-01-20T00:00:00Z");
    CHECK(j["stamped_with_errors"] == false);
    REQUIRE(j["sections"].size() == 6);
    CHECK(
        j["sections"][0].dump() ==
        R"({"id":"overview","number":"一","heading":"一、总体情况","kind":"prose","markdown":"本机关认真贯彻《条例》。\n","source":null})");
    CHECK(
        j["sections"][2].dump() ==
        R"({"id":"applications","number":"三","heading":"三、收到和处理政府信息公开申请情况","kind":"table","table":"applications"})");
  }

  TEST_CASE("every cell of the form is listed by ID with labels, state, figure and provenance") {
    auto f = test::sample_built();
    const auto j = report_json(f.built, Lang::en);
    CHECK(j["cells"].size() == f.report->form->cells().size());
    CHECK(
        j["cells"]["applications.received.natural_person"].dump() ==
        R"({"table":"applications","row":"received","column":"natural_person",)"
        R"("label":{"row":["一、本年新收政府信息公开申请数量"],"column":["自然人"]},"kind":"count","state":"value",)"
        R"("value":120,"computed":false,"derived":false,"source":{"file":"t.yaml","line":10,"column":5,"cell":null}})");
    CHECK(
        j["cells"]["applications.refused.state_secret.business"].dump() ==
        R"({"table":"applications","row":"refused.state_secret","column":"business",)"
        R"("label":{"row":["三、本年度办理结果","（三）不予公开","1.属于国家秘密"],"column":["法人或其他组织","商业企业"]},)"
        R"("kind":"count","state":"absent","value":0,"computed":false,"derived":false,"source":null})");
  }

  TEST_CASE("a computed total says so and has no source; a blank cell is null, not 0") {
    auto f = test::sample_built();
    const auto j = report_json(f.built, Lang::en);
    const auto& total = j["cells"]["applications.received.total"];
    CHECK(total["value"] == 124);
    CHECK(total["computed"] == true);
    CHECK(total["derived"] == true);
    CHECK(total["source"].is_null());
    const auto& blank = j["cells"]["proactive.penalty.decisions"];
    CHECK(blank["state"] == "blank");
    CHECK(blank["value"].is_null());
    CHECK(blank["source"].dump() == R"({"file":"t.yaml","line":30,"column":5,"cell":null})");
  }

  TEST_CASE("an amount is an exact decimal string with its unit") {
    auto f = test::sample_built([](Report& r) { test::set_cell(r, "proactive.fees.amount", 24252'311082); });
    const auto j = report_json(f.built, Lang::en);
    const auto& fees = j["cells"]["proactive.fees.amount"];
    CHECK(fees["kind"] == "amount");
    CHECK(fees["unit"] == "万元");
    CHECK(fees["value"] == "24252.311082");
  }

  TEST_CASE("findings are listed in the chosen language; the stamp is recorded") {
    auto f = test::sample_built();
    f.built.stamped_with_errors = true;
    const auto en = report_json(f.built, Lang::en);
    const auto zh = report_json(f.built, Lang::zh);
    CHECK(en["stamped_with_errors"] == true);
    REQUIRE(en["findings"].size() == f.built.findings.items().size());
    REQUIRE_FALSE(f.built.findings.items().empty());
    CHECK(en["findings"][0]["rule"] == f.built.findings.items()[0].rule);
    CHECK(en["findings"][0]["message"] == f.built.findings.items()[0].message.en);
    CHECK(zh["findings"][0]["message"] == f.built.findings.items()[0].message.zh);
  }

  TEST_CASE("the text form is indented JSON ending with a newline, keys in a fixed order") {
    auto f = test::sample_built();
    const std::string text = render_report_json(f.built, Lang::en);
    CHECK(text.rfind("{\n  \"title\": \"测试局2023年政府信息公开工作年度报告\",\n  \"agency\": \"测试局\",\n", 0) == 0);
    CHECK(text.ends_with("\n}\n"));
    CHECK(render_report_json(f.built, Lang::en) == text);
  }
}

TEST_SUITE("render/report_json: a missing table") {
  TEST_CASE("a table of which no cell is given has no figures in JSON, as it prints empty elsewhere") {
    auto f = test::sample_built([](Report& r) {
      for (const auto& c : r.form->cells())
        if (c.table->id == "proactive") r.at(c) = CellValue{};
    });
    const auto j = report_json(f.built, Lang::en);
    const auto& issued = j["cells"]["proactive.regulations.issued"];
    CHECK(issued["state"] == "absent");
    CHECK(issued["value"].is_null());
    CHECK(j["cells"]["proactive.fees.amount"]["value"].is_null());
    // A cell left out of a table that gives others still counts 0.
    CHECK(j["cells"]["applications.refused.state_secret.business"]["value"] == 0);
  }
}

TEST_SUITE("render/report_json: written as it goes") {
  // The text is written without building the tree; it must be the tree's dump(2), byte for byte.
  TEST_CASE("the text is report_json's dump(2): sample, amounts, a missing table, odd prose, both languages") {
    const std::vector<std::function<void(Report&)>> tweaks = {
        {},
        [](Report& r) { test::set_cell(r, "proactive.fees.amount", 24252'311082); },
        [](Report& r) {
          for (const auto& c : r.form->cells())
            if (c.table->id == "proactive") r.at(c) = CellValue{};
        },
        [](Report& r) {
          r.prose["overview"] = std::string("引号\"反斜杠\\ 制表\t回车\r换页\f退格\b 控制\x01\x1f 删除\x7f 한국어 😀\n");
          r.origin = SourceLoc{"dir/数据 \"q\".xlsx", 0, 0, "表三!C7"};
          r.publication_date.reset();
        },
    };
    for (const auto& tweak : tweaks) {
      auto f = test::sample_built(tweak);
      for (const bool stamped : {false, true}) {
        f.built.stamped_with_errors = stamped;
        for (const Lang lang : {Lang::en, Lang::zh})
          CHECK(render_report_json(f.built, lang) == report_json(f.built, lang).dump(2) + "\n");
      }
    }
  }

  TEST_CASE("JsonWriter lays out empty and nested values as dump(2) does") {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.key("empty_array");
    w.begin_array();
    w.end_array();
    w.key("empty_object");
    w.begin_object();
    w.end_object();
    w.key("list");
    w.begin_array();
    w.value(std::int64_t{-5});
    w.null();
    w.value(true);
    w.begin_object();
    w.key("k\n");
    w.value("v");
    w.end_object();
    w.end_array();
    w.key("tree");
    w.value(nlohmann::ordered_json::parse(R"({"a":[1,{"b":[]}],"c":{}})"));
    w.end_object();
    const auto expected = nlohmann::ordered_json::parse(
        R"({"empty_array":[],"empty_object":{},"list":[-5,null,true,{"k\n":"v"}],"tree":{"a":[1,{"b":[]}],"c":{}}})");
    CHECK(out == expected.dump(2));
  }

  TEST_CASE("text that is not UTF-8 is refused as dump() refuses it") {
    std::string out;
    JsonWriter w(out);
    CHECK_THROWS_AS(w.value(std::string_view("\xff")), nlohmann::json::type_error);
  }
}
