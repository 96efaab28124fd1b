"""usage.level: a body or title that does not exist at the level it is written for
(镇人大常委会, 区人大常委会秘书长; in a 乡镇 draft, its own 常委会 or 一府一委两院)."""

import re

from ... import levels

ID = "usage.level"
SEVERITY = "warning"
DOC = ("机关和职务与级别不符：乡镇人大不设常委会（镇人大常委会、镇人大主任应为 镇人大主席团、镇人大主席），"
       "县级人大常委会不设秘书长，地方人大常委会不设主席和主席团，乡镇没有人民法院、人民检察院和监察委员会（也就没有镇“一府两院”）；"
       "机关后面的职务不是登记表中本级所设的（县人大常委会主席应为主任，镇人大主席团副主任应为镇人大副主席）；工作区设了 unit.level 时，"
       "还查文稿中本级没有的机关（如乡镇文稿里不带地名的“常委会”“一府一委两院”）。")
BASIS = "各级人大机关名称登记表 registers/levels.yaml（地方组织法、人民法院组织法、人民检察院组织法、监察法）"
FIXABLE = False
FIXTURES = {
    "bad": ["镇人大常委会召开会议。", "区人大常委会秘书长张三出席会议。", "镇人大主任李四作报告。",
            "乡人民代表大会常务委员会", "镇人民法院的同志列席。", "镇人大副主任王五主持。",
            "根据县人大常委会主席高远同志批示精神。", "镇人大主席团副主任带队到各站点督导。", "依法监督镇“一府两院”的工作。",
            "市人大常委会副主席李明出席。", "对乡政府、乡法院、乡检察院的工作进行监督。", "由常委会副主席带队，赴各乡镇开展调研。", "会后，常委会主席团要研究部署明年工作。"],
    "good": ["县人大常委会召开会议。", "镇人大主席团召开会议。", "市人大常委会秘书长张三出席会议。",
             "镇人大主席李四作报告。", "城乡人大代表联络站", "县人民法院的同志列席。", "乡镇人大主席团",
             "县人大常委会主任、副主任出席。", "镇人大主席团召开会议。", "县人大常委会主任会议", "市人大常委会秘书长张三",
             "县人大常委会主席台就座", "省人大常委会副秘书长王五", "依法监督县“一府一委两院”的工作。", "镇人大副主席李四",
             "县政协常委会副主席张三出席。", "常委会主席台就座", "大会主席团和常委会主任会议"],
}

_TOWN = r"(?<![城市县区])[乡镇]"
# Wrong whatever the draft's level: (pattern, what it should be, the level whose entry is the basis)
ALWAYS = [
    (re.compile(_TOWN + r"(?:人大常委会|人大常务委员会|人民代表大会常务委员会)"), "乡镇人大不设常务委员会，应为 人大主席团", "乡镇"),
    (re.compile(_TOWN + r"人大(?:副)?主任(?!会议|科员|委员)"), "乡镇人大设主席、副主席，不设主任", "乡镇"),
    (re.compile(_TOWN + r"(?:人民法院|人民检察院|监察委员会|法院|检察院|监委)"), "乡镇不设人民法院、人民检察院和监察委员会", "乡镇"),
    (re.compile(r"[县区](?:人大常委会|人民代表大会常务委员会)(?:副)?秘书长"), "县级人大常委会不设秘书长", "县"),
    # 常委会副主席 without a place: a standing committee has a 主任 and 副主任 at every local level
    # (县人大常委会主席, with its place, is told by TITLED below; a 政协's 常委会 has a 主席)
    (re.compile(r"(?<![省市州盟县区旗]人大)(?<!政协)常委会副?主席(?![团台会])"),
     "地方人大常委会设主任、副主任，不设主席", "县"),
    # 常委会主席团: a 主席团 presides over a session of the 人民代表大会, or is a 乡镇人大's; no 常委会 has one
    (re.compile(r"(?:常委会|常务委员会)主席团"), "常委会不设主席团（人民代表大会会议设主席团，乡镇人大设主席团）；"
     "常委会研究工作的是主任会议", "县"),
    # 镇“一府两院”: a 乡镇 has only its 人民政府 for its 人大 to supervise
    (re.compile(_TOWN + r"[“‘\"]?一府(?:一委)?两院"), "乡镇没有人民法院、人民检察院和监察委员会，乡镇人大监督的是本级人民政府", "乡镇"),
]
# A title of a body written at a level: the body's own titles are the level's head, deputy and
# secretary in registers/levels.yaml (县人大常委会主任、副主任; 镇人大主席、副主席); any other
# title of a 人大 body (县人大常委会主席, 镇人大主席团副主任) is no title there.
TITLED = re.compile(r"(?P<place>[省市州盟县区旗乡镇])(?P<organ>人大常委会|人民代表大会常务委员会|人大主席团|人民代表大会主席团)"
                    r"(?P<title>副?(?:主任|主席|委员长|秘书长))(?![会团台委])")
PLACE_LEVEL = {"省": "省", "市": "设区的市", "州": "设区的市", "盟": "设区的市", "县": "县", "区": "县", "旗": "县",
               "乡": "乡镇", "镇": "乡镇"}
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
    yield from _titles(ctx, taken)
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


def _titles(ctx, taken):
    register = levels.levels()
    for para, start, end, m in ctx.scan(TITLED):
        if m.group("place") in "市区" and start and para.text[start - 1] in "城县":
            continue  # 城区, 县市: not a place's level
        entry = register.get(PLACE_LEVEL[m.group("place")])
        if entry is None:
            continue
        organ = "主席团" if "主席团" in m.group("organ") else "常委会"
        if (organ == "常委会") != bool(entry["standing"]):
            continue  # 镇人大常委会 (no such body) is told above; a 县's 人代会 主席团 has no standing titles
        titles = [t for t in (entry["head"], entry["deputy"], entry["secretary"]) if t]
        if m.group("title") in titles or (m.group("title") == "副秘书长" and "秘书长" in titles):
            continue
        if any(s < end and start < e for s, e in taken.get(id(para), ())):
            continue
        name = f"{m.group('place')}人大" + ("主席团" if organ == "主席团" else "常委会")
        right = "、".join(titles)
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{m.group()}”：{name}没有“{m.group('title')}”这一职务，本级设{right}"
                          + ("（乡镇人大设主席、副主席，如 镇人大主席）" if organ == "主席团" else ""),
                          entry["basis"])
