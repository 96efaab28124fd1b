"""usage.power: a 人大 body said to do what the law does not give it: a 乡镇 主席团 that exercises
the 人代会's powers, a budget (adjustment) 审议通过 instead of 审查批准, a work report put up for 批准."""

import re

ID = "usage.power"
SEVERITY = "warning"
FIXABLE = False
DOC = ("职权表述有误：乡镇人大主席团在闭会期间不行使人民代表大会的职权（它负责联系代表、组织代表活动等）；"
       "人大对预算、预算调整方案、决算是“审查和批准”，不说“审议通过”；专项工作报告、国有资产管理情况报告等"
       "是提请“审议”，不是提请“批准”（决算、预算调整、计划调整、法规除外）。")
BASIS_PRESIDIUM = ("地方各级人民代表大会和地方各级人民政府组织法（乡、民族乡、镇的人民代表大会设主席团，在闭会期间"
                   "负责联系代表、组织代表活动，并反映代表和群众的意见；没有授予它人民代表大会的职权）")
BASIS_BUDGET = "中华人民共和国预算法第二十一条、第二十二条（各级人大审查和批准本级预算、预算调整方案和决算）"
BASIS_REPORT = ("各级人民代表大会常务委员会监督法第二章、第三章（常委会听取和审议专项工作报告、国有资产管理情况报告，"
                "审查和批准决算、预算调整方案）")
BASIS = f"{BASIS_PRESIDIUM}；{BASIS_BUDGET}；{BASIS_REPORT}"
FIXTURES = {
    "bad": ["主席团在闭会期间依法行使乡人民代表大会职权，确保人大工作不断档。",
            "会议审议通过了镇人民政府关于2026年财政预算调整方案，同意提交镇人民政府执行。",
            "市人民政府关于2025年度国有资产管理情况的综合报告\n受市人民政府委托，现将有关情况报告如下。\n以上报告，请市人大常委会予以批准。"],
    "good": ["主席团在闭会期间负责联系代表、组织代表活动。", "常委会依法行使职权。",
             "会议审查批准了镇人民政府提出的2026年财政预算调整方案。", "会议审议通过了关于加强预算审查监督的决定。",
             "市人民政府关于2025年市级决算的报告\n以上报告，请市人大常委会予以审查批准。",
             "市人民政府关于2025年度国有资产管理情况的综合报告\n以上报告，请予审议。",
             "关于提请批准《泽川市城市绿化条例》的报告\n以上报告，请省人大常委会予以批准。"],
}

PRESIDIUM = re.compile(r"主席团[^。；\n]{0,16}?行使[^。；\n]{0,8}?人民代表大会(?:的)?(?:全部|部分|有关)?职权")
BUDGET = re.compile(r"审议通过(?:了)?[^。；，\n]{0,36}?(?:预算调整方案|预算草案|决算草案|预算调整|(?<!预)决算)(?![\u4e00-\u9fff]{0,6}(?:的决议|的决定|审查|监督|工作))")
ASK_APPROVE = re.compile(r"请[^。；，\n]{0,12}?(?:人大常委会|人民代表大会常务委员会|人大常务委员会)(?:予以)?(?:批准|审批)")
# What a 常委会 does approve: the title of such a report names it.
APPROVED_ITEMS = re.compile(r"决算|预算|调整|条例|法规|规定|办法|批准|协定|规划|计划")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PRESIDIUM):
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          "乡镇人大主席团在闭会期间不行使人民代表大会的职权，请改为负责联系代表、组织代表活动等", BASIS_PRESIDIUM)
    for para, start, end, m in ctx.scan(BUDGET):
        if "审查" in para.text[max(0, start - 4):start]:
            continue  # 审查、审议通过 said together
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          "人民代表大会对预算、预算调整方案和决算是“审查和批准”，不说“审议通过”", BASIS_BUDGET)
    title = None
    for para, start, end, m in ctx.scan(ASK_APPROVE):
        if title is None:
            title = next((p.text for p in draft.paragraphs if p.text.strip()), "")[:80]
        if "报告" not in title or APPROVED_ITEMS.search(title):
            continue  # not a report, or one of a thing the 常委会 approves
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          "工作报告、情况报告是提请常委会审议，不是提请批准（决算、预算调整等除外）", BASIS_REPORT)
