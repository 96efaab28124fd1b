"""placeholder: unfilled template spots (xx市, 2023年x月xx日, 某某, 【】, {{ }})."""

import re

ID = "placeholder"
SEVERITY = "error"
DOC = "未填写的占位符：xx、XX、××、○○、x月xx日、某某、空的【】、（标题待填）之类的待填标记，以及残留的模板语法。"
BASIS = "实务：成稿不得留有占位符"
GROUPED = True
FIXABLE = False
FIXTURES = {
    "bad": ["联系电话：0731-8xxxxxxx。", "近年来，xx市人大坚持向中心聚焦。", "2023年x月xx日，会议如期举行。", "请某某同志发言。",
            "截至【】，共办结建议。", "共有{{ count }}件建议。", "学习贯彻党的××大精神。", "（标题待填）",
            "○○市人大常委会办公室", "定于2026年3月○○日召开会议。", "请□□同志参加。"],
    "good": ["2024年3月20日，会议如期举行。", "采用4×100米接力的方式。", "Linux 和 Xbox 都是外来词。",
             "某市人大常委会召开会议。", "二○○六年通过的监督法。", "得分：○○●"],
}

# Each alternative starts with a literal, so re skips quickly over a long draft.
# Template syntax is looked for within a bounded stretch, so unclosed {{ stay linear.
PATTERN = re.compile(r"[xX×]{1,12}(?![A-Za-z])|[○□]{2,8}|某某|【[ \t　]*】|\{\{[^\n]{0,200}?\}\}|\{%[^\n]{0,200}?%\}"
                     r"|[（(【][^）)】\n]{0,8}待[填定补][）)】]")
CN_DIGIT = re.compile("[〇○零一二三四五六七八九十●◎★☆]")  # a year, or a row of marks (●●○○)


def _placeholder(text: str, start: int, end: int) -> bool:
    """xx市, 2023年x月, 20xx年 and ××大 are; Xbox, 4×100 and Linux's x are not."""
    if text[start] in "○□":  # ○○市, 3月○○日; but 二○○六年 writes a year with ○ for 〇 (numbers.zero's matter)
        return not (CN_DIGIT.match(text[start - 1:start]) or CN_DIGIT.match(text[end:end + 1]))
    if text[start] not in "xX×":
        return True
    left = text[start - 1] if start else ""
    if left.isascii() and left.isalpha():
        return False
    if left.isdigit():  # 4×100 is a product; 20xx年 is a year, 0731-8xxxxxxx a number to fill in
        return text[end:end + 1] in ("年", "月", "日", "号") or end - start >= 3
    return True


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        if _placeholder(para.text, start, end):
            yield ctx.finding(ID, SEVERITY, para, start, end, f"未填写的占位符“{m.group()}”", BASIS)
