"""usage.address: a reply to a 人大代表's 建议 that greets the 代表 as 委员 (尊敬的李春华委员)."""

import re

ID = "usage.address"
SEVERITY = "warning"
FIXABLE = False
DOC = ("称谓有误：答复人大代表建议的文稿，称呼对方为“代表”（尊敬的李春华代表），不称“委员”"
       "（“委员”是政协委员、常委会委员的称谓）。只在全文表明答复的是人大代表建议、又未提到政协和常委会委员时报告。")
BASIS = ("全国人民代表大会和地方各级人民代表大会代表法第九条、第十八条（代表提出建议、批评和意见，有关机关答复）；"
         "实务：代表建议答复函称“××代表”")
FIXTURES = {
    "bad": ["关于市十六届人大五次会议第108号建议的答复\n尊敬的李春华委员：\n您提出的《关于加装电梯的建议》收悉。",
            "对县十九届人大四次会议第12号代表建议的答复\n王明委员：\n您提出的建议收悉，现答复如下。"],
    "good": ["关于市十六届人大五次会议第108号建议的答复\n尊敬的李春华代表：\n您提出的《关于加装电梯的建议》收悉。",
             "关于市政协十三届五次会议第108号提案的答复\n尊敬的李春华委员：\n您提出的提案收悉。",
             "关于常委会组成人员审议意见的答复\n尊敬的李春华委员：\n您在常委会会议上提出的意见收悉。",
             "尊敬的李春华委员：\n您提出的建议收悉。",
             "县人大常委会会议分组审议记录\n主持人：李明\n议题：关于代表建议办理情况的报告\n审议情况：\n王明委员：代表建议答复要更实。"],
}

# Found by 委员 closing a greeting line (尊敬的×××委员：, ×××委员：).
PATTERN = re.compile(r"^[ \t　]*(?:尊敬的)?[\u4e00-\u9fff]{2,4}委员[：:]", re.M)
NPC_SUGGESTION = re.compile(r"人大[^。\n]{0,12}会议第[^。\n]{0,8}号(?:代表)?建议|代表建议|人大代表")
GREETING_WITHIN = 4  # paragraphs: the title, a number or a date line, then the greeting
OTHER_BODY = re.compile(r"政协|提案|常委会委员|常委会组成人员|审议意见|委员会委员")


def check(draft, ctx):
    verdict = None
    for para, start, end, m in ctx.scan(PATTERN):
        if verdict is None:
            verdict = (bool(NPC_SUGGESTION.search(ctx.text)) and not OTHER_BODY.search(ctx.text)
                       and ("答复" in ctx.text or "收悉" in ctx.text))
        if not verdict:
            return
        if para.number > GREETING_WITHIN:
            continue  # a letter's greeting stands at its head; 王明委员： further down is a speaker in minutes
        lead = len(m.group()) - len(m.group().lstrip(" \t　"))
        yield ctx.finding(ID, SEVERITY, para, start + lead, end - 1,
                          "答复人大代表的建议，称“代表”，不称“委员”", BASIS,
                          suggestion=m.group().strip(" \t　")[:-3] + "代表")
