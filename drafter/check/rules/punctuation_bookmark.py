"""punctuation.bookmark: a 顿号 between consecutive items in 书名号 or 引号 (《代表法》、《监督法》)."""

import re

ID = "punctuation.bookmark"
SEVERITY = "warning"
FIXABLE = True
DOC = "书名号、引号之间的顿号：连续的书名号或引号并列时，中间通常不用顿号（《代表法》《监督法》，“四个意识”“四个自信”）。"
BASIS = "GB/T 15834-2011《标点符号用法》顿号：标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号"
FIXTURES = {
    "bad": ["学习《代表法》、《监督法》。", "增强“四个意识”、“四个自信”。", "学习《宪法》、《代表法》、《监督法》。"],
    "good": ["学习《代表法》《监督法》。", "增强“四个意识”“四个自信”。",
             "学习《代表法》（2015年修正）、《监督法》。", "组织学习宪法、代表法。"],
}

# Found by the two marks with the 顿号 between them; a bracketed note after a title (……》（修正）、《)
# keeps its 顿号, as the standard allows.
PATTERN = re.compile(r"(?:》、《|”、“)")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        kind = "书名号" if m.group()[0] == "》" else "引号"
        yield ctx.finding(ID, SEVERITY, para, start, end, f"并列的{kind}之间通常不用顿号", BASIS,
                          suggestion=m.group().replace("、", ""))
