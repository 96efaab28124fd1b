"""noise: residue of a web copy (hidden-text markers, download prompts, source lines, lists)."""

import re

ID = "noise"
SEVERITY = "error"
DOC = "网页复制残留：隐藏文字标记、下载或推广提示、来源/更新时间行、“相关文档”列表、广告。"
BASIS = "实务：从网页复制的文稿须清除网站附加内容"
FIXABLE = False
FIXTURES = {
    "bad": ["---此处隐藏3607字,下载后查看---", "预览阅读已结束，若您需要全文或代笔。", "来源：网友投稿",
            "您可能感兴趣的文稿", "- 11-14水利局2024年工作总结汇编(4篇)", "请点击👉 mooonya 👈联系老师"],
    "good": ["要加强人大代表联络站建设，打造一站一品。", "资金来源：区级财政预算安排。",
             "11月14日，常委会召开会议。"],
}

PATTERNS = [
    (re.compile(r"此处隐藏[ \t　]*\d+[ \t　]*字[^\n-]*-*"), "隐藏文字标记"),
    (re.compile(r"下载后查看|预览阅读已结束|若您需要全文|请点击.{0,12}(?:下载|联系|查看全文)"
                r"|点击.{0,12}(?:下载|联系|查看全文)|联系老师|代写代笔"), "下载或推广提示"),
    # Lines that are residue as a whole: one pass for the three kinds, told apart by group.
    (re.compile(r"^(?:(?P<source>(?:文章)?(?:来源|作者|更新时间|发布时间|责任编辑|浏览次数)[ \t　]*[:：].*)"
                r"|(?P<heading>(?:您可能感兴趣的|相关文档|相关推荐|阅读排行|推荐文稿|猜你喜欢|热门文章).*)"
                r"|(?P<item>[-•·][ \t　]*\d{2}-\d{2}.*))$", re.M),
     {"source": "来源/更新时间行", "heading": "“相关文档”等列表标题", "item": "“相关文档”列表条目"}),
    (re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]+"), "广告符号"),
    (re.compile(r"(?:本文来自|本文转载自|本文摘自|来自|转载自|摘自|来源于)[ \t　]*[:：]?[ \t　]*[^，。,（）()\n]{0,12}(?:网|网站|文库|公众号)"),
     "插入句中的网站名"),
    (re.compile(r"(?:https?://|www\.)[A-Za-z0-9./?=&_%-]+|\.(?:com|cn|net|org)(?:\.cn)?\b"),
     "插入句中的网址"),  # a domain is found by its ending; _widen takes in the name before it
]
# Patterns start with a literal or a small character class, so that re can skip ahead
# quickly over a long draft; the marks around a match are taken in by _widen.
EDGES_LEFT, EDGES_RIGHT = "-（( \t　", "-）) \t　"
DOMAIN = re.compile(r"[A-Za-z0-9-]+$")


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """Take in a domain's name (fanwen.com), and the dashes and brackets a site wraps its
    insertions in: ---……---, （……）."""
    if text[start] == ".":
        name = DOMAIN.search(text, max(0, start - 63), start)
        if not name:
            return start, start  # “.com” after no name: not a web address
        start = name.start()
    while start > 0 and text[start - 1] in EDGES_LEFT and (text[start - 1] != " " or text[start - 2:start - 1] in "-"):
        start -= 1
    while end < len(text) and text[end] in EDGES_RIGHT and (text[end] != " " or text[end + 1:end + 2] in "-"):
        end += 1
    return start, end


def check(draft, ctx):
    taken: set[int] = set()  # positions already reported by an earlier pattern
    for pattern, what in PATTERNS:
        for para, start, end, m in ctx.scan(pattern):
            if m.start() in taken or any(p in taken for p in range(m.start(), m.end())):
                continue
            taken.update(range(m.start(), m.end()))
            start, end = _widen(para.text, start, end)
            if start == end:
                continue
            kind = what[m.lastgroup] if isinstance(what, dict) else what
            yield ctx.finding(ID, SEVERITY, para, start, end, f"网页复制残留（{kind}），应删除", BASIS,
                              suggestion="")
