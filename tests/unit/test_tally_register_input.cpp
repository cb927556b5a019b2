#include "tally_fixture.hpp"
#include "xlsx_test_files.hpp"

#include <doctest/doctest.h>

using namespace gongkai;

TEST_SUITE("tally/register_input") {
  TEST_CASE("the kind of a register file is told by its first bytes") {
    CHECK(sniff_register("PK\x03\x04rest") == RegisterFormat::xlsx);
    CHECK(sniff_register(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)) == RegisterFormat::xls);
    CHECK(sniff_register("编号,收到日期") == RegisterFormat::csv);
  }

  TEST_CASE("an .xls workbook is refused with what to do") {
    test::RequestRun run(2023);
    CHECK_FALSE(run.feed("old.xls", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest", 13)));
    CHECK(run.findings() ==
          "old.xls: error[input]: this is an Excel 97–2003 workbook (.xls): save it as .xlsx or CSV\n");
  }

  TEST_CASE("an XLSX register is read sheet by sheet: dates as serial numbers, a title row, findings at Sheet!C12") {
    test::TempDir dir;
    const std::string path = dir.file("register.xlsx");
    lxw_workbook* book = workbook_new(path.c_str());
    lxw_worksheet* notes = workbook_add_worksheet(book, "说明");
    worksheet_write_string(notes, 0, 0, "本工作簿为依申请公开台账", nullptr);
    lxw_worksheet* sheet = workbook_add_worksheet(book, "申请登记");
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "yyyy-mm-dd");
    worksheet_write_string(sheet, 0, 0, "2023 年政府信息公开申请登记台账", nullptr);
    const char* headers[] = {"编号", "收到日期", "申请人类型", "办理结果", "答复日期"};
    for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(sheet, 1, c, headers[c], nullptr);
    lxw_datetime received{2023, 1, 5, 0, 0, 0};
    lxw_datetime replied{2023, 1, 20, 0, 0, 0};
    worksheet_write_number(sheet, 2, 0, 1, nullptr);
    worksheet_write_datetime(sheet, 2, 1, &received, date);
    worksheet_write_string(sheet, 2, 2, "自然人", nullptr);
    worksheet_write_string(sheet, 2, 3, "予以公开", nullptr);
    worksheet_write_datetime(sheet, 2, 4, &replied, date);
    worksheet_write_number(sheet, 3, 0, 2, nullptr);
    worksheet_write_string(sheet, 3, 1, "2022年12月30日", nullptr);  // typed as text
    worksheet_write_string(sheet, 3, 2, "商业企业", nullptr);
    worksheet_write_number(sheet, 4, 0, 1, nullptr);  // a duplicate
    worksheet_write_string(sheet, 4, 1, "2023-02-30", nullptr);
    worksheet_write_string(sheet, 4, 2, "自然人", nullptr);
    const std::string bytes = test::close_workbook(book, path);

    test::RequestRun run(2023);
    CHECK(run.feed("register.xlsx", bytes));
    CHECK(
        run.findings() ==
        "register.xlsx:申请登记!A5: error[register]: duplicate ID (编号) '1': first seen at register.xlsx:申请登记!A3\n"
        "register.xlsx:申请登记!B5: error[register]: received date (收到日期) '2023-02-30' is not a valid date (write "
        "2023-01-05, 2023/1/5, 2023.1.5 or 2023年1月5日)\n"
        "register.xlsx:说明!A1: info[register]: sheet '说明': no register header, skipped\n");
    CHECK(run.at("received", "natural_person") == 1);
    CHECK(run.at("granted", "natural_person") == 1);
    CHECK(run.at("carried_over", "business") == 1);
    CHECK(run.at("carried_forward", "business") == 1);
    REQUIRE(run.reg.sources().size() == 1);
    CHECK(run.reg.sources()[0].sheet == "申请登记");
  }

  TEST_CASE("a damaged workbook is an input error, not a crash") {
    test::RequestRun run(2023);
    CHECK_FALSE(run.feed("broken.xlsx", std::string("PK\x03\x04garbage", 11)));
    CHECK(run.out.has_errors());
    CHECK(run.out.items().front().rule == "input");
  }
}
