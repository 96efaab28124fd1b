"""numbers.time: a clock time in 24-hour form after 下午 or 晚上 (下午14:30), or 上午 before an afternoon hour."""

import re

ID = "numbers.time"
SEVERITY = "warning"
FIXABLE = False
DOC = ("时刻写法：用24小时制写的时刻（14:30）本身已表明是下午，前面不再加“下午”“晚上”（写作14:30或下午2:30）；"
       "“上午”后面的时刻不会是13点以后（上午14:30前后矛盾）。")
BASIS = "实务：时刻用24小时制（14:30）或“上午、下午”加12小时制（下午2:30），两种写法不混用"
FIXTURES = {
    "bad": ["下午14:30　预备会议：选举大会主席团", "晚上19:30召开碰头会。", "上午14:00开会。", "下午 15：00 分组审议"],
    "good": ["下午2:30　预备会议", "14:30　预备会议", "上午9:00召开全县代表工作会议。", "下午3:00大会主席团会议",
             "晚上7:30召开碰头会。", "中午12:00就餐。", "下午12:30集合。"],
}

# Found by the word for part of the day; the hour is read right after it.
PATTERN = re.compile(r"(上午|下午|晚上|傍晚)[ \t　]*(\d{1,2})[ \t　]*[:：][ \t　]*(\d{2})(?!\d)")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        part, hour = m.group(1), int(m.group(2))
        if part == "上午" and 13 <= hour <= 24:
            yield ctx.finding(ID, SEVERITY, para, start, end, f"“上午”与{hour}点前后矛盾，请核对时刻", BASIS)
        elif part != "上午" and 13 <= hour <= 24:
            yield ctx.finding(ID, SEVERITY, para, start, end,
                              f"{hour}点已是24小时制，不再加“{part}”（写作{m.group()[len(part):].strip()}或{part}{hour - 12}:{m.group(3)}）",
                              BASIS, suggestion=m.group()[len(part):].strip(" \t　"))
