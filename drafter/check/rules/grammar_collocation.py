"""grammar.collocation: a verb with an object it does not take (加强……水平, 提高……力度, 加大……覆盖面)."""

import re

ID = "grammar.collocation"
SEVERITY = "warning"
FIXABLE = False
DOC = ("搭配不当：动词和宾语的中心词配不上。“水平”只能“提高”，不能“加强、增强”；“力度”只能“加大”，不能“提高”；"
       "“覆盖面”只能“扩大”，不能“加大”（加大扶持力度和覆盖面→加大扶持力度、扩大覆盖面）；作谓语时同样（质量和效率明显加强→明显提高）。只查同一分句中"
       "动词与宾语中心词之间没有别的动词的情形。")
BASIS = "实务：病句类型“搭配不当”（动宾搭配：提高水平、加大力度、扩大覆盖面）"
FIXTURES = {
    "bad": ["要进一步加强环境监管执法水平。", "加大对普惠托育机构的扶持力度和覆盖面。", "切实提高执法检查力度。",
            "不断增强基层干部的履职水平，推动工作落实。", "加大教育教学质量。", "不断改善群众生活水平。", "扩大执法检查力度。", "执行工作的质量和效率明显加强。", "监督力度不断提高。"],
    "good": ["要进一步提高环境监管执法水平。", "加大对普惠托育机构的扶持力度，扩大覆盖面。", "切实加大执法检查力度。",
             "加强学习，提高履职水平。", "加强对提高服务水平的指导。", "加强队伍建设和提高服务水平。",
             "加大投入，提高教育质量。", "提高认识，加大力度。", "不断改善群众生活，提高生活水平。", "扩大医保覆盖范围。", "提高快速检测覆盖面。", "加快发展，提高质量。", "执行工作的质量和效率明显提高。", "监督力度不断加大。", "整改质量和进度不断加快推进。"],
}

# verb -> (object heads it does not take, the verb that fits them)
MISFITS = {
    "加强": (("水平",), "提高"),
    "增强": (("水平",), "提高"),
    "改善": (("水平",), "提高"),
    "加快": (("水平", "质量"), "提高"),
    "提高": (("力度",), "加大"),
    "提升": (("力度",), "加大"),
    "扩大": (("水平", "力度"), "提高（加大）"),
    "加大": (("水平", "质量", "覆盖面"), "提高（扩大）"),
}
# The verb, then up to 14 characters of its object in the same clause (no comma, no other verb of
# the kind between), then the head, ending the clause or followed by 和 and a second head.
CLAUSE = r"[^，,。；;：:！？!?\n]"
PATTERN = re.compile(rf"(加强|增强|改善|加快|提高|提升|扩大|加大)({CLAUSE}{{0,14}}?)(水平|力度|质量|覆盖面)"
                     r"(?=[，,。；;！？!?、]|$)", re.M)
OTHER_VERBS = ("提高", "提升", "加强", "增强", "加大", "扩大", "保持", "达到", "改善", "确保", "保证", "推动", "促进", "和")


# The head as the subject, the verb after it (质量和效率明显加强, 监督力度不断提高): head -> the
# verbs it does not take as its predicate, and the verb that fits.
PREDICATE_MISFITS = {
    "水平": (("加强", "增强", "加快", "扩大", "加大"), "提高"),
    "质量": (("加强", "增强", "加大"), "提高"),
    "效率": (("加强", "增强", "加大", "扩大"), "提高"),
    "力度": (("提高", "提升", "增强"), "加大"),
}
SUBJECT = re.compile(r"(水平|质量|效率|力度)(明显|显著|不断|进一步|大幅|大大|有所|持续|稳步|逐步|得到|得以)?"
                     r"(加强|增强|加快|扩大|加大|提高|提升)(?=了?(?:[，,。；;！？!?、]|$))", re.M)


def check(draft, ctx):
    for para, start, end, m in ctx.scan(SUBJECT):
        head, verb = m.group(1), m.group(3)
        verbs, fit = PREDICATE_MISFITS[head]
        if verb in verbs:
            yield ctx.finding(ID, SEVERITY, para, start, end, f"“{head}”与“{verb}”搭配不当，宜用“{fit}”", BASIS)
    for para, start, end, m in ctx.scan(PATTERN):
        verb, between, head = m.group(1), m.group(2), m.group(3)
        heads, fit = MISFITS[verb]
        if head not in heads or any(v in between for v in OTHER_VERBS):
            continue  # 加强队伍建设和提高服务水平: the head belongs to another verb
        yield ctx.finding(ID, SEVERITY, para, start, end, f"“{verb}”与“{head}”搭配不当，宜用“{fit}”", BASIS)
    for para, start, end, m in ctx.scan(SECOND_HEAD):
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          "“加大”与“覆盖面”搭配不当：写作“加大……力度，扩大覆盖面”", BASIS)


# 加大……力度和覆盖面: one verb for two objects, the second of which it does not take.
SECOND_HEAD = re.compile(rf"加大{CLAUSE}{{0,14}}?力度(?:和|与|及)覆盖面")
