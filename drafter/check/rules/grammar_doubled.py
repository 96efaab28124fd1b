"""grammar.doubled: a character or word typed twice (对对、的的、作风风建设、我们我们), also across
the break of a pasted line, or 把 repeated within one clause."""

import re

from .. import words as word_layer

ID = "grammar.doubled"
SEVERITY = "warning"
FIXABLE = False
DOC = ("字词重复：介词、连词、助词连打两次（对对代表建议、在在全市范围内、关于关于、任务的的），词语中的字多打一个"
       "（作风风建设），词语连打两次（培训培训、我们我们、提高提高、第十六届第十六届），换行处重复的词（上一行末尾“全面推进”，下一行开头又是"
       "“推进”），或同一分句中用了两个“把”（把……把作为）。“对对口”“在在建”“与与会”之类是两个词，“人人”“常常”"
       "“一个一个”、口语里“要研究研究”之类的重叠是正常说法，不报。")
BASIS = "实务：删去多打的虚词，一个分句中的介词不重复使用"
FIXTURES = {
    "bad": ["常委会对对代表提出的建议高度重视。", "要在在全市范围内开展视察活动。", "常委会关于关于加强监督的决定。",
            "常委会把对代表建议的办理情况把作为监督重点。", "要按照方案的要求，把各项任务把落到实处。", "通过通过多种方式听取意见。",
            "加强护理人员培训培训，切实提高服务水平。", "完善工作工作机制。", "已完成全年任务的的60%。", "在服务群众的的过程中增长才干。",
            "增强作风风建设的自觉性。", "我们我们要认真学习领会。", "组织代表开展了了接待活动。", "明年是是开局之年。", "开展专题调研12次次。", "会议在桐川市召开召开。", "请县人民政府认真研究研究处理。",
            "在桐川市第十六届第十六届人民代表大会第七次会议上", "各代表代表小组推荐部分代表。", "要提高提高履职能力。",
            "常委会坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，全面推进\n推进依法治国。",
            "代表来自人民、植根人民，要进一步\n进一步密切同人民群众的联系。",
            "宪法和有关法律学习辅导；代表联系群众的方法与\n方法与实践。"],
    "good": ["常委会组成人员要对对口联系的代表常走访。", "对在在建项目中发现的问题要及时整改。",
             "要与与会代表充分交流。", "对群众反映的问题不能不了了之。", "要把学习贯彻会议精神作为重要任务，把工作抓实。",
             "家家户户和和美美。", "让人民群众感受到实实在在的获得感。", "被被告人起诉。", "要把把关作用发挥好。", "要把这件事把握好。", "由一把手把关，把好方向。", "把情况摸清、把问题找准", "既把情况摸清又把问题找准，并把措施落实。",
             "这件事要研究研究。", "问题不能不了了之。", "要有有效的措施。", "上上个月召开了会议。", "全村300人人均收入提高。", "大家再商量商量。", "回去好好学习学习。", "研究研究再定。", "讨论讨论、研究研究。", "雪白雪白的墙。", "水哗啦哗啦地流。", "一个一个地落实。", "一点一点地积累。", "一年一年地坚持下来。", "一项一项抓落实。", "实实在在的获得感。", "代表代表人民的利益行使国家权力。",
             "的的确确如此。", "常委会会议审议通过。", "县县长热线。", "一天天地进步。", "学习习近平总书记重要讲话精神。",
             "人人参与，常常讲。", "这是是非问题。", "做到件件有着落、事事有回音。", "专题询问问得很直接。", "超时时给出警告。", "把工作作为重点。", "让人民群众感受到实实在在的获得感。",
             "常委会坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，全面推进\n依法治国。",
             "关于加强和改进代表工作\n代表工作是人大工作的重要组成部分。",
             "一、提高政治站位，抓好学习贯彻\n学习贯彻全国两会精神，是当前的一项重要政治任务。"],
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
WORD_TWICE = re.compile(r"([\u4e00-\u9fff]{2,4})\1")
# 代表代表人民: the noun, then the verb (read so only before what a verb 代表 takes).
SAID_TWICE_OK = {"代表": ("人民", "群众", "广大", "全体", "全", "各", "选民", "本", "了", "着", "的是")}
VERB_DOUBLING = tuple("要 再 来 去 请 让 好好 可以 应该 得 需 想 能 帮 都 也 就".split())
# Verbs of an action that takes a while, which speech doubles to soften it (研究研究, 商量商量):
# right after 要/再/请/大家… or before the end of the clause (这件事要研究研究。). Any other verb
# doubled (提高提高, 制定制定) is a slip, and so is a softened one followed by another verb
# (研究研究处理) or after 的.
SOFTENED = frozenset(("研究 讨论 商量 考虑 琢磨 思考 掂量 交流 沟通 了解 打听 学习 总结 反思 回顾 整理 收拾 打扫 "
                      "休息 活动 锻炼 准备 比较 分析 检查 调查 走访 熟悉 体验 感受 放松 介绍 说明 解释 请教 议论 "
                      "看看 聊聊 说说 想想 听听 问问 试试").split())
MEASURES_TOO = "步件项条届轮遍趟回份张篇页段句字"  # measures the dictionary tags otherwise (一步一步, 一项一项)
HORTATIVE = VERB_DOUBLING + tuple("大家 一起 咱们 我们 先 再 好 请".split())
SOFTENED_AFTER = "吧呢啊一看再、，,。；;！？!?"
# Parts of speech whose ABAB doubling is a word's own form: state words (雪白雪白), sounds (哗啦哗啦),
# interjections and modal particles.
DOUBLING_TAGS = ("z", "o", "e", "y")
BA = re.compile("把")
# 把 as a preposition: not 一把手, 把握, 把关 (the character begins or ends another word).
NOT_PREPOSITION_BEFORE = "一这那两几火车扶刀"
NOT_PREPOSITION_AFTER = "握关脉持控手式门柄戏子"
CLAUSE_MARKS = "，,。；;：:！？!?、"  # 把情况摸清、把问题找准: parallel phrases
PARALLEL = "并又也再还既要和与及或而就才都"  # 把A摸清并把B找准


# Any other Han character twice: the word layer tells a typed-twice character (作风/风/建设, 的/的)
# from a word (人人, 常常) or two words meeting (常委会/会议, 学习/习近平).
CHAR_TWICE = re.compile(r"([\u4e00-\u9fff])\1")
HANDLED = "对把在被从向和与及于以将给由为跟或"  # the first pattern above
MEASURES = "件个条项样处次场人事家户村天年月日"
DIGITS = "0123456789０１２３４５６７８９"
# Words that are never doubled on purpose: typed twice, each copy a word of one character alone
# (开展了了, 明年是是开局之年, 要要加强).
FUNCTION_WORDS = "是要了有中上受拟占使让着过就都也还又很最更"
POSTPOSITIONS = "时中上下里内外前后间"  # 超时时给出警告, 会议期间间隙: "when", "in" after a word ending alike
WORD_TAGS = ("n", "vn", "r")  # nouns and pronouns typed twice (培训培训, 我们我们); a verb doubled is a spoken form
# A heading's number: a heading stops where it likes (一、提高政治站位，抓好学习贯彻 / 学习贯彻……).
HEADING = re.compile(r"(?:[一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|第[一二三四五六七八九十]+[章节条部分])")
# 一是一是: a numbering marker typed twice, which numbering reports.
MARKER_WORD = re.compile(r"[一二三四五六七八九十]是")
CJK_WORD = re.compile(r"[\u4e00-\u9fff]{2,4}")


def _char_twice(ctx):
    for para, start, end, m in ctx.scan(CHAR_TWICE):
        char, text = m.group(1), para.text
        if char in HANDLED or (start and text[start - 1] == "一"):
            continue  # reported above; 一天天, 一步步: a measure word doubled
        if (start >= 2 and text[start - 2] == text[start - 1]) or (end + 1 < len(text) and text[end] == text[end + 1]):
            continue  # three in a row, or AABB (竞竞业业, 件件有着落、事事): not a slip of one character
        if char in MEASURES and start and text[start - 1] in DIGITS:
            if not word_layer.frequency(text[start + 1:end + 1]):  # 300人人均: 人均 a word
                yield ctx.finding(ID, SEVERITY, para, start, end, f"“{char}”重复，疑为多打", BASIS, suggestion=char)
            continue  # 开展专题调研2次次: a measure after a number is said once
        if char in FUNCTION_WORDS:
            words = word_layer.around(text, start, end)
            first = next((w for w in words if w.start <= start < w.end), None)
            second = next((w for w in words if w.start <= start + 1 < w.end), None)
            if first is not None and second is not None and first is not second \
                    and len(first.text) == 1 and len(second.text) == 1:
                yield ctx.finding(ID, SEVERITY, para, start, end, f"“{char}”重复，疑为多打", BASIS, suggestion=char)
            continue  # otherwise one copy is part of a word (不了了之, 是非, 有效, 上个月)
        if char in MEASURES or (word_layer.tag(char) or "").startswith("q"):
            continue  # 件件有着落, 条条: a measure word doubled means "every"
        words = word_layer.around(text, start, end)
        second = next((w for w in words if w.start == start + 1), None)
        first = next((w for w in words if w.end == start + 1), None)
        if first is None or second is None or len(second.text) != 1:
            continue  # XX is one word (人人) or the second begins a word (县/县长, 常委会/会议)
        if len(first.text) == 1 and word_layer.frequency(char * 2):
            continue  # a word the dictionary knows, cut otherwise here
        after = next((w.text for w in words if w.start == end), "")
        if char in POSTPOSITIONS or second.tag in ("x", "eng", "m", "f") or second.tag.startswith("v") \
                or after in ("得", "了", "着", "过"):
            continue  # a verb after a word ending in it reads on (询问/问得很直接)
        yield ctx.finding(ID, SEVERITY, para, start, end, f"“{char}”重复，疑为多打", BASIS, suggestion=char)


INSIDE_MARKS = "，,；;、"  # marks that stand inside a sentence, never at the end of a title


def _across_break(draft, ctx):
    """A word doubled across the break of a pasted line (……全面推进 / 推进依法治国……), where the first
    line stops in mid-sentence."""
    previous = None
    for para in draft.paragraphs:
        text = para.text.strip()
        if previous is not None and text and len(previous) > 10 and "\u4e00" <= previous[-1] <= "\u9fff":
            for n in (4, 3, 2):
                word = text[:n]
                # a line of 40 characters stops in mid-sentence; a shorter one only when it holds a
                # mark inside a sentence (a title has none) and the word is of three characters or more
                if previous.endswith(word) and CJK_WORD.fullmatch(word) and (
                        len(previous) > 40 or (n >= 3 and any(c in previous for c in INSIDE_MARKS)
                                               and not HEADING.match(previous))):
                    start = para.text.index(text)
                    yield ctx.finding(ID, SEVERITY, para, start, start + n,
                                      f"“{word}”在换行处重复了（上一行末尾已有），删去一个", BASIS, suggestion="")
                    break
        previous = text


def check(draft, ctx):
    yield from _char_twice(ctx)
    yield from _across_break(draft, ctx)
    for para, start, end, m in (hit for pattern in DOUBLED for hit in ctx.scan(pattern)):
        word = m.group(1)
        after = para.text[end:end + 1]
        if after and after in WORD_AFTER.get(word, ""):
            continue
        text = para.text
        if (start >= 2 and text[start - 2] == text[start - 1]) or (end + 1 < len(text) and text[end] == text[end + 1]):
            continue  # AABB reduplication: 实实在在, 和和美美, 是是非非
        yield ctx.finding(ID, SEVERITY, para, start, end, f"“{word}”重复，疑为多打", BASIS, suggestion=word)
    yield from _word_twice(ctx)
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


def _word_twice(ctx):
    """A word of two to four characters typed twice (培训培训, 提高提高, 第十六届第十六届). A word of
    three or four characters is never doubled on purpose; one of two is, in a few shapes: 一个一个
    (one by one), 研究研究 (a softened verb), 雪白雪白 (a state word)."""
    for para, start, end, m in ctx.scan(WORD_TWICE):
        word, text = m.group(1), para.text
        if len(set(word)) == 1 or MARKER_WORD.fullmatch(word):
            continue  # 哈哈哈哈: one character over and over; 一是一是: a marker (numbering's)
        if (start and text[start - 1] == word[-1]) or text.startswith(word[0], end):
            continue  # the doubled run is cut out of a longer one (……的是是的)
        if len(word) == 2:
            if word[0] == "一" and ((word_layer.tag(word[1]) or "").startswith(("q", "m")) or word[1] in MEASURES_TOO):
                continue  # 一个一个, 一步一步: one by one
            if word in SAID_TWICE_OK and text.startswith(SAID_TWICE_OK[word], end):
                continue
            if word in SOFTENED and text[start - 1:start] != "的" and (
                    text[max(0, start - 3):start].endswith(HORTATIVE) or end == len(text) or text[end] in SOFTENED_AFTER):
                continue  # 要研究研究, 大家再商量商量。: a verb softened by doubling, not followed by another verb
            if (word_layer.tag(word) or "").startswith(DOUBLING_TAGS):
                continue
        yield ctx.finding(ID, SEVERITY, para, start, end, f"“{word}”重复，疑为多打", BASIS, suggestion=word)


def _preposition(text: str, i: int) -> bool:
    before, after = text[i - 1:i] if i else "", text[i + 1:i + 2]
    return not (before and before in NOT_PREPOSITION_BEFORE) and not (after and after in NOT_PREPOSITION_AFTER)
