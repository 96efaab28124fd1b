"""usage.dengdeng: 等等 in formal text, where 等 is enough."""

import re

ID = "usage.dengdeng"
SEVERITY = "warning"
FIXABLE = False
DOC = "公文中的“等等”：列举词语未尽用“等”即可（教育、医疗、养老等问题），正式文稿中不用“等等”；列举分句后以“，等等。”收束的不报。"
BASIS = "实务：公文语言庄重简洁，列举未尽用“等”"
FIXTURES = {
    "bad": ["涉及城市建设、教育医疗、社会保障等等方面。", "代表们围绕教育、医疗、养老等等问题提出建议。"],
    "good": ["涉及城市建设、教育医疗、社会保障等方面。", "代表们关注交通、养老等。", "等一等再说。", "将成果运用于更广范围，等等。"],
}

PATTERN = re.compile(r"等等")
ELLIPSIS = ("…", ".", "。")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        before = para.text[max(0, start - 4):start].rstrip(" \t　")
        if before.endswith(ELLIPSIS) and not before.endswith("。"):
            continue  # ……等等: usage.ellipsis_deng reports it
        if before.endswith(("，", ",")):
            continue  # ……，等等。 closing a series of clauses
        if para.text[end:end + 1] == "等":
            continue  # 等等等: not this slip
        yield ctx.finding(ID, SEVERITY, para, start, end, "正式文稿中列举未尽用“等”即可", BASIS, suggestion="等")
