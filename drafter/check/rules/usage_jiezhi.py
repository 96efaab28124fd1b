"""usage.jiezhi: 截止 followed by a point in time, where 截至 (up to) is meant."""

import re

ID = "usage.jiezhi"
SEVERITY = "error"
FIXABLE = False
DOC = "截止/截至：表示“到某时为止”并后接时间时用“截至”（截至目前、截至2025年底）；“截止”表示到期停止，后面一般不接时间（报名于3月10日截止、截止日期）。"
BASIS = "实务：“截至”后接时间，表示到某时为止；“截止”表示到期停止"
FIXTURES = {
    "bad": ["截止目前，建议已全部交办。", "截止2025年12月31日，共听取报告15个。", "截止今年6月底，全县共有代表1260名。", "报名截至日期为3月20日。"],
    "good": ["截至目前，建议已全部交办。", "报名截止时间为3月20日。", "征集截止日期为2026年12月31日。",
             "报名于3月10日截止。", "截止到今年6月底，共有代表1260名。"],
}

# 截止 right before a time; 截止到 (= 截至) is accepted.
PATTERN = re.compile(r"截止(?=[ \t　]*(?:目前|当前|现在|今年|去年|本年|上年|本月|上月|今天|昨天|年底|年末|月底|"
                     r"\d{1,4}[年月日]|[一二三四五六七八九十〇]{1,4}[年月]))")


# ……的截止日期, 截止时间: the day something stops is 截止, whatever comes after.
DEADLINE = re.compile(r"截至(?=日期|时间|期限)")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        yield ctx.finding(ID, SEVERITY, para, start, end, "后接时间、表示“到某时为止”时应写作“截至”", BASIS,
                          suggestion="截至")
    for para, start, end, m in ctx.scan(DEADLINE):
        yield ctx.finding(ID, SEVERITY, para, start, end, "表示到期停止的“截止日期（时间）”应写作“截止”", BASIS,
                          suggestion="截止")
