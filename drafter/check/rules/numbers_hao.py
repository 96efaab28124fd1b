"""numbers.hao: 号 for the day of a date (4月1号) in formal text, where 日 belongs."""

import re

ID = "numbers.hao"
SEVERITY = "warning"
FIXABLE = False
DOC = "日期中的“号”：正式文稿中日期写作“4月1日”，不写作口语的“4月1号”；门牌号、文号中的“号”不报；单独成行的成文日期由 format.date 报告。"
BASIS = "实务：正式文稿中的日期写作“×月×日”"
FIXTURES = {
    "bad": ["请于每月25号前报送上月情况。", "计划于4月1号前完成立项。", "请于5月20号前提供材料。", "计划于11月30号前全部办结。"],
    "good": ["计划于4月1日前完成立项。", "区教育局\n2026年5月20号", "地点在迎宾路18号。", "恒人常办发〔2026〕5号", "第126号建议"],
}

# Starts with the literal 月, which re finds fast; what stands before 月 is read in a fixed window.
PATTERN = re.compile(r"月[ \t　]*(\d{1,2}|[一二三四五六七八九十]{1,3})[ \t　]*号")
MONTH = re.compile(r"(?:(?<!\d)\d{1,2}|(?<![一二三四五六七八九十])[一二三四五六七八九十]{1,3}|[每本下上当])[ \t　]*$")


# A line that is only a date is a 成文日期: format.date reports its 号.
DATE_LINE = re.compile(r"^[（(]?(?:19|20)\d\d[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*号[）)]?$")


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        if DATE_LINE.match(para.text.strip()):
            continue
        before = MONTH.search(para.text, max(0, start - 4), start)
        if not before:
            continue
        if before.group()[0] in "每本下上当":
            start += m.start(1) - m.start()  # 每月25号: the day alone
            suggestion = m.group(1) + "日"
        else:
            start = before.start()
            suggestion = para.text[start:end - 1] + "日"
        yield ctx.finding(ID, SEVERITY, para, start, end, "正式文稿中日期用“日”，不用“号”", BASIS,
                          suggestion=suggestion)
