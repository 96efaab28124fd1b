"""usage.body: a 人大 meeting that 审议s the work report of the 政协 (听取和审议县政协常委会工作报告)."""

import re

ID = "usage.body"
SEVERITY = "warning"
FIXABLE = False
DOC = ("审议对象有误：人民代表大会及其常委会听取和审议本级人大常委会、人民政府、监察委员会、人民法院、人民检察院的"
       "工作报告，不审议政协的工作报告（政协委员列席人代会，政协的工作报告由政协全体会议审议）。")
BASIS = ("地方各级人民代表大会和地方各级人民政府组织法（县级以上地方各级人大听取和审查本级人大常委会、人民政府、"
         "监察委员会、人民法院、人民检察院的工作报告；政协不在其列）")
FIXTURES = {
    "bad": ["会议听取和审议县政协常委会工作报告。", "大会审议了市政协常务委员会工作报告。", "审议政协工作报告"],
    "good": ["会议听取和审议县人大常委会工作报告。", "县政协委员列席会议，听取和讨论政府工作报告。",
             "审议县人民政府关于政协提案办理情况的报告。", "政协全体会议审议县政协常委会工作报告。"],
}

# Found by 审议 right before a 政协 (of a level, its standing committee) and a work report.
PATTERN = re.compile(r"审议(?:了)?[ \t]*(?:[省市县区州旗乡镇])?(?:人民)?政协(?:[\u4e00-\u9fff]{0,8}?)(?:常委会|常务委员会)?(?:的)?工作报告")
# The 政协's own plenary session does 审议 its standing committee's report.
OWN = re.compile(r"政协[\u4e00-\u9fff]{0,12}(?:全体会议|全会|委员|常委会议|常务委员会会议)[^。；]{0,12}$")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        if OWN.search(para.text, max(0, start - 30), start):
            continue
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          "人民代表大会及其常委会不审议政协的工作报告，请核对审议事项", BASIS)
