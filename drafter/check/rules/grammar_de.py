"""grammar.de: 的 where an adverbial needs 地 (认真的落实) or a complement needs 得 (做的很好)."""

import re

from .. import words as word_layer

ID = "grammar.de"
SEVERITY = "warning"
FIXABLE = False
DOC = ("的、地、得误用：状语后接动词应用“地”（认真地落实、积极地推进、清醒地看到），动词后接补语应用“得”"
       "（做得很扎实、完成得很好）；作宾语的偏正短语用“的”（有了更深入的理解、提供更好的服务）。"
       "状语不在常见词表里时，“的”后是“做好、走好”这类带结果的动词、带“了”的动词，或“的”前是“要、应当、必须”"
       "加一个表方式的词（要严肃的查处），也查。可能误报，故为警告。")
BASIS = "实务：状语和中心语之间用“地”，中心语和补语之间用“得”，定语和中心语之间用“的”"
FIXTURES = {
    "bad": ["各级人大要认真的落实会议部署。", "常委会有效的推动了一批项目落地。", "去年的监督工作做的很扎实。", "要把代表工作做的更好。",
            "要不断的提高履职能力。", "民生实事项目落实的很到位。", "我们也要清醒的看到，问题依然存在。",
            "引导企业、社会组织积极的参与。", "使大家有了更加深入地理解。", "将为代表履职提供更好地服务和保障。",
            "对议案进行了认真地研究。", "党员干部要自觉的参与志愿服务。", "高效的完成了各项任务。", "各项实事项目完成的较好。",
            "要扎扎实实的推动各项工作落地。", "目前各项准备工作进展的很顺利。", "要把问题找的准、分析透。",
            "要把工作做的更细、更实。", "代表工作做的好不好，群众说了算。", "把问题梳理的清清楚楚。",
            "把群众的意见收集的全面一些。", "三个报告总结得全面、部署的具体。",
            "让代表定期地、有序的进站接待群众。", "希望各位代表经常的、主动地走到群众中去。", "全县人民要更加紧密的团结在党中央周围。",
            "把情况摸的清、问题找得准。", "让孩子们住得安心、学的开心。",
            "把问题解决的更彻底一些。", "把会务工作做的更细更实。", "问题找的不准。", "几位同志的发言交流的很充分。", "抓的不紧、落实的不好。", "宣传面不够广，问题发现的不及时。", "实实在在的解决问题，做到件件有回音。", "我局将采取有效地措施。", "代表要认真的看、仔细地问。",
            "较好的完成了各项任务。", "代表们踊跃的发言。", "项目落实的怎么样，直接关系到公信力。",
            "各部门要认真负责的抓好整改。", "代表们实事求是的分析了存在的问题。", "对违法行为要严厉的打击。",
            "我们将进一步的优化营商环境。", "要始终如一的走好群众路线。",
            "解决重建轻管地现象。", "对有待提高得问题进行梳理。"],
    "good": ["代表们取得的较好成绩值得肯定。", "解决土地问题和项目落地情况。", "纠正乱占耕地现象。", "目的地问题。",
             "使得问题更加突出。", "值得问题导向。", "出行目的地情况。", "要以认真的态度、扎实的作风、有效的措施抓好落实。", "开展有效的监督，进行深入的调研。",
             "实行积极的财政政策。", "去年的监督工作做得很扎实。", "我们做的很多工作得到了肯定。",
             "要认真地落实会议部署。", "接受严格的监督是应尽的义务。", "这是积极的参与。", "开展认真的学习。",
             "有了更加深入的理解。", "提供更好的服务和保障。", "提供土地资源，更好地服务群众。",
             "得到了积极的回应。", "取得了积极的效果。", "全年高效的完成率达到98%。", "扎扎实实的作风。",
             "这是自觉的参与。", "得到了有效的保护。", "有的多，有的少。", "我们做的很多工作得到了肯定。",
             "要把问题找得准、分析透。", "同样的问题不能再出现。",
             "要制定统一的流转合同示范文本。", "实行统一的流转程序。", "加快进度的做法。",
             "让人民群众感受到更多实实在在的获得感。",
             "正视工作中存在的不足。", "给群众带来的不便。", "系统的更新。", "群众的不满。", "这是我们的不对。",
             "有的好一些，有的差一些。", "解决的办法不多。",
             "报告写得全面、群众的评价好。", "问得很直接、答得很坦诚，达到了预期的目的。", "这是一次认真的学习、深入的交流。", "听得进、看得见的成效。", "各地踊跃的参与令人感动。", "积极的参与是关键。", "这个方案的很多内容。", "他说的都对。", "大家讲的都很好。", "他说的不对。", "我们做的还不够。", "同志们的很多意见。", "深入各地、实地的调研。", "各地、各部门的同志。", "认真的态度、扎实的作风。",
             "将进一步的工作安排报告如下。", "要加强有效的监督。", "将有效的监督贯穿始终。", "这是大家的决定了。",
             "要开展的调研活动有三项。", "需要严格的管理。", "将群众的反映汇总上报。", "取得的好成绩来之不易。"],
}

