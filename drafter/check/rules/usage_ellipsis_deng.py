"""usage.ellipsis_deng: an ellipsis followed by 等 or 等等 (……等): one of the two is enough."""

import re

ID = "usage.ellipsis_deng"
SEVERITY = "error"
FIXABLE = False
DOC = "省略号与“等”连用：列举后的省略号和“等”“等等”意思重复，只保留其一（交通、养老……等 → 交通、养老等）。"
BASIS = "实务：省略号和“等”“等等”都表示列举未尽，不连用"
FIXTURES = {
    "bad": ["代表们关注交通、养老、托育……等问题。", "审议了预算执行、审计整改...等报告。", "开展视察、调研……等等活动。"],
    "good": ["代表们关注交通、养老、托育等问题。", "代表们关注交通、养老、托育……", "他说：“等等……”"],
}

# One pattern per kind of ellipsis, each starting with a literal that re finds fast.
PATTERNS = (re.compile(r"…{1,2}[ \t　]*等(?:等)?"), re.compile(r"\.{3,6}[ \t　]*等(?:等)?"),
            re.compile(r"。。。[ \t　]*等(?:等)?"))


def check(draft, ctx):
    for pattern in PATTERNS:
        yield from _check(ctx, pattern)


def _check(ctx, pattern):
    for para, start, end, m in ctx.scan(pattern):
        deng = "等等" if m.group().endswith("等等") else "等"
        yield ctx.finding(ID, SEVERITY, para, start, end, f"省略号与“{deng}”意思重复，只保留其一", BASIS,
                          suggestion="等")
