"""`drafter check`: run the rules over a draft's paragraphs, report findings.

    documents.read_draft -> paragraphs -> rules (one module each) -> findings -> reporters
"""

from __future__ import annotations

import os

from ..documents import Draft, draft_from_blocks, draft_from_lines, read_draft
from .. import workers
from . import cache as kept
from ..errors import DrafterError
from ..render import unit_profile
from .against import RULES as AGAINST, compare
from .findings import Finding
from .edits import _apply, fixable
from .glossary import Entry, Glossary, Pair, Twin, Usage, Voice, load_glossary
from . import rules
from .rules import for_file, run_rules, silenced

# rules that check a law's dates (glossary/laws.yaml adopted, effective, changes): a dated law entry's
# examples may be told by them as well as by the glossary rules
LAW_DATE_RULES = ("usage.lawdate", "usage.lawnew")

__all__ = ["Finding", "Glossary", "load_glossary", "Draft", "read_draft", "RULES", "run_rules", "for_file", "check_file",
           "check_files", "check_rendered", "self_test", "fixed_text"]


LOOK_UP = object()  # check_file's level when the caller does not give it


def __getattr__(name: str):
    """RULES and BY_ID, discovered on first use (``rules.registry``)."""
    if name in ("RULES", "BY_ID"):
        return getattr(rules, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def check_file(path: str, glossary: Glossary, date=None, region: str | None = None,
               template_dirs: tuple[str, ...] = (), ignore=(), against: Draft | None = None,
               notes: list | None = None, people=None, cache: bool = False, level=LOOK_UP) -> list[Finding]:
    """Findings for one file; raises DrafterError when the file cannot be read.

    ``date`` and ``region`` override what is detected from the draft itself; an outline's
    sections are looked up in ``template_dirs`` before the shipped ones; ``ignore`` lists what
    the writer's workspace does not want reported (see ``ignore_list``). ``against``, an old
    document (``against.old_document``), adds what the draft carried over from it; what could
    not be compared is said in ``notes``. ``people``: the workspace's register (people.post).
    With ``cache``, the findings of a file checked before with the same settings are taken
    from the cache of findings (``check.cache``), and new ones are kept there. ``level``: the
    unit's level, when the caller knows it (else the workspace around the file tells).
    """
    if level is LOOK_UP:
        level = unit_profile(path).get("level")
    name = kept.key(path, glossary, date, region, level, ignore, people) if cache and against is None else None
    found = kept.get(name) if name else None
    if found is not None:
        return found
    draft = read_draft(path, template_dirs)
    draft.set_date(date, "命令行的 --date")
    draft.region = region or draft.region
    draft.level = level
    found = run_rules(draft, glossary, ignore, people)
    if name:
        kept.put(name, found)
    return with_against(draft, found, against, ignore, notes)


def batch_jobs(count: int, asked: int | None = None) -> int:
    """Worker processes for checking ``count`` files (``drafter.workers.count``)."""
    return workers.count(count, asked)


_BATCH: dict = {}  # the settings of the batch under way, which forked workers inherit


def _check_one(path: str) -> tuple[list[Finding] | DrafterError, list]:
    notes: list = []
    settings = dict(_BATCH)
    names = settings.pop("names", None)  # each path's name in the workspace, for one-document ignore entries
    if names is not None:
        settings["ignore"] = for_file(settings.get("ignore", ()), names.get(path))
    levels = settings.pop("levels")  # the unit's level by folder: the workspace looked for once a folder
    folder = os.path.dirname(os.path.abspath(path))
    if folder not in levels:
        levels[folder] = unit_profile(path).get("level")
    settings["level"] = levels[folder]
    try:
        return check_file(path, notes=notes, **settings), notes
    except DrafterError as exc:
        return exc, notes


def check_files(paths, glossary: Glossary, jobs: int = 1, **settings):
    """``check_file`` for every path, with the same settings: (findings or the DrafterError,
    notes) for each, in the order given. With ``jobs`` > 1 the files are shared out, a few at a
    time, to that many forked worker processes; the glossary (its automaton built here first) and
    every other one-off load (jieba's dictionary when a word rule needs it) is made at most once
    per process, and a file's failure is its own, never the batch's."""
    _BATCH.clear()
    _BATCH.update(settings, glossary=glossary, levels={})
    if jobs <= 1 or len(paths) < 2:
        yield from map(_check_one, paths)
        return
    glossary.automaton()  # built once, before the fork: the workers share it
    if settings.get("cache"):
        kept.environment()  # the digest of drafter's code, made once
    import multiprocessing  # only for a batch shared out to workers
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"), initializer=workers.quiet)
    try:
        yield from pool.map(_check_one, paths, chunksize=max(1, min(16, len(paths) // (jobs * 4))))
    except BrokenProcessPool:  # a worker killed from outside (out of memory): said, not a traceback
        raise DrafterError(f"校对进程意外退出（可能是内存不足），请用 --jobs 1 重新校对这 {len(paths)} 个文件") from None
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def with_against(draft: Draft, findings: list[Finding], old: Draft | None, ignore=(),
                 notes: list | None = None) -> list[Finding]:
    """The rules' findings and, given an old document, the comparison's, in document order."""
    if old is None:
        return findings
    found, said = compare(draft, old)
    if notes is not None:
        notes.extend(said)
    found = [f for f in found if not silenced(f, ignore)]
    return sorted(findings + found, key=lambda f: (f.paragraph, f.offset, f.rule))


def check_rendered(rendered, out: str, glossary: Glossary, ignore=()) -> list[Finding]:
    """Proofread a rendered document (``drafter.render.Rendered``), paragraphs numbered as in
    the file written to ``out``."""
    data = rendered.outline.data
    draft = draft_from_blocks(out, rendered.blocks, date=data.get("date"), region=data.get("region"),
                              kind=rendered.outline.kind.name)
    draft.level = unit_profile(rendered.outline.file).get("level")
    return run_rules(draft, glossary, ignore)


def known_ids() -> set[str]:
    """Every rule id a finding can carry: the rules' and the comparison's (check --against)."""
    return set(rules.BY_ID) | set(AGAINST)


def ignore_list(ws) -> list:
    """A workspace's ``ignore`` setting, each rule id in it known (a misspelt id silences nothing,
    so it is refused)."""
    entries = (ws.config.get("ignore") or []) if ws else []
    for i, entry in enumerate(entries):
        rule = entry if isinstance(entry, str) else entry.get("rule")
        if rule and rule != "*" and rule not in known_ids() and not any(r.startswith(rule + ".") for r in known_ids()):
            raise DrafterError(f"没有规则“{rule}”；规则 ID 见 README 的规则表", file=str(ws.root / "drafter.yaml"),
                               field=f"ignore[{i}]")
    return entries


def fixed_text(text: str, findings) -> str:
    """``text`` as ``drafter check --fix`` leaves it, given its findings."""
    lines = text.splitlines()
    by_para: dict[int, list] = {}
    for f in fixable(findings):
        by_para.setdefault(f.paragraph, []).append(f)
    for number, fixes in by_para.items():
        line = lines[number - 1]
        shift = len(line) - len(line.lstrip())
        fixed = _apply(line[shift:], fixes)
        lines[number - 1] = line[:shift] + fixed if fixed.strip() else None  # an emptied paragraph goes
    return "\n".join(line for line in lines if line is not None)


def _examples(item) -> list[tuple[str, dict]]:
    """("bad" or "good", example) for every example of an entry or a pair, the pair's own
    forms included: its wrong form must be reported (and fixed to the right one), its right
    form and its exceptions must not."""
    data = item.data
    examples = data.get("examples") or {}
    out = [(kind, ex) for kind in ("bad", "good") for ex in (examples.get(kind) or [])]
    if isinstance(item, Pair):
        fixed = data["right"] if data["severity"] == "error" else data["wrong"]
        plain = lambda text, fix=None: {"text": text, "date": None, "region": None, "fixed": fix}
        out = [("bad", plain(data["wrong"], fixed)), ("good", plain(data["right"]))] \
            + [("good", plain(word)) for word in data["except"]] + out
    return out


def self_test(glossary: Glossary) -> list[tuple[object, str, str]]:
    """Every example of every item of the glossary run through the rules: (item, "bad", "good"
    or "fixed", text) for each example that fails.

    A bad example must give a finding on that item: an entry (a glossary rule), a pair
    (``typo``), a near-twin set (``typo.neartwin``), an entry of 人大 usage (``usage.npc``) or a
    group of a website's words (``noise``); where it gives ``fixed``, ``drafter check --fix``
    must turn it into that text. A good example must give no such finding.
    """
    failures = []
    for item in [*glossary.entries.values(), *glossary.pairs.values(), *glossary.twins.values(),
                 *glossary.usages.values(), *glossary.voices.values()]:
        family = ("usage.npc" if isinstance(item, Usage) else "typo.neartwin" if isinstance(item, Twin)
                  else "noise" if isinstance(item, Voice)
                  else "typo" if isinstance(item, Pair) else "usage.term" if item.data.get("family") == "usage"
                  else "glossary.")
        dated = isinstance(item, Entry) and bool(item.data.get("adopted"))  # a law with its dates
        law = isinstance(item, Entry) and item.data.get("category") == "法律名称"  # its wrong names: usage.lawvariant
        for kind, example in _examples(item):
            draft = draft_from_lines("<例句>", example["text"].splitlines())
            draft.set_date(example["date"], "例句的 date")
            draft.region = example["region"] or draft.region
            findings = run_rules(draft, glossary)
            hit = any((f.rule.startswith(family) or dated and f.rule in LAW_DATE_RULES or law and f.rule == "usage.lawvariant")
                      and f.basis == item.basis
                      for f in findings)
            if hit != (kind == "bad"):
                failures.append((item, kind, example["text"]))
            elif kind == "bad" and example.get("fixed") is not None:
                got = fixed_text(example["text"], findings)
                if got != example["fixed"]:
                    failures.append((item, "fixed", f"{example['text']}”改后为“{got}”，应为“{example['fixed']}"))
    return failures
