"""usage.lawname: a law cited in 书名号 by a wrong full name, or by its short name before its full name."""

from __future__ import annotations

import re
from functools import lru_cache

from ... import safeyaml
from ...resources import shipped
from ...schema import Field, ListOf, Record, SchemaError, Text
from ._laws import PREFIX

ID = "usage.lawname"
SEVERITY = "warning"
FIXABLE = False
DOC = ("法律名称：书名号内的法律全称有误（《中华人民共和国各级人大常委会监督法》），或首次引用就用简称加书名号"
       "（《监督法》）；书名号内的单书名号中法律全称有误（〈中华人民共和国监督法〉）。首次引用写全称《中华人民共和国……法》，后文可注明“以下简称……”。"
       "法律的全称和简称取自词库中“法律名称”类的条目；词库未收的“《××法》”按国家法律的全称《中华人民共和国××法》提示。"
       "全称与现行法律名称表（registers/laws.yaml）中的某部法律只差一两个字的（《中华人民共和国水污染治理法》），提示正确名称。")
BASIS = ("实务：公文首次引用法律写全称并加书名号，后文用简称时先注明“（以下简称……）”；"
         "法律名称以全国人大及其常委会公布的为准（规范提法词库“法律名称”类条目，现行法律名称表 registers/laws.yaml）")
FIXTURES = {
    "bad": ["执法检查是《中华人民共和国各级人大常委会监督法》规定的监督方式。", "《代表法》、《监督法》解读。",
            "审议《岚州省实施〈中华人民共和国监督法〉办法（修订草案）》。", "会议认为，区人民政府依照《环境保护法》等法律法规开展工作。",
            "认真贯彻《中华人民共和国大气污染防治条例》。"],
    "good": ["执法检查是《中华人民共和国各级人民代表大会常务委员会监督法》规定的监督方式。",
             "贯彻实施《中华人民共和国农村土地承包法》（以下简称《农村土地承包法》）。依照《农村土地承包法》规定。",
             "学习《中华人民共和国各级人民代表大会常务委员会监督法》。监督法实施以来，《监督法》的规定得到落实。",
             "学习代表法、监督法。", "印发《恒阳县人大代表述职评议办法》。", "《中华人民共和国食品安全法》实施情况。",
             "审议《岚州省实施〈中华人民共和国各级人民代表大会常务委员会监督法〉办法（修订草案）》。",
             "检查《中华人民共和国环境保护法》实施情况。《环境保护法》实施以来，成效明显。", "《岚州省大气污染防治条例》",
             "印发《恒阳县代表履职管理办法》。", "学习《工作方法》一书。"],
}

TITLE = re.compile(r"《([^《》\n]{2,60})》")
INNER = re.compile(r"〈([^〈〉《》\n]{2,60})〉")  # a title within a title: 《××省实施〈中华人民共和国……法〉办法》
# A national law's short name the register does not hold (《环境保护法》): a title of Han
# characters that ends in 法 but is no 办法 or 方法, and names no place (a local rule has 省, 市……).
NATIONAL = re.compile(r"[\u4e00-\u9fff]{2,14}法")
NOT_NATIONAL = re.compile(r"办法$|方法$|做法$|想法$|说法$|看法$|算法$|书法$|手法$|兵法$|[省市县区州旗镇乡]|条例|规定|中华人民共和国")
OFFICIAL = re.compile(r"中华人民共和国[^，,；;（）()《》\s]{1,50}(?:法|法典|议事规则)")
SHORT = "简称"


NEAR_MIN = 5  # characters after 中华人民共和国: shorter names (反洗钱法, 反间谍法) are too alike to judge
REGISTER = Record(fields={
    "basis": Field(Text(max_len=400), required=True, doc="依据"),
    "names": Field(ListOf(Text(max_len=40), min_items=1, max_items=5000), required=True, doc="法律名称"),
    "examples": Field(Record(fields={"bad": Field(ListOf(Text(max_len=200)), default=list, doc="必须报出"),
                                     "good": Field(ListOf(Text(max_len=200)), default=list, doc="不得报出")}),
                      default=dict, doc="自测例句"),
})


@lru_cache(maxsize=1)
def register() -> dict:
    """The names of the national laws in force (registers/laws.yaml), after 中华人民共和国."""
    path = str(shipped("registers") / "laws.yaml")
    data, marks = safeyaml.load(safeyaml.read_text(path), path)
    try:
        return REGISTER.check(data, ())
    except SchemaError as exc:
        raise marks.schema_error(exc, path) from None


