"""numbering.agenda: the items a 主持词 announces (下面进行第一项议程……第二项……) out of order, one
of them twice or one skipped."""

import re

from ... import numbering

ID = "numbering.agenda"
SEVERITY = "error"
FIXABLE = False
DOC = ("议程顺序：主持词中依次宣布的“下面进行第一项议程”“进行第二项议程”……，序数重复（第二项之后又是第二项）、"
       "跳号（第二项之后是第四项）或倒序的，提示核对。从哪一项开始不论（第二次全体会议可以从第四项议程开始）。")
BASIS = "实务：主持词按会议议程的顺序逐项宣布，序数与议程一致、依次递增"
FIXTURES = {
    "bad": ["下面进行第一项议程，请某某同志作报告。\n下面进行第二项议程，请某某同志宣读清单。\n"
            "下面进行第二项议程，请有关部门作表态发言。\n下面进行第四项议程，请某某同志讲话。",
            "现在进行会议第一项议程。\n现在进行会议第三项议程。",
            "下面进行第三项议程。\n下面进行第二项议程。"],
    "good": ["下面进行第一项议程，请某某同志作报告。\n下面进行第二项议程，请某某同志宣读清单。\n"
             "下面进行第三项议程，请有关部门作表态发言。\n下面进行第四项议程，请某某同志讲话。",
             "下面进行会议第四项议程。\n下面进行会议第五项议程。", "第二项议程进行完毕。下面进行第三项议程。",
             "会议共有四项议程。第一项议程是听取报告。",
             "下面进行第一项议程：请县长作报告。\n下面进行第一项议程：请县长作报告。\n下面进行第二项议程和第三项议程：两个报告已书面印发。\n下面进行第四项议程。",
             "下面进行第一项议程。\n下面进行第二、三项议程。\n下面进行第四项议程。"],
}

# The chair moving the meeting on: 进行（会议）第N项议程/议题, or two at once (第二项议程和第三项议程,
# 第二、三项议程), read on by JOINED.
N = "[一二三四五六七八九十]{1,3}"
ANNOUNCED = re.compile(rf"进行(?:会议|大会|本次会议)?的?第(?P<n>{N})(?:项(?:议程|议题)|(?=(?:和|及|、|至|到)第?{N}项(?:议程|议题)))")
JOINED = re.compile(rf"(?:和|及|、|至|到)第?(?P<n>{N})项(?:议程|议题)")


def check(draft, ctx):
    last, said_in = None, None
    for para, start, end, m in ctx.scan(ANNOUNCED):
        n = numbering.to_int(m.group("n"))
        if last is not None and n == last and para.text == said_in.text:
            continue  # the whole paragraph pasted twice: the repeat rule's
        if last is not None and n != last + 1:
            said = ("与上一次宣布的序数重复" if n == last else f"跳过了第{numbering.cn(last + 1)}项" if n > last
                    else f"排在第{numbering.cn(last)}项之后")
            yield ctx.finding(ID, SEVERITY, para, start + m.start("n") - m.start() - 1, end,
                              f"宣布的“第{m.group('n')}项”{said}，请与会议议程核对", BASIS)
        joined = JOINED.match(para.text, end)
        # 第二项 twice: the second meant 第三项, as the next one shows
        last = numbering.to_int(joined.group("n")) if joined else n + 1 if n == last else n
        said_in = para
