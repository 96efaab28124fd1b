"""`drafter people import`: a list of 任免 decisions → terms of office in the people register.

A 任免 list, as a 人大常委会 publishes it after a meeting:

    恒阳县人民代表大会常务委员会任免名单
    （2026年3月20日恒阳县第十九届人民代表大会常务委员会第二十一次会议通过）
    任命张三为恒阳县人民检察院副检察长；
    免去李四的恒阳县人大常委会办公室主任职务。

or with headings (一、任命 / 二、免去) and one "张三为……" / "李四的……职务" a line. Each decision
takes the date (and the meeting, as ``body``) of the nearest date line above it, else the first
below it. 任命、选举、补选、聘任 open a term; 免去、撤销、罢免 and 接受……辞去……职务的请求 end one.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..check.people import Register, Term
from ..errors import DrafterError

HAN = "[\u4e00-\u9fff·]"
NAMES = rf"{HAN}{{2,4}}?(?:(?:同志)?、{HAN}{{2,4}}?)*"
DATE_LINE = re.compile(r"[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(.{0,80}?)(?:通过|决定|批准)\s*[）)]")
APPOINT = re.compile(rf"^(?:决定)?(?:任命|选举|补选|聘任)?({NAMES})(?:同志)?为({HAN}.{{1,58}}?)$")
REMOVE = re.compile(rf"^(?:决定)?(?:免去|撤销|罢免)?({NAMES})(?:同志)?的({HAN}.{{1,58}}?)职务$")
RESIGN = re.compile(rf"^(?:决定)?接受({NAMES})(?:同志)?辞去({HAN}.{{1,58}}?)职务的请求$")
HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])?\s*(任命|免去|免职|撤销|罢免|选举|补选|聘任)[：:]?$")
OPENING = ("任命", "选举", "补选", "聘任")
CLOSING = ("免去", "撤销", "罢免")
PIECES = re.compile(r"[^；;。，,]+")  # 任命张三为……，王五为……: the verb carries over the comma


@dataclass
class Decision:
    appoint: bool  # True: a term begins; False: a term ends
    name: str
    post: str
    line: int  # the paragraph of the list it was read from
    day: dt.date | None = None
    body: str | None = None


def _names(text: str) -> list[str]:
    return [n.removesuffix("同志") for n in text.split("、") if n]


def verb_of(piece: str) -> str | None:
    piece = piece.strip(" \t　").removeprefix("决定")
    return next((v for v in OPENING + CLOSING if piece.startswith(v)), None)


def _read(piece: str, line: int, mode: str | None) -> list[Decision]:
    """The decisions one clause states, given the verb it stands under (a heading's 任命 or
    免去, or the verb of the clause before it in the sentence)."""
    piece = piece.strip(" \t　")
    verb = verb_of(piece)
    resign = RESIGN.match(piece)
    if resign:
        return [Decision(False, n, resign.group(2), line) for n in _names(resign.group(1))]
    if verb in CLOSING or (verb is None and mode in CLOSING + ("免职",)):
        m = REMOVE.match(piece)
        return [Decision(False, n, m.group(2), line) for n in _names(m.group(1))] if m else []
    if verb in OPENING or (verb is None and mode in OPENING):
        m = APPOINT.match(piece)
        return [Decision(True, n, m.group(2), line) for n in _names(m.group(1))] if m else []
    return []


def parse(paragraphs: list[tuple[int, str]], file: str, day: dt.date | None = None) -> list[Decision]:
    """The decisions of a 任免 list, each dated; ``day`` dates them when the list has no date line.

    Raises DrafterError when the list states no decision, or a decision has no date.
    """
    decisions: list[Decision] = []
    dates: list[tuple[int, dt.date, str | None]] = []  # (index of the next decision, date, body)
    mode = None
    for number, text in paragraphs:
        text = text.strip()
        m = DATE_LINE.search(text)
        if m:
            try:
                when = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                raise DrafterError(f"日期“{m.group()}”不存在", file=file, line=number) from None
            dates.append((len(decisions), when, m.group(4).strip(" ，,") or None))
            continue
        heading = HEADING.match(text)
        if heading:
            mode = heading.group(1)
            continue
        carried = mode
        for piece in PIECES.findall(text):
            decisions.extend(_read(piece, number, carried))
            carried = verb_of(piece) or carried
    if not decisions:
        raise DrafterError("没有读到任免决定（应为“任命张三为……”“免去李四的……职务”这样的句子）", file=file)
    for i, d in enumerate(decisions):
        above = [x for x in dates if x[0] <= i]
        found = above[-1] if above else (dates[0] if dates else None)
        if found:
            d.day, d.body = found[1], found[2]
        elif day:
            d.day = day
        else:
            raise DrafterError("找不到任免决定的通过日期（如“（2026年3月20日……会议通过）”），可用 --date 指定",
                               file=file, line=d.line)
    return decisions


def merge(register: Register, decisions: list[Decision]) -> tuple[Register, list[str]]:
    """The register with the decisions applied, and what changed, in words. A decision already
    recorded changes nothing, so importing a list twice is harmless."""
    terms = list(register.terms)
    changes: list[str] = []
    for d in sorted(decisions, key=lambda d: (d.day, d.appoint)):  # a day's removals before its appointments
        mine = [(i, t) for i, t in enumerate(terms) if t.name == d.name and t.post == d.post]
        if d.appoint:
            if any(t.start == d.day or (t.holds(d.day) and t.end is None) for _, t in mine):
                continue
            terms.append(Term(len(terms), d.name, d.post, d.body, d.day, None))
            changes.append(f"新增：{d.name}任{d.post}，自{d.day.isoformat()}起")
            continue
        if any(t.end == d.day for _, t in mine):
            continue
        open_terms = [(i, t) for i, t in mine if (t.start is None or t.start < d.day) and (t.end is None or t.end > d.day)]
        if open_terms:
            i, t = open_terms[-1]
            terms[i] = Term(t.index, t.name, t.post, t.body, t.start, d.day, t.note)
            changes.append(f"免职：{d.name}的{d.post}，至{d.day.isoformat()}")
        else:
            terms.append(Term(len(terms), d.name, d.post, d.body, None, d.day, "据免职决定录入，任职日期不详"))
            changes.append(f"新增：{d.name}至{d.day.isoformat()}免去{d.post}（任职日期不详）")
    return Register(register.file, terms), changes