ADVERBS = tuple(("认真 积极 扎实 切实 有效 不断 广泛 深入 全面 严格 主动 及时 稳步 持续 大力 努力 充分 坚决 "
                 "密切 妥善 耐心 迅速 逐步 进一步 依法 热情 细致 深刻 牢牢").split())
VERBS = ("落实|推进|推动|开展|加强|提高|提升|听取|学习|贯彻|执行|解决|办理|做好|抓好|完成|实施|履行|"
         "参与|检查|研究|处理|改进|发挥|促进|保障|维护|宣传|整改|回应|反映|了解|掌握|支持|配合|引导|"
         "组织|查处|化解|做到|把握|领会|融入|服务|联系|收集|吸纳|审议|审查|跟踪|督办|完善|健全|对接|沟通|协调|"
         "推进|部署|谋划|调研|走访|接待|答复|转办|交办|梳理|排查|整治|破解|传达|宣讲|践行|遵守|行使")
# Both patterns start with the literal 的, which re finds fast; the word before is checked in a
# fixed window (str.endswith over a tuple), never by rescanning the paragraph.
ADVERBIAL = re.compile(rf"的({VERBS})")
# 开展有效的监督, 接受严格的监督: after these verbs the 的 phrase is an object, not an adverbial.
TAKES_OBJECT = tuple(("开展 进行 实施 实行 加强 采取 作出 做出 给予 接受 受到 得到 形成 提供 组织 推进 了 "
                      "是 有 以 用 靠 凭 通过 经过 坚持 保持 需要 作为 的").split())
COMPLEMENT = re.compile(r"的(很|非常|比较|十分|更加|更好|不够|不太|越来越|特别|相当|不错|扎实|到位)")
COMPLEMENT_VERBS = tuple(("做 完成 落实 开展 搞 办 抓 干 推进 执行 贯彻 落地 解决 讲 写 说 学 走 跑 变 建 管 "
                          "发展 建设 进行 处理 安排").split())


# 清醒的看到，: an adjective, 的, then a word the dictionary calls a verb ending the clause. The
# word layer is asked only when the words before 的 are one of these adverbials.
ADJECTIVES = ADVERBS + tuple(("清醒 自觉 清楚 准确 顺利 彻底 坚定 正确 深深 紧紧 默默 大胆 真正 尽快 尽早 及早 "
                              "逐一 全力 客观 公正 精准 科学 合理 稳妥 有序 高效 灵活 明确 集中 统一 广泛 "
                              "紧密 耐心 细心 仔细 用心 虚心 诚恳 慎重 经常 定期 踊跃 较好 反复 "
                              "一如既往 不折不扣 迫不及待 一脉相承 实事求是 积极主动 认认真真 扎扎实实").split())
CLAUSE_VERB = re.compile(r"的([\u4e00-\u9fff]{2})(?=[，,。；;！？!?、：:]|$)", re.M)
NOMINAL = TAKES_OBJECT + tuple(("发挥 起到 给予 提供 取得 获得 赢得 体现 展现 表现 表示 感到 引起 加以 予以 这 那 种 个 项 次 "
                                "一些 一定 许多 很多 更多 较多 诸多").split())
# Nouns that often follow an adjective and 的: ruled out before the dictionary is loaded.
NOUNS_AFTER = frozenset(("效果 作用 态度 作风 措施 成效 成果 成绩 进展 变化 影响 贡献 意见 精神 方式 方法 氛围 "
                         "局面 环境 政策 基础 条件 保障 支持 评价 反响 回应 结果 目标 要求 责任 关系 状态").split())
