"""numbers.ordinal: a quarter, a term or a session numbered in digits (第2季度, 第18届, 第3次会议)."""

import re

ID = "numbers.ordinal"
SEVERITY = "warning"
FIXABLE = False
DOC = ("序数写法不合惯例：季度、届次和会次用汉字数字（第二季度，不写作第2季度；第十八届、第三次会议，"
       "不写作第18届、第3次会议）。条款、页码、文号等编号仍用阿拉伯数字（第3条、第2页、第12号），不报。")
BASIS = ("实务：人大公文中的季度、届次、会次按惯例用汉字数字（第二季度、十八届人大第三次会议）；"
         "GB/T 15835-2011《出版物上数字用法》：要突出庄重典雅的表达效果时用汉字数字")
FIXTURES = {
    "bad": ["市人民政府应当于每年第2季度报告。", "县第18届人民代表大会", "常委会第3次会议审议通过。",
            "第1、2季度完成", "召开第25次主任会议。", "镇第二十届人大第4次全体会议"],
    "good": ["市人民政府应当于每年第二季度报告。", "依照第3条的规定。", "见第2页。", "第12号公告",
             "县第十八届人民代表大会第三次会议", "第2次检查发现问题3个。", "2026年1-2季度"],
}

# Found by 第 and a digit; the ordinal's noun follows within a few characters.
PATTERN = re.compile(r"第[0-9０-９]{1,3}(?:[、，,][0-9０-９]{1,3})*"
                     r"(?=[ \t　]*(?:季度|届|次(?:会议|全体会议|全会|主任会议|常委会会议|常务委员会会议|主席团会议)))")
CN = "〇一二三四五六七八九"


def _chinese(digits: str) -> str:
    n = int(digits.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if n < 10:
        return CN[n]
    tens, ones = divmod(n, 10)
    if n < 100:
        return ("十" if tens == 1 else CN[tens] + "十") + (CN[ones] if ones else "")
    return digits


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        parts = re.split(r"([、，,])", m.group()[1:])
        fixed = "第" + "".join(p if p in "、，," else _chinese(p) for p in parts)
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"季度、届次和会次用汉字数字：“{m.group()}”宜写作“{fixed}”", BASIS)
