"""The word layer: words and parts of speech around a place, and jieba loaded only when a word rule asks."""

import subprocess
import sys

from drafter.check import words


def test_a_form_inside_a_longer_word_is_no_word_of_its_own():
    text = "全部属于正常情况。"
    assert words.at(words.around(text, 1, 3), 1, 3) is None  # 全部 + 属于: no 部属
    text = "要按照上级部属，加快推进。"
    found = words.around(text, 5, 7)
    span = words.at(found, 5, 7)
    assert span is not None and found[span[0] - 1].text == "上级"
    assert all(text[w.start:w.end] == w.text for w in found)  # offsets are the paragraph's


def test_parts_of_speech_come_from_the_dictionary():
    assert words.tag("看到") == "v" and words.tag("意见") == "n"
    assert words.frequency("部署") > words.frequency("部属") > 0


def _loads_jieba(text: str, tmp_path) -> bool:
    draft = tmp_path / "d.txt"
    draft.write_text(text, encoding="utf-8")
    code = ("import sys; from drafter.check import check_file, load_glossary; "
            f"check_file({str(draft)!r}, load_glossary()); print('jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return out.strip() == "True"


def test_the_segmenter_is_loaded_only_where_a_word_rule_has_a_cue(tmp_path):
    plain = "常委会听取和审议了县人民政府关于民生实事项目推进情况的报告，取得了积极的效果。\n"
    assert not _loads_jieba(plain, tmp_path)
    assert _loads_jieba("针对群众反应强烈的问题开展监督。\n", tmp_path)
