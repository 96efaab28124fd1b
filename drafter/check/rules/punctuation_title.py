"""punctuation.title: a document's title ending with a full stop (……的决议。)."""

import re

from ... import numbering

ID = "punctuation.title"
SEVERITY = "error"
FIXABLE = False
DOC = "标题末尾多了句号：文件标题（……的通知、……的复函、……的讲话、……的发言）末尾不加句号。"
BASIS = "实务：公文标题末尾不加句号"
FIXTURES = {
    "bad": ["清河市人民代表大会关于市人民检察院工作报告的决议.（2026年1月16日通过）\n会议同意这个报告。",
            "关于召开县人大常委会第二十次会议的通知。\n各乡镇人大主席团：",
            "在全县人大代表履职培训班开班式上的讲话。\n同志们：",
            "江北区人大常委会关于城市管理工作情况报告的审议意见。\n区人民政府：",
            "清河市人大常委会办公室关于同意清河区人大常委会来访学习交流的复函。\n清河区人大常委会办公室：",
            "在全县人大工作务虚会上的发言。\n同志们："],
    "good": ["关于召开县人大常委会第二十次会议的通知\n各乡镇人大主席团：", "会议审议了关于报告的决议。", "常委会听取了关于生态环境等方面情况的报告。", "关于举办培训班的通知\n一、对“一府两院”工作的意见。",
             "同志们：\n今天的会议是一次重要的会议。", "现将有关情况汇报。\n一、基本情况", "会议同意这个报告。\n特此通知。",
             "我代表常委会党组作了发言。\n同志们：", "各位代表：\n我讲两点意见。", "同志们：\n请某某同志代表老同志发言。", "下面请李主任讲话。\n同志们：",
             "各位代表：\n下面进行会议第一项议程：请镇长作政府工作报告。"],
}

GENRES = ("通知|通报|决议|决定|报告|意见|请示|批复|函|复函|主持词|纪要|议程|日程|方案|计划|规定|办法|"
          "条例|公告|公报|审议意见|调研报告|工作要点")
# genres that are also verbs (请李主任讲话。, 请某某同志发言。): a title names them after 的 (……上的讲话)
SPOKEN = "讲话|发言|致辞|汇报|总结|答复"
# The title: among a draft's first lines, one that opens with 关于/在 or a body's name and ends
# with the name of its genre, then a stop (and perhaps the headnote in brackets); a line with a
# colon in it is a sentence (下面进行第一项议程：请……作政府工作报告。), never a title.
TITLE = re.compile(rf"^[^。；;！？!?，,：:\n]{{4,60}}(?:(?:的|)(?:{GENRES})|的(?:{SPOKEN}))(?P<stop>[。.．])[ \t　]*(?:[（(][^\n]{{0,80}}[）)])?[ \t　]*$")
FIRST = 6


# A sentence that reports (会议审议了关于……的决议。) is no title: a title names, it does not tell.
GENRE_END = re.compile(f"(?:{GENRES}|{SPOKEN})$")
# (关于同意……的复函, 关于研究解决……的请示, 关于提请审议……的报告 are titles: the verb is what they are about)
# A speaker announcing points (我讲两点意见。, 提几点要求。) tells too: a title does not speak as 我 (我市 may name).
TOLD = re.compile(r"了|听取|(?<!提请)审议|通过|(?<!关于)同意|(?<!关于)研究|决定[，,]|认为|指出|要求|现将|特此"
                  r"|^我(?![市县区省州镇乡])|[一二两三四五六七八九十几]点(?:意见|建议)")


def check(draft, ctx):
    for para in draft.paragraphs[:FIRST]:
        m = TITLE.match(para.text) if len(para.text) <= 160 else None
        if m and not TOLD.search(GENRE_END.sub("", para.text[:m.start("stop")])) \
                and numbering.opening(para.text) is None:  # 一、对……的意见。 is a point, not the title
            yield ctx.finding(ID, SEVERITY, para, m.start("stop"), m.end("stop"), "标题末尾不加句号", BASIS, suggestion="")
            return
