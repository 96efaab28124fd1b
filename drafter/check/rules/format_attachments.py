"""format.attachments: the 附件说明 (附件：1. 名称) and the body's references to attachments."""

import re

ID = "format.attachments"
SEVERITY = "error"
FIXABLE = False
DOC = ("附件说明：“附件：”后写附件名称，名称后不加标点；多个附件用阿拉伯数字编号“1. 2.”（不用“1、”），"
       "分行排列（多个附件未编号由 format.attachment_list 提醒）；正文中提到的“附件2”“见附件3”必须在附件说明中有。只查通知、请示、函等公文，讲话稿和工作报告不查。")
BASIS_FORM = ("GB/T 9704-2012 7.3.4：如有多个附件，使用阿拉伯数字标注附件顺序号（如“附件：1. XXXXX”）；"
              "附件名称后不加标点符号")
BASIS_REF = "实务：正文提到的附件须在附件说明中列出"
BASIS = f"{BASIS_FORM}；{BASIS_REF}"
FIXTURES = {
    "bad": ["关于开展述职活动的通知\n附件：1. 代表述职报告参考提纲；\n2. 述职评议表。",
            "关于做好建议交办工作的通知\n具体分工见附件3。\n附件：1、代表建议交办清单\n2、承办单位联系人名单",
            "关于报送建议项目的通知\n项目建议请填写附件2，一并报送。\n附件：监督工作计划建议项目表"],
    "good": ["关于举办培训班的通知\n具体安排见附件2。\n附件：1. 培训班报名回执\n2. 培训日程安排\n恒阳市人大常委会办公室\n2026年3月10日\n附件1\n培训班报名回执",
             "关于报送建议项目的通知\n建议项目请填写附件，一并报送。\n附件：监督工作计划建议项目表",
             "在全区人大工作会议上的讲话\n附件：1、会议材料。"],
}

HEAD = re.compile(r"^附件[ \t　]*[：:][ \t　]*")
ITEM = re.compile(r"(?P<num>\d{1,2})(?P<mark>[.．、，,])(?!\d)[ \t　]*")
TRAILING = "。；;，,、.．：:"
REFERENCE = re.compile(r"附件[ \t　]*(\d{1,2})")


def items_of(paragraphs, i):
    """The 附件说明 starting at paragraph i: (paragraph, start of the name, number or None, mark span)."""
    head = HEAD.match(paragraphs[i].text)
    first = paragraphs[i]
    m = ITEM.match(first.text, head.end()) if head.end() < len(first.text) else None
    if not m:
        return [(first, head.end(), None, None)]
    found = []
    para, pos = first, head.end()
    while True:
        m = ITEM.match(para.text, pos)
        if not m or (found and int(m.group("num")) != found[-1][2] + 1):
            break
        found.append((para, m.end(), int(m.group("num")), (m.start("mark"), m.end("mark"))))
        i += 1
        if i >= len(paragraphs):
            break
        para, pos = paragraphs[i], 0
    return found


def head_index(paragraphs) -> int | None:
    """Where the 附件说明 (附件：……) is, if the draft has one."""
    return next((i for i, p in enumerate(paragraphs) if HEAD.match(p.text) and len(p.text) > 3), None)


def check(draft, ctx):
    if draft.kind in ("speech", "report") or "附件" not in ctx.text:
        return
    paragraphs = draft.paragraphs
    at = head_index(paragraphs)
    listed = 0
    if at is not None:
        items = items_of(paragraphs, at)
        listed = len(items)
        for para, name_start, number, mark in items:
            text = para.text
            if text and text[-1] in TRAILING:
                yield ctx.finding(ID, SEVERITY, para, len(text) - 1, len(text), "附件名称后不加标点符号", BASIS_FORM,
                                  suggestion="")
            if number is not None and para.text[mark[0]:mark[1]] not in (".", "．"):
                yield ctx.finding(ID, SEVERITY, para, mark[0] - len(str(number)), mark[1] or mark[0],
                                  "附件顺序号用“1.”“2.”的形式", BASIS_FORM, suggestion=f"{number}.")
    body = paragraphs[:at] if at is not None else paragraphs
    for para in body:
        for m in REFERENCE.finditer(para.text):
            n = int(m.group(1))
            if n > listed:
                have = f"附件说明只列了 {listed} 个附件" if listed else "文中没有附件说明"
                yield ctx.finding(ID, SEVERITY, para, m.start(), m.end(), f"提到“附件{n}”，但{have}", BASIS_REF)