# 有了更加深入地理解, 提供更好地服务: after a verb taking an object, the 地 phrase is that object.
DEGREE = ("更加", "更为", "十分", "非常", "比较", "较为", "进一步", "更", "很", "最")
OBJECT_DI = re.compile(r"(?:有了|提供了?|进行了?|作出了?|做出了?|给予了?|得到了?|受到了?|取得了?|加深了?|采取了?|"
                       r"制定了?|出台了?|拿出了?)"
                       r"([\u4e00-\u9fff]{1,5}?)地([\u4e00-\u9fff]{2})(?=[，,。；;！？!?、和与及]|$)", re.M)


# What follows a noun phrase that is the subject (踊跃的参与令人感动, 积极的参与是关键).
PREDICATES = ("是", "令", "使", "让", "很", "为", "成为", "得到", "受到", "离不开", "必不可少")
COUNTERS = frozenset("这 那 种 个 项 次".split())  # 一次认真的学习: a measure makes the 的 phrase a noun
NOUNS_TOO = ("组织", "服务")  # takers that are nouns too, after another noun


def _verb_before(text: str, at: int, word: str) -> bool:
    """Whether ``word`` before ``at`` is a word of its own (开展), not the end of a longer one
    (社会组织): asked of the word layer only when one of the object-taking words stands there."""
    words = word_layer.around(text, at - len(word), at)
    for i, w in enumerate(words):
        if w.end == at:
            if w.start != at - len(word):
                return w.tag.startswith("v")
            before = words[i - 1] if i else None
            if before is None:
                return True
            if word in NOUNS_TOO and before.tag.startswith("n"):
                return False  # 社会组织、基层组织: after a noun, the noun 组织
            return not (word_layer.tag(before.text + w.text) or "").startswith("n")  # 党组织: a noun the dictionary knows
    return True


def _ending(text: str, end: int, words: tuple[str, ...]) -> str | None:
    window = text[max(0, end - 4):end]
    for w in words:
        if window.endswith(w):
            return w
    return None


def check(draft, ctx):
    seen = set()  # the passes overlap at the edges (主动的作为): one finding per place
    for finding in _all(ctx):
        key = (finding.paragraph, finding.offset, finding.length)
        if key not in seen:
            seen.add(key)
            yield finding


def _all(ctx):
    if "的" in ctx.text:
        yield from _de(ctx)
        yield from _de_words(ctx)
        yield from _complements(ctx)
        yield from _parallels(ctx)
    if "地" in ctx.text:
        yield from _di(ctx)
    if "地" in ctx.text or "得" in ctx.text:
        yield from _before_noun(ctx)


# 地 or 得 right before a noun that heads a noun phrase (重建轻管地现象, 有待提高得问题): the phrase
# before it is an attribute, which takes 的. Not when 地/得 ends a word (土地问题, 落地情况, 取得成绩
# is no case here: 成绩 is not among the heads; 目的地问题).
HEAD_NOUN = re.compile(r"(?<=[\u4e00-\u9fff])[地得](?=问题|现象|情况|局面|状况|做法|行为|倾向|风气|苗头)")


def _before_noun(ctx):
    for para, start, end, m in ctx.scan(HEAD_NOUN):
        text = para.text
        if word_layer.frequency(text[start - 1:end]) or start >= 2 and word_layer.frequency(text[start - 2:end]):
            continue  # 土地, 落地, 取得, 所得; 目的地, 根据地
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{m.group()}”后是名词“{text[end:end + 2]}”，前面的短语作定语，应用“的”", BASIS, suggestion="的")


