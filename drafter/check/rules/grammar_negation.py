"""grammar.negation: a negation that reverses the meaning (防止……不再反弹, 防止不发生, 切忌不要)."""

import re

from .. import words as word_layer

ID = "grammar.negation"
SEVERITY = "warning"
FIXABLE = False
DOC = ("否定不当：“防止、避免、杜绝、以免”本身有否定意思，后面再用“不再”“不发生”“不出现”，意思就反了"
       "（防止问题不再反弹，实为希望问题反弹；防止……不走过场、不流于形式也是如此），紧接着写“不”也是如此（防止不违规举债）；“切忌、切勿、切莫、严禁”后面再用“不要、不能、不得”也是如此"
       "（切忌不要贪大求全）。删去“不”或“不要”。")
BASIS = "实务：病句类型“否定不当”（多重否定使意思相反）"
FIXTURES = {
    "bad": ["坚决防止已整改问题不再反弹。", "坚决避免违规举债问题不再发生。", "避免智慧城管平台不再沦为摆设。",
            "要及时整改，以免问题不会再次出现。", "防止不发生因供水中断影响群众生活的情况。",
            "严防问题不出现反弹。", "提建议切忌不要贪大求全。", "切勿不要轻信。", "严禁不得擅自改变用途。",
            "要建立长效机制，防止不小区改造后环境反弹。", "坚决杜绝不违规举债。", "避免不会再出现类似问题。",
            "坚决防止监督工作不流于形式。", "防止代表活动不走过场。", "严防整改不打折扣。", "防止专项资金不被挪用。"],
    "good": ["坚决防止已整改问题反弹。", "确保已整改问题不再反弹。", "避免违规举债问题再次发生。",
             "防止问题反弹，做到问题不再发生。", "防止工作不落实、措施不到位。", "防止不作为、乱作为。",
             "避免不必要的损失。", "杜绝不合理收费。", "切忌贪大求全。", "严禁擅自改变用途。", "禁止不戴头盔骑车。",
             "避免不同部门之间推诿扯皮。", "防止不按程序办事。", "防止不落实、不到位。", "避免不良影响。", "这个问题避免不了。", "以免不慎泄露。", "防止不合格产品流入市场。",
             "防止不具备条件的项目上马。", "防止不符合条件的人员进入。",
             "防止代表活动走过场。", "确保监督不走过场、不流于形式。", "防止问题回潮，确保整改不打折扣。", "防止专项资金被挪用。", "确保资金不被挪用。"],
}

PATTERN = re.compile(r"(?:防止|避免|杜绝|防范|严防|谨防|以免|以防)[^，,。；;：:！？!?\n]{0,24}?"
                     r"(?:不再|不会再|不(?:会|致)?(?:发生|出现|反弹|复发|蔓延|扩大|回潮|走过场|流于形式|走样|打折扣)|不被[\u4e00-\u9fff])")
# 切忌不要: a word that forbids, then a second "do not".
# 防止不……, 避免不再……: the negation right after the word that already says "keep from". A 不 that
# begins a word of its own (不必要, 不合理, 不良) or negates a duty or a quality (防止不作为、不落实,
# 杜绝不文明) names the fault to be prevented and is right.
ADJACENT = re.compile(r"(?:防止|避免|杜绝|以免|以防|谨防|严防|防范)不(再|会|致)?(?=[\u4e00-\u9fff])")
FAULTS = tuple(("了 作为 落实 到位 担当 履职 尽责 负责 执行 按 依 照 顾 讲 守 遵 听 够 足 力 利 适 良 法 当 实 公 同 正 "
                "及时 严格 认真 规范 文明 安全 稳定 公平 公正 公开 透明 健康 平衡 协调 充分 全面 准确 合理 合法 合规 "
                "一致 必要 科学 真实 完整 清楚 明确 到底 作为 慎 少 合格 具备 符合 达标 健全 完善 匹配 相符 熟悉 适应 "
                "知情 了解 掌握 重视 尊重 配合 兑现 满足 充足").split())
FORBID = re.compile(r"(?:切忌|切勿|切莫|严禁|务必不)(?:再)?(?:不要|不能|不可|不得|不准|别)")


def check(draft, ctx):
    seen = set()
    for para, start, end, m in ctx.scan(ADJACENT):
        text = para.text
        if not m.group(1):
            if text.startswith(FAULTS, end) or any(word_layer.frequency("不" + text[end:end + k]) for k in (2, 3)):
                continue  # 防止不作为, 避免不必要的: the fault itself
        seen.add((para.number, start))
        negation = text[start + 2:end]
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{text[start:start + 2]}”后又用“{negation}”，意思相反，删去“{negation}”", BASIS)
    for para, start, end, m in ctx.scan(PATTERN):
        if (para.number, start) in seen:
            continue
        text = m.group()
        negation = text[text.rindex("不"):]
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{text[:2]}”后又用“{negation}”，意思相反，删去“不”", BASIS)
    for para, start, end, m in ctx.scan(FORBID):
        text = m.group()
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{text[:2]}”已是禁止之意，后面再用“{text[2:].lstrip('再')}”，意思相反，删去其一", BASIS)
