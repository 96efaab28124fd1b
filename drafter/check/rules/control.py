"""control: characters a Word document cannot hold (C0 controls other than tab and line breaks, U+FFFE/U+FFFF)."""

from ...safeyaml import XML_ILLEGAL

ID = "control"
SEVERITY = "error"
DOC = "不可见的控制字符（U+0000—U+0008、U+000B、U+000C、U+000E—U+001F、U+FFFE、U+FFFF）：无法写入 Word 文档，--fix 删除。"
BASIS = "XML 1.0 规范第 2.2 节（字符）规定的合法字符范围，.docx 的各部件均为 XML"
FIXABLE = True
FIXTURES = {
    # (U+000B, U+000C and U+001C—U+001E end a line when a .txt is read, so they never reach a paragraph.)
    "bad": ["今天召开\x01会议。", "会议\x08通知", "学习\x1f贯彻", "全文\ufffe完"],
    "good": ["今天召开会议。", "会议\t通知", "学习贯彻"],
}


def check(draft, ctx):
    for para, start, end, m in ctx.scan(XML_ILLEGAL):
        yield ctx.finding(ID, SEVERITY, para, start, end, f"不可见的控制字符 U+{ord(m.group()):04X}，无法写入 Word 文档",
                          BASIS, suggestion="")
