"""placeholder: unfilled template spots (xx市, 2023年x月xx日, 某某, 【】, {{ }})."""

import re

ID = "placeholder"
SEVERITY = "error"
DOC = "未填写的占位符：xx、XX、××、x月xx日、某某、空的【】以及残留的模板语法。"
BASIS = "实务：成稿不得留有占位符"
FIXTURES = {
    "bad": ["近年来，xx市人大坚持向中心聚焦。", "2023年x月xx日，会议如期举行。", "请某某同志发言。",
            "截至【】，共办结建议。", "共有{{ count }}件建议。", "学习贯彻党的××大精神。"],
    "good": ["2024年3月20日，会议如期举行。", "采用4×100米接力的方式。", "Linux 和 Xbox 都是外来词。",
             "某市人大常委会召开会议。"],
}

PATTERN = re.compile(
    r"(?<![A-Za-z\d])[xX×]{1,4}(?![A-Za-z])"  # xx市, x月, ××大 (not 4×100, not Xbox)
    r"|(?<![A-Za-z])[xX×]{1,4}(?=[年月日号])"
    r"|某某"
    r"|【\s*】"
    r"|\{\{.*?\}\}|\{%.*?%\}"
)


def check(draft, ctx):
    for para in draft.paragraphs:
        for m in PATTERN.finditer(para.text):
            yield ctx.finding(ID, SEVERITY, para, m.start(), m.end(),
                              f"未填写的占位符“{m.group()}”", BASIS)
