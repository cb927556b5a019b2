#!/usr/bin/env python3
"""Writes 2023_云溪市市场监督管理局.xlsx: the department-2023 sample's tables 二, 三 and 四 in the
official layout, typed as an office types them — a title row above each table, blocks and rows
in another order, blank rows, spans merged in one place and typed once in another, labels
retyped the ways spec §6 lists, a unit typed into a cell. `gongkai check` reads it to the same
figures as sample-data/department-2023/report.yaml, with a `label` warning for each retyped
label.

Standard library only; fixed timestamps, so the bytes are the same on every run:
    python3 sample-data/official-layout/make_workbook.py
"""
import os
import zipfile
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "2023_云溪市市场监督管理局.xlsx")


def col_name(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def split_ref(ref):
    letters = "".join(c for c in ref if c.isalpha())
    digits = "".join(c for c in ref if c.isdigit())
    col = 0
    for c in letters:
        col = col * 26 + ord(c) - 64
    return int(digits), col


class Sheet:
    def __init__(self, name):
        self.name = name
        self.cells = {}  # (row, col) -> str | int | float
        self.merges = []

    def put(self, ref, value):
        self.cells[split_ref(ref)] = value
        return self

    def row(self, ref, values):
        r, c = split_ref(ref)
        for i, v in enumerate(values):
            self.cells[(r, c + i)] = v
        return self

    def merge(self, rng, value=None):
        if value is not None:
            self.put(rng.split(":")[0], value)
        self.merges.append(rng)
        return self


def sheet_xml(sheet, strings):
    rows = {}
    for (r, c), v in sorted(sheet.cells.items()):
        rows.setdefault(r, []).append((c, v))
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
    for r in sorted(rows):
        out.append(f'<row r="{r}">')
        for c, v in rows[r]:
            ref = f"{col_name(c)}{r}"
            if isinstance(v, str):
                if v not in strings:
                    strings[v] = len(strings)
                out.append(f'<c r="{ref}" t="s"><v>{strings[v]}</v></c>')
            else:
                out.append(f'<c r="{ref}"><v>{v}</v></c>')
        out.append("</row>")
    out.append("</sheetData>")
    if sheet.merges:
        out.append(f'<mergeCells count="{len(sheet.merges)}">')
        out.extend(f'<mergeCell ref="{m}"/>' for m in sheet.merges)
        out.append("</mergeCells>")
    out.append("</worksheet>")
    return "".join(out)


def proactive():
    s = Sheet("表二")
    s.put("A1", "2023年主动公开政府信息情况（填报）")
    s.put("A3", "第二十条 第（一）项")
    s.row("A4", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
    s.row("A5", ["规范性文件", 4, 2, 27])
    s.row("A6", ["规章", 0, 0, 0])
    s.merge("A8:D8", "第二十条第（六）项")
    s.put("A9", "信息内容").merge("B9:D9", "本年处理决定数量")
    s.put("A10", "行政处罚").merge("B10:D10", 1247)
    s.put("A11", "行政强制").merge("B11:D11", 86)
    s.merge("A13:D13", "第二十条第（五）项")
    s.put("A14", "信息内容").merge("B14:D14", "本年处理决定数量")
    s.put("A15", "行政许可").merge("B15:D15", 18536)
    s.merge("A17:D17", "第二十条第（八）项")
    s.put("A18", "信息内容").merge("B18:D18", "本年收费金额（单位：万元）")
    s.put("A19", "行政事业性收费").merge("B19:D19", "36.8245万元")
    return s


APPLICATION_ROWS = [
    # (label cells by column A/B/C, figures: natural person, five organisations, total)
    ({"A": "二、上年结转政府信息公开申请数量"}, [6, 1, 0, 0, 0, 0, 7]),
    ({"A": "一、本年新收政府信息公开申请数量"}, [96, 14, 2, 1, 5, 3, 121]),
    ({"A": "三、本年度办理结果", "B": "（一）予以公开"}, [39, 7, 1, 1, 2, 2, 52]),
    ({"B": "(二)部分公开(区分处理的,只计这一情况,不计其他情形)"}, [9, 2, 0, 0, 1, 0, 12]),
    ({"B": "（三）不予公开", "C": "1.属于国家秘密"}, [1, 0, 0, 0, 0, 0, 1]),
    ({"C": "2.其他法律行政法规禁止公开"}, [2, 0, 0, 0, 0, 0, 2]),
    ({"C": "3.危及“三安全一稳定”"}, [0, 0, 0, 0, 0, 0, 0]),
    ({"C": "4.保护第三方合法权益"}, [3, 1, 0, 0, 0, 0, 4]),
    ({"C": "5.属于三类内容事务信息"}, [2, 0, 0, 0, 0, 0, 2]),
    ({"C": "6.属于四类过程性信息"}, [3, 0, 0, 0, 0, 0, 3]),
    ({"C": "7.属于行政执法案卷"}, [2, 0, 0, 0, 1, 0, 3]),
    ({"C": "8.属于行政查询事项"}, [1, 0, 0, 0, 0, 0, 1]),
    ({"B": "（四）无法提供", "C": "1.本机关不掌握相关政府信息"}, [18, 2, 1, 0, 0, 0, 21]),
    ({"C": "2.没有现成信息需要另行制作"}, [4, 1, 0, 0, 0, 0, 5]),
    ({"C": "3.补正后申请内容仍不明确"}, [3, 0, 0, 0, 1, 0, 4]),
    ({"B": "（五）不予处理", "C": "1.信访举报投诉类申请"}, [4, 0, 0, 0, 0, 1, 5]),
    ({"C": "2.重复申请"}, [2, 1, 0, 0, 0, 0, 3]),
    ({"C": "3.要求提供公开出版物"}, [1, 0, 0, 0, 0, 0, 1]),
    ({"C": "4.无正当理由大量反复申请"}, [0, 0, 0, 0, 0, 0, 0]),
    ({"C": "5.要求行政机关确认或重新出具已获取信息"}, [1, 0, 0, 0, 0, 0, 1]),
    ({"B": "（六）其他处理", "C": "1、申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请"},
     [1, 0, 0, 0, 0, 0, 1]),
    ({"C": "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"}, [0, 0, 0, 0, 0, 0, 0]),
    ({"C": "3.其他原因"}, [1, 0, 0, 0, 0, 0, 1]),
    ({"B": "（七）总计"}, [97, 14, 2, 1, 5, 3, 122]),
    ({"A": "四、结转下年度继续办理"}, [5, 1, 0, 0, 0, 0, 6]),
]


def applications():
    s = Sheet("表三")
    s.put("A1", "三、收到和处理政府信息公开申请情况")
    s.put("A2", "单位：件")
    s.merge("A3:C5", "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）")
    s.merge("D3:J3", "申请人情况")
    s.put("D4", "自然人").merge("E4:I4", "法人或其他组织").put("J4", "总计")
    s.row("E5", ["商业 企业", "科研机构", "社会公益组织", "法律服务机构", "其他"])
    row = 6
    for labels, figures in APPLICATION_ROWS:
        if labels.get("A") == "三、本年度办理结果":
            row += 1  # a blank row before the outcomes
        for col, text in labels.items():
            s.put(f"{col}{row}", text)
        s.row(f"D{row}", figures)
        row += 1
    s.put(f"A{row + 1}", "注：本表由办公室根据申请登记台账填报。")
    return s


def review_litigation():
    s = Sheet("表四")
    s.put("A1", "四、政府信息公开行政复议、行政诉讼情况")
    s.merge("A2:E2", "行政复议").put("F2", "行政诉讼")
    kinds = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    s.row("A3", kinds).put("F3", "未经复议直接起诉").put("K3", "复议后起诉")
    s.row("F4", kinds[:4] + ["合计"] + kinds)
    s.row("A6", [3, 1, 1, 1, 6, 2, 0, 0, 1, 3, 1, 0, 0, 0, 1])
    return s


def main():
    sheets = [proactive(), applications(), review_litigation()]
    strings = {}
    parts = {}
    for i, sh in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(sh, strings)
    sst = "".join(f"<si><t>{escape(t)}</t></si>" for t in strings)
    parts["xl/sharedStrings.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        f'count="{len(strings)}" uniqueCount="{len(strings)}">{sst}</sst>')
    parts["xl/styles.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
        '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
        '</styleSheet>')
    sheet_entries = "".join(
        f'<sheet name="{escape(sh.name)}" sheetId="{i}" r:id="rId{i}"/>' for i, sh in enumerate(sheets, 1))
    parts["xl/workbook.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<sheets>{sheet_entries}</sheets></workbook>")
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    rels = "".join(f'<Relationship Id="rId{i}" Type="{rel}/worksheet" Target="worksheets/sheet{i}.xml"/>'
                   for i in range(1, len(sheets) + 1))
    n = len(sheets)
    parts["xl/_rels/workbook.xml.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'{rels}<Relationship Id="rId{n + 1}" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
        f'<Relationship Id="rId{n + 2}" Type="{rel}/styles" Target="styles.xml"/></Relationships>')
    parts["_rels/.rels"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    sheet_types = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, n + 1))
    parts["[Content_Types].xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        f"{sheet_types}"
        '<Override PartName="/xl/sharedStrings.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        "</Types>")
    order = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
             "xl/styles.xml", "xl/sharedStrings.xml"] + [f"xl/worksheets/sheet{i}.xml" for i in range(1, n + 1)]
    with zipfile.ZipFile(OUT, "w", zipfile.ZIP_DEFLATED) as z:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, parts[name].encode("utf-8"))
    print(OUT)


if __name__ == "__main__":
    main()
