"""Each rule's work grows linearly with a paragraph: time on an adversarial paragraph of 1 MB
compared with one of a quarter of that (a ratio between two sizes, not an absolute time)."""

from __future__ import annotations

import time
from functools import lru_cache

import pytest

from drafter.check import RULES, load_glossary
from drafter.documents import Draft, Paragraph
from drafter.check.rules import Context

GLOSSARY = load_glossary()

# Paragraphs built to make a backtracking pattern or a per-match rescan quadratic.
UNITS = {
    "open-paren": ("(", "中"),
    "straight-quotes": ("", "中\""),
    "open-braces": ("", "{{中"),
    "open-percent": ("", "{%中"),
    "announcements": ("", "我讲三点意见，一是学习，"),
    "announce-head": ("", "三点首先其次"),
    "placeholders": ("", "x某某【】"),
    "half-width": ("", "中,"),
    "doubled": ("", "。。"),
    "brackets": ("", "“（《【‘"),
    "dates": ("", "2024年2月30日"),
    "noise": ("", "来源：网--.com"),
    "numerals": ("", "一二三四五六七八九十"),
    "terms": ("", "四个意识政治意识、大局意识、"),
    "terms-and-variants": ("", "四个意识四种意识"),
    "term-brackets": ("", "四个意识（"),
    "clauses": ("", "要加强人大代表联络站建设打造一站一品，"),
    "approximations": ("", "约1近2超过3截至"),
    "leading-phrases": ("", "通过能否原因是防止旨在"),
    "question-clauses": ("", "能否做好，是"),
    "near-twins": ("", "群众反应上级部属必需通过制订《条例》"),
    "law-titles": ("", "《代表法》《中华人民共和国人大监督法》代表提案专题质询"),
    "de-di": ("", "清醒的看到有了更加深入地理解"),
    "words-twice": ("", "培训培训工作工作要研究研究"),
    "law-dates": ("", "2014年修订的《代表法》（2005年）依照新修订的监督法新《代表法》于2015年第二次修正"),
}
SMALL, LARGE = 250_000, 1_000_000


def paragraph(name: str, size: int) -> str:
    head, unit = UNITS[name]
    return head + unit * ((size - len(head)) // len(unit))


@lru_cache(maxsize=None)
def context(name: str, size: int, date=None) -> tuple[Draft, Context]:
    """One draft and its shared scan per paragraph, reused by every rule (rules only read them)."""
    draft = Draft("t.txt", [Paragraph(1, paragraph(name, size))], kind="notice", date=date)
    ctx = Context(draft, GLOSSARY)
    ctx.hits(draft.paragraphs[0])  # the glossary scan all rules share is not any one rule's
    return draft, ctx


def seconds(rule, name: str, size: int, date=None) -> float:
    """The rule's CPU time (not wall time: other processes share the machine), best of three."""
    draft, ctx = context(name, size, date)
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        for _ in rule.check(draft, ctx):
            pass
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.ID)
def test_each_rule_is_linear_in_a_paragraph(rule):
    slow = []
    for name in UNITS:
        small = seconds(rule, name, SMALL)
        large = seconds(rule, name, LARGE)
        # Four times the text: about four times the time when linear, sixteen when quadratic.
        # (A floor under the small time: below a few hundredths of a second caches, not the
        # algorithm, decide the ratio.)
        if large > 0.15 and large / max(small, 0.02) > 8:
            slow.append(f"{name}: {small:.3f} s -> {large:.3f} s")
    assert not slow, f"{rule.ID} grows faster than linearly: {slow}"


# Whole-draft stages after the rules (residue filtering, grouping): a run of URL-like text
# makes one piece of residue every few characters, and other rules' findings inside each.
PIPELINE_UNITS = {"url-scheme": "http://", "url-domain": "a.com,", "url-query": "www.a.cn/?x=1&"}


def pipeline_seconds(unit: str, size: int) -> float:
    from drafter.check.rules import run_rules

    draft = Draft("t.txt", [Paragraph(1, unit * (size // len(unit)))], kind="notice")
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        run_rules(draft, GLOSSARY)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", PIPELINE_UNITS)
def test_checking_a_url_like_run_is_linear(name):
    small = pipeline_seconds(PIPELINE_UNITS[name], 75_000)
    large = pipeline_seconds(PIPELINE_UNITS[name], 300_000)
    assert not (large > 0.3 and large / max(small, 0.05) > 8), f"{name}: {small:.3f} s -> {large:.3f} s"


@pytest.mark.parametrize("rule", [r for r in RULES if r.ID in ("usage.lawdate", "usage.lawnew")], ids=lambda r: r.ID)
def test_the_law_date_rules_are_linear_in_a_dated_draft(rule):
    """usage.lawdate and usage.lawnew do most of their work only when the draft has a date."""
    import datetime as dt

    small, large = (seconds(rule, "law-dates", size, dt.date(2006, 1, 1)) for size in (SMALL, LARGE))
    assert not (large > 0.15 and large / max(small, 0.02) > 8), f"{small:.3f} s -> {large:.3f} s"
