"""One numbering grammar, three directions: what render writes, the grammar reads back, the
checker finds in order, and import recovers at the same level with the same count."""

import pytest

from drafter import importer, numbering
from drafter.check import load_glossary, run_rules
from drafter.documents import draft_from_lines
from drafter.render import render

from .conftest import write

SUBPOINT_STYLES = [s for s in numbering.STYLES]
COUNTS = {numbering.STYLE_SHOUXIAN: (2, 3, 4)}


def outline(style: str, n: int) -> str:
    subs = "".join(f"      - title: 第{numbering.cn(i)}项要求\n        paragraphs: [要把第{numbering.cn(i)}项工作落到实处。]\n"
                   for i in range(1, n + 1))
    return (f"kind: speech\ntitle: 在全区人大工作会议上的讲话\nopening: [今天召开会议。]\npoints:\n"
            f"  - title: 提高政治站位\n    style: \"{style}\"\n    subpoints:\n{subs}"
            f"  - title: 依法履职尽责\n    paragraphs: [要强化监督。]\nsignoff: 谢谢大家！\n")


CASES = [(style, n) for style in SUBPOINT_STYLES for n in COUNTS.get(style, (1, 3, 12))]


@pytest.mark.parametrize("style,n", CASES, ids=[f"{s}-{n}" for s, n in CASES])
def test_style_in_three_directions(tmp_path, style, n):
    text = render(str(write(tmp_path, "o.yaml", outline(style, n))), "txt").data.decode("utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]

    # written -> read back: the markers of the sub-points, in order, at the style's depth
    read = [m for m in map(numbering.opening, lines) if m and m.depth == numbering.DEPTH[style]]
    assert [m.style for m in read] == [style] * n
    expected = list(range(1, n + 1))
    if style == numbering.STYLE_SHOUXIAN and n > 2:
        expected[-1] = 0  # 最后
    assert [m.number for m in read] == expected
    assert [m.text for m in read] == [numbering.marker(i, n, style).rstrip("，") + ("，" if style in (numbering.STYLE_SHOUXIAN, numbering.STYLE_DIYI) else "")
                                      for i in range(1, n + 1)]
    tops = [m for m in map(numbering.opening, lines) if m and m.style == "一、"]
    assert [m.number for m in tops] == [1, 2]

    # the checker finds the sequence in order (a style that skips a level gets only a note)
    findings = run_rules(draft_from_lines("t.txt", lines), load_glossary())
    assert not [f for f in findings if f.rule.startswith("numbering.") and f.severity != "info"], findings
    skipped = numbering.HEADING_LEVEL.get(style, 0) > 2
    assert [f.rule for f in findings if f.rule == "numbering.skip"] == (["numbering.skip"] if skipped else [])

    # import recovers the same style and count under the first point
    result = importer.parse(importer.clean(lines)[0])
    assert [p.title for p in result.points] == ["提高政治站位", "依法履职尽责"]
    assert result.points[0].style == style and len(result.points[0].subpoints) == n


@pytest.mark.parametrize("word,number", [("一", 1), ("十", 10), ("十一", 11), ("二十", 20), ("二十三", 23),
                                         ("九十九", 99), ("7", 7), ("百", 0), ("十十", 0), ("", 0)])
def test_chinese_numerals_both_ways(word, number):
    assert numbering.to_int(word) == number
    if number and not word.isdigit():
        assert numbering.cn(number) == word


def test_markers_numbered_zero_or_without_text_are_not_markers():
    assert numbering.opening("0.5%的增长") is None
    assert numbering.opening("2.5亿元") is None
    assert numbering.opening("一、") is not None  # the grammar reads the marker; callers judge what follows
