"""A unit's profile: what an office sets once in its workspace's ``drafter.yaml``.

```yaml
unit:
  masthead: 恒阳区人大常委会办公室文件   # 发文机关标志
  prefix: 恒人常办发                     # 机关代字 of the 发文字号
  printer: 恒阳区人大常委会办公室        # 印发机关
  fonts: {title: 方正小标宋简体, body: 仿宋_GB2312}
  colours: {red: C00000}
  margins: {top: 37, bottom: 35, left: 28, right: 26}
  compare: {deleted: 删除线, added: 加粗}   # how a 修改前后对照表 marks changes
```

A kind with a masthead, a 发文字号 or a 版记 takes ``masthead``, ``prefix`` and ``printer`` from
here when the outline does not give them; ``fonts``, ``colours`` and ``margins`` override the shipped layout
(``drafter/render/layout.yaml``, ``drafter.render.layout.resolve``) for every document
rendered in the workspace. The profile is validated with the workspace's settings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .errors import DrafterError
from .levels import LevelName
from .schema import Choice, Field, Number, Record, SchemaError, Spec, Text


@dataclass
class Colour(Spec):
    """An RGB colour written as six hexadecimal digits (C00000 or #C00000)."""

    label: str = "颜色（六位十六进制，如 C00000）"

    def check(self, value: Any, path: tuple) -> str:
        if isinstance(value, bool) or not isinstance(value, (str, int)):
            raise self.wrong_type(value, path)
        text = str(value).strip().lstrip("#")
        if not re.fullmatch(r"[0-9A-Fa-f]{6}", text):
            raise SchemaError(f"颜色应写成六位十六进制数，如 C00000，实为“{value}”", path)
        return text.upper()


def Millimetres(minimum: float = 10, maximum: float = 60) -> Number:
    """A length in millimetres within a range."""
    return Number(minimum, maximum, fractions=True, unit="毫米", label="毫米数")


@dataclass
class FontName(Text):
    label: str = "字体名"

    def check(self, value: Any, path: tuple) -> str:
        text = super().check(value, path)
        if any(c in text for c in "<>&\"\n"):
            raise SchemaError(f"字体名中不能有 < > & \" 或换行：“{text}”", path)
        return text


FONT_DOCS = {"title": "标题（默认 方正小标宋简体）", "body": "正文（默认 仿宋_GB2312）",
             "heading_1": "一级标题（默认 黑体）", "heading_2": "二级标题（默认 楷体_GB2312）",
             "heading_3": "三级标题", "heading_4": "四级标题", "footer": "页码（默认 宋体）"}

# How a 修改前后对照表 marks what changed (实务: offices use either, one style a document).
DELETED_MARKS = ("删除线", "方括号")
ADDED_MARKS = ("加粗", "下划线")

PROFILE = Record(fields={
    "level": Field(LevelName(), doc="本单位人大的级别：全国、省、设区的市、县、乡镇（也可写 区、市、镇 等）"),
    "place": Field(Text(max_len=30), doc="地名，如 恒阳区、恒阳镇；模板用它写出机关名称"),
    "masthead": Field(Text(max_len=60), doc="发文机关标志，如 恒阳区人大常委会办公室文件"),
    "prefix": Field(Text(max_len=30), doc="发文字号的机关代字，如 恒人常办发"),
    "printer": Field(Text(max_len=60), doc="印发机关"),
    "fonts": Field(Record(fields={k: Field(FontName(max_len=50), doc=d) for k, d in FONT_DOCS.items()}),
                   default=dict, doc="字体"),
    "colours": Field(Record(fields={"red": Field(Colour(), doc="红头和分隔线的颜色"),
                                    "black": Field(Colour(), doc="正文颜色")}),
                     default=dict, doc="颜色"),
    "margins": Field(Record(fields={k: Field(Millimetres(), doc=d) for k, d in
                                    (("top", "天头"), ("bottom", "下白边"), ("left", "订口"),
                                     ("right", "翻口"))}),
                     default=dict, doc="页边距（毫米）"),
    "compare": Field(Record(fields={
        "deleted": Field(Choice(choices=DELETED_MARKS), doc="修改前一栏中删去的文字：删除线（默认）或 方括号"),
        "added": Field(Choice(choices=ADDED_MARKS), doc="修改后一栏中增加的文字：加粗（默认）或 下划线")}),
        default=dict, doc="修改前后对照表（drafter compare）标示改动的方式"),
})

CONFIG_TEXT = """\
# 本单位的版式设置（通知的红头、发文字号、印发机关，以及全部文稿的字体、颜色、页边距）。
# 去掉行首的 # 即生效；大纲中写了同名字段时，以大纲为准。
# unit:
#   level: 县                             # 本单位人大的级别：全国、省、设区的市、县、乡镇（区、市、镇 等也可以）
#   place: 恒阳区                         # 地名：模板和空白大纲用它写出机关名称（如 恒阳区人大常委会）
#   masthead: 恒阳区人大常委会办公室文件   # 发文机关标志（红头）
#   prefix: 恒人常办发                     # 发文字号的机关代字：恒人常办发〔2024〕5号
#   printer: 恒阳区人大常委会办公室        # 版记中的印发机关
#   fonts:                                # 本机没有方正字体时可换用已安装的字体
#     title: 方正小标宋简体
#     body: 仿宋_GB2312
#     heading_1: 黑体
#     heading_2: 楷体_GB2312
#   colours:
#     red: FF0000                         # 红头和分隔线
#   margins:                              # 毫米；GB/T 9704 为 上37 下35 左28 右26
#     top: 37
#     bottom: 35
#     left: 28
#     right: 26
#   compare:                              # 修改前后对照表（drafter compare）中标示改动的方式
#     deleted: 删除线                      # 删去的文字：删除线 或 方括号
#     added: 加粗                          # 增加的文字：加粗 或 下划线
"""


def apply_to_outline(layout: dict, data: dict, profile: dict | None, file: str) -> dict:
    """A kind with a masthead, a 发文字号 or a 版记 (its ``layout`` parts, kinds/README.md)
    takes the unit's masthead, 机关代字 and 印发机关 where its outline gives none."""
    profile = profile or {}
    data = dict(data)
    if layout.get("masthead") and not data.get("masthead") and profile.get("masthead"):
        data["masthead"] = profile["masthead"]
    if layout.get("imprint") and not data.get("printer") and profile.get("printer"):
        data["printer"] = profile["printer"]
    if not layout.get("number") or not data.get("number"):
        return data
    number = dict(data.get("number") or {})
    if not number.get("prefix"):
        if not profile.get("prefix"):
            raise DrafterError("缺少机关代字：在大纲的 number.prefix 或工作区 drafter.yaml 的 unit.prefix 中给出",
                               file=file, field="number.prefix")
        number["prefix"] = profile["prefix"]
    data["number"] = number
    return data
