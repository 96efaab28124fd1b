import pytest

from drafter import numbering


@pytest.mark.parametrize("n,text", [(1, "一"), (2, "二"), (9, "九"), (10, "十"), (11, "十一"), (20, "二十"),
                                    (21, "二十一"), (99, "九十九"), (100, "一百"), (105, "一百零五"),
                                    (110, "一百一十"), (2024, "二千零二十四")])
def test_chinese_numerals(n, text):
    assert numbering.cn(n) == text


def test_count_uses_liang_for_two():
    assert numbering.cn_count(2) == "两"
    assert numbering.cn_count(3) == "三"


@pytest.mark.parametrize("style,markers", [
    ("一、", ["一、", "二、", "三、"]),
    ("（一）", ["（一）", "（二）", "（三）"]),
    ("1.", ["1.", "2.", "3."]),
    ("（1）", ["（1）", "（2）", "（3）"]),
    ("一是", ["一是", "二是", "三是"]),
    ("一要", ["一要", "二要", "三要"]),
    ("首先", ["首先，", "其次，", "最后，"]),
])
def test_markers(style, markers):
    assert [numbering.marker(i, 3, style) for i in (1, 2, 3)] == markers


def test_shouxian_four_and_too_many():
    assert [numbering.marker(i, 4, "首先") for i in range(1, 5)] == ["首先，", "其次，", "再次，", "最后，"]
    with pytest.raises(ValueError):
        numbering.marker(1, 5, "首先")
