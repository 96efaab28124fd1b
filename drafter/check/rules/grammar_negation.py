"""grammar.negation: a negation that reverses the meaning (防止……不再反弹, 避免……不再发生)."""

import re

ID = "grammar.negation"
SEVERITY = "warning"
FIXABLE = False
DOC = ("否定不当：“防止、避免、杜绝、以免”本身有否定意思，后面再用“不再”，意思就反了"
       "（防止问题不再反弹，实为希望问题反弹）。删去“不”。")
BASIS = "实务：病句类型“否定不当”（多重否定使意思相反）"
FIXTURES = {
    "bad": ["坚决防止已整改问题不再反弹。", "坚决避免违规举债问题不再发生。", "避免智慧城管平台不再沦为摆设。",
            "要及时整改，以免问题不会再次出现。"],
    "good": ["坚决防止已整改问题反弹。", "确保已整改问题不再反弹。", "避免违规举债问题再次发生。",
             "防止问题反弹，做到问题不再发生。", "防止工作不落实、措施不到位。"],
}

PATTERN = re.compile(r"(?:防止|避免|杜绝|防范|严防|谨防|以免|以防)[^，,。；;：:！？!?\n]{0,24}?(?:不再|不会再)")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{m.group()[:2]}”后又用“{m.group()[-2:] if m.group().endswith('不再') else '不会再'}”，"
                          "意思相反，删去“不”", BASIS)
