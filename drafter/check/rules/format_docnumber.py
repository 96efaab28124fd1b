"""format.docnumber: a 发文字号 with [] 【】 （） for 〔〕, a short year, 第, or a padded serial."""

import re

ID = "format.docnumber"
SEVERITY = "error"
FIXABLE = False
DOC = ("发文字号：年份用六角括号“〔〕”括入并标全称，顺序号不加“第”字、不编虚位（恒人常办发〔2026〕5号，"
       "不写作[2026]5号、【2026】5号、〔2026〕第5号、〔2026〕05号），前面应有机关代字。只查通知、请示、函等公文，"
       "讲话稿和工作报告不查。")
BASIS = "GB/T 9704-2012 7.2.5：年份、发文顺序号用阿拉伯数字标注；年份应标全称，用六角括号“〔〕”括入；发文顺序号不加“第”字，不编虚位"
FIXTURES = {
    "bad": ["恒阳市人大常委会办公室文件\n恒人常办发[2026]5号\n关于举办培训班的通知",
            "关于举办培训班的通知\n恒人常办发〔2026〕第3号", "关于举办培训班的通知\n恒人常办发〔2026〕05号",
            "关于举办培训班的通知\n恒人常办发【2026】12号", "关于印发工作要点的通知\n恒区人常发〔26〕2号",
            "关于增加培训经费的请示\n恒人常办（2026）7号", "关于机构调整的请示\n恒区人常〔2026年〕3号",
            "恒阳县人大常委会办公室文件 恒人常办发[2026]4号 关于召开代表工作会议的通知"],
    "good": ["恒阳市人大常委会办公室文件\n恒人常办发〔2026〕5号\n关于举办培训班的通知",
             "关于举办培训班的通知\n恒人常办发〔2026〕5号　签发人：李明",
             "在全区人大工作会议上的讲话\n恒人常办发[2026]5号"],
}

# A 发文字号: a line of its own (the 签发人 may follow), or, in a web copy that ran the 版头
# into one line, a stretch set off by spaces (恒阳县人大常委会办公室文件 恒人常办发[2026]4号 关于……).
NUMBER = (r"(?P<open>[〔\[【（(［〈《])[ \t　]*(?P<year>\d{2,4})[ \t　]*(?P<nian>年)?[ \t　]*"
          r"(?P<close>[〕\]】）)］〉》])[ \t　]*(?P<di>第)?[ \t　]*(?P<serial>\d{1,5})[ \t　]*号")
LINE = re.compile(rf"^(?P<code>[\u4e00-\u9fff]{{0,20}}?){NUMBER}(?:[ \t　]+签发人[：:].*)?$")
MERGED = re.compile(rf"(?:^|(?<=[ \t　]))(?P<code>[\u4e00-\u9fff]{{2,12}}?){NUMBER}(?=[ \t　])")


def check(draft, ctx):
    if draft.kind in ("speech", "report"):
        return
    for i, para in enumerate(draft.paragraphs[:12]):  # the 版头 is at the top
        m = LINE.match(para.text) or (MERGED.search(para.text) if i < 3 else None)
        if not m:
            continue
        year, serial = m.group("year"), m.group("serial")
        hao = para.text.index("号", m.end("serial")) + 1
        if not m.group("code"):
            yield ctx.finding(ID, SEVERITY, para, 0, hao, "发文字号缺少机关代字", BASIS)
        if m.group("nian"):
            yield ctx.finding(ID, SEVERITY, para, m.start("open"), m.end("close"), "发文字号的年份不加“年”字", BASIS,
                              suggestion=f"〔{year}〕" if len(year) == 4 else None)
        elif m.group("open") != "〔" or m.group("close") != "〕" or len(year) != 4:
            what = "年份应标全称" if len(year) != 4 else "年份应用六角括号“〔〕”括入"
            if len(year) != 4 and (m.group("open"), m.group("close")) != ("〔", "〕"):
                what = "年份应标全称，并用六角括号“〔〕”括入"
            yield ctx.finding(ID, SEVERITY, para, m.start("open"), m.end("close"), what, BASIS,
                              suggestion=f"〔{year}〕" if len(year) == 4 else None)
        if m.group("di"):
            yield ctx.finding(ID, SEVERITY, para, m.start("di"), hao, "发文顺序号不加“第”字", BASIS,
                              suggestion=f"{int(serial)}号")
        elif serial.startswith("0"):
            yield ctx.finding(ID, SEVERITY, para, m.start("serial"), hao,
                              "发文顺序号不编虚位（1 不编为 01）", BASIS, suggestion=f"{int(serial)}号")
