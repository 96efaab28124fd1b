"""numbers.zero: a Chinese numeral with the Arabic digit 0 in it (二0二六年 for 二〇二六年)."""

import re

ID = "numbers.zero"
SEVERITY = "error"
FIXABLE = False
DOC = "汉字数字中混入阿拉伯数字“0”或字母“O”（二0二六年），年份等编号中的零应写作“〇”（二〇二六年）。"
BASIS = "GB/T 15835-2011《出版物上数字用法》：用作编号（如年份）时，“0”的汉字书写形式为“〇”（二〇一二）"
FIXTURES = {
    "bad": ["（二0二六年十一月二十六日通过）", "二〇二0年", "二O二六年一月"],
    "good": ["（二〇二六年十一月二十六日通过）", "2026年", "第10次会议", "一、O型", "20二"],
}

DIGITS = "一二三四五六七八九〇零"
ZEROS = "0０Oo"
# Found by a zero beside a Chinese digit; the run around it is read within a bounded stretch.
PATTERN = re.compile(rf"[{DIGITS}][{ZEROS}]|[{ZEROS}][{DIGITS}]")
REACH = 12


def check(draft, ctx):
    last = (None, -1)  # the end of the run reported last, so a run is reported once
    for para, start, end, m in ctx.scan(PATTERN):
        text = para.text
        if last[0] is para and start < last[1]:
            continue
        lo, hi = start, end
        while lo > max(0, start - REACH) and text[lo - 1] in DIGITS + ZEROS:
            lo -= 1
        while hi < min(len(text), end + REACH) and text[hi] in DIGITS + ZEROS:
            hi += 1
        last = (para, hi)
        run = text[lo:hi]
        chinese = sum(ch in DIGITS for ch in run)
        if chinese < 2 and text[hi:hi + 1] != "年":
            continue  # 一、O型 or a code: one Chinese digit beside a letter or a 0 is no numeral
        if any(ch in "Oo" for ch in run) and chinese < 2:
            continue
        fixed = re.sub(f"[{ZEROS}]", "〇", run)
        yield ctx.finding(ID, SEVERITY, para, lo, hi, f"汉字数字中混入了“0”，应写作“{fixed}”", BASIS, suggestion=fixed)
