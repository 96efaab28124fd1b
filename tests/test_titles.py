"""Title and subtitle line breaking (GB/T 9704-2012 7.3.1), without a renderer."""

import itertools

import pytest

from drafter.render import titles

from .conftest import ends_inside_words

TITLES = [
    "关于举办全区人大代表履职能力提升培训班的通知",
    "关于做好市十七届人大四次会议代表建议批评和意见交办工作的通知",
    "在全市人大系统深入学习贯彻习近平总书记关于坚持和完善人民代表大会制度的重要思想座谈会上的讲话",
    "——2025年1月15日在恒阳市第十七届人民代表大会第四次会议上",
]


@pytest.mark.parametrize("title", TITLES)
@pytest.mark.parametrize("width", [20, 28])
def test_lines_are_whole_words_balanced_and_never_one_or_two_characters(title, width):
    lines = titles.break_lines(title, width)
    assert "".join(lines) == title
    assert all(titles.cells(l) <= width for l in lines)
    if len(lines) == 1:
        return
    assert all(len(l) >= titles.MIN_LINE_CHARS for l in lines)
    assert not ends_inside_words(title, lines), lines
    pos = 0
    for line in lines[:-1]:
        pos += len(line)
        assert title[pos] not in titles.NO_LINE_START
    widths = [titles.cells(l) for l in lines]
    assert max(widths) - min(widths) <= width / 2, lines  # balanced, not "……培训班的 / 通知"


def test_a_short_title_stays_on_one_line():
    assert titles.break_lines("在全区人大工作会议上的讲话", 20) == ["在全区人大工作会议上的讲话"]


def test_the_writers_own_break_wins():
    assert titles.break_lines("关于举办全区人大代表履职\n能力提升培训班的通知", 20) == [
        "关于举办全区人大代表履职", "能力提升培训班的通知"]


def test_the_title_as_a_list_of_lines_reaches_the_docx(cli, tmp_path):
    import docx

    outline = tmp_path / "讲话.yaml"
    outline.write_text("kind: speech\ntitle:\n  - 在全区人大工作会议\n  - 上的讲话\nopening: [今天开会。]\n"
                       "points:\n  - title: 提高政治站位\n    paragraphs: [要深入学习。]\n", encoding="utf-8")
    code, _, err = cli("render", outline, "-o", tmp_path / "讲话.docx")
    assert code == 0, err
    title = docx.Document(str(tmp_path / "讲话.docx")).paragraphs[0]
    assert title.text == "在全区人大工作会议\n上的讲话"
    assert title.style.name == "公文标题"


def cost(lines: list[str]) -> float:
    """The cost ``titles._line_by_line`` minimises, written plainly: the reference."""
    widths = [titles.cells(l) for l in lines]
    mean = sum(widths) / len(widths)
    total = sum((w - mean) ** 2 for w in widths)
    total += sum(titles.HOURGLASS for i in range(1, len(widths) - 1)
                 if widths[i] < widths[i - 1] and widths[i] < widths[i + 1])
    return total + sum(titles.DE_AT_END for l in lines[:-1] if l.endswith("的"))


def every_way(text: str, cuts: list[int], n: int, width: float) -> list[str] | None:
    """The cheapest of every way to break ``text`` into ``n`` lines at ``cuts``: the reference."""
    best: tuple[float, list[str]] | None = None
    for chosen in itertools.combinations(cuts, n - 1):
        edges = (0, *chosen, len(text))
        lines = [text[a:b] for a, b in zip(edges, edges[1:])]
        if any(titles.cells(l) > width or len(l) < titles.MIN_LINE_CHARS for l in lines):
            continue
        if best is None or cost(lines) < best[0]:
            best = (cost(lines), lines)
    return best[1] if best else None


@pytest.mark.parametrize("title", TITLES + ["恒阳市第十七届人民代表大会常务委员会关于召开恒阳市第十七届人民代表大会第四次会议的决定"])
@pytest.mark.parametrize("width", [8, 10, 14, 20])
def test_line_by_line_finds_what_trying_every_way_finds(title, width):
    """A long title is broken by dynamic programming (trying every way grows past any bound):
    on titles where every way can be tried, it finds a break of the same cost."""
    cuts = titles.boundaries(title)
    least = max(2, int(-(-titles.cells(title) // width)))
    for n in (least, least + 1):
        every, dp = every_way(title, cuts, n, width), titles._line_by_line(title, cuts, n, width)
        assert (every is None) == (dp is None), (n, every, dp)
        if every:
            assert "".join(dp) == title and all(titles.cells(l) <= width for l in dp)
            assert cost(dp) == pytest.approx(cost(every)), (every, dp)


def test_a_title_of_two_hundred_characters_is_broken_balanced():
    lines = titles.break_lines("三点" * 100, 20)
    assert "".join(lines) == "三点" * 100 and all(titles.cells(l) <= 20 for l in lines)
    assert max(map(len, lines)) - min(map(len, lines)) <= 2


def test_a_text_too_long_to_be_a_title_is_filled_line_by_line():
    text = "三点三" * 150  # 450 characters: past MAX_BALANCED
    lines = titles.break_lines(text, 20)
    assert "".join(lines) == text
    assert all(titles.cells(l) == 20 for l in lines[:-1]) and titles.cells(lines[-1]) <= 20
