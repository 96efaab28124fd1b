"""numbers.year: a year abbreviated to two digits (26年3月, 25年度)."""

import re

ID = "numbers.year"
SEVERITY = "warning"
FIXABLE = False
DOC = ("年份简写：公历年份应写全四位（2026年3月，不写作26年3月；2025年度，不写作25年度；做好2026年的工作，"
       "不写作做好26年的工作）。“26年来”“用了26年的时间”之类表示年数的不报。")
BASIS = "GB/T 15835-2011《出版物上数字用法》：年份不应简写（“1990年”不写为“90年”）"
FIXTURES = {
    "bad": ["26年3月2日", "25年3月以来，常委会共召开会议8次。", "请于26年4月15日前报送。", "24年以来，主席团共组织活动15次。",
            "25年度工作总结", "25年，常委会首次开展专项审议。",
            "全力以赴做好26年的工作。", "谋划好26年工作。", "26年是“十五五”开局之年。", "确保26年各项目标任务全面完成。", "为做好26年市级预算执行情况的监督工作",
            "项目已于今年6月开工建设，预计26年秋季学期投入使用。", "力争26年底前全部完工。", "25年第三季度完成验收。", "26年全县地区生产总值预期增长6%左右。",
            "根据市人大常委会26年工作要点", "审查镇25年财政预算执行情况", "芦湾乡人大主席团26年第三次会议纪要",
            "征求代表对26年常委会工作要点的意见建议。"],
    "good": ["2026年3月2日", "县人大常委会成立26年来，始终坚持党的领导。", "建站12年以来，接待群众上万人次。",
             "用了12年3个月时间。", "第26年3月", "全县建站已有12年，接待群众上万人次。", "我们用了25年，走完了这段路。",
             "在26年的工作中积累了经验。", "代表联络站建立26年的工作经验值得总结。", "他从事人大工作26年，是一位老同志。",
             "经过26年的工作", "总结12年的工作经验", "确保26年来从未发生事故。", "总结26年的经验", "预计26年左右才能收回投资。", "坚持26年秋季开展巡查。", "预计2026年秋季学期投入使用。", "坚持26年全县未发生重大事故。", "2026年全县地区生产总值预期增长6%左右。",
             "县人大常委会26年来始终坚持依法监督。", "乡镇人大主席团工作26年了。", "她在县政府26年的时间里兢兢业业。",
             "他在常委会工作了26年，常委会工作报告都经他手。"],
}

# Found by 年 (a literal re finds fast); the two digits before it and what follows are read in
# fixed windows.
PATTERN = re.compile(r"年(?=[ \t　]*\d{1,2}[ \t　]*月|度|以来|初|底|末|上半年|下半年|[春夏秋冬]季|第?[一二三四]季度|(?P<comma>[，,]))")
TWO_DIGITS = re.compile(r"(?<![\d０-９.．第])\d{2}$")
DURATION = ("成立", "建立", "设立", "建站", "建会", "开展", "坚持", "历经", "走过", "经过", "过去", "近", "这", "用了", "连续")


# A two-digit year in running text with no month after it: a verb of planning before it, the
# year's work or tasks after it (做好26年的工作, 确保26年各项目标任务, 26年是……之年). Only
# 20–39 are read as years (2020–2039); a length of time has other words around it.
PLAN = re.compile(r"(?=[2-3]\d年)"  # a cheap look at the year first: the look-behinds run only there
                  r"(?:(?:(?<=预计)|(?<=力争)|(?<=争取)|(?<=做好)|(?<=抓好)|(?<=谋划)|(?<=谋划好)|(?<=部署)|(?<=确保)|(?<=推进)|(?<=落实)|(?<=迎接))(?P<open>[2-3]\d)年"
                  r"(?![ \t　]*(?:来|以来|间|里|内|中|多|前|后|左右|的?时间|之久|连续))"
                  r"|(?:(?<=完成)|(?<=实现)|(?<=安排)|(?<=总结)|(?<=回顾)|(?<=开启)|(?<=为)|(?<=对)|(?<=^)"
                  r"|(?<=[。；;！？，,：:]))[2-3]\d年(?=的?(?:工作|各项|目标|任务|重点|计划|要点|全年)|是[^。；，,]{0,24}之年"
                  r"|(?:全|我|本)[县市区镇乡州省](?!委)))", re.M)
DURATION_AFTER = re.compile(r"的?(?:工作|奋斗|实践)(?:经验|经历|实践|历程|中)")
# Two digits and 年 that only a year can be: right after the body or place whose year it is
# (常委会26年工作要点, 乡25年财政预算), or before what belongs to one year (26年第一次会议,
# 26年工作要点, 25年财政预算执行情况); not when a length of time follows (26年来, 26年的时间).
OWNED = re.compile(r"(?=[2-3]\d年)(?<![\d０-９.．第])(?:(?:(?<=常委会)|(?<=主席团)|(?<=政府)|(?<=委员会)|(?<=[乡镇县市区省]))"
                   r"[2-3]\d年(?![ \t　]*(?:来|以来|间|里|内|中|多|前|后|左右|了|的?时间|之久|历程))"
                   r"|[2-3]\d年(?=第[一二三四五六七八九十]+次|(?:[县市区镇乡省]?(?:人大)?(?:常委会|主席团|(?:人民)?政府))?"
                   r"(?:全年|年度)?(?:工作(?:要点|计划|安排|总结|报告)|立法计划|监督计划"
                   r"|(?:财政)?预算|决算|国民经济和社会发展|民生实事|重点(?:工作|项目))))")


def check(draft, ctx):
    found = set()  # (paragraph, start): one finding a place
    for f in _running(draft, ctx):
        if (f.paragraph, f.offset) not in found:  # PLAN and OWNED may both take a place
            found.add((f.paragraph, f.offset))
            yield f
    for para, start, end, m in ctx.scan(PATTERN):
        digits = TWO_DIGITS.search(para.text, max(0, start - 2), start)
        if not digits or (para.number, digits.start()) in found:
            continue
        start = digits.start()
        if m.group("comma") and para.text[:start].rstrip(" \t　")[-1:] not in ("", "。", "；", ";", "！", "？"):
            continue  # 25年， opening a sentence is a year; 用了25年， inside one is a length of time
        window = para.text[max(0, start - 2):start]
        if any(window.endswith(w) for w in DURATION):
            continue  # 成立26年以来: a number of years
        yield ctx.finding(ID, SEVERITY, para, start, end, f"年份“{para.text[start:end]}”简写了，应写全四位（如 20{digits.group()}年）",
                          BASIS)


def _running(draft, ctx):
    for para, start, end, m in (hit for pattern in (PLAN, OWNED) for hit in ctx.scan(pattern)):
        if DURATION_AFTER.match(para.text, end):
            continue  # 26年的工作经验: a length of time
        digits = para.text[start:end - 1]
        yield ctx.finding(ID, SEVERITY, para, start, end, f"年份“{para.text[start:end]}”简写了，应写全四位（如 20{digits}年）",
                          BASIS)