# 的 between two Han words: the word layer says what they are (扎扎实实的推动, 自觉的参与, 高效的完成).
DE = re.compile(r"(?<=[\u4e00-\u9fff])的(?=[\u4e00-\u9fff])")
REDUPLICATED = re.compile(r"([\u4e00-\u9fff])\1([\u4e00-\u9fff])\2\Z")  # AABB: 扎扎实实, 认认真真
MODIFIER_TAGS = ()  # the dictionary's tags are not asked: its "d" holds nouns too (进度), and asking loads it
# A verb of two characters before the modifier makes the 的 phrase its object (制定统一的流转合同);
# these are the verbs that leave it an adverbial (要自觉地参与, 必须认真地落实).
MODALS = frozenset("应当 应该 能够 可以 必须 务必 需要 要求 继续 坚持 始终 一直 共同".split())
# A verb followed by these is a noun phrase's head (完成的情况) or the 的 is a noun's (高效的完成率).
NOUN_AFTER_VERB = tuple("率 者 量 度 性 感 权 观 情况 工作 过程 效果 方式 能力 水平 质量 结果 任务 成绩 问题".split())
# One character after the verb that may follow a verb in an adverbial phrase (参与到, 完成了); any
# other single character there is read as a suffix making a noun (获得感, 参与度).
VERB_FOLLOWERS = set("了着过到在好出起上下进为给成完入住来去，,。；;：:！？!?、）)“《")
# 进展的很顺利, 找的准: 的 right after a verb, before a degree adverb and its adjective, or before a
# one-character complement, at the end of a clause.
DEGREE_COMPLEMENT = re.compile(r"的(?:很|非常|十分|比较|更加|特别|相当|越来越|较为|较|极为|还算|不太|不够)"
                               r"([\u4e00-\u9fff]{1,2})(?=[，,。；;！？!?、：:）)]|$)", re.M)
BARE_COMPLEMENT = re.compile(r"(?<=[\u4e00-\u9fff])的([准好快实细稳深透牢足全对早严紧狠活])(?=[，,。；;！？!?、]|$)", re.M)
# The degree adverb counts words (做的很多工作, 想的更多是): not a complement.
COUNTING = "多少"


# One-character verbs an adverbial may take before a pause or a complement (认真的看、仔细地记,
# 主动的走到群众中去, 迫不及待的去解决, 切实的把……摆上): the dictionary's other single verbs are too often
# the head of a noun phrase.
SINGLE_VERBS = frozenset("看听问记走去把查想说讲干抓学做")


def _beside(text: str, start: int, end: int):
    """The words just before and just after the 的 at ``start``, when the segmenter keeps it a word
    of its own between two others (None otherwise)."""
    words = word_layer.around(text, start, end)
    i = next((k for k, w in enumerate(words) if w.start == start and w.text == "的"), None)
    if not i or i + 1 >= len(words):
        return None
    return words[i - 1], words[i + 1]


def _verb_word(text: str, verb) -> bool:
    """Whether the word after 的 is a verb an adverbial modifies."""
    if verb.tag == "v" and len(verb.text) >= 2:
        return True
    if verb.tag == "a" and len(verb.text) == 2 and text[verb.end:verb.end + 1] in "在于到向":
        return True  # 团结在……周围: the dictionary calls it an adjective, the 在 after it says verb
    if verb.tag == "n" and len(verb.text) >= 4:
        return word_layer.tag(verb.text[:2]) == "v"  # 解决问题, cut as one noun: a verb and its object
    if verb.tag in ("l", "i") and len(verb.text) >= 3:
        return word_layer.tag(verb.text[:2]) == "v"  # 发表意见, 落到实处: a verb and its object
    return verb.text in SINGLE_VERBS and (verb.text in "去把" or text[verb.end:verb.end + 1] in "、，,。；;到好着")


# A modifier outside the lists above is read as an adverbial only where what follows 的 can be
# nothing but a verb phrase: a verb with a result (做好, 走好), a verb with 了 (审议了), or a verb
# after a modal and one word of manner (要严肃的查处, 将进一步的优化).
RESULTATIVE = re.compile(r"[做走抓管用建护办守带讲学写]好")
MODAL_BEFORE = ("要", "应", "应当", "应该", "必须", "务必", "一定要", "将")
# Verbs the dictionary calls nouns too that after 的 are read as nouns even after a modal
# (将进一步的工作安排报告如下, 要加强有效的监督).
VN_NOUNS = frozenset(("工作 发展 建设 管理 服务 监督 支持 帮助 保障 领导 指导 安排 部署 要求 规划 计划 改革 合作 "
                      "交流 活动 调研 宣传 教育 培训 保护 投入 治理 协调 沟通 联系 检查 评价 考核 反馈").split())
MANNER_TAGS = ("a", "ad", "d", "i", "l", "z", "b")  # the dictionary's words of manner
NOT_MODIFIER = ("r", "m", "q", "t", "p", "c", "u", "f", "v", "nr", "ns", "nt", "nz", "x", "e", "y")


