"""numbers.percent: 百分之 written before Arabic digits (百分之95.6 for 95.6%)."""

import re

ID = "numbers.percent"
SEVERITY = "error"
FIXABLE = False
DOC = "百分数混写：“百分之”后面跟阿拉伯数字（百分之95.6），应写作 95.6%。"
BASIS = ("GB/T 15835-2011《出版物上数字用法》：用于计量的数字用阿拉伯数字；"
         "实务：汉字“百分之”与阿拉伯数字不混写，百分数写作 95.6%")
FIXTURES = {
    "bad": ["代表满意率达到百分之95.6。", "占农村常住人口的百分之26。", "完成年度目标任务的百分之108；"],
    "good": ["代表满意率达到95.6%。", "百分之百办结。", "占比超过百分之五十。"],
}

PATTERN = re.compile(r"百分之[ \t]*(\d+(?:\.\d+)?)(?![\d.])")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        yield ctx.finding(ID, SEVERITY, para, start, end, f"“百分之”不与阿拉伯数字混写，应写作 {m.group(1)}%", BASIS,
                          suggestion=f"{m.group(1)}%")
