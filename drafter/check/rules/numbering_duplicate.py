"""numbering.duplicate: the same run-in sequence marker twice in a row within one paragraph."""

import re

from ...numbering import cn, to_int

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

# A marker opens the paragraph or follows a clause mark: 一是 after 统一 is no marker.
# Found by the numeral (a character class re finds fast); what stands before it is checked after.
RUN_IN = re.compile(r"([一二三四五六七八九十]{1,3})([是要])")
OPENS = re.compile(r"(?:^|[。；;，,：:！？])[ \t　]*(?:\*\*)?$")
# ……首先，其次是，最后要: a marker word followed by a mark or 是/要 (最后这一条 is a reference).
WORDS = re.compile(r"(?:^|(?<=[。；;，,：:！？]))[ \t　]*(?:\*\*)?(首先|其次|再次|最后)(?=[，,、：:是要])")


def check(draft, ctx):
    for para in draft.paragraphs:
        text = para.text
        if "是" in text or "要" in text:
            last: dict[str, int] = {}
            for m in RUN_IN.finditer(text):
                if (m.start() and text[m.start() - 1] in "一二三四五六七八九十") or \
                        not OPENS.search(text, max(0, m.start() - 4), m.start()):
                    continue
                n, style = to_int(m.group(1)), m.group(2)
                if last.get(style) == n:
                    marker = m.group(1) + style
                    yield ctx.finding(ID, SEVERITY, para, m.start(1), m.end(2),
                                      f"段内序号“{marker}”与前一个序号重复，应为“{cn(n + 1)}{style}”", BASIS,
                                      suggestion=f"{cn(n + 1)}{style}")
                last[style] = n
        if "首先" in text:
            started, previous = False, None
            for m in WORDS.finditer(text):
                word = m.group(1)
                started = started or word == "首先"
                if started and word == previous:
                    yield ctx.finding(ID, SEVERITY, para, m.start(1), m.end(1),
                                      f"段内序号“{word}”与前一个序号重复", BASIS)
                previous = word
