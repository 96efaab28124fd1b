"""The rules of issues 10 and 15 (numbering.duplicate, grammar, usage, numbers, format): drafter's own
output is their first control, and they keep quiet where the kind of document says they do not apply."""

import time

import pytest

from drafter.check import check_file, load_glossary, run_rules
from drafter.documents import draft_from_lines
from drafter.check.rules import RULES, Context
from drafter.render import render_outline

from .conftest import OUTLINES

GLOSSARY = load_glossary()
NEW = {"numbering.duplicate", "grammar.de", "grammar.doubled", "usage.ellipsis_deng",
       "usage.dengdeng", "numbers.year", "numbers.range", "numbers.fullwidth", "numbers.hao", "numbers.mixed",
       "format.docnumber", "format.attachments", "format.attachment_list",  # the rules of issues 10 and 15
       "numbers.approx", "numbers.percent", "numbers.magnitude", "numbers.zero", "numbers.weekday", "numbers.date"}  # issue 21
NEW_RULES = [r for r in RULES if r.ID in NEW]


def test_every_new_rule_is_registered():
    assert {r.ID for r in NEW_RULES} == NEW
    for rule in NEW_RULES:
        assert rule.BASIS and rule.DOC and rule.SEVERITY in ("error", "warning")
        assert "GB/T" in rule.BASIS or "实务" in rule.BASIS
        assert rule.FIXABLE is False  # --fix stays mechanical: these need a writer's judgement


@pytest.mark.parametrize("outline", sorted(OUTLINES.glob("*.yaml")), ids=lambda p: p.name)
@pytest.mark.parametrize("fmt", ["md", "txt", "docx"])
def test_drafters_own_output_raises_none_of_them(tmp_path, outline, fmt):
    out = tmp_path / f"{outline.stem}.{fmt}"
    out.write_bytes(render_outline(str(outline), fmt))
    found = [f for f in check_file(str(out), GLOSSARY) if f.rule in NEW]
    assert found == []


def rules_on(text: str) -> set[str]:
    draft = draft_from_lines("t.txt", text.splitlines())
    return {f.rule for f in run_rules(draft, GLOSSARY)}


def test_notice_rules_stay_silent_on_speeches_and_reports():
    body = "恒人常办发[2026]第05号\n具体安排见附件3。\n附件：1、会议材料；"
    notice_rules = {"format.docnumber", "format.attachments"}
    assert notice_rules <= rules_on("关于召开会议的通知\n" + body)
    assert notice_rules <= rules_on("关于召开会议的请示\n" + body)
    assert "format.attachment_list" in rules_on("关于召开会议的通知\n附件：会议议程、参会回执")
    for head in ("在全区人大工作会议上的讲话", "县人民代表大会常务委员会工作报告"):
        assert not notice_rules & rules_on(head + "\n" + body)
        assert "format.attachment_list" not in rules_on(head + "\n附件：会议议程、参会回执")


@pytest.mark.parametrize("chunk", ["把", "的很", "认真的落实", "1-", "１", "……等", "截止", "一是，", "首先，最后，",
                                   "附件1", "十二个6件", "对对", "26年3月",
                                   "约3人左右", "近3多", "百分之9", "12000万元", "二0", "0二", "5日（星期一）", "经5月19日",
                                   "请于5月9日前", "1日-2日"])
def test_linear_time_on_long_repetitive_paragraphs(chunk):
    """Each rule's cost grows with the text, not with its square: 4x the text stays well under 16x."""
    def cost(n: int) -> float:
        draft = draft_from_lines("t.txt", ["关于召开会议的通知", chunk * (n // len(chunk))])
        ctx = Context(draft, GLOSSARY)
        start = time.perf_counter()
        for rule in NEW_RULES:
            for _ in rule.check(draft, ctx):
                pass
        return time.perf_counter() - start

    small, large = min(cost(5_000) for _ in range(2)), min(cost(20_000) for _ in range(2))
    assert large < 12 * small + 0.05, (small, large)