def _unlisted_adverbial(words, i: int, text: str) -> bool:
    """Whether the word before the 的 at ``words[i]``, not in the lists, is an adverbial of the verb
    after it: by a result (做好), a 了, or a modal just before the modifier."""
    before, verb = words[i - 1], words[i + 1]
    if len(before.text) < 2 or before.tag.startswith(NOT_MODIFIER):
        return False
    nxt = words[i + 2] if i + 2 < len(words) else None
    if RESULTATIVE.match(text, verb.start) or (nxt is not None and nxt.text == "了" and verb.tag.startswith("v")):
        return True
    modal = words[i - 2].text if i >= 2 else ""
    if modal not in MODAL_BEFORE or not before.tag.startswith(MANNER_TAGS):
        return False
    return modal != "将" or before.tag in ("d", "ad")  # 将 is 把 too: 将有效的监督贯穿始终


def _de_words(ctx):
    """的 where 地 or 得 is due, told by the parts of speech around it (beyond the lists above)."""
    seen = set()
    for para, start, end, m in ctx.scan(DE):
        text = para.text
        if text.startswith(("的确", "的话"), start):
            continue
        modifier = _ending(text, start, ADJECTIVES) or (text[start - 4:start] if start >= 4 and
                                                         REDUPLICATED.match(text[start - 4:start]) else None)
        verbal = bool(RESULTATIVE.match(text, end) or text.startswith("了", end + 2)
                      or any(text.endswith(w, 0, start - k) for k in (2, 3, 4) for w in MODAL_BEFORE))
        if not (modifier or verbal) or text[end:end + 2] in NOUNS_AFTER or \
                modifier and text[start - len(modifier) - 1:start - len(modifier)] in ("是", "为", "有", "的", "了"):
            continue  # cheap looks first: the word layer is asked only after a listed or AABB adverbial, or a verb's sign
        words = word_layer.around(text, start, end)
        i = next((k for k, w in enumerate(words) if w.start == start and w.text == "的"), None)
        if i is None or i == 0 or i + 1 >= len(words):
            continue
        before, verb = words[i - 1], words[i + 1]
        if before.start < start - 4:
            continue
        unlisted = verbal and _unlisted_adverbial(words, i, text)
        if not _verb_word(text, verb) and not (unlisted and verb.tag == "vn" and len(verb.text) == 2
                                               and verb.text not in VN_NOUNS):
            continue  # 优化, 管理: a verb the dictionary calls a noun too, taken as a verb after a modal
        if not (modifier or unlisted):
            continue
        reduplicated = REDUPLICATED.match(before.text)
        listed = before.text in ADJECTIVES or (modifier in ADJECTIVES and before.start > start - len(modifier))
        if listed and before.text not in ADJECTIVES:  # 较好 cut 较/好: the listed word is the modifier
            before = word_layer.Word(modifier, "d", start - len(modifier), start)
        if not (reduplicated or listed or (unlisted and not modifier) or before.tag in MODIFIER_TAGS):
            continue
        if _ending(text, start, ADVERBS) and re.match(rf"({VERBS})", text[end:]):
            continue  # the list above reports it
        if text.startswith(NOUN_AFTER_VERB + PREDICATES, verb.end) or text.startswith("的", verb.end):
            continue  # 高效的完成情况, 认真的研究的结果: a noun phrase
        nxt = words[i + 2] if i + 2 < len(words) else None
        if nxt is not None and len(nxt.text) == 1 and nxt.text not in VERB_FOLLOWERS:
            continue  # 实实在在的获得感: a suffix the dictionary does not join
        at = before.start
        at -= next((len(d) for d in DEGREE if text.endswith(d, 0, at)), 0)
        taker = _ending(text, at, NOMINAL)
        if taker and (taker in COUNTERS or _verb_before(text, at, taker)):
            continue  # an object (得到了有效的保护, 进行认真的研究), not an adverbial
        if i >= 2 and words[i - 2].text in ("是", "为", "有", "的", "了"):
            continue  # 是积极的参与: a noun phrase after 是
        if i >= 2 and words[i - 2].tag.startswith("v") and len(words[i - 2].text) > 1 \
                and words[i - 2].text not in MODALS:
            continue  # 制定统一的流转合同: the object of the verb before
        if (para.number, before.start) in seen:
            continue
        seen.add((para.number, before.start))
        yield ctx.finding(ID, SEVERITY, para, before.start, verb.end,
                          f"“{before.text}”修饰动词“{verb.text}”，应用“地”", BASIS,
                          suggestion=f"{before.text}地{verb.text}")
    for para, start, end, m in ctx.scan(DEGREE_COMPLEMENT):
        if m.group(1)[0] in COUNTING:
            continue
        text = para.text
        words = word_layer.around(text, start, start + 1)
        j = next((k for k, w in enumerate(words) if w.start == start and w.text == "的"), None)
        if not j:
            continue
        verb = words[j - 1]
        if not verb.tag.startswith("v") and word_layer.tag(verb.text[-2:]) not in ("v", "vn") \
                and not (verb.tag == "n" and len(verb.text) == 2 and text[start - 3:start - 2] not in "的之"):
            continue  # 他们的很多, 今年的很好: no verb before the 的
        if _ending(text, start, COMPLEMENT_VERBS) and COMPLEMENT.match(text, start):
            continue  # the pass over COMPLEMENT reports it
        word = verb.text if len(verb.text) <= 2 else verb.text[-2:]
        yield ctx.finding(ID, SEVERITY, para, start - len(word), end, f"动词“{word}”后接补语，应用“得”", BASIS,
                          suggestion=f"{word}得{text[start + 1:end]}")
    for para, start, end, m in ctx.scan(BARE_COMPLEMENT):
        text = para.text
        verb = text[start - 1]
        if word_layer.frequency(verb + "的") or word_layer.frequency(text[start - 1:end]):
            continue  # 有的, 目的, 别的; 的确
        words = word_layer.around(text, start - 1, end)
        k = next((n for n, w in enumerate(words) if w.start == start - 1), None)
        if k is None or words[k].text != verb or words[k].tag != "v" or k + 1 >= len(words) or words[k + 1].text != "的":
            continue  # the character is no verb of its own here
        yield ctx.finding(ID, SEVERITY, para, start - 1, end, f"动词“{verb}”后接补语“{m.group(1)}”，应用“得”", BASIS,
                          suggestion=f"{verb}得{m.group(1)}")


