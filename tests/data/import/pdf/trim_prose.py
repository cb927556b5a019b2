#!/usr/bin/env python3
"""Drops the long prose paragraphs (<p> of more than 80 characters of text) of an HTML report, so
that the PDF printed from it embeds fewer glyphs and stays small; headings and tables are kept.
Usage: trim_prose.py IN.html OUT.html"""
import re
import sys

s = open(sys.argv[1], encoding="utf-8").read()


def keep(m):
    text = re.sub(r"<[^>]+>|&[a-z]+;|\s", "", m.group(0))
    return m.group(0) if len(text) <= 80 else ""


s = re.sub(r"<p\b[^>]*>.*?</p>", keep, s, flags=re.S | re.I)
open(sys.argv[2], "w", encoding="utf-8").write(s)
