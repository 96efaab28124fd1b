"""format.attachment_list: several attachments on one unnumbered 附件 line (附件：修订草案、修订说明)."""

import re

from .format_attachments import TRAILING, head_index, items_of

ID = "format.attachment_list"
SEVERITY = "warning"
FIXABLE = False
DOC = ("多个附件未编号：附件说明一行列了几个名称（附件：修订草案、修订说明），应分行列出并用“1.”“2.”编号。"
       "一个附件的名称本身也可能带顿号，故为警告。只查通知、请示、函等公文。")
BASIS = "GB/T 9704-2012 7.3.4：如有多个附件，使用阿拉伯数字标注附件顺序号（如“附件：1. XXXXX”）"
FIXTURES = {
    "bad": ["关于征求意见的函\n附件：修订草案、修订说明", "关于召开会议的通知\n附件：会议议程；参会回执"],
    "good": ["关于征求意见的函\n附件：1. 修订草案\n2. 修订说明", "关于报送建议项目的通知\n附件：监督工作计划建议项目表",
             "关于转发实施意见的通知\n附件：恒阳县人大常委会关于加强代表联络站建设、规范代表活动的实施意见",
             "关于印发办法的通知\n附件：《恒阳市人大代表履职管理办法》", "在全区人大工作会议上的讲话\n附件：会议议程、参会回执"],
}

SEPARATE = re.compile(r"[、；;]")


def check(draft, ctx):
    if draft.kind in ("speech", "report") or "附件" not in ctx.text:
        return
    at = head_index(draft.paragraphs)
    if at is None:
        return
    (item, *rest) = items_of(draft.paragraphs, at)
    para, name_start, number, _ = item
    if number is not None or rest:
        return
    name = para.text[name_start:].rstrip(TRAILING)
    parts = SEPARATE.split(name)
    if 2 <= len(parts) <= 3 and all(0 < len(x) <= 15 for x in parts) and "《" not in name:
        yield ctx.finding(ID, SEVERITY, para, name_start, name_start + len(name),
                          "似有多个附件：应分行列出并用“1.”“2.”编号", BASIS)
