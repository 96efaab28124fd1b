"""placeholder.note: editorial residue: notes to the writer left in the text (【此处补充……】,
（待核实）, [请填写]), a reviewer's remark (批注：……), and …… standing for what is still to be written."""

import re

ID = "placeholder.note"
SEVERITY = "error"
FIXABLE = False
DOC = ("编辑残留：写给起草人的括注（【此处补充2025年数据】、（待核实）、[请填写]、（人选待定，会前补充））、待插入的图表（【表1：……（待插入）】）、"
       "审稿人的批注和疑问（批注：……、【修改意见：……】、（与前文重复，建议删除）、【此段是否保留？】、署名的意见“此处建议补充……——李”），以及代替未写内容的“……”（一年来，……；主要任务是……；只有“……”的列举项“（四）……”）。"
       "列举后的“……”和引文中的省略不报。")
BASIS = "实务：成稿不得留有写给起草人的批注和待补内容"
FIXTURES = {
    "bad": ["此处建议补充与周边县的对比数据——李", "建议：（一）压实主体责任；（二）加强监管力量；（三）……",
            "全县有留守儿童1200人（数据待民政局核实）。", "资产总额15亿元（以最终统计为准——王）。", "2025年全县共完成农村公路提质改造【此处补充2025年数据】公里。", "请假:（待核实）",
            "五、补选镇人民代表大会副主席（人选待定，会前补充）", "决不能墨守成规。（此处请办公室补充典型事例）全市各级人大",
            "会议地点：[请填写]", "批注：这一段数据需要更新。", "会议强调【修改意见：删去此句】，要加强监督。",
            "全年共办理代表建议236件（数字待统计），办结率100%。", "会议要求（请研究室补充），切实加强监督。",
            "代表联络站实现全覆盖（与前文重复，建议删除）。", "【此段是否保留？】代表之家建设成效明显。",
            "截至6月底（数据请财政局7月底前提供），全市一般公共预算收入增长5%。", "推动问题整改（具体数字会后核对）。", "会议决定（待领导审定），5月组织视察。", "成效明显【李主任：这里数据不对】，群众满意。",
            "要持续推进代表工作（建议改为“持续深化”）。", "会议表彰了先进代表（要不要写具体名字？）。",
            "一年来，……", "各位代表，……", "【表1：全县养老机构分布情况（待插入）】", "【图2：近五年财政收入变化】", "今天召开会议，主要任务是……", "为……，经研究，决定举办培训班。", "……", "过去一年……",
            "（二）拓宽资金渠道。……\n（三）强化监督考核。", "学习宪法和法律。（请综合处补充具体课程安排）", "（请秘书处会前核对名单）"],
    "good": ["代表们普遍关注交通、养老、托育等民生问题。", "正如一位作家所说，此处无声胜有声——鲁迅",
             "（一）加强监督；（二）依法履职。", "第3.……条的规定", "他说：“我们要……”", "正如文件所说：“……必须坚持人民主体地位”。",
             "会议审议了《补充规定（草案）》。", "（以下简称《条例》）", "会议听取了关于待业青年就业情况的报告。",
             "关于修改意见的说明", "（修改稿）", "请于3月10日前将回执报送县人大办（请认真核实后填报）。",
             "会议审议了代表资格审查报告（待遇问题另行研究）。", "代表提出的“要不要设立代表联络站？”这一问题。",
             "（二）请市人民政府于6月底前书面报告整改情况。", "他说：“要抓落实。……”", "（请各单位于3月10日前补充报送）"],
}

NOTE_WORDS = (r"此处|待(?:核实|核对|核|定|补充|补|填写|填|确认|更新|审定|审核|删除|删|修改|完善|斟酌|商榷|研究|统计|查|插入|插|附)"
              r"|待(?:领导|分管领导|主要领导|主任|秘书长)[^）)】\]〕\n]{0,2}?(?:审定|审核|审阅|定稿|确定|把关)"
              r"|请(?:填写|补充|核实|核对|确认|修改|办公室)"
              # a note to a colleague in the drafting office (请研究室补充, 以上内容请李主任把关), not an
              # instruction to the recipients (请各单位认真核实后填报)
              r"|请[^）)】\]〕\n]{0,6}?(?:室|科|股|处|办|主任|同志|秘书长|处长|科长|部长|领导)[^）)】\]〕\n]{0,8}?"
              r"(?:补充|核实|核对|斟酌|审定|把关|完善|润色|修改|提供)"
              r"|(?:会前|会后|稍后|后续|另行|随后)(?:补充|核对|核实|确认|修改|补齐|提供)"
              # a reviewer's remark on the text itself
              r"|建议(?:删除|删去|保留|合并)|是否(?:保留|删除|删去|需要|合适|妥当)|与(?:前文|上文|上段|前段|下文)重复"
              r"|(?:这里|这段|此段|本段|以上内容|上述内容)(?:再|请|需|要|加|删|改|压缩|补)"
              r"|(?:数据|数字)(?:请|由)|建议改(?:为|成)|原稿如此|(?:审阅|审定|阅)后|请(?:核|审|阅)(?=[）)】\]〕])"
              r"|批注|修改意见|审改意见|[Tt][Oo][Dd][Oo]|TBD"
              # a fact left for another office to confirm (数据待教育局核实), and a remark signed with a
              # dash and a surname (……为准——李); a quotation's author has a full name
              r"|(?:数据|数字|情况|内容|表述|口径)待[^）)】\]〕\n]{0,8}?(?:核实|核对|确认|补充|提供|更新|审定)"
              r"|——[\u4e00-\u9fff]{1,2}(?:主任|科长|处长|秘书长)?(?=[）)】\]〕])")
