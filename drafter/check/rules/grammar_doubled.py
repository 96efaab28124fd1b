"""grammar.doubled: a function word typed twice (对对、在在), or 把 repeated within one clause."""

import re

from .. import words as word_layer

ID = "grammar.doubled"
SEVERITY = "warning"
FIXABLE = False
DOC = ("词语重复：介词、连词连打两次（对对代表建议、在在全市范围内、关于关于），名词连打两次（培训培训），"
       "或同一分句中用了两个“把”（把……把作为）。“对对口”“在在建”“与与会”之类是两个词，"
       "“研究研究”之类的动词重叠是口语说法，不报。")
BASIS = "实务：删去多打的虚词，一个分句中的介词不重复使用"
FIXTURES = {
    "bad": ["常委会对对代表提出的建议高度重视。", "要在在全市范围内开展视察活动。", "常委会关于关于加强监督的决定。",
            "常委会把对代表建议的办理情况把作为监督重点。", "要按照方案的要求，把各项任务把落到实处。", "通过通过多种方式听取意见。",
            "加强护理人员培训培训，切实提高服务水平。", "完善工作工作机制。"],
    "good": ["常委会组成人员要对对口联系的代表常走访。", "对在在建项目中发现的问题要及时整改。",
             "要与与会代表充分交流。", "对群众反映的问题不能不了了之。", "要把学习贯彻会议精神作为重要任务，把工作抓实。",
             "家家户户和和美美。", "让人民群众感受到实实在在的获得感。", "被被告人起诉。", "要把把关作用发挥好。", "要把这件事把握好。", "由一把手把关，把好方向。", "把情况摸清、把问题找准", "既把情况摸清又把问题找准，并把措施落实。",
             "这件事要研究研究。", "大家再商量商量。", "一个一个地落实。", "实实在在的获得感。", "代表代表人民的利益行使国家权力。"],
}

# One-character words by a character class (fast to find), two-character words by their own group.
# Two patterns, not one alternation: each alone lets re skip quickly over the text.
DOUBLED = (re.compile(r"([对把在被从向和与及于以将给由为跟或])\1"),
           re.compile(r"(通过|关于|对于|按照|根据|围绕|但是|因为|所以|如果|虽然|并且|而且)\1"))
# The second copy begins a word of its own: 对 + 对口, 在 + 在建, 与 + 与会.
WORD_AFTER = {
    "对": "口象手方策照接话比应待外标岸", "把": "关握脉", "在": "建职岗校编押任办谈线途", "和": "谐平睦美",
    "与": "会", "从": "业事严政", "被": "告动害", "以": "往上下前后来外内及", "于": "是", "将": "来军",
    "为": "民人期止主", "由": "于来衷", "向": "往导前", "给": "予", "及": "时早", "或": "者许",
}
# A two-character word typed twice (培训培训); the word layer says whether it is a noun (a verb
# doubled, 研究研究, is a spoken form, and 代表代表人民 is a noun and a verb).
WORD_TWICE = re.compile(r"([\u4e00-\u9fff]{2})\1")
SAID_TWICE_OK = ("代表",)  # 代表代表人民: the noun, then the verb
VERB_DOUBLING = tuple("要 再 来 去 请 让 好好 可以 应该 得 需 想 能 帮 都 也 就".split())
BA = re.compile("把")
# 把 as a preposition: not 一把手, 把握, 把关 (the character begins or ends another word).
NOT_PREPOSITION_BEFORE = "一这那两几火车扶刀"
NOT_PREPOSITION_AFTER = "握关脉持控手式门柄戏子"
CLAUSE_MARKS = "，,。；;：:！？!?、"  # 把情况摸清、把问题找准: parallel phrases
PARALLEL = "并又也再还既要和与及或而就才都"  # 把A摸清并把B找准


def check(draft, ctx):
    for para, start, end, m in (hit for pattern in DOUBLED for hit in ctx.scan(pattern)):
        word = m.group(1)
        after = para.text[end:end + 1]
        if after and after in WORD_AFTER.get(word, ""):
            continue
        text = para.text
        if (start >= 2 and text[start - 2] == text[start - 1]) or (end + 1 < len(text) and text[end] == text[end + 1]):
            continue  # AABB reduplication: 实实在在, 和和美美, 是是非非
        yield ctx.finding(ID, SEVERITY, para, start, end, f"“{word}”重复，疑为多打", BASIS, suggestion=word)
    for para, start, end, m in ctx.scan(WORD_TWICE):
        word = m.group(1)
        if word[0] == word[1] or word in SAID_TWICE_OK:
            continue  # 实实在在 and the like; words that double as a verb after themselves
        tag = word_layer.tag(word) or ""
        if not tag.startswith(("n", "vn")) or para.text[max(0, start - 2):start].endswith(VERB_DOUBLING):
            continue  # not a noun, or a verb doubled after 要/再/来 (要研究研究)
        yield ctx.finding(ID, SEVERITY, para, start, end, f"“{word}”重复，疑为多打", BASIS, suggestion=word)
    for para, start, end, m in ctx.scan(BA):
        text = para.text
        if not _preposition(text, start) or (start and text[start - 1] in "把" + PARALLEL):
            continue  # 把把: reported above as a doubled word; 并把: a second phrase of its own
        lo = max(0, start - 40)  # a fixed window: never a rescan of the paragraph
        left = max(max(text.rfind(c, lo, start) for c in CLAUSE_MARKS) + 1, lo)
        first = text.rfind("把", left, start)
        while first >= 0 and not _preposition(text, first):
            first = text.rfind("把", left, first)
        if first >= 0 and start - first > 1:
            yield ctx.finding(ID, SEVERITY, para, start, start + 1,
                              f"同一分句中已有“把”（第{first + 1}字），这里的“把”多余", BASIS, suggestion="")


def _preposition(text: str, i: int) -> bool:
    before, after = text[i - 1:i] if i else "", text[i + 1:i + 2]
    return not (before and before in NOT_PREPOSITION_BEFORE) and not (after and after in NOT_PREPOSITION_AFTER)