# More complements after 的 than the degree adverbs above: 做的更细, 讲的都很实在, 了解的不多 (the
# adverb a word of its own, then a short predicate ending the clause); 做的好不好, 写的怎么样 (a
# question of how well); 梳理的清清楚楚 (a doubled adjective); 收集的全面一些 (an adjective and 一些).
SHORT_COMPLEMENT = re.compile(r"的(?:(?:更|不|太)(?:很|更|非常|比较)?[\u4e00-\u9fff]{1,2}(?:更[\u4e00-\u9fff])?(?:一些|一点)?|([\u4e00-\u9fff]{1,2})不\1|怎么样|怎样|如何|"
                              r"([\u4e00-\u9fff])\2([\u4e00-\u9fff])\3|[\u4e00-\u9fff]{1,2}(?:一些|一点))"
                              r"(?=[，,。；;！？!?、：:）)]|$)", re.M)
LEADS = ("更", "不", "太")
# 的不 is a complement only before a one-character adjective (找的不准, 抓的不紧): 他说的不对,
# 做的不够 read as "what he said", "what was done". 的都, 的还 are left alone for the same reason
# (代表们提的都很中肯).
NEGATED = frozenset("准好快实细稳深透牢足全早严紧狠活清")
# and these words of how well a thing is done (问题发现的不及时, 落实的不到位)
NEGATED_WORDS = frozenset("及时 到位 扎实 深入 全面 充分 彻底 细致 透彻 明显 理想 规范".split())
# What a noun phrase ends in after 的 at the end of a clause: 存在的不足, 带来的不便, 系统的更新.
NOT_COMPLEMENT = ("不足", "不便", "不利", "不良", "不当", "不同", "不是", "不少", "更新", "更多", "都是", "还是", "还有")


