"""grammar.negation: a negation that reverses the meaning (防止……不再反弹, 防止不发生, 切忌不要)."""

import re

ID = "grammar.negation"
SEVERITY = "warning"
FIXABLE = False
DOC = ("否定不当：“防止、避免、杜绝、以免”本身有否定意思，后面再用“不再”“不发生”“不出现”，意思就反了"
       "（防止问题不再反弹，实为希望问题反弹）；“切忌、切勿、切莫、严禁”后面再用“不要、不能、不得”也是如此"
       "（切忌不要贪大求全）。删去“不”或“不要”。")
BASIS = "实务：病句类型“否定不当”（多重否定使意思相反）"
FIXTURES = {
    "bad": ["坚决防止已整改问题不再反弹。", "坚决避免违规举债问题不再发生。", "避免智慧城管平台不再沦为摆设。",
            "要及时整改，以免问题不会再次出现。", "防止不发生因供水中断影响群众生活的情况。",
            "严防问题不出现反弹。", "提建议切忌不要贪大求全。", "切勿不要轻信。", "严禁不得擅自改变用途。"],
    "good": ["坚决防止已整改问题反弹。", "确保已整改问题不再反弹。", "避免违规举债问题再次发生。",
             "防止问题反弹，做到问题不再发生。", "防止工作不落实、措施不到位。", "防止不作为、乱作为。",
             "避免不必要的损失。", "杜绝不合理收费。", "切忌贪大求全。", "严禁擅自改变用途。", "禁止不戴头盔骑车。"],
}

PATTERN = re.compile(r"(?:防止|避免|杜绝|防范|严防|谨防|以免|以防)[^，,。；;：:！？!?\n]{0,24}?"
                     r"(?:不再|不会再|不(?:会|致)?(?:发生|出现|反弹|复发|蔓延|扩大))")
# 切忌不要: a word that forbids, then a second "do not".
FORBID = re.compile(r"(?:切忌|切勿|切莫|严禁|务必不)(?:再)?(?:不要|不能|不可|不得|不准|别)")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        text = m.group()
        negation = text[text.rindex("不"):]
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{text[:2]}”后又用“{negation}”，意思相反，删去“不”", BASIS)
    for para, start, end, m in ctx.scan(FORBID):
        text = m.group()
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{text[:2]}”已是禁止之意，后面再用“{text[2:].lstrip('再')}”，意思相反，删去其一", BASIS)
