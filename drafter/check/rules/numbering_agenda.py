"""numbering.agenda: the items a 主持词 announces (下面进行第一项议程……第二项……) said twice or out of
order within one sitting."""

import re

from ... import numbering

ID = "numbering.agenda"
SEVERITY = "error"
FIXABLE = False
DOC = ("议程顺序：同一次全体会议的主持词中依次宣布的“下面进行第一项议程”“进行第二项议程”……，序数重复（第二项之后又是第二项）"
       "或倒序（第三项之后是第二项）的，提示核对。跳过的不报（表决的全体会议只进行需要表决的几项议程），"
       "从哪一项开始也不论；“第二次全体会议”“现在开会”“休会”之后重新计。")
BASIS = "实务：主持词按会议议程的顺序逐项宣布，序数与议程一致、依次递增"
FIXTURES = {
    "bad": ["下面进行第一项议程，请某某同志作报告。\n下面进行第二项议程，请某某同志宣读清单。\n"
            "下面进行第二项议程，请有关部门作表态发言。\n下面进行第四项议程，请某某同志讲话。",
            "下面进行第三项议程。\n下面进行第二项议程。"],
    "good": ["下面进行第一项议程，请某某同志作报告。\n下面进行第二项议程，请某某同志宣读清单。\n"
             "下面进行第三项议程，请有关部门作表态发言。\n下面进行第四项议程，请某某同志讲话。",
             "下面进行会议第四项议程。\n下面进行会议第五项议程。", "第二项议程进行完毕。下面进行第三项议程。",
             "会议共有四项议程。第一项议程是听取报告。",
             "下面进行第一项议程：请县长作报告。\n下面进行第一项议程：请县长作报告。\n下面进行第二项议程和第三项议程：两个报告已书面印发。\n下面进行第四项议程。",
             "下面进行第一项议程。\n下面进行第二、三项议程。\n下面进行第四项议程。",
             "第一次全体会议\n下面进行会议第一项议程。\n下面进行会议第四项议程。\n现在休会。\n第二次全体会议\n"
             "现在开会。\n下面进行会议第二项议程，进行表决。\n下面进行会议第四项议程，进行表决。"],
}

# The chair moving the meeting on: 进行（会议）第N项议程/议题, or two at once (第二项议程和第三项议程,
# 第二、三项议程), read on by JOINED.
N = "[一二三四五六七八九十]{1,3}"
ANNOUNCED = re.compile(rf"进行(?:会议|大会|本次会议)?的?第(?P<n>{N})(?:项(?:议程|议题)|(?=(?:和|及|、|至|到)第?{N}项(?:议程|议题)))")
JOINED = re.compile(rf"(?:和|及|、|至|到)第?(?P<n>{N})项(?:议程|议题)")
# A new sitting begins (第二次全体会议, 现在开会) or one ends (休会): its announcements count afresh.
SITTING = re.compile(r"第[一二三四五六七八九十]+次全体会议|现在开会|休会")


def check(draft, ctx):
    if "项议" not in ctx.text:
        return
    last, said_in = None, None
    for para in draft.paragraphs:
        if SITTING.search(para.text):
            last = None
        for m in ANNOUNCED.finditer(para.text):
            n = numbering.to_int(m.group("n"))
            if last is not None and n == last and para.text == said_in.text:
                continue  # the whole paragraph pasted twice: the repeat rule's
            if last is not None and n <= last:
                said = "与上一次宣布的序数重复" if n == last else f"排在第{numbering.cn(last)}项之后"
                yield ctx.finding(ID, SEVERITY, para, m.start("n") - 1, m.end(),
                                  f"宣布的“第{m.group('n')}项”{said}，请与会议议程核对", BASIS)
            joined = JOINED.match(para.text, m.end())
            last = numbering.to_int(joined.group("n")) if joined else n
            said_in = para
