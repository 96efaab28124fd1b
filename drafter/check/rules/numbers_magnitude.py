"""numbers.magnitude: ten thousand 万 or more written out (12000万元 for 1.2亿元)."""

import re

ID = "numbers.magnitude"
SEVERITY = "warning"
FIXABLE = False
DOC = "数值单位：满一万个“万”的数值宜进到“亿”（12000万元写作1.2亿元），与文中其他“亿元”同一写法，便于读数。"
BASIS = ("实务：统计数字满一万万宜用“亿”（1.2亿元），读数清楚；"
         "GB/T 15835-2011 允许数值与“万”“亿”连用，并不禁止“34500万”一类写法，故只作提醒")
FIXTURES = {
    "bad": ["县政府累计投入资金12000万元。", "完成投资25600万元，同比增长8%。"],
    "good": ["县政府累计投入资金1.2亿元。", "完成投资9800万元。", "电话12000。", "投入3000.5万元。"],
}

PATTERN = re.compile(r"(?<![\d.])([1-9]\d{4,})(?:\.\d+)?[ \t]*万(?=[\u4e00-\u9fff])")


def _yi(digits: str) -> str:
    whole = int(digits)
    return f"{whole / 10000:.4f}".rstrip("0").rstrip(".") + "亿"


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        if para.text[end:end + 1] in "人户":  # 12000万人口 is no money; still a magnitude but left to the writer
            continue
        yield ctx.finding(ID, SEVERITY, para, start, end,
                          f"“{m.group()}”满一万个“万”，宜写作“{_yi(m.group(1))}”", BASIS)
