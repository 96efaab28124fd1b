"""usage.body: a 人大 meeting that 审议s the work report of the 政协 (听取和审议县政协常委会工作报告), and a
standing committee of a town's 人大, which does not exist (城关镇人大常委会主任)."""

import re

ID = "usage.body"
SEVERITY = "warning"
FIXABLE = False
DOC = ("审议对象有误：人民代表大会及其常委会听取和审议本级人大常委会、人民政府、监察委员会、人民法院、人民检察院的"
       "工作报告，不审议政协的工作报告（政协委员列席人代会，政协的工作报告由政协全体会议审议）；"
       "乡、镇人民代表大会不设常务委员会（设主席、副主席），“××镇人大常委会（主任）”应为“××镇人大主席团（主席）”。")
BASIS = ("地方各级人民代表大会和地方各级人民政府组织法（县级以上地方各级人大听取和审查本级人大常委会、人民政府、"
         "监察委员会、人民法院、人民检察院的工作报告；政协不在其列）；宪法第九十六条（县级以上的地方各级人民代表大会"
         "设立常务委员会）")
TOWN_BASIS = "宪法第九十六条（县级以上的地方各级人民代表大会设立常务委员会）；地方组织法（乡、民族乡、镇的人民代表大会设主席、副主席）"
FIXTURES = {
    "bad": ["会议听取和审议县政协常委会工作报告。", "大会审议了市政协常务委员会工作报告。", "审议政协工作报告",
            "城关镇人大常委会主任王明主持会议。", "各镇人大常委会要组织代表开展活动。", "白沙乡人大常委会召开会议。"],
    "good": ["会议听取和审议县人大常委会工作报告。", "县政协委员列席会议，听取和讨论政府工作报告。",
             "审议县人民政府关于政协提案办理情况的报告。", "政协全体会议审议县政协常委会工作报告。",
             "城关镇人大主席团召开会议。", "镇江市人大常委会召开会议。", "县人大常委会指导乡镇人大工作。"],
}

# Found by 审议 right before a 政协 (of a level, its standing committee) and a work report.
PATTERN = re.compile(r"审议(?:了)?[ \t]*(?:[省市县区州旗乡镇])?(?:人民)?政协(?:[\u4e00-\u9fff]{0,8}?)(?:常委会|常务委员会)?(?:的)?工作报告")
# The 政协's own plenary session does 审议 its standing committee's report.
OWN = re.compile(r"政协[\u4e00-\u9fff]{0,12}(?:全体会议|全会|委员|常委会议|常务委员会会议)[^。；]{0,12}$")


def check(draft, ctx):
    yield from _towns(draft, ctx)
    for para, start, end, m in ctx.scan(PATTERN):
        if OWN.search(para.text, max(0, start - 30), start):
            continue
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          "人民代表大会及其常委会不审议政协的工作报告，请核对审议事项", BASIS)


# A town's 人大 has no standing committee. 乡镇人大常委会 itself is the glossary's (its entry reports
# in usage); a named town or 乡 (城关镇人大常委会, 白沙乡人大常委会, 各镇人大常委会) is found here.
TOWN = re.compile(r"(?:(?<!乡)镇|乡(?!镇))人大常委会(?:副?主任|委员)?")


def _towns(draft, ctx):
    for para, start, end, m in ctx.scan(TOWN):
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"乡、镇人民代表大会不设常务委员会，“{m.group()}”应为人大主席团（主席、副主席）", TOWN_BASIS)
