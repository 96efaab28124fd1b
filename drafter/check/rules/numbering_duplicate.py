"""numbering.duplicate: the same run-in sequence marker twice in a row within one paragraph."""

from ... import numbering

ID = "numbering.duplicate"
SEVERITY = "error"
FIXABLE = False
DOC = "段内序号重复：同一段中相邻的两个段内序号相同（一是……二是……二是、一要……二要……二要、其次……其次、最后……最后）。"
BASIS = "实务：段内的序号依次递增，不得重复"
FIXTURES = {
    "bad": ["开展检查，一是要突出重点；二是要深入基层；二是要跟踪问效。",
            "首先，要制定方案；其次，要组成检查组；最后，要召开汇报会；最后，要形成报告。",
            "要做到：一要有场所，二要有制度，二要有记录。"],
    "good": ["一是加强学习；二是强化监督；三是改进作风。",
             "在学习方面，一是读原著，二是谈体会。在监督方面，一是听报告，二是搞检查。",
             "首先，要制定方案；其次，要组成检查组；最后，要形成报告。",
             "最后，我再强调一点。这是打通服务群众最后一公里的关键，最后要落到实处。",
             "首先，要围绕中心；其次，要突出重点；最后，要加强保障。最后这一条，是各项工作的基础。",
             "统一是基础，二是指第二项。"],
}


def check(draft, ctx):
    for para in draft.paragraphs:
        last: dict[str, numbering.Marker] = {}
        started = False  # 首先…最后 count only once 首先 has opened them
        for m in numbering.inline(para.text):
            if m.style == numbering.STYLE_SHOUXIAN:
                started = started or m.number == 1
                if not started:
                    continue
            prev = last.get(m.style)
            if prev is not None and prev.number == m.number:
                if m.style == numbering.STYLE_SHOUXIAN:
                    yield ctx.finding(ID, SEVERITY, para, m.start, m.end, f"段内序号“{m.text}”与前一个序号重复", BASIS)
                else:
                    right = numbering.label(m.style, m.number + 1)
                    yield ctx.finding(ID, SEVERITY, para, m.start, m.end,
                                      f"段内序号“{m.text}”与前一个序号重复，应为“{right}”", BASIS, suggestion=right)
            last[m.style] = m
