"""usage.level: a body or title that does not exist at the level it is written for
(镇人大常委会, 区人大常委会秘书长; in a 乡镇 draft, its own 常委会 or 一府一委两院)."""

import re

from ... import levels

ID = "usage.level"
SEVERITY = "warning"
DOC = ("机关和职务与级别不符：乡镇人大不设常委会（镇人大常委会、镇人大主任应为 镇人大主席团、镇人大主席），"
       "县级人大常委会不设秘书长，乡镇没有人民法院、人民检察院和监察委员会；工作区设了 unit.level 时，"
       "还查文稿中本级没有的机关（如乡镇文稿里不带地名的“常委会”“一府一委两院”）。")
BASIS = "各级人大机关名称登记表 registers/levels.yaml（地方组织法、人民法院组织法、人民检察院组织法、监察法）"
FIXABLE = False
FIXTURES = {
    "bad": ["镇人大常委会召开会议。", "区人大常委会秘书长张三出席会议。", "镇人大主任李四作报告。",
            "乡人民代表大会常务委员会", "镇人民法院的同志列席。", "镇人大副主任王五主持。"],
    "good": ["县人大常委会召开会议。", "镇人大主席团召开会议。", "市人大常委会秘书长张三出席会议。",
             "镇人大主席李四作报告。", "城乡人大代表联络站", "县人民法院的同志列席。", "乡镇人大主席团"],
}

_TOWN = r"(?<![城市县区])[乡镇]"
# Wrong whatever the draft's level: (pattern, what it should be, the level whose entry is the basis)
ALWAYS = [
    (re.compile(_TOWN + r"(?:人大常委会|人大常务委员会|人民代表大会常务委员会)"), "乡镇人大不设常务委员会，应为 人大主席团", "乡镇"),
    (re.compile(_TOWN + r"人大(?:副)?主任(?!会议|科员|委员)"), "乡镇人大设主席、副主席，不设主任", "乡镇"),
    (re.compile(_TOWN + r"(?:人民法院|人民检察院|监察委员会)"), "乡镇不设人民法院、人民检察院和监察委员会", "乡镇"),
    (re.compile(r"[县区](?:人大常委会|人民代表大会常务委员会)(?:副)?秘书长"), "县级人大常委会不设秘书长", "县"),
]
# In a draft of a level, its own bodies written without a place before them (常委会, not 县人大常委会).
OWN = re.compile(r"(?:人大)?常委会(?:主任会议)?|(?:人民代表大会)?常务委员会|主任会议|一府一委两院|一府两院")
_PLACE = "县区市省州国旗盟"


def _word(found: str) -> str:
    for word in ("主任会议", "一府一委两院", "一府两院", "常务委员会", "常委会"):
        if word in found:
            return word
    return found


def _bare(text: str, start: int) -> bool:
    """No place (县, 区, 市, 全国, 上级 …) just before the body: the draft's own level is meant."""
    before = text[max(0, start - 12):start]
    for suffix in ("人民代表大会", "人大常委会", "人大", ""):
        if before.endswith(suffix):
            rest = before[:len(before) - len(suffix)]
            if rest[-1:] in tuple(_PLACE) or rest.endswith(("上级", "上一级", "级")):
                return False
    return True


def check(draft, ctx):
    taken: dict[int, list[tuple[int, int]]] = {}
    for pattern, why, level in ALWAYS:
        basis = levels.levels()[level]["basis"]
        for para, start, end, m in ctx.scan(pattern):
            taken.setdefault(id(para), []).append((start, end))
            if any(h.kind == "variant" and h.start < end and start < h.end for h in ctx.hits(para)):
                continue  # the glossary's own entry (乡镇人大常委会 → 乡镇人大主席团) tells it
            yield ctx.finding(ID, SEVERITY, para, start, end, f"“{m.group()}”：{why}", basis)
    level = getattr(draft, "level", None)
    if level not in levels.levels():
        return
    entry = levels.levels()[level]
    for para, start, end, m in ctx.scan(OWN):
        word = _word(m.group())
        if word not in entry["absent"] or not _bare(para.text, start):
            continue
        if any(s < end and start < e for s, e in taken.get(id(para), ())):
            continue
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{m.group()}”：{level}一级没有{word}（本单位的级别是 drafter.yaml 的 unit.level），"
                          f"本级应为 {entry['organ']}、{entry['supervised_short']}；指上级的请写明地名，如 县人大常委会",
                          entry["basis"])
