"""numbers.unit: an Arabic number with 千 or 百 as its unit (3千元, 3万6千元, 2百余人)."""

import re

ID = "numbers.unit"
SEVERITY = "warning"
FIXABLE = False
DOC = ("数值单位混写：阿拉伯数字不以“千”“百”作单位，也不把两级单位拼在一个数里——3千元写作3000元，"
       "3万6千元写作3.6万元（或36000元），2百余人写作200余人。千米、千克、千瓦、百分点之类计量单位不报。")
BASIS = ("实务：阿拉伯数字只与“万”“亿”连用，写成一个数（3.6万元）；GB/T 15835-1995 明文“不得以十、百、千……作单位”，"
         "GB/T 15835-2011 的示例也只以“万”“亿”作单位")
FIXTURES = {
    "bad": ["补助资金3万6千元已发放到位。", "共接待群众3千余人次。", "发放宣传资料2百余份。", "投入资金1亿2千万元。"],
    "good": ["补助资金3.6万元已发放到位。", "共接待群众3000余人次。", "新建线路12千米。", "增长2.5个百分点。",
             "装机容量100千瓦。", "三千五百元", "110千伏变电站", "全长5千米，投资1.2亿元。", "入选2025百强县名单", "千分之3"],
}

# A number, an optional 万/亿 and a second number, then 千 or 百 that is no metric prefix
# (千米 千克 千瓦 千伏 千帕 千焦 千卡 千赫) and no 百分 (百分点, 百分比).
PATTERN = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)[ \t]*(?:([万亿])[ \t]*(\d+)[ \t]*)?([千百])(?![米克瓦伏帕焦卡赫兆分强佳])")
YEAR = re.compile(r"(?:19|20)\d\d")  # 2025百强 (a list's year), not a count
SCALE = {"千": 1000, "百": 100, "万": 10000, "亿": 100000000}


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".")


def _suggest(m) -> str:
    head, big, second, small = m.groups()
    if big:  # 3万6千 → 3.6万; 1亿2千万 → 1.2亿 is left to the writer when a 万 follows
        value = float(head) + int(second) * SCALE[small] / SCALE[big]
        return f"{_number(value)}{big}"
    return _number(float(head) * SCALE[small])


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        text = para.text
        if not m.group(2) and YEAR.fullmatch(m.group(1)):
            continue
        if m.group(2) == "亿" and text[end:end + 1] == "万":  # 1亿2千万: 2千万 is 0.2亿
            head, second = m.group(1), m.group(3)
            value = float(head) + int(second) * 1000 * 10000 / 100000000
            yield ctx.finding(ID, SEVERITY, para, start, end + 1,
                              f"“{text[start:end + 1]}”一个数里拼了两级单位，宜写作“{_number(value)}亿”", BASIS)
            continue
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"阿拉伯数字不以“千”“百”作单位，“{m.group()}”宜写作“{_suggest(m)}”", BASIS)
