#!/usr/bin/env python3
"""Writes a synthetic register of information requests (依申请公开台账) as CSV or XLSX, for benchmarks.

    bench/gen_register.py N OUT.csv [--seed S] [--first-year 2022] [--years 3]
    bench/gen_register.py N OUT.xlsx ...

An .xlsx is written as Excel saves one: text in xl/sharedStrings.xml (the IDs too), dates as
serial day numbers in numeric cells, one worksheet after a title row.

Deterministic: the same arguments give the same bytes (a seeded random.Random, no clock).
Rows are received over the given years; most are replied within 60 days, a few stay open;
applicant types, outcomes and date styles vary the way hand-kept registers do, so the tally
does the work a real register asks of it (a cache hit per word, date parsing, an ID per row).
"""
import argparse
import datetime
import random

APPLICANTS = ["自然人"] * 10 + ["公民", "商业企业", "商业企业", "企业", "科研机构", "社会公益组织",
                                 "法律服务机构", "律师事务所", "其他"]
OUTCOMES = ["予以公开"] * 6 + ["部分公开"] * 2 + [
    "不予公开-属于国家秘密", "4.保护第三方合法权益", "属于四类过程性信息", "本机关不掌握相关政府信息",
    "本机关不掌握相关政府信息", "信息不存在", "没有现成信息需要另行制作", "补正后申请内容仍不明确",
    "信访举报投诉类申请", "重复申请", "要求提供公开出版物", "逾期不补正", "3.其他"]
TOPICS = ["某路段拓宽工程征收补偿方案", "某小区规划许可", "部门预算执行情况", "某企业环评批复", "土地出让合同",
          "低保资金发放明细", "招标文件", "行政处罚决定书"]


def date_text(d, style):
    if style < 7:
        return d.isoformat()
    if style < 9:
        return f"{d.year}/{d.month}/{d.day}"
    return f"{d.year}年{d.month}月{d.day}日"


class CsvSink:
    def __init__(self, path):
        self.f = open(path, "w", encoding="utf-8", newline="")

    def row(self, cells):
        self.f.write(",".join(str(c[1]) if isinstance(c, tuple) else c for c in cells) + "\r\n")

    def close(self):
        self.f.close()


class XlsxSink:
    """Rows as sheet XML with shared strings; a date is ("date", datetime.date)."""

    def __init__(self, path):
        import tempfile
        self.path = path
        self.sheet = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.strings = {}
        self.n = 0

    def index(self, s):
        i = self.strings.get(s)
        if i is None:
            i = self.strings[s] = len(self.strings)
        return i

    def row(self, cells):
        self.n += 1
        out = [f'<row r="{self.n}">']
        for col, c in enumerate(cells):
            ref = "ABCDEFGHIJ"[col] + str(self.n)
            if isinstance(c, tuple):
                serial = (c[1] - datetime.date(1899, 12, 30)).days
                out.append(f'<c r="{ref}" s="1"><v>{serial}</v></c>')
            elif c != "":
                out.append(f'<c r="{ref}" t="s"><v>{self.index(c)}</v></c>')
        out.append("</row>")
        self.sheet.write("".join(out))

    def close(self):
        import zipfile
        from xml.sax.saxutils import escape
        ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
        rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        with zipfile.ZipFile(self.path, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("[Content_Types].xml",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                       '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                       '<Default Extension="xml" ContentType="application/xml"/>'
                       '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
                       '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
                       '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                       '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
                       '</Types>')
            z.writestr("_rels/.rels",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
            z.writestr("xl/workbook.xml",
                       f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook {ns} xmlns:r="{rel}">'
                       '<sheets><sheet name="申请登记" sheetId="1" r:id="rId1"/></sheets></workbook>')
            z.writestr("xl/_rels/workbook.xml.rels",
                       '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                       '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                       f'<Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/>'
                       f'<Relationship Id="rId2" Type="{rel}/sharedStrings" Target="sharedStrings.xml"/>'
                       f'<Relationship Id="rId3" Type="{rel}/styles" Target="styles.xml"/></Relationships>')
            z.writestr("xl/styles.xml",
                       f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet {ns}>'
                       '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>'
                       '<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts>'
                       '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
                       '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs>'
                       '<cellXfs count="2"><xf/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>')
            with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
                part.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet {ns}><sheetData>'.encode())
                self.sheet.seek(0)
                while True:
                    chunk = self.sheet.read(1 << 20)
                    if not chunk:
                        break
                    part.write(chunk.encode("utf-8"))
                part.write(b"</sheetData></worksheet>")
            with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as part:
                part.write(f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst {ns} count="{len(self.strings)}" '
                           f'uniqueCount="{len(self.strings)}">'.encode())
                for s in self.strings:
                    part.write(f"<si><t>{escape(s)}</t></si>".encode("utf-8"))
                part.write(b"</sst>")
        self.sheet.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20240131)
    ap.add_argument("--first-year", type=int, default=2022)
    ap.add_argument("--years", type=int, default=3)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    first = datetime.date(args.first_year, 1, 1)
    span = (datetime.date(args.first_year + args.years, 1, 1) - first).days
    last = first + datetime.timedelta(days=span - 1)
    xlsx = args.out.endswith(".xlsx")
    sink = XlsxSink(args.out) if xlsx else CsvSink(args.out)
    if xlsx:
        sink.row(["依申请公开登记台账"])
    sink.row(["编号", "收到日期", "申请人", "申请人类型", "申请内容", "办理结果", "答复日期"])
    # In a workbook dates are numeric cells; in a CSV, text in the styles staff type.
    date = (lambda d, style: ("date", d)) if xlsx else date_text
    for i in range(args.rows):
        received = first + datetime.timedelta(days=rnd.randrange(span))
        replied = received + datetime.timedelta(days=rnd.randrange(60))
        style = rnd.randrange(10)
        if replied > last or rnd.randrange(100) == 0:
            outcome, reply = "", ""
        else:
            outcome, reply = rnd.choice(OUTCOMES), date(replied, style)
        sink.row([f"R{i:08d}", date(received, style), f"申请人{i % 997}", rnd.choice(APPLICANTS),
                  f"申请公开{rnd.choice(TOPICS)}", outcome, reply])
    sink.close()


if __name__ == "__main__":
    main()
