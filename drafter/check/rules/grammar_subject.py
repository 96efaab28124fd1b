"""grammar.subject: a subject swallowed by a leading 通过/经过/由于/随着 phrase (通过培训，使大家……)."""

import re

ID = "grammar.subject"
SEVERITY = "warning"
FIXABLE = False
DOC = ("缺少主语：句首（或“会议认为，”之类引出的分句开头）用“通过、经过、由于、随着、在……下”引出状语，后面紧接“使（让）……”，"
       "句子就没有了主语。删去“通过（经过）”或删去“使”。“通过……，让群众……”是号召语气，不报。")
BASIS = "实务：病句类型“介词结构淹没主语”（通过……使……、由于……使……）"
FIXTURES = {
    "bad": ["通过这次培训，使大家对代表的权利和义务有了更深入的理解。", "经过两个月的努力，使问题得到解决。",
            "（三）强化教育帮扶。由于社会力量参与不足，使部分帮扶措施难以落实。",
            "随着养老服务体系建设的不断推进，使老年人的获得感不断增强。", "在各方的共同努力下，使项目如期完工。",
            "一是通过推行“客运+邮政+商贸”融合发展模式，使停运班线的运营成本明显下降。", "同时，通过集中培训，使代表履职能力明显提升。",
            "近年来，由于各级人大常委会高度重视，使代表工作取得明显成效。", "由于宣传不到位，让群众产生了误解。",
            "会议指出，通过开展专项监督，使群众反映的问题得到解决。", "调研发现,全县共有学校86所.由于生源减少,使部分学校空置.",
            "要随着改革不断深化，使监督工作水平不断提高。"],
    "good": ["通过这次培训，大家对代表的权利和义务有了更深入的理解。", "这次培训使大家有了更深入的理解。",
             "通过调研，常委会督促政府整改，使问题得到解决。", "通过培训，使用新系统的人越来越多。",
             "由于社会力量参与不足，部分帮扶措施难以落实。", "常委会通过听取报告，使监督更有针对性。",
             "（三）加强宣传引导。通过村务公开栏等渠道，让群众知道联络站。",
             "会议指出，常委会通过开展专项监督，使群众反映的问题得到解决。", "会议认为，通过开展专项监督，群众反映的问题得到解决。"],
}

# 通过/经过/由于/随着 (or 在……下) and one clause, then 使/让; the pattern starts with the words,
# which re finds fast, and the code checks that they begin a sentence.
PATTERN = re.compile(r"((?:通过|经过|由于|随着)[^，,。；;：:！？!?\n]{1,40}|在[^，,。；;：:！？!?\n]{1,30}下)"
                     r"[，,](使(?![用命者馆劲节])|让(?![步利渡位]))")
# The start of a sentence (a web copy's half-width "." too), or of the clause a speaker's verb
# introduces (代表们认为，通过……，使), or a modal before the phrase (要随着……，使).
SENTENCE_START = re.compile(r"[。；;！？!?.][ \t　]*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)?[ \t　]*"
                            r"(?:[一二三四五六七八九十]是|首先|其次|再次|最后|同时|此外|另外|近年来|近几年来|多年来|一年来|今年以来|"
                            r"去年以来|目前|当前|如今|[\u4e00-\u9fff]{0,8}(?:认为|指出|表示|强调))?[，,]?(?:要|应当?|必须)?$")
LOOK_BACK = 14  # characters: a heading number and spaces, or a speaker and the verb, before the sentence


def check(draft, ctx):
    for para, start, end, m in ctx.scan(PATTERN):
        lo = max(0, start - LOOK_BACK)
        if not SENTENCE_START.search(("。" if lo == 0 else "") + para.text[lo:start]):
            continue  # not at the start of a sentence (常委会通过……，使)
        if m.group(2) == "让" and m.group(1).startswith(("通过", "经过")):
            continue  # 通过……渠道，让群众知道: 让 as "let", a call to act whose actor the text before names
        lead = m.group(1)[:2] if not m.group(1).startswith("在") else "在……下"
        offset = start
        yield ctx.finding(ID, SEVERITY, para, offset, end,
                          f"“{lead}……”之后紧接“{m.group(2)}”，句子缺少主语：删去“{lead[:2]}”或删去“{m.group(2)}”", BASIS)
