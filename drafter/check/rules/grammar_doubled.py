"""grammar.doubled: a function word typed twice (对对、在在), or 把 repeated within one clause."""

import re

ID = "grammar.doubled"
SEVERITY = "warning"
DOC = ("虚词重复：介词、连词连打两次（对对代表建议、在在全市范围内、关于关于），或同一分句中用了两个"
       "“把”（把……把作为）。“对对口”“在在建”“与与会”之类是两个词，不报。")
BASIS = "实务：删去多打的虚词，一个分句中的介词不重复使用"
FIXTURES = {
    "bad": ["常委会对对代表提出的建议高度重视。", "要在在全市范围内开展视察活动。", "常委会关于关于加强监督的决定。",
            "常委会把对代表建议的办理情况把作为监督重点。", "通过通过多种方式听取意见。"],
    "good": ["常委会组成人员要对对口联系的代表常走访。", "对在在建项目中发现的问题要及时整改。",
             "要与与会代表充分交流。", "对群众反映的问题不能不了了之。", "要把学习贯彻会议精神作为重要任务，把工作抓实。",
             "家家户户和和美美。", "让人民群众感受到实实在在的获得感。", "被被告人起诉。", "要把把关作用发挥好。"],
}

# One-character words by a character class (fast to find), two-character words by their own group.
DOUBLED = re.compile(r"([对把在被从向和与及于以将给由为跟或])\1"
                     r"|(通过|关于|对于|按照|根据|围绕|但是|因为|所以|如果|虽然|并且|而且)\2")
# The second copy begins a word of its own: 对 + 对口, 在 + 在建, 与 + 与会.
WORD_AFTER = {
    "对": "口象手方策照接话比应待外标岸", "把": "关握脉", "在": "建职岗校编押任办谈线途", "和": "谐平睦美",
    "与": "会", "从": "业事严政", "被": "告动害", "以": "往上下前后来外内及", "于": "是", "将": "来军",
    "为": "民人期止主", "由": "于来衷", "向": "往导前", "给": "予", "及": "时早", "或": "者许",
}
BA_VERB = re.compile(r"把(?:作为|列为|当作|当成|看作|视为|放在|摆在|纳入|融入|贯穿)")
CLAUSE_MARKS = "，,。；;：:！？!?"


def check(draft, ctx):
    for para, start, end, m in ctx.scan(DOUBLED):
        word = m.group(1) or m.group(2)
        after = para.text[end:end + 1]
        if after and after in WORD_AFTER.get(word, ""):
            continue
        text = para.text
        if (start >= 2 and text[start - 2] == text[start - 1]) or (end + 1 < len(text) and text[end] == text[end + 1]):
            continue  # AABB reduplication: 实实在在, 和和美美, 是是非非
        yield ctx.finding(ID, SEVERITY, para, start, end, f"“{word}”重复，疑为多打", BASIS, suggestion=word)
    for para, start, end, m in ctx.scan(BA_VERB):
        if start and para.text[start - 1] == "把":
            continue  # 把把作为: reported above as a doubled word
        lo = max(0, start - 40)  # a fixed window: never a rescan of the paragraph
        left = max(max(para.text.rfind(c, lo, start) for c in CLAUSE_MARKS) + 1, lo)
        first = para.text.find("把", left, start)
        if first >= 0:
            yield ctx.finding(ID, SEVERITY, para, start, start + 1,
                              f"同一分句中已有“把”（第{first + 1}字），这里的“把”多余", BASIS, suggestion="")
