"""glossary.dated: a term outside its validity period for the document's date (“十四五”规划 in 2026)."""

import re

from ..glossary import month_label

ID = "glossary.dated"
SEVERITY = "warning"
DOC = ("时效：有有效期的提法（如“十四五”规划 2021—2025 年）出现在有效期以外的文稿中，提醒核实是否应改用现行提法；"
       "回顾以往的说法（圆满收官、过去五年、……以来、完成情况、紧跟在提法后的……实施情况/落实情况（中期评估除外）、共作出……项、制定法规……件，以及句首“‘十四五’时期，……”这样叙述当时做了什么、不提要求的）和展望以后的说法（明年是……开局之年、"
       "编制……规划）不报；说某年是一个时期的收官之年、开局之年，而那一年不是它的最后一年、第一年的（2024年说"
       "今年是“十四五”规划的收官之年），也报。")
BASIS = "规范提法词库（各条目注明出处）"
FIXABLE = False


# A period that has ended is still named rightly in a later draft when the draft looks back:
# 推动“十四五”规划圆满收官, 过去五年, “十四五”时期，全区共制定……, 主要指标完成情况. (收官之年 is
# no looking back: 今年是“十四五”规划收官之年 in 2026 is the slip the rule is for.)
LOOKING_BACK = re.compile("(?:圆满|顺利|胜利|全面)收官|收官以来|以来|回顾|总结|过去|(?:圆满|胜利|顺利)完成|完成情况|取得了|已经"
                          "|期间|累计|跃上|(?:共|建成)(?!同)[\u4e00-\u9fff]{0,12}?\\d")
# How the period's own plan or resolution was carried out, named right after it (“八五”普法规划实施情况的报告,
# “八五”普法决议贯彻落实情况): an account of a period that has ended, unless it is a mid-term review.
CARRIED_OUT = re.compile("[^，,。；;！？!?]{0,12}?(?:实施|落实|执行)情况(?!的?中期)")
# A tally of work done (制定地方性法规14件，修改9件) tells the period as past, unless the sentence
# sets it as a goal (要、将、计划、力争……).
TALLY = re.compile("[\u4e00-\u9fff]\\d+(?:件|项|部|次|个|条|家|所)")
GOAL = re.compile("要|将|计划|力争|确保|争取|目标|预计")
# A period set before its sentence as its time (“十四五”时期，全区……) tells what happened in it, unless
# the sentence sets a goal: a draft written after the period looks back.
SETTING = ("，", ",")
# A period that has not begun is named rightly in an earlier draft when the draft looks ahead:
# 明年是“十五五”规划的开局之年, 编制“十五五”规划 (in 2025).
LOOKING_AHEAD = re.compile("明年|即将|将要|编制|起草|展望")
REACH = 200  # characters looked at on each side: a sentence, never the whole of a long paragraph
CLAUSE = re.compile(f"[^。；;！？!?]{{0,{REACH}}}")


YEAR = re.compile(r"(\d{4})年")


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence around [start, end), without those characters, at most REACH a side."""
    floor = max(start - REACH, 0)
    left = max(floor, *(text.rfind(ch, floor, start) + 1 for ch in "。；;！？!?"))
    return text[left:start] + text[end:CLAUSE.match(text, end).end()]


def _looking_back(text: str, start: int, end: int, year: int) -> bool:
    """Whether the sentence around [start, end) speaks of the period as past: a looking-back
    word, a count of what was done (共作出决议决定46项), or a year before the draft's
    (2025年是“十四五”规划收官之年, in 2026)."""
    sentence = _sentence(text, start, end)
    return (bool(LOOKING_BACK.search(sentence)) or bool(CARRIED_OUT.match(text, end))
            or any(int(y) < year for y in YEAR.findall(sentence))
            or bool((TALLY.search(sentence) or text.startswith(SETTING, end)) and not GOAL.search(sentence)))


def _looking_ahead(text: str, start: int, end: int, year: int) -> bool:
    """Whether the sentence around [start, end) speaks of the period as to come: a looking-ahead
    word, or a year after the draft's."""
    sentence = _sentence(text, start, end)
    return bool(LOOKING_AHEAD.search(sentence)) or any(int(y) > year for y in YEAR.findall(sentence))


# A year said to be a period's first or last: 今年是“十四五”规划的收官之年, 2026年是“十五五”开局之年.
MILESTONE = re.compile(r"[^。；;！？!?，,]{0,16}?(收官|开局|起步|决胜)之年")
WHICH_YEAR = re.compile(r"(今年|明年|去年|(\d{4})年)[^。；;！？!?，,]{0,6}?是[^。；;！？!?，,]{0,24}$")
SHIFT = {"今年": 0, "明年": 1, "去年": -1}


def _milestone(text: str, hit, first: int, last: int, year: int, term: str, source: str) -> str | None:
    """The message for a year said to be the period's first or last when it is not."""
    said = MILESTONE.match(text, hit.end)
    which = WHICH_YEAR.search(text, max(0, hit.start - 40), hit.start)
    if not said or not which:
        return None
    named = int(which.group(2)) if which.group(2) else year + SHIFT[which.group(1)]
    kind = said.group(1)
    right = last if kind in ("收官", "决胜") else first
    if named == right:
        return None
    whose = "" if which.group(2) else source
    return (f"“{term}”时期为{first}—{last}年，{kind}之年是{right}年，这里说的是{named}年，请核实{whose}")


def check(draft, ctx):
    if draft.date is None:
        return
    year, month = draft.date.year, draft.date.month
    # A year without a day (the text's 今年) is outside a period only when all of it is.
    earliest, latest = ((year, 1), (year, 12)) if draft.year_only else ((year, month),) * 2
    dated = f"{year}年" if draft.year_only else f"{year}年{month}月"
    source = f"（文稿日期取自{draft.date_source}）" if draft.date_source else ""
    for para in draft.paragraphs:
        done = set()
        for hit in ctx.hits(para):
            entry = hit.entry
            valid = entry.data.get("valid")
            if hit.kind != "term" or not valid or entry.term in done:
                continue
            start, end = valid.get("from"), valid.get("to")
            message = None
            if start and latest < (start[0], start[1] or 1) and not _looking_ahead(para.text, hit.start, hit.end, year):
                message = f"“{entry.term}”始于{month_label(start)}，晚于文稿日期{dated}，请核实{source}"
            elif end and earliest > (end[0], end[1] or 12) and not _looking_back(para.text, hit.start, hit.end, year):
                successor = entry.data.get("successor")
                tail = f"；现行提法为“{successor}”" if successor else ""
                message = f"“{entry.term}”的时限至{month_label(end)}，文稿日期为{dated}，如指当前工作请核实{tail}{source}"
            if not message and start and end:
                message = _milestone(para.text, hit, start[0], end[0], year, entry.term, source)
            if message:
                done.add(entry.term)
                yield ctx.finding(ID, SEVERITY, para, hit.start, hit.end, message, entry.basis,
                                  suggestion=entry.data.get("successor"))
