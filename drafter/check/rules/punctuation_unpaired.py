"""punctuation.unpaired: a quotation mark or bracket without its partner in the paragraph."""

import re

ID = "punctuation.unpaired"
SEVERITY = "warning"
DOC = "标点不成对：引号、括号、书名号在同一段中没有与之配对的另一半。"
BASIS = "GB/T 15834-2011《标点符号用法》：引号、括号、书名号成对使用"
FIXABLE = False
FIXTURES = {
    "bad": ["要增强“四个意识，坚定信心。", "学习《代表法）。"],
    "good": ["要增强“四个意识”，坚定信心。", "会议（扩大）召开，学习《代表法》。"],
}

PAIRS = (("“", "”"), ("（", "）"), ("《", "》"), ("【", "】"), ("‘", "’"))


MARKS_RE = re.compile("[" + "".join(l + r for l, r in PAIRS) + "]")
LEFT_OF = {r: l for l, r in PAIRS}
RIGHT_OF = dict(PAIRS)


def _unpaired(text: str):
    opened: dict[str, list[int]] = {}
    for m in MARKS_RE.finditer(text):
        ch = m.group()
        if ch in RIGHT_OF:
            opened.setdefault(ch, []).append(m.start())
        elif opened.get(LEFT_OF[ch]):
            opened[LEFT_OF[ch]].pop()
        else:
            yield m.start(), ch, f"“{ch}”没有与之配对的“{LEFT_OF[ch]}”"
    for left, places in opened.items():
        for i in places:
            yield i, left, f"“{left}”没有与之配对的“{RIGHT_OF[left]}”"


def check(draft, ctx):
    if not MARKS_RE.search(ctx.text):
        return
    for para in draft.paragraphs:
        for i, ch, message in _unpaired(para.text):
            yield ctx.finding(ID, SEVERITY, para, i, i + 1, message, BASIS)
