"""usage.etc: 等 after a list closed by its own count (联系代表、服务代表、管理代表三项工作等)."""

import re

ID = "usage.etc"
SEVERITY = "warning"
FIXABLE = False
DOC = ("列举已尽又用“等”：前面逐项列出、又用数字说明了总数（联系代表、服务代表、管理代表三项工作），"
       "列举已经完整，后面不再加“等”。只在列出的项数与所说的数目相同时报告。")
BASIS = "实务：“等”表示列举未尽；已逐项列全并点明总数的，不再用“等”（病句类型“不合逻辑”）"
FIXTURES = {
    "bad": ["要做好联系代表、服务代表、管理代表三项工作等，为代表履职创造条件。",
            "重点围绕教育、医疗两个方面等开展调研。", "抓好立法、监督、代表、自身建设4项工作等。"],
    "good": ["要做好联系代表、服务代表、管理代表三项工作，为代表履职创造条件。",
             "重点围绕教育、医疗、养老三个方面开展调研。", "包括县直机关、14个乡镇等单位。",
             "重点围绕教育、医疗两个方面等同推进。", "围绕教育、医疗、住房等三个方面开展调研。",
             "组织代表视察教育、医疗三次等活动。"],
}

NUMERALS = {c: i for i, c in enumerate("〇一二三四五六七八九十")} | {"两": 2}
# Found by 等 after a counted noun; the list before the count is read back to the clause's start.
PATTERN = re.compile(r"(?<![第\d])([一二三四五六七八九十两]|\d{1,2})(?:项|个|方面|类|种|大)[\u4e00-\u9fff]{0,4}?等(?![级同于待候次])")
CLAUSE_START = "，,。；;：:！？!?（(“\n"
REACH = 60


def _count(numeral: str) -> int:
    if numeral.isdigit():
        return int(numeral)
    return NUMERALS.get(numeral, -1)


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        text = para.text
        if text[end - 1:end + 1] == "等等":
            continue  # usage.dengdeng's
        lo = max(0, start - REACH)
        opening = max(text.rfind(c, lo, start) for c in CLAUSE_START)
        listed = text[(opening + 1 if opening >= 0 else lo):start]
        if "、" not in listed or listed.endswith(("、", "和", "及", "等")):
            continue  # no list before the count, or the count is one item of it
        items = listed.count("、") + 1
        if _count(m.group(1)) == items:
            yield ctx.finding(ID, SEVERITY, para, start, end,
                              f"前面已列出{items}项并点明总数，列举已尽，不再用“等”", BASIS,
                              suggestion=text[start:end - 1])
