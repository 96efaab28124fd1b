"""numbers.fullwidth: full-width digits (１２３) where half-width Arabic numerals belong."""

import re

ID = "numbers.fullwidth"
SEVERITY = "error"
FIXABLE = False
DOC = "全角数字：阿拉伯数字应使用半角形式（2026年5月12日，不写作２０２６年５月１２日）。"
BASIS = "实务：公文和出版物中的阿拉伯数字使用半角形式（GB/T 15835-2011 所列示例均为半角）"
FIXTURES = {
    "bad": ["常委会全年共召开会议８次。", "培训班定于２０２６年５月１２日举办。"],
    "good": ["常委会全年共召开会议8次。", "培训班定于2026年5月12日举办。"],
}

PATTERN = re.compile(r"[０-９][０-９．，]*(?<=[０-９])")
HALF = str.maketrans("０１２３４５６７８９．，", "0123456789.,")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        yield ctx.finding(ID, SEVERITY, para, start, end, "阿拉伯数字应使用半角形式", BASIS,
                          suggestion=m.group().translate(HALF))
