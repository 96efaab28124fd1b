"""format.caption: a 决议/决定's 题注 naming another meeting than its title or its first sentence."""

import re

ID = "format.caption"
SEVERITY = "error"
FIXABLE = False
DOC = ("题注与标题、正文不符：决议、决定标题下的题注（×年×月×日××第×届人民代表大会［常务委员会］第×次会议通过）"
       "所写的会议，与标题或正文开头所写的会议在届次、会次或会议类别（代表大会、常委会）上不一致；"
       "标题以“××人民代表大会关于”开头的，应由代表大会会议通过，以“××人民代表大会常务委员会关于”开头的，应由常委会会议通过。")
BASIS = ("实务：决议、决定标题下的题注标明通过它的会议和日期，与标题（GB/T 9704-2012 7.3.1：由发文机关名称、事由和文种组成）"
         "和正文开头所说的应是同一次会议")
FIXTURES = {
    "bad": ["江陵市人民代表大会关于2026年计划的决议\n（2026年1月20日江陵市第十六届人民代表大会常务委员会第二十次会议通过）\n"
            "江陵市第十六届人民代表大会第五次会议审查了市人民政府提出的报告。",
            "恒阳县第十八届人民代表大会第七次会议关于县人民代表大会常务委员会工作报告的决议\n"
            "（2026年1月15日恒阳县第十八届人民代表大会第六次会议通过）\n恒阳县第十八届人民代表大会第七次会议听取和审议了工作报告。",
            "恒阳县人民代表大会常务委员会关于批准预算调整方案的决议\n（2026年12月16日恒阳县第十九届人民代表大会第三次会议通过）\n"
            "会议审议了县人民政府的议案。",
            "关于批准预算调整方案的决议\n（2026年12月16日恒阳县第十九届人大常委会第二十三次会议通过）\n"
            "恒阳县第十八届人民代表大会常务委员会第二十三次会议审议了县人民政府的议案。"],
    "good": ["江陵市人民代表大会关于2026年计划的决议\n（2026年1月20日江陵市第十六届人民代表大会第五次会议通过）\n"
             "江陵市第十六届人民代表大会第五次会议审查了市人民政府提出的报告。",
             "恒阳县人民代表大会常务委员会关于批准预算调整方案的决议\n（2026年12月16日恒阳县第十九届人民代表大会常务委员会第二十三次会议通过）\n"
             "恒阳县第十九届人民代表大会常务委员会第二十三次会议审议了县人民政府关于提请审议预算调整方案的议案。",
             "关于批准预算调整方案的决议\n（2026年12月16日恒阳县第十九届人大常委会第二十三次会议通过）\n"
             "恒阳县第十九届人民代表大会常务委员会第二十三次会议审议了议案，会议要求县第十九届人民代表大会第三次会议前完成。",
             "江陵市人民代表大会常务委员会关于召开江陵市第十六届人民代表大会第六次会议的决定\n"
             "（2026年11月24日江陵市第十六届人民代表大会常务委员会第二十九次会议通过）\n"
             "江陵市第十六届人民代表大会常务委员会第二十九次会议决定，第六次会议于2027年1月召开。",
             "云溪镇人民代表大会关于镇人民政府工作报告的决议\n（二〇二六年一月九日云溪镇第十九届人民代表大会第六次会议通过）\n"
             "云溪镇第十九届人民代表大会第六次会议听取和审议了镇人民政府工作报告。"],
}

NUM = r"[一二三四五六七八九十百零〇\d]{1,6}"
# A meeting: 第十六届人民代表大会常务委员会第二十次会议, 十八届人大常委会第二十次会议
MEETING = re.compile(rf"第?({NUM})届(?:人民代表大会|人大)(常务委员会|常委会)?第({NUM})次(?:全体)?会议")
CAPTION = re.compile(r"^[（(][^（）()]{0,80}会议(?:通过|批准)[）)]$")
ISSUER = re.compile(r"人民代表大会(常务委员会)?关于")
OPENING = re.compile(r"(?:听取|审查|审议|决定|同意|认为|批准|经|根据)")
HEAD = 4  # the 题注 stands right under a title of one or two lines


def _meeting(m) -> tuple[str, bool, str]:
    return m.group(1), bool(m.group(2)), m.group(3)


def _name(key) -> str:
    tier, standing, session = key
    return f"第{tier}届人民代表大会{'常务委员会' if standing else ''}第{session}次会议"


def check(draft, ctx):
    paras = draft.paragraphs
    for i, para in enumerate(paras[:HEAD]):
        if i == 0 or not CAPTION.match(para.text.strip()):
            continue
        said = MEETING.search(para.text)
        if not said:
            return
        caption = _meeting(said)
        title = "".join(p.text for p in paras[:i])
        about = title.find("关于")
        title = title[:about + 2] if about >= 0 else title  # the issuer: a meeting after 关于 is the subject
        named = MEETING.search(title)
        other, where = (None, None)
        if named:
            other, where = _meeting(named), "标题"
        else:
            issuer = ISSUER.search(title)
            if issuer and bool(issuer.group(1)) != caption[1]:
                body = "常务委员会" if issuer.group(1) else "代表大会"
                yield ctx.finding(ID, SEVERITY, para, said.start(), said.end(),
                                  f"标题表明这是人民代表大会{'常务委员会' if issuer.group(1) else ''}的文件，"
                                  f"题注却写由“{said.group()}”通过，应由{body}会议通过，请核对", BASIS)
                return
            if i + 1 < len(paras):
                first = MEETING.search(paras[i + 1].text, 0, 40)
                if first and OPENING.match(paras[i + 1].text, first.end()):
                    other, where = _meeting(first), "正文开头"
        if other and other != caption:
            yield ctx.finding(ID, SEVERITY, para, said.start(), said.end(),
                              f"题注写的是“{said.group()}”，{where}写的是“{_name(other)}”，届次、会次或会议类别不一致，请核对",
                              BASIS)
        return
