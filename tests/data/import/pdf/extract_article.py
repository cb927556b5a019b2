#!/usr/bin/env python3
"""Cuts the report body (<div class=TRS_Editor>…</div>) out of a real published page and writes it
as a small HTML document of its own (title, UTF-8, a CJK font), for LibreOffice to turn into a PDF.
Usage: extract_article.py PAGE.html TITLE OUT.html"""
import re
import sys

page, title, out = sys.argv[1], sys.argv[2], sys.argv[3]
s = open(page, encoding="utf-8").read()
start = s.index("<div class=TRS_Editor>")
# The matching </div>: count nested <div …> and </div>.
depth, i = 0, start
for m in re.finditer(r"<(/?)div\b", s[start:], re.I):
    depth += -1 if m.group(1) else 1
    if depth == 0:
        i = start + m.start()
        break
body = s[start + len("<div class=TRS_Editor>"):i]
body = re.sub(r"<script\b.*?</script>", "", body, flags=re.S | re.I)
with open(out, "w", encoding="utf-8") as f:
    f.write('<!DOCTYPE html>\n<html><head><meta charset="utf-8">\n<title>%s</title>\n'
            '<style>body{font-family:"Noto Serif CJK SC","Noto Sans CJK SC";font-size:12pt}'
            'table{border-collapse:collapse}td{border:1px solid #000}</style>\n'
            '</head><body>\n<h1 style="text-align:center">%s</h1>\n%s\n</body></html>\n' % (title, title, body))
