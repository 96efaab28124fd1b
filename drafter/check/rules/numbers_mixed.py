"""numbers.mixed: counts of one kind written in Arabic and in Chinese numerals in one sentence."""

import re

ID = "numbers.mixed"
SEVERITY = "warning"
FIXABLE = False
DOC = ("数字形式不一致：同一句中的统计数字，有的用阿拉伯数字（6件），有的用汉字（十二个、二百九十件），"
       "应统一用阿拉伯数字。只报十以上的汉字数字（“一项重要任务”“两个维护”之类不报）；相邻数字连用的概数（七八十条、十七八个）和“几十”“数十”“上百”按规定用汉字，不报；"
       "比率的基数（每千人口、每万人）和单独的“百”“千”（百名代表、千人大会）不是计数，也不报。")
BASIS = "GB/T 15835-2011《出版物上数字用法》：同一场合出现的数字，遵循“同类别同形式”原则；相邻两个数字并列连用表示概数的，用汉字数字"
FIXTURES = {
    "bad": ["常委会共审议法规草案6件，听取专项工作报告十二个，开展执法检查5次。",
            "全年办理代表建议386件，其中，解决和正在解决的二百九十件。",
            "审计查出的38个问题已整改到位31个，追回和规范资金二千零四十六万元。"],
    "good": ["常委会共审议法规草案6件，听取专项工作报告12个，开展执法检查5次。",
             "这是一项重要任务，共有3个方面、26条措施。", "全县十四个乡镇、二十六个村全部建成代表联络站。",
             "党的十八大以来，共召开会议12次。", "第十二个五年规划实施以来，完成投资3.2亿元。",
             "代表走访选民620余人次，收集意见建议七八十条。", "开展活动28次，提出建议几十条。", "走访群众5次，收集意见十七八条。",
             "普惠托育机构发展到97家，每千人口拥有托位3.6个。", "开展百名代表进千家活动，走访群众1200户。"],
}

UNITS = "件个次项人名条家所场期批篇天"
CHINESE = re.compile(rf"[十百千][零一二三四五六七八九十百千]{{0,8}}[万亿]?[{UNITS}元]")  # bounded: a long run of numerals never backtracks  # a digit before 十 is taken in below
ARABIC = re.compile(rf"\d+(?:\.\d+)?[ \t]*(?:万|亿)?[{UNITS}]")
# Two neighbouring digits side by side (七八十, 十七八, 三五) make an approximate number.
APPROXIMATE = re.compile(r"[一二三四五六七八九两][一二三四五六七八九]")
SENTENCE_END = "。；;！？!?\n"
WINDOW = 120  # characters either side


def check(draft, ctx):
    for para, start, end, m in ctx.scan(CHINESE):
        text = para.text
        if start and text[start - 1] in "一二三四五六七八九两":
            start -= 1
        if start and text[start - 1] in "第“‘《":
            continue  # 第十二个五年规划, a title or a quotation
        if start and text[start - 1] in "几数上成近" or APPROXIMATE.search(text, max(0, start - 1), end):
            continue  # 七八十条, 十七八个, 几十条: an approximation, which GB/T 15835 writes in Chinese numerals
        if start and text[start - 1] == "每" or end - start == 2 and text[start] in "百千":
            continue  # 每千人口, 每万人: the base of a rate; 百名代表, 千人大会: a round name, not a count
        # the sentence around it, looked for within a fixed window (no rescan of a long paragraph)
        lo, hi = max(0, start - WINDOW), min(len(text), end + WINDOW)
        left = max(text.rfind(c, lo, start) for c in SENTENCE_END) + 1 or lo
        right = min((i for i in (text.find(c, end, hi) for c in SENTENCE_END) if i >= 0), default=hi)
        if ARABIC.search(text, max(left, lo), right):
            yield ctx.finding(ID, SEVERITY, para, start, end,
                              f"同一句中的统计数字用了阿拉伯数字，“{text[start:end]}”也应改用阿拉伯数字", BASIS)
