"""numbers.approx: an approximate number said twice (约180人左右, 近3000多人)."""

import re

ID = "numbers.approx"
SEVERITY = "warning"
FIXABLE = False
DOC = ("约数重复：“约、近、大约”和“左右、上下、多、余”都表示约数，同一个数只用一个"
       "（约180人左右→约180人或180人左右；近3000多人→近3000人或3000多人）。")
BASIS = "GB/T 15835-2011《出版物上数字用法》5.2（约数）；实务：病句类型“成分赘余”，约数只表达一次"
FIXTURES = {
    "bad": ["参加对象共约180人左右。", "预计需要资金约2600万元左右。", "较上年增长近一倍左右。", "全县共有近3000多人参加。",
            "收集意见大约200条上下。", "将近100人左右。", "共有近200余人参加。"],
    "good": ["参加对象共约180人。", "参加对象共180人左右。", "全县共有近3000人参加。", "全县共有3000多人参加。",
             "约定俗成，近年来左右逢源。", "约3个月后，左右两侧的道路全部完工。", "近5年来，共有多人参加。", "比上年节约100万元左右。", "会场附近200米左右设停车场。"],
}

NUM = r"(?:\d+(?:\.\d+)?|[零〇一二三四五六七八九十百千万亿两半]+)"
UNIT = r"[^\d，,。；;：:！？!?、\n（）()]{0,4}?"  # 人, 万元, 个百分点, 倍
# Found by 约 or 近 (a character class re finds fast) right before a number; the words they
# begin (节约、制约、附近、最近) are ruled out by the character before them.
PATTERN = re.compile(rf"[约近]\s*{NUM}(?:{UNIT}(?:左右|上下)|多|余)")
NOT_BEFORE = {"约": "节制契签预相特公条邀简婉隐和", "近": "附靠临亲最贴邻"}
WIDER = ("大约", "将近", "接近")  # the span begins with the whole word


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        before = para.text[start - 1:start] if start else ""
        if before and before in NOT_BEFORE[m.group()[0]]:
            continue
        if start and para.text[start - 1:start + 1] in WIDER:
            start -= 1
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          "“约（近）”和“左右（多、余）”都表示约数，同一个数只用一个", BASIS)