def _complements(ctx):
    for para, start, end, m in ctx.scan(SHORT_COMPLEMENT):
        text = para.text
        after = text[start + 1:end]
        if after.startswith(NOT_COMPLEMENT):
            continue
        if after.startswith("不") and not m.group(1) and not (
                (after[1:2] in NEGATED and after[2:] in ("", "一些", "一点")) or after[1:] in NEGATED_WORDS):
            continue
        pair = _beside(text, start, end)
        if pair is None:
            continue
        verb, nxt = pair
        if after.startswith(LEADS) and nxt.text not in LEADS and not m.group(1) \
                and not (nxt.tag.startswith(("a", "z")) and verb.tag.startswith("v")) \
                and not (nxt.text.startswith("不") and verb.tag.startswith("v")):
            continue  # 更新, 不足: the word after 的 is not the adverb of its own (but 更稳, 不准 are)
        if verb.tag.startswith(("r", "t", "m", "q", "x", "u", "p", "c", "nr", "ns")) or len(verb.text) > 2:
            continue  # 我们的不, 今年的更: no verb before the 的
        if not (verb.tag.startswith(("v", "n", "a")) or word_layer.tag(verb.text) in ("v", "vn")):
            continue
        if verb.text in ("有", "是", "别", "为", "目", "新", "大", "小", "好") or word_layer.frequency(verb.text + "的"):
            continue  # 有的好一些, 别的, 新的更大贡献: no verb and complement
        yield ctx.finding(ID, SEVERITY, para, verb.start, end, f"动词“{verb.text}”后接补语，应用“得”", BASIS,
                          suggestion=f"{verb.text}得{after}")


# 的 in one of two parallel phrases whose other one has 得 or 地 (学得深、悟得透、用的好; 定期地、有序的进站;
# 经常的、主动地走): the parallel shows what the 的 stands for.
SEPARATORS = "、，,"
PARALLEL_COMPLEMENT = re.compile(r"(?<=[\u4e00-\u9fff])的([\u4e00-\u9fff]{1,3})(?=[、，,。；;！？!?]|$)", re.M)
SIBLING_DE = re.compile(r"得(?:更|很|不)?[\u4e00-\u9fff]{1,3}$")
PARALLEL_ADVERBIAL = re.compile(r"([\u4e00-\u9fff]{2})的(?=[、，,]([\u4e00-\u9fff]{2,4})地[\u4e00-\u9fff])|"
                                r"(?<=地[、，,])([\u4e00-\u9fff]{2,4})的(?=[\u4e00-\u9fff])")
NOT_DI = "土基各当本实外耕园阵林湿绿用场属就落异两产腹高盆山田草陆境营驻工墓领天"


def _segment(text: str, start: int, end: int, before: bool) -> str:
    """The phrase next to text[start:end] across one separator, before or after it."""
    if before:
        if start == 0 or text[start - 1] not in SEPARATORS:
            return ""
        lo = max(0, start - 12)
        cut = max(text.rfind(c, lo, start - 1) for c in SEPARATORS + "。；;：:")
        return text[max(cut + 1, lo):start - 1]
    if end >= len(text) or text[end] not in SEPARATORS:
        return ""
    hi = min(len(text), end + 13)
    cuts = [i for i in (text.find(c, end + 1, hi) for c in SEPARATORS + "。；;！？!?") if i >= 0]
    return text[end + 1:min(cuts) if cuts else hi]


