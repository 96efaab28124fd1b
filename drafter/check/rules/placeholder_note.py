"""placeholder.note: editorial residue: notes to the writer left in the text (【此处补充……】,
（待核实）, [请填写]), a reviewer's remark (批注：……), and …… standing for what is still to be written."""

import re

ID = "placeholder.note"
SEVERITY = "error"
FIXABLE = False
DOC = ("编辑残留：写给起草人的括注（【此处补充2025年数据】、（待核实）、[请填写]、（人选待定，会前补充））、"
       "审稿人的批注（批注：……、【修改意见：……】），以及代替未写内容的“……”（一年来，……；主要任务是……）。"
       "列举后的“……”和引文中的省略不报。")
BASIS = "实务：成稿不得留有写给起草人的批注和待补内容"
FIXTURES = {
    "bad": ["2025年全县共完成农村公路提质改造【此处补充2025年数据】公里。", "请假:（待核实）",
            "五、补选镇人民代表大会副主席（人选待定，会前补充）", "决不能墨守成规。（此处请办公室补充典型事例）全市各级人大",
            "会议地点：[请填写]", "批注：这一段数据需要更新。", "会议强调【修改意见：删去此句】，要加强监督。",
            "一年来，……", "各位代表，……", "今天召开会议，主要任务是……", "为……，经研究，决定举办培训班。", "……", "过去一年……"],
    "good": ["代表们普遍关注交通、养老、托育等民生问题。", "他说：“我们要……”", "正如文件所说：“……必须坚持人民主体地位”。",
             "会议审议了《补充规定（草案）》。", "（以下简称《条例》）", "会议听取了关于待业青年就业情况的报告。",
             "关于修改意见的说明", "（修改稿）"],
}

NOTE_WORDS = (r"此处|待(?:核实|核对|核|定|补充|补|填写|填|确认|更新)|请(?:填写|补充|核实|核对|确认|修改|办公室)"
              r"|(?:会前|稍后|后续|另行)补充|批注|修改意见|审改意见|[Tt][Oo][Dd][Oo]|TBD")
# Found by the opening bracket; a note is short, so the bracket is read within a bounded stretch.
BRACKETED = re.compile(rf"[（(【\[〔](?=[^）)】\]〕\n]{{0,40}}[）)】\]〕])(?=[^）)】\]〕\n]{{0,38}}?(?:{NOTE_WORDS}))"
                       r"[^）)】\]〕\n]{0,40}[）)】\]〕]")
REMARK = re.compile(r"^[ \t　]*(?:批注|审稿意见|审改意见|修改意见|校对意见)[ \t　]*[:：].*$", re.M)
# …… in place of text: after a comma or colon (一年来，……), or after 是/为 (主要任务是……, 为……，),
# ending the paragraph or its clause; or a paragraph of nothing else.
ELLIPSIS = re.compile(r"(?:(?<=[，,：:])|(?<=[是为])|^)[ \t　]*……(?=[ \t　]*(?:$|[，,。]))", re.M)
# or closing a short opening of a paragraph that goes no further (过去一年……)
STUB = re.compile(r"^[^。！？!?；;，,\n]{1,16}……[ \t　]*$", re.M)


def check(draft, ctx):
    for para, start, end, m in ctx.scan(BRACKETED):
        yield ctx.finding(ID, SEVERITY, para, start, end, f"写给起草人的批注或待补标记“{m.group()}”，成稿前应补齐并删除",
                          BASIS)
    for para, start, end, m in ctx.scan(REMARK):
        yield ctx.finding(ID, SEVERITY, para, start, end, "审稿人的批注留在了文中，成稿前应处理并删除", BASIS)
    for para, start, end, m in ctx.scan(ELLIPSIS):
        if para.text[max(0, start - 1):start] == "是" and para.text[end:end + 1] and para.text[end] not in "。，,":
            continue
        yield ctx.finding(ID, SEVERITY, para, start, end, "“……”代替了尚未写出的内容，成稿前应补齐", BASIS)
    for para, start, end, m in ctx.scan(STUB):
        at = m.group().rindex("……")
        if "“" in m.group() or "……" in m.group()[:at]:
            continue  # a quotation cut short, or a paragraph the pattern above has taken
        yield ctx.finding(ID, SEVERITY, para, start + at, start + at + 2, "“……”代替了尚未写出的内容，成稿前应补齐", BASIS)