# A reviewer's question in 【】 (【此段是否保留？】), or in （） with a question word: text in a draft never asks there;
# and a remark addressed to someone in 【】 (【王主任：这里数据不对】); in （） it may be a list of members.
QUERY = re.compile(r"【[^】\n]{2,30}[？?]】|【(?:表|图|附表|附图)[ \t　]*\d*[ \t　]*[:：][^】\n]{1,40}】|【[^】\n]{0,4}(?:主任|科长|处长|秘书长|同志|部长|局长)[:：][^】\n]{1,40}】"
                   r"|（(?=[^）\n]{0,20}(?:要不要|需不需要|是不是|对不对|可否|是否))[^）\n]{2,40}[？?]）")
# Found by the opening bracket; a note is short, so the bracket is read within a bounded stretch.
BRACKETED = re.compile(rf"[（(【\[〔](?=[^）)】\]〕\n]{{0,40}}[）)】\]〕])(?=[^）)】\]〕\n]{{0,38}}?(?:{NOTE_WORDS}))"
                       r"[^）)】\]〕\n]{0,40}[）)】\]〕]")
REMARK = re.compile(r"^[ \t　]*(?:批注|审稿意见|审改意见|修改意见|校对意见)[ \t　]*[:：].*$", re.M)
# …… in place of text: after a comma or colon (一年来，……), or after 是/为 (主要任务是……, 为……，),
# ending the paragraph or its clause; after a heading's full stop ((二)拓宽资金渠道。……); or a paragraph of nothing else.
# A list item that is only …… ((四)……, 4.……) holds the place of an item not yet written.
ELLIPSIS = re.compile(r"(?:(?<=[，,：:。；;])|(?<=[是为])|(?<=[一二三四五六七八九十][）)、])|(?<=\d[）)、.．])|^)[ \t　]*……"
                      r"(?=[ \t　]*(?:$|[，,。；;]))", re.M)
# A remark signed with a dash and a surname, outside brackets: 此处建议补充对比数据——李. The line
# must open as a remark does (此处, 这里, 建议补充……), so a quotation's attribution (……——鲁迅) is not taken.
SIGNED = re.compile(r"^[ \t　]*(?:此处|这里|此段|本段|这段|该段|以上|上述|建议(?:补充|增加|核实|删除|删去|修改|改为|压缩|充实)|请(?:补充|核实|核对|修改))"
                    r"[^\n]{0,80}——[ \t　]*[\u4e00-\u9fff]{1,2}"
                    r"(?:主任|科长|处长|秘书长|部长)?[ \t　]*$", re.M)
# or closing a short opening of a paragraph that goes no further (过去一年……)
STUB = re.compile(r"^[^。！？!?；;，,\n]{1,16}……[ \t　]*$", re.M)


def check(draft, ctx):
    for para, start, end, m in ctx.scan(BRACKETED):
        yield ctx.finding(ID, SEVERITY, para, start, end, f"写给起草人的批注或待补标记“{m.group()}”，成稿前应补齐并删除",
                          BASIS)
    for para, start, end, m in ctx.scan(QUERY):
        if not BRACKETED.fullmatch(m.group()):  # the pattern above has taken it
            if m.group()[1] in "表图附":
                yield ctx.finding(ID, SEVERITY, para, start, end, f"图表的占位标记“{m.group()}”留在了文中，成稿前应插入图表并删除",
                                  BASIS)
                continue
            yield ctx.finding(ID, SEVERITY, para, start, end, f"审稿人的疑问或意见“{m.group()}”留在了文中，成稿前应处理并删除",
                              BASIS)
    for para, start, end, m in ctx.scan(SIGNED):
        if not BRACKETED.search(m.group()):  # a bracketed note on the line is found above
            yield ctx.finding(ID, SEVERITY, para, start, end, "审稿人署名的意见留在了文中，成稿前应处理并删除", BASIS)
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