def _parallels(ctx):
    for para, start, end, m in ctx.scan(PARALLEL_COMPLEMENT):
        text = para.text
        if SHORT_COMPLEMENT.match(text, start):
            continue  # reported above
        lo = max(0, start - 8)
        cut = max(text.rfind(c, lo, start) for c in SEPARATORS + "。；;：:！？!?")
        phrase_start = cut + 1 if cut >= 0 else (0 if start - lo < 8 else -1)
        if phrase_start < 0 or start - phrase_start > 6 or "得" in text[phrase_start:start]:
            continue  # a long phrase, or one with its own 得 (听得进、看得见的成效)
        sibling = _segment(text, phrase_start, end, True) or _segment(text, phrase_start, end, False)
        if not SIBLING_DE.search(sibling) and not SIBLING_DE.search(_segment(text, phrase_start, end, False)):
            continue
        pair = _beside(text, start, end)
        if pair is None:
            continue
        verb, nxt = pair
        if not (verb.tag.startswith("v") or len(verb.text) == 1 or (verb.tag == "n" and nxt.tag == "a")) \
                or verb.text in ("有", "是", "别", "为"):
            continue  # 群众的评价好: no verb before 的
        if not (nxt.tag.startswith(("a", "d", "z")) or nxt.text in LEADS or len(m.group(1)) <= 2) \
                or nxt.tag.startswith("n"):
            continue  # a noun phrase after 的 (问得很直接、答得很坦诚，达到了预期的目的)
        yield ctx.finding(ID, SEVERITY, para, verb.start, end, f"与并列的“得”字短语对照，“{verb.text}”后接补语，应用“得”",
                          BASIS, suggestion=f"{verb.text}得{m.group(1)}")
    for para, start, end, m in ctx.scan(PARALLEL_ADVERBIAL):
        text = para.text
        if m.group(1):
            modifier, other = m.group(1), m.group(2)
            if other[-1] in NOT_DI:
                continue  # 各地, 实地: a noun in 地
            begin = start
        else:
            modifier = m.group(3)
            if text[start - 3:start - 2] in NOT_DI or start < 4 or text[start - 4] in "的地得":
                continue
            begin = start
        yield ctx.finding(ID, SEVERITY, para, begin, end, f"与并列的“地”字短语对照，“{modifier}”是状语，应用“地”",
                          BASIS, suggestion=f"{modifier}地")


def _de(ctx):
    """的 where 地 or 得 is due."""
    flagged = set()
    for para, start, end, m in ctx.scan(ADVERBIAL):
        adverb = _ending(para.text, start, ADVERBS)
        if not adverb or _ending(para.text, start - len(adverb), TAKES_OBJECT + tuple(COUNTERS)):
            continue
        if para.text.startswith(PREDICATES, end):
            continue  # 积极的参与是关键: the 的 phrase is a subject
        flagged.add((para.number, start))
        start -= len(adverb)
        verb = m.group(1)
        yield ctx.finding(ID, SEVERITY, para, start, end, f"“{adverb}”修饰动词“{verb}”，应用“地”", BASIS,
                          suggestion=f"{adverb}地{verb}")
    for para, start, end, m in ctx.scan(COMPLEMENT):
        verb = _ending(para.text, start, COMPLEMENT_VERBS)
        if not verb:
            continue
        if m.group(1) == "很" and para.text[end:end + 1] in ("多", "少"):
            continue  # 做的很多工作: 的 before a noun phrase
        start -= len(verb)
        degree = m.group(1)
        yield ctx.finding(ID, SEVERITY, para, start, end, f"动词“{verb}”后接补语，应用“得”", BASIS,
                          suggestion=f"{verb}得{degree}")
    for para, start, end, m in ctx.scan(CLAUSE_VERB):
        verb = m.group(1)
        adjective = _ending(para.text, start, ADJECTIVES)
        if not adjective or (para.number, start) in flagged or verb in NOUNS_AFTER:
            continue  # not an adverbial, or reported above
        at = start - len(adjective)
        at -= next((len(d) for d in DEGREE if para.text.endswith(d, 0, at)), 0)  # 有了更加深入的理解
        taker = _ending(para.text, at, NOMINAL)
        if taker and (taker in COUNTERS or _verb_before(para.text, at, taker)):
            continue  # an object (开展认真的学习), not an adverbial
        if word_layer.tag(verb) != "v":
            continue  # the dictionary's verbs only: 积极的效果, 认真的态度 are nouns after 的
        start -= len(adjective)
        yield ctx.finding(ID, SEVERITY, para, start, end, f"“{adjective}”修饰动词“{verb}”，应用“地”", BASIS,
                          suggestion=f"{adjective}地{verb}")


def _di(ctx):
    """地 where 的 is due: the 地 phrase is the object of the verb before it."""
    for para, start, end, m in ctx.scan(OBJECT_DI):
        modifier, noun = m.group(1), m.group(2)
        plain = next((modifier[len(d):] for d in DEGREE if modifier.startswith(d) and len(modifier) > len(d)), None)
        if plain is None and modifier not in ADJECTIVES:
            continue  # no adverbial before 地 (提供土地资源)
        begin = start + (m.start(1) - m.start())
        yield ctx.finding(ID, SEVERITY, para, begin, end,
                          f"“{modifier}{'地'}{noun}”作前面动词的宾语，是偏正短语，应用“的”", BASIS,
                          suggestion=f"{modifier}的{noun}")
