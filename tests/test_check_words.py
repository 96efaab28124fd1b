"""The word layer: words and parts of speech around a place, and jieba loaded only when a word rule asks."""

import os
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


def _opens_word_table(text: str, tmp_path) -> tuple[bool, bool]:
    """(whether checking ``text`` opened the word table, whether it imported jieba)."""
    draft = tmp_path / "d.txt"
    draft.write_text(text, encoding="utf-8")
    code = ("import sys; from drafter.check import check_file, load_glossary, words; "
            f"check_file({str(draft)!r}, load_glossary()); print(bool(words._TABLE), 'jieba' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    opened, jieba = out.split()
    return opened == "True", jieba == "True"


def test_the_word_table_is_opened_only_where_a_word_rule_has_a_cue_and_jieba_never(tmp_path):
    plain = "常委会听取和审议了县人民政府关于民生实事项目推进情况的报告，取得了积极的效果。\n"
    assert _opens_word_table(plain, tmp_path) == (False, False)
    assert _opens_word_table("针对群众反应强烈的问题开展监督。\n", tmp_path) == (True, False)


def test_a_damaged_word_table_in_the_cache_is_built_again(tmp_path):
    """A words.sqlite whose header still reads but whose pages are damaged (a disk error, a copy
    cut short) is built again on the first query that fails: the check goes on as if it were new."""
    import random

    draft = tmp_path / "d.txt"
    draft.write_text("针对群众反应强烈的问题开展监督。\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = [sys.executable, "-m", "drafter", "check", "--format", "json", str(draft)]
    first = subprocess.run(run, capture_output=True, text=True, env=env)
    table = tmp_path / "cache" / "drafter" / "words.sqlite"
    rng = random.Random(1)
    with open(table, "r+b") as fh:
        for offset in range(8192, table.stat().st_size - 4096, 4096 * 3):
            fh.seek(offset + 100)
            fh.write(bytes(rng.randrange(256) for _ in range(200)))
    again = subprocess.run(run, capture_output=True, text=True, env=env)
    assert again.returncode == first.returncode and again.stderr == "" and again.stdout == first.stdout
    assert "typo.neartwin" in again.stdout


def test_the_word_table_segments_and_tags_as_jieba_does():
    """The word layer's segmentation is jieba.posseg's without the HMM, and its frequencies and
    parts of speech are jieba's, though jieba is not loaded to make them."""
    import jieba
    import jieba.posseg

    jieba.initialize()
    texts = ["针对群众反应强烈的问题开展监督。", "2026年B超检查、T恤 发放：共3.5万元（含税）。",
             "常委会组织代表开展视查，请严格遵守会议记律。", "要推动即定目标任务落地见效\r\n下一段 abc123 x"]
    for text in texts:
        assert words._segment(text) == tuple((w.word, w.flag) for w in jieba.posseg.dt.cut(text, HMM=False))
        for word, _ in words._segment(text):
            assert words.frequency(word) == (jieba.dt.FREQ.get(word) or 0)
            assert words.tag(word) == jieba.posseg.dt.word_tag_tab.get(word)


def test_a_long_run_of_han_is_read_in_pieces_that_miss_nothing():
    """typo.similar and typo.word look at a run of Han characters a few thousand places at a time
    (bounded memory): a mistyped place on either side of a piece's edge is found as in a short run."""
    from drafter.check import load_glossary, run_rules
    from drafter.check.rules.typo_similar import CHUNK
    from drafter.documents import draft_from_lines

    glossary = load_glossary()
    padding = "人民代表大会制度是坚持党的领导人民当家作主依法治国有机统一的根本政治制度安排" * (CHUNK // 30 + 2)

    def found(text: str, rule: str) -> list[tuple[int, str]]:
        draft = draft_from_lines("t.txt", [text])
        return [(f.offset, f.match) for f in run_rules(draft, glossary) if f.rule == rule]

    for rule, run, place in (("typo.similar", "要推动即定目标任务落地见效", 3), ("typo.word", "请严格遵守会议记律", 7)):
        short = found(padding[-20:] + run, rule)
        assert short, (rule, run)
        for before in range(CHUNK - place - 5, CHUNK - place + 3):
            text = padding[len(padding) - before:] + run
            assert found(text, rule) == [(o + before - 20, m) for o, m in short], (rule, before)
