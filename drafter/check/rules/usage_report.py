"""usage.report: a 监察委员会 giving a 工作报告 (it gives 专项工作报告 to the 常委会), and a
collective name of the bodies reporting that repeats one listed before it."""

import re

ID = "usage.report"
SEVERITY = "warning"
FIXABLE = False
DOC = ("监察委员会的报告：人大常委会听取和审议本级监察委员会的专项工作报告，监察委员会不向人民代表大会作年度“工作报告”"
       "（人代会议程中的“听取和审议市监察委员会工作报告”应改正）；议程已单列人民政府工作报告，"
       "后面又写“一府两院”工作报告的，政府重复了，应写明人民法院、人民检察院工作报告。")
BASIS = ("《中华人民共和国监察法》：各级人民代表大会常务委员会听取和审议本级监察委员会的专项工作报告；"
         "各级人民代表大会常务委员会监督法第三章（听取和审议专项工作报告）")
FIXTURES = {
    "bad": ["五、听取和审议市监察委员会工作报告；", "会议听取了县监委工作报告。", "审议省监察委员会年度工作报告",
            "听取和审议县人民政府工作报告；听取和审议县人大常委会和“一府两院”工作报告；选举有关人员。",
            "听取和审议市人民政府工作报告，听取和审议“一府一委两院”工作报告。"],
    "good": ["听取和审议市监察委员会关于整治群众身边腐败和不正之风工作情况的专项工作报告。",
             "县人大常委会听取县监察委员会专项工作报告。", "听取和审议县人民法院工作报告；", "监察委员会工作报告制度的有关规定",
             "听取和审议县人民政府工作报告，县人民法院、县人民检察院工作报告。", "依法监督“一府一委两院”工作。", "常委会听取和审议“一府一委两院”工作报告18个。"],
}

PATTERN = re.compile(r"(?:监察委员会|(?<!纪委)(?<!纪委、)监委)(?:年度)?工作报告(?!制度)")


# “一府两院”工作报告 in a sentence (an agenda) that lists the 人民政府工作报告 before it
COLLECTIVE = re.compile(r"[“\"]?一府(?:一委)?两院[”\"]?工作报告")
SENTENCE_END = "。！？!?\n"
REACH = 200


def check(draft, ctx):
    yield from _collective(ctx)
    for para, start, end, m in ctx.scan(PATTERN):
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{m.group()}”：监察委员会向本级人大常委会作的是专项工作报告，不向人民代表大会作工作报告，请核对",
                          BASIS)


def _collective(ctx):
    for para, start, end, m in ctx.scan(COLLECTIVE):
        lo = max(0, start - REACH)
        head = para.text[lo:start]
        head = head[max(head.rfind(c) for c in SENTENCE_END) + 1:]
        if "政府工作报告" in head:
            yield ctx.finding(ID, SEVERITY, para, start, end,
                              f"“{m.group()}”：前面已列人民政府工作报告，“一府”重复了，应写明人民法院、人民检察院工作报告",
                              BASIS)