def _distance(a: str, b: str, limit: int) -> int:
    """Edit distance of two short names, or limit + 1 once it is over the limit."""
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > limit:
            return limit + 1
    return row[-1]


def _near(name: str, known: set[str]) -> str | None:
    """The one law whose name differs from ``name`` (both after 中华人民共和国) by one or two
    characters, a third of it at most (水污染治理法 → 水污染防治法); None when none or several do."""
    if len(name) < NEAR_MIN or name in known:
        return None
    limit = min(2, len(name) // 3)
    close = [k for k in known if abs(len(k) - len(name)) <= limit and _distance(name, k, limit) <= limit]
    return close[0] if len(close) == 1 else None


def _laws(glossary) -> tuple[dict[str, str], set[str]]:
    """(short name → full name, every full name) from the glossary's 法律名称 entries: the full
    name is the entry's basis when that is a law's title."""
    cached = getattr(glossary, "_law_names", None)
    if cached is None:
        shorts: dict[str, str] = {}
        for entry in glossary.entries.values():
            if entry.data.get("category") != "法律名称":
                continue
            full = re.sub(r"（[^（）]*）$", "", entry.data["basis"].strip())
            if OFFICIAL.fullmatch(full):
                shorts[entry.term.strip("《》")] = full
        known = set(register()["names"]) | {f[len(PREFIX):] for f in shorts.values()}
        cached = glossary._law_names = (shorts, set(shorts.values()), known)
    return cached


def _known(full: str, shorts: dict[str, str]) -> str | None:
    """The short name of a law whose title this wrong full name ends with (…人大常委会监督法 → 监督法)."""
    best = None
    for short in shorts:
        if full.endswith(short) and (best is None or len(short) > len(best)):
            best = short
    return best


def check(draft, ctx):
    if "《" not in ctx.text:
        return
    shorts, fulls, known = _laws(ctx.glossary)
    if not shorts:
        return
    found: dict[str, int] = {}

    def first(text: str) -> int:
        """Where ``text`` first occurs in the draft (one search per text, however many citations)."""
        if text not in found:
            at = ctx.text.find(text)
            found[text] = at if at >= 0 else len(ctx.text)
        return found[text]

    for para, start, end, m in ctx.scan(INNER):
        name = m.group(1)
        if name.startswith("中华人民共和国") and name not in fulls:
            short = _known(name, shorts) if name.endswith("法") else None
            right = shorts[short] if short else _right(name, known, ctx, para, start, end)
            if right:
                yield ctx.finding(ID, SEVERITY, para, start, end,
                                  f"法律全称有误，应为〈{right}〉", BASIS, suggestion=f"〈{right}〉")
    for para, start, end, m in ctx.scan(TITLE):
        name = m.group(1)
        if name in fulls:
            continue
        if name.startswith("中华人民共和国"):
            short = _known(name, shorts) if name.endswith("法") else None
            right = shorts[short] if short else _right(name, known, ctx, para, start, end)
            if right:
                yield ctx.finding(ID, SEVERITY, para, start, end,
                                  f"法律全称有误，应为《{right}》", BASIS, suggestion=f"《{right}》")
            continue
        full = shorts.get(name)
        if full is None and NATIONAL.fullmatch(name) and not NOT_NATIONAL.search(name):
            if any(h.kind in ("variant", "outdated") and h.start < end - 1 and start + 1 < h.end for h in ctx.hits(para)):
                continue  # a form the glossary knows (《妇女权益保护法》 is a wrong name): its rules tell
            full = f"中华人民共和国{name}"  # a national law's title is 中华人民共和国 + its short name
        if full is None or SHORT in para.text[max(0, start - 4):start]:
            continue  # not a law the glossary knows, or its short name being defined: （以下简称《…》）
        if first(full) < m.start() or first(f"{SHORT}《{name}》") < m.start() or first(f"{SHORT}“{name}”") < m.start() \
                or first(f"{SHORT}{name}") < m.start():
            continue  # the full name came first, or the short name was defined
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"首次引用法律宜用全称《{full}》，后文用简称时注明“（以下简称{name}）”", BASIS,
                          suggestion=f"《{full}》")


def _right(name: str, known: set[str], ctx, para, start: int, end: int) -> str | None:
    """The full name of the law a title misspells by a character or two, unless the glossary
    knows the written form (a repealed law's name is told by its own entry)."""
    near = _near(name[len(PREFIX):], known)
    if near is None or any(h.start < end and start < h.end and h.kind != "item" for h in ctx.hits(para)):
        return None  # an item of a formulation (污染防治 of 三大攻坚战) inside the title tells nothing of it
    return PREFIX + near
