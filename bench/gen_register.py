#!/usr/bin/env python3
"""Writes a synthetic register of information requests (依申请公开台账) as CSV, for benchmarks.

    bench/gen_register.py N OUT.csv [--seed S] [--first-year 2022] [--years 3]

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
    with open(args.out, "w", encoding="utf-8", newline="") as f:
        f.write("编号,收到日期,申请人,申请人类型,申请内容,办理结果,答复日期\r\n")
        for i in range(args.rows):
            received = first + datetime.timedelta(days=rnd.randrange(span))
            replied = received + datetime.timedelta(days=rnd.randrange(60))
            style = rnd.randrange(10)
            if replied > last or rnd.randrange(100) == 0:
                outcome, reply = "", ""
            else:
                outcome, reply = rnd.choice(OUTCOMES), date_text(replied, style)
            f.write(f"R{i:08d},{date_text(received, style)},申请人{i % 997},{rnd.choice(APPLICANTS)},"
                    f"申请公开{rnd.choice(TOPICS)},{outcome},{reply}\r\n")


if __name__ == "__main__":
    main()
