"""The document kinds drafter renders: their outline schema and their template.

A kind is data: a name, a Chinese label, the template that turns its outline into
Markdown, and the schema its outline must satisfy. Adding a kind means adding an entry
here and a template in ``templates/``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import numbering
from ..schema import (
    Boolean, Choice, Date, Field, Integer, ListOf, Mapping, Paragraphs, Record, SchemaError, Text, TextList,
)

MAX_DEPTH = 4  # 一、 （一） 1. （1）
DEFAULT_STYLES = {2: numbering.STYLE_PAREN, 3: numbering.STYLE_ARABIC, 4: numbering.STYLE_ARABIC_PAREN}

STYLE = Choice(choices=numbering.STYLES, aliases=numbering.STYLE_ALIASES, label="序号样式")


def _check_point(point: dict, path: tuple, depth: int) -> None:
    subs = point["subpoints"]
    if point["use"]:
        if point["paragraphs"] or subs:
            raise SchemaError("用了 use 片段的要点不能再写 paragraphs 或 subpoints", path + ("use",))
    elif point["title"] is None:
        raise SchemaError("缺少必填字段 title（这一点的标题或领起句；或用 use 引用片段）", path + ("title",), key=True)
    elif point["with"]:
        raise SchemaError("with 只能与 use 一起使用", path + ("with",))
    if point["style"] is None and not point["use"]:  # a section brings its own style
        point["style"] = DEFAULT_STYLES.get(depth + 1, numbering.STYLE_ARABIC_PAREN)
    if point["style"] == numbering.STYLE_SHOUXIAN and len(subs) > numbering.SHOUXIAN_MAX:
        raise SchemaError(
            f"“首先/其次/再次/最后”最多 {numbering.SHOUXIAN_MAX} 项，这里有 {len(subs)} 项，"
            "请改用“一是/二是”", path + ("subpoints",))


class _TooDeep(ListOf):
    """Sub-points below the fourth level: refused before their content is looked at."""

    def check(self, value, path):
        if value:
            raise SchemaError(f"层次过深：公文结构层次最多 {MAX_DEPTH} 层（一、（一）1.（1））", path)
        return []


def point_spec(depth: int = 1) -> Record:
    """A numbered point; its sub-points are points one level deeper."""
    sub = point_spec(depth + 1) if depth < MAX_DEPTH else None
    return Record(fields=_point_fields(sub), after=lambda p, path: _check_point(p, path, depth))


def _point_fields(sub: Record | None) -> dict[str, Field]:
    subpoints = ListOf(sub, max_items=60) if sub else _TooDeep()
    return {
        "title": Field(Text(max_len=200), doc="这一点的标题或领起句"),
        "paragraphs": Field(Paragraphs(), default=list, doc="正文段落"),
        "style": Field(STYLE, doc="下一层序号样式：一是、一要、首先、（一）、1.、（1）"),
        "subpoints": Field(subpoints, default=list, doc="下一层要点"),
        "use": Field(Text(max_len=100), doc="引用的片段名，代替自己写的内容"),
        "with": Field(Mapping(), default=dict, doc="片段的参数"),
    }


COMMON = {
    "kind": Field(Text(), required=True, doc="文种：speech、report 或 notice"),
    "title": Field(Text(max_len=200), required=True, doc="标题"),
    "region": Field(Text(max_len=20), doc="所在省份，如 湖南；drafter check 据此检查地方性提法"),
}


def _speech_after(outline: dict, path: tuple) -> None:
    if outline["announce"] and not outline["points"]:
        raise SchemaError("announce 为 true 时需要至少一个要点（points）", path + ("points",))


SPEECH = Record(
    fields={
        **COMMON,
        "speaker": Field(Text(max_len=50), doc="讲话人姓名"),
        "role": Field(Text(max_len=100), doc="讲话人职务"),
        "meeting": Field(Text(max_len=200), doc="会议名称"),
        "date": Field(Date(), doc="讲话日期"),
        "salutation": Field(Text(max_len=50, allow_empty=True), default="同志们", doc="称呼；写 \"\" 表示没有称呼"),
        "opening": Field(Paragraphs(), default=list, doc="开场段落"),
        "theme": Field(Text(max_len=200), doc="主题，用于“围绕……这个主题”"),
        "announce": Field(Boolean(), default=True, doc="是否生成“我讲×点意见”"),
        "points": Field(ListOf(point_spec(1), max_items=30), default=list, doc="一、二、三、要点"),
        "closing": Field(Paragraphs(), default=list, doc="结尾段落"),
        "signoff": Field(Text(max_len=50), doc="结束语，如 谢谢大家！"),
        "limit": Field(Integer(minimum=1, maximum=600), doc="讲话限时（分钟），超过时提醒"),
    },
    after=_speech_after,
)

REPORT = Record(
    fields={
        **COMMON,
        "organ": Field(Text(max_len=100), required=True, doc="报告机关，如 市人民代表大会常务委员会"),
        "meeting": Field(Text(max_len=200), required=True, doc="会议名称"),
        "date": Field(Date(), required=True, doc="报告日期"),
        "reporter": Field(Text(max_len=100), doc="报告人，如 市人大常委会主任 张三"),
        "salutation": Field(Text(max_len=50), default="各位代表", doc="称呼"),
        "opening": Field(Paragraphs(), default=list, doc="“请予审议”之后的开场段落"),
        "points": Field(ListOf(point_spec(1), min_items=1, max_items=30), required=True,
                        doc="报告的各部分"),
        "closing": Field(Paragraphs(), default=list, doc="结尾段落"),
    }
)

ATTACHMENT = Record(
    fields={
        "title": Field(Text(max_len=100), required=True, doc="附件名称，如 报名回执"),
        "columns": Field(ListOf(Text(max_len=50), max_items=12), default=list, doc="表格列名"),
        "rows": Field(Integer(minimum=0, maximum=100), default=8, doc="空白行数"),
        "paragraphs": Field(Paragraphs(), default=list, doc="表格下的说明"),
    }
)

NUMBER = Record(
    fields={
        "prefix": Field(Text(max_len=30), required=True, doc="机关代字，如 X人常办发"),
        "year": Field(Integer(minimum=1949, maximum=2200), required=True, doc="年份"),
        "serial": Field(Integer(minimum=1, maximum=9999), required=True, doc="发文顺序号"),
    }
)

NOTICE = Record(
    fields={
        **COMMON,
        "organ": Field(Text(max_len=60), required=True, doc="发文机关全称或规范化简称"),
        "masthead": Field(Text(max_len=60), doc="发文机关标志，默认为 发文机关＋文件"),
        "number": Field(NUMBER, required=True, doc="发文字号"),
        "addressees": Field(TextList(), required=True, doc="主送机关"),
        "intro": Field(Paragraphs(), default=list, doc="开头段落"),
        "points": Field(ListOf(point_spec(1), min_items=1, max_items=30), required=True,
                        doc="正文事项：一、时间 二、地点……"),
        "closing": Field(Paragraphs(), default=list, doc="结尾段落，如 特此通知。"),
        "attachments": Field(ListOf(ATTACHMENT, max_items=9), default=list, doc="附件"),
        "signer": Field(Text(max_len=60), doc="发文机关署名，默认为 organ"),
        "date": Field(Date(), required=True, doc="成文日期"),
        "note": Field(Text(max_len=200), doc="附注，如 （联系人：张三，电话：1234567）"),
        "cc": Field(TextList(), default=list, doc="抄送机关"),
        "printer": Field(Text(max_len=60), doc="印发机关，默认为 organ"),
        "printed": Field(Date(), doc="印发日期，默认为成文日期"),
    }
)


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    template: str
    schema: Record
    description: str


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("speech", "讲话稿", "speech.md.j2", SPEECH,
             "领导讲话：称呼、开场、“我讲×点意见”、一二三要点、结尾"),
        Kind("report", "工作报告", "report.md.j2", REPORT,
             "人大常委会工作报告：副标题、报告人、各位代表、各部分（一）（二）"),
        Kind("notice", "通知", "notice.md.j2", NOTICE,
             "培训班通知等：红头、发文字号、主送、事项、附件回执、署名、版记"),
    )
}

KIND_CHOICE = Choice(choices=tuple(KINDS), aliases={"讲话稿": "speech", "讲话": "speech",
                                                   "工作报告": "report", "报告": "report",
                                                   "通知": "notice"})
