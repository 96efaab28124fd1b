"""Every layout number and font name drafter uses, in one place.

The values follow GB/T 9704-2012 《党政机关公文格式》: A4 paper (5.2.1), the margins
that give a 156 mm x 225 mm type area (5.2.2), 3号仿宋 body text with 22 lines of
28 characters a page (5.2.1, 7.1), the 2号小标宋 title (7.3.1), the four heading levels
(7.3.3) and 4号 page numbers with dashes, odd pages right and even pages left (7.5).

An office that uses other fonts edits this file and nothing else.
"""

from __future__ import annotations

# Page (millimetres).
PAGE_WIDTH_MM = 210
PAGE_HEIGHT_MM = 297
MARGIN_TOP_MM = 37
MARGIN_BOTTOM_MM = 35
MARGIN_LEFT_MM = 28
MARGIN_RIGHT_MM = 26
FOOTER_DISTANCE_MM = 28  # the page number sits about 7 mm below the type area

# Type area grid: 22 lines of 28 characters.
LINES_PER_PAGE = 22
CHARS_PER_LINE = 28
# 225 mm of type area / 22 lines = 579.8 twips; LibreOffice lays out 22 lines at an
# exact pitch of 579 twips and only 21 at 580, so the pitch is rounded down.
LINE_PITCH_TWIPS = 579

# Font sizes (points): 初号 42, 一号 26, 二号 22, 三号 16, 四号 14.
SIZE_TITLE = 22
SIZE_MASTHEAD = 36  # 发文机关标志: GB/T 9704 7.2.3 sets no size, only that it stays below the title's
SIZE_BODY = 16
SIZE_FOOTER = 14
SIZE_IMPRINT = 14  # 版记 in 4号仿宋 (7.4.4)
SIZE_TABLE = 14

# Fonts. The East-Asian name is what Word and WPS use for Chinese text; the Latin
# name is for digits and letters.
FONT_TITLE = "方正小标宋简体"
FONT_BODY = "仿宋_GB2312"
FONT_HEADING_1 = "黑体"
FONT_HEADING_2 = "楷体_GB2312"
FONT_HEADING_3 = FONT_BODY  # bold
FONT_HEADING_4 = FONT_BODY
FONT_FOOTER = "宋体"
# Digits, Latin letters and quotation marks use the same font as the Chinese text: with
# a Latin font, LibreOffice sets “” half-width and a line no longer holds 28 characters.

# Character spacing of all text, in twentieths of a point. A 3号 character is 16 pt,
# 28 of them are 448 pt, and the 156 mm type area is 442.2 pt: each character is
# condensed by 0.25 pt so that 28 fit (LibreOffice does not compress characters to the
# document grid the way Word does).
CHAR_SPACING_TWENTIETHS = -5

# The four fonts a finished document names, for `drafter doctor`.
REQUIRED_FONTS = (FONT_TITLE, FONT_BODY, FONT_HEADING_2, FONT_HEADING_1)

# Free fonts (Debian packages) that stand in for the official ones in a preview.
PREVIEW_SUBSTITUTES = {
    FONT_TITLE: "Noto Serif CJK SC",
    FONT_BODY: "AR PL UMing CN",
    FONT_HEADING_1: "Noto Sans CJK SC",
    FONT_HEADING_2: "AR PL UKai CN",
    FONT_FOOTER: "Noto Serif CJK SC",
}

# Colours.
RED = "FF0000"  # 发文机关标志 and the separator rule (GB/T 9704 7.2.3, 7.2.5)
BLACK = "000000"

# Indents, in characters of body text.
FIRST_LINE_INDENT_CHARS = 2
SIGNATURE_RIGHT_INDENT_CHARS = 4  # 发文机关署名 and 成文日期 (7.3.5.1)
FOOTER_SIDE_INDENT_CHARS = 1  # 页码 one character in from the edge (7.5)

# Rules in the 版头 and 版记 (points).
SEPARATOR_RULE_PT = 2.25  # red rule under the document number
IMPRINT_RULE_THICK_PT = 1.0  # 0.35 mm, first and last rule of the 版记
IMPRINT_RULE_THIN_PT = 0.75  # 0.25 mm, rules between
