"""numbers.approx: an approximate number said approximate twice (约180人左右, 近3000多人)."""

import re

ID = "numbers.approx"
SEVERITY = "warning"
FIXABLE = False
DOC = ("约数重复：表示约数的词只用一个——“约”“大约”“近”“将近”“接近”与“左右”“上下”“多”“余”不同时使用"
       "（约180人左右，写作约180人或180人左右；近3000多人，写作近3000人或3000多人）；“约”不与“近”“逾”“超过”连用"
       "（大约有近200名）；“逾”“超过”不与“多”“余”“以上”连用（逾2000余批次，写作逾2000批次或2000余批次）。")
BASIS = "实务：约数只用一种表示法，“约……左右”“近……多”语义重复（病句类型“成分赘余”）"
FIXTURES = {
    "bad": ["参加对象共约180人左右。", "服务老人近3000多人。", "预计总投资约2600万元左右。", "较上年增长近一倍左右。",
            "其中被采纳的有近200条左右。", "大约两个月左右完成。", "年均增长约3%左右。", "共征集意见约1200余条。",
            "收集意见大约200条上下。", "将近100人左右。", "共有近200余人参加。",
            "现场大约有近200名代表。", "约近百人参加。", "抽检食品逾2000余批次。", "参训人员超过300多人。", "逾百余人次"],
    "good": ["参加对象共约180人。", "服务老人3000多人。", "预计总投资2600万元左右。", "近年来，代表履职能力不断提升。",
             "近两年多来，共办理建议300件。", "约请代表左右两侧就座。", "近期将召开主任会议，约10人参加。",
             "约定俗成，近年来左右逢源。", "约3个月后，左右两侧的道路全部完工。", "比上年节约100万元左右。",
             "会场附近200米左右设停车场。", "抽检食品逾2000批次。", "超过300人参加。", "约有200名代表。",
             "超过半数以上的代表", "逾期未办结的3件建议已督办。", "超过2万元的项目，其余多数已完成。"],
}

# Found by the first word; the number and what follows are read within a bounded stretch.
NUMBER = r"(?:\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千]{1,8})"
PATTERN = re.compile(rf"(?:大约|大概|将近|接近|约|近)[ \t]*{NUMBER}[万亿]?"
                     r"(?:(?P<more>多|余)|[\u4e00-\u9fff%％]{0,4}?(?P<around>左右|上下))")
# Two words of approximation before one number: 约 (大约, 大概) with 近, 逾 or 超过 after it
# (大约有近200名); or 逾, 超过 with 多 or 余 after the number (逾2000余批次).
TWO_BEFORE = re.compile(rf"(?:大约|大概|约)[ \t]*(?:有|为|是)?[ \t]*(?:将近|接近|近|逾|超过)[ \t]*{NUMBER}")
OVER = re.compile(rf"(?:逾|超过)[ \t]*{NUMBER}[万亿]?(?P<more>多|余)")  # 超过……以上 is grammar.redundant's
# 约 and 近 end other words (节约、制约、附近、最近): then they say nothing of the number.
NOT_BEFORE = {"约": "节制契签预相特公条邀简婉隐和", "近": "附靠临亲最贴邻"}


def check(draft, ctx):
    yield from _doubled(draft, ctx)
    for para, start, end, m in ctx.scan(PATTERN):
        text = para.text
        word = re.match(r"大约|大概|将近|接近|约|近", m.group()).group()
        if len(word) == 1 and start and text[start - 1] in NOT_BEFORE[word]:
            continue
        tail = m.group("more") or m.group("around")
        if m.group("more") and text[end:end + 1] in "年月天":
            continue  # 近两年多: the unit comes first; read as a duration, left to the writer
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{word}”与“{tail}”都表示约数，语义重复，保留其一", BASIS)


def _doubled(draft, ctx):
    for para, start, end, m in ctx.scan(TWO_BEFORE):
        text = para.text
        first = re.match(r"大约|大概|约", m.group()).group()
        if first == "约" and start and text[start - 1] in NOT_BEFORE["约"]:
            continue
        second = re.search(r"将近|接近|近|逾|超过", m.group()).group()
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{first}”与“{second}”都表示约数，语义重复，保留其一", BASIS)
    for para, start, end, m in ctx.scan(OVER):
        word = re.match(r"逾|超过", m.group()).group()
        tail = m.group("more")
        if para.text[end:end + 1] in "年月天":
            continue  # 超过两年多: a length of time, left to the writer
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{word}”与“{tail}”都表示超出某数，语义重复，保留其一", BASIS)
