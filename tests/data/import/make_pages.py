#!/usr/bin/env python3
"""Writes the hostile test pages of tests/data/import/ (see README.md) from the figures of a
long CSV transcription (default: tests/data/real-reports/2022_pingtan_syq.csv), each page in one
of the layouts published reports use. Deterministic: run it again and the pages are the same.

usage: make_pages.py [CSV] [OUTDIR]
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))

BLOCKS = [
    ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
    ("第二十条第（五）项", ["本年处理决定数量"], ["行政许可"]),
    ("第二十条第（六）项", ["本年处理决定数量"], ["行政处罚", "行政强制"]),
    ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["行政事业性收费"]),
]
COLS3 = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
CATEGORIES = [
    ("（三）不予公开", ["1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                   "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项"]),
    ("（四）无法提供", ["1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确"]),
    ("（五）不予处理", ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                   "5.要求行政机关确认或重新出具已获取信息"]),
    ("（六）其他处理", ["1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                   "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"]),
]
COLS4 = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"


def load(path):
    figures = {}
    with open(path, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            figures[(row["row"].split("/")[-1], row["column"].split("/")[-1])] = row["value"]
    return figures


class Page:
    """One page's markup choices."""

    def __init__(self, figures, word=False, label=None, number=None, blank=()):
        self.f = figures
        self.word = word
        self.label_fn = label or (lambda s: s)
        self.number_fn = number or (lambda s, col: s)
        self.blank = set(blank)

    def td(self, text, attrs=""):
        attrs = (" " + attrs) if attrs else ""
        if self.word:
            style = ("style='width:60.0pt;border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid "
                     "windowtext .5pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'")
            runs = "".join(f"<span style='font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体;"
                           f"color:black;mso-font-kerning:0pt'>{part}</span>" for part in split_runs(text))
            return (f"<td{attrs} valign=middle {style}>\n  <p class=MsoNormal align=center style='text-align:center;"
                    f"mso-pagination:widow-orphan'>{runs}<span lang=EN-US><o:p></o:p></span></p>\n  </td>")
        return f"<td{attrs}>{text}</td>"

    def label(self, s):
        return self.td(self.label_fn(s))

    def num(self, row, col, attrs=""):
        v = self.f.get((row, col), "")
        if (row, col) in self.blank:
            v = ""
        else:
            v = self.number_fn(v, col)
        return self.td(v if v != "" else ("&nbsp;" if self.word else ""), attrs)

    def table(self, rows, cls=""):
        body = "\n".join(f"<tr>\n{r}\n</tr>" for r in rows)
        if self.word:
            return (f"<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;"
                    f"border:none;mso-border-alt:solid windowtext .5pt;mso-yfti-tbllook:1184'>\n<tbody>\n{body}\n"
                    f"</tbody>\n</table>")
        return f"<table border=\"1\"{cls}>\n{body}\n</table>"

    def table2(self):
        rows = []
        for title, cols, subs in BLOCKS:
            rows.append(self.td(self.label_fn(title), 'colspan="4"'))
            span = f'colspan="{4 - len(cols) + 1}"' if len(cols) < 3 else ""
            head = self.label("信息内容")
            if len(cols) == 3:
                head += "".join(self.label(c) for c in cols)
            else:
                head += self.td(self.label_fn(cols[0]), 'colspan="3"')
            rows.append(head)
            for s in subs:
                if len(cols) == 3:
                    rows.append(self.label(s) + "".join(self.num(s, c) for c in cols))
                else:
                    rows.append(self.label(s) + self.num(s, cols[0], 'colspan="3"'))
            del span
        return [self.table(rows)]

    def header3(self):
        return [
            self.td(self.label_fn(CORNER), 'rowspan="3" colspan="3"') + self.td(self.label_fn("申请人情况"), 'colspan="7"'),
            self.td(self.label_fn("自然人"), 'rowspan="2"') + self.td(self.label_fn("法人或其他组织"), 'colspan="5"')
            + self.td(self.label_fn("总计"), 'rowspan="2"'),
            "".join(self.label(c) for c in COLS3[1:6]),
        ]

    def nums3(self, row):
        return "".join(self.num(row, c) for c in COLS3)

    def logical3(self):
        """Table 三's data rows as (label columns, row label for the figures): the label columns
        are (text, columns spanned) from the left, None where a label above spans down."""
        rows = [("一、本年新收政府信息公开申请数量",), ("二、上年结转政府信息公开申请数量",),
                ("三、本年度办理结果", "（一）予以公开"),
                ("三、本年度办理结果", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")]
        for cat, subs in CATEGORIES:
            rows += [("三、本年度办理结果", cat, s) for s in subs]
        rows += [("三、本年度办理结果", "（七）总计"), ("四、结转下年度继续办理",)]
        return rows

    def rows3(self, part):
        """The rows of a run of table 三's data rows, spans computed within the run (a label
        spanning rows cut by a split is typed again at the top of the next part)."""
        out = []
        for i, path in enumerate(part):
            cells = ""
            for depth, text in enumerate(path):
                if i > 0 and len(part[i - 1]) > depth and part[i - 1][:depth + 1] == path[:depth + 1] \
                        and depth < len(path) - 1:
                    continue  # under a label spanning down from above
                leaf = depth == len(path) - 1
                attrs = []
                if leaf and len(path) < 3:
                    attrs.append(f'colspan="{3 - depth}"')
                if not leaf:
                    n = 1
                    while i + n < len(part) and len(part[i + n]) > depth and part[i + n][:depth + 1] == path[:depth + 1]:
                        n += 1
                    if n > 1:
                        attrs.append(f'rowspan="{n}"')
                cells += self.td(self.label_fn(text), " ".join(attrs))
            out.append(cells + self.nums3(path[-1]))
        return out

    def table3(self, split_at=None, repeat_header=False):
        data = self.logical3()
        if split_at is None:
            return [self.table(self.header3() + self.rows3(data))]
        first, second = data[:split_at], data[split_at:]
        return [self.table(self.header3() + self.rows3(first)),
                self.table((self.header3() if repeat_header else []) + self.rows3(second))]

    def table4(self):
        rows = [
            self.td(self.label_fn("行政复议"), 'colspan="5"') + self.td(self.label_fn("行政诉讼"), 'colspan="10"'),
            "".join(self.td("<br>".join(self.label_fn(c)) if False else self.label_fn(c), 'rowspan="2"') for c in COLS4)
            + self.td(self.label_fn("未经复议直接起诉"), 'colspan="5"') + self.td(self.label_fn("复议后起诉"), 'colspan="5"'),
            "".join(self.label(c) for c in COLS4) * 2,
            "".join(self.num("行政复议", c) for c in COLS4) + "".join(self.num("未经复议直接起诉", c) for c in COLS4)
            + "".join(self.num("复议后起诉", c) for c in COLS4),
        ]
        return [self.table(rows)]


def split_runs(text):
    """Word splits a cell's text into runs where the formatting changes: every few characters."""
    if text.startswith("<") or "<br>" in text or len(text) < 4:
        return [text]
    return [text[i:i + 3] for i in range(0, len(text), 3)]


SECTIONS = {
    "一": "一、总体情况",
    "二": "二、主动公开政府信息情况",
    "三": "三、收到和处理政府信息公开申请情况",
    "四": "四、政府信息公开行政复议、行政诉讼情况",
    "五": "五、存在的主要问题及改进情况",
    "六": "六、其他需要报告的事项",
}


def article(page, agency, year, t2, t3, t4, closing=True, p="p"):
    parts = [f"<h1>{agency}{year}年政府信息公开工作年度报告</h1>"]
    parts.append(f"<{p}>{SECTIONS['一']}</{p}>")
    parts.append(f"<{p}>本报告根据《中华人民共和国政府信息公开条例》编制。{year}年，{agency}认真贯彻落实条例要求，"
                 f"全面推进政务公开。</{p}>")
    parts.append(f"<{p}>{SECTIONS['二']}</{p}>")
    parts += t2
    parts.append(f"<{p}>{SECTIONS['三']}</{p}>")
    parts += t3
    parts.append(f"<{p}>{SECTIONS['四']}</{p}>")
    parts += t4
    parts.append(f"<{p}>{SECTIONS['五']}</{p}>")
    parts.append(f"<{p}>主要问题是公开内容的规范性仍需提高。下一步将加强培训。</{p}>")
    parts.append(f"<{p}>{SECTIONS['六']}</{p}>")
    parts.append(f"<{p}>本机关未收取信息处理费。</{p}>")
    if closing:
        parts.append(f"<p style=\"text-align:right\">{agency}</p>")
        parts.append(f"<p style=\"text-align:right\">{year + 1}年1月20日</p>")
    return "\n".join(parts)


def cms(title, body, charset="utf-8", meta_style="meta"):
    meta = (f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if meta_style == "http-equiv"
            else f'<meta charset="{charset}">')
    menu = ("<table class=\"nav\" width=\"100%\"><tr><td><a href=\"/\">首页</a></td><td><a href=\"/zwgk/\">政务公开</a></td>"
            "<td><a href=\"/bsfw/\">办事服务</a></td><td><a href=\"/hdjl/\">互动交流</a></td></tr></table>")
    side = ("<table class=\"side\"><tr><td>政府信息公开指南</td></tr><tr><td>政府信息公开制度</td></tr>"
            "<tr><td>法定主动公开内容</td></tr><tr><td>政府信息公开年报</td></tr><tr><td>访问量 12345</td></tr></table>")
    footer = ("<table class=\"footer\" width=\"100%\"><tr><td>主办：某某市人民政府办公室 网站标识码：3500000001 "
              "闽ICP备05012345号</td></tr><tr><td>联系电话：0591-12345678</td><td>2024</td></tr></table>")
    return (f"<!DOCTYPE html>\n<html>\n<head>\n{meta}\n<title>{title}_政府信息公开年报_某某市人民政府</title>\n"
            f"<script>var _hmt = _hmt || []; document.write('<table><tr><td>1</td></tr></table>');</script>\n"
            f"<style>td {{ font-size: 12px }}</style>\n</head>\n<body>\n{menu}\n"
            f"<table class=\"layout\" width=\"1000\"><tr><td width=\"200\" valign=\"top\">{side}</td>\n"
            f"<td valign=\"top\"><div class=\"position\">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</div>\n"
            f"<div class=\"TRS_Editor\">\n{body}\n</div>\n</td></tr></table>\n{footer}\n</body>\n</html>\n")


def word_doc(title, body):
    return ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\" "
            "xmlns:w=\"urn:schemas-microsoft-com:office:word\" xmlns=\"http://www.w3.org/TR/REC-html40\">\n<head>\n"
            "<meta http-equiv=Content-Type content=\"text/html; charset=utf-8\">\n<meta name=Generator content=\"Microsoft Word 15\">\n"
            f"<title>{title}</title>\n<!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>admin</o:Author>"
            "</o:DocumentProperties></xml><![endif]-->\n<style>\n<!-- p.MsoNormal {mso-style-parent:\"\"; margin:0cm; "
            "font-size:10.5pt;} -->\n</style>\n</head>\n<body lang=ZH-CN style='tab-interval:21.0pt'>\n"
            f"<div class=WordSection1 style='layout-grid:15.6pt'>\n{body}\n</div>\n</body>\n</html>\n")


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "tests", "data", "real-reports", "2022_pingtan_syq.csv")
    out = sys.argv[2] if len(sys.argv) > 2 else HERE
    f = load(src)
    agency, year = "某某市某某局", 2022
    pages = {}

    # Word export: a style on every cell, a <span> per run, <o:p>, header labels broken by <br>.
    def broken(s):
        return "<br>".join(s) if s in COLS4 else s
    w = Page(f, word=True, label=broken)
    pages["word-export.html"] = word_doc(f"{agency}{year}年政府信息公开工作年度报告", article(
        w, agency, year, w.table2(), w.table3(), w.table4(), p="p class=MsoNormal"))

    # A CMS page in GBK: menus, a side bar and a footer in tables, the report inside a layout table.
    c = Page(f)
    pages["cms-gbk.html"] = cms(f"{agency}{year}年度政府信息公开工作年度报告", article(
        c, agency, year, c.table2(), c.table3(), c.table4()), charset="gb2312", meta_style="http-equiv")

    # Table 三 split in two, the header repeated on the second part; labels retyped: half-width
    # brackets, 「1、」 numbering, spaces and line breaks inside labels.
    def retyped(s):
        s = s.replace("（一）", "(一)").replace("（三）", "(三) ").replace("1.", "1、")
        if s == "商业企业":
            return "商业<br>企业"
        if s == "社会公益组织":
            return "社会 公益 组织"
        return s
    s = Page(f, label=retyped)
    pages["split-table.html"] = cms(f"{agency}{year}年政府信息公开工作年度报告", article(
        s, agency, year, s.table2(), s.table3(split_at=10, repeat_header=True), s.table4()))

    # Numbers with units, blank cells, 「—」 and 「/」.
    def units(v, col):
        if v == "" or v == "0":
            return {"总计": "—"}.get(col, "/" if col == "其他" else v)
        return v + ("万元" if col.startswith("本年收费金额") else "件")
    u = Page(f, number=units, blank={("行政许可", "本年处理决定数量"), ("2.重复申请", "自然人")})
    pages["units-blanks.html"] = cms(f"{agency}{year}年政府信息公开工作年度报告", article(
        u, agency, year, u.table2(), u.table3(), u.table4()))

    # A report page without the tables (the tables were published as an image).
    pages["no-tables.html"] = cms(f"{agency}{year}年政府信息公开工作年度报告",
                                  f"<h1>{agency}{year}年政府信息公开工作年度报告</h1>\n<p>{SECTIONS['一']}</p>\n"
                                  "<p>详见附件。</p>\n<p><img src=\"/images/nb2022.png\" alt=\"统计表\"></p>")

    for name, html in pages.items():
        data = html.encode("gb18030") if "gbk" in name else html.encode("utf-8")
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)


if __name__ == "__main__":
    main()
