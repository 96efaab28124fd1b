"""The cache of findings: a draft checked before, unchanged and with the same settings, is not
checked again; anything its findings follow from makes it checked afresh."""

import json
import os

import docx
import pytest
from click.testing import CliRunner

import drafter.check as check
from drafter.check import cache, check_file, load_glossary
from drafter.check.glossary import Glossary
from drafter.cli import cli

TEXT = "关于召开座谈会的通知\n各单位:\n一、对“一府两院”工作的意见。\n会议于2023年x月xx日召开。\n"


@pytest.fixture
def user_cache(tmp_path, monkeypatch):
    folder = tmp_path / "usercache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "drafter" / cache.FOLDER


@pytest.fixture
def counted(monkeypatch):
    """How many times the rules ran."""
    runs = []
    real = check.run_rules

    def run_rules(*args, **kwargs):
        runs.append(args[0].file)
        return real(*args, **kwargs)

    monkeypatch.setattr(check, "run_rules", run_rules)
    return runs


def _draft(tmp_path, name="draft.txt", text=TEXT):
    path = tmp_path / name
    if name.endswith(".docx"):
        doc = docx.Document()
        for line in text.splitlines():
            doc.add_paragraph(line)
        doc.save(str(path))
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name", ["draft.txt", "draft.md", "draft.docx"])
def test_an_unchanged_draft_is_not_checked_again(tmp_path, user_cache, counted, name):
    path, glossary = _draft(tmp_path, name), load_glossary()
    first = check_file(path, glossary, cache=True)
    again = check_file(path, glossary, cache=True)
    assert first and again == first
    assert [f.places for f in again] == [f.places for f in first]  # places are not compared by ==
    assert counted == [path]
    assert len(list(user_cache.glob("*.pickle"))) == 1


def test_without_cache_nothing_is_kept_or_read(tmp_path, user_cache, counted):
    path, glossary = _draft(tmp_path), load_glossary()
    check_file(path, glossary)
    check_file(path, glossary)
    assert counted == [path, path]
    assert not user_cache.exists()


def test_what_the_findings_follow_from_makes_a_new_check(tmp_path, user_cache, counted):
    import datetime as dt

    path, glossary = _draft(tmp_path), load_glossary()
    base = check_file(path, glossary, cache=True)
    changes = [
        dict(date=dt.date(2016, 1, 5)),  # before 一府一委两院: the outdated form is not yet outdated
        dict(region="湖南"),
        dict(ignore=["glossary"]),
        dict(level="乡镇"),
    ]
    for settings in changes:
        found = check_file(path, glossary, cache=True, **settings)
        assert found == check_file(path, glossary, **settings)  # as a check without the cache finds
    assert len(counted) == 1 + 2 * len(changes)
    assert [f.rule for f in check_file(path, glossary, cache=True, ignore=["glossary"])] != [f.rule for f in base]

    # the file itself changed
    _draft(tmp_path, text=TEXT.replace("一府两院", "一府一委两院"))
    assert check_file(path, glossary, cache=True) == check_file(path, glossary)
    assert len(counted) == 1 + 2 * len(changes) + 2


def test_a_workspace_glossary_is_part_of_the_key(tmp_path, user_cache, counted):
    from drafter.workspace import GLOSSARY_EXAMPLE

    path = _draft(tmp_path, text="深入开展四连四促活动。\n")
    own = tmp_path / "own"
    own.mkdir()
    (own / "本单位.yaml").write_text(GLOSSARY_EXAMPLE, encoding="utf-8")
    shipped, office = load_glossary(), load_glossary((str(own),))
    assert shipped.fingerprint != office.fingerprint
    plain = check_file(path, shipped, cache=True)
    theirs = check_file(path, office, cache=True)
    assert counted == [path, path]
    assert theirs == check_file(path, office) and plain == check_file(path, shipped)
    assert any(f.match == "四连四促" for f in theirs) and not any(f.match == "四连四促" for f in plain)


def test_a_glossary_made_by_hand_is_never_cached(tmp_path, user_cache, counted):
    path = _draft(tmp_path)
    check_file(path, Glossary(), cache=True)
    check_file(path, Glossary(), cache=True)
    assert len(counted) == 2 and not user_cache.exists()


def test_a_damaged_entry_is_checked_afresh_and_healed(tmp_path, user_cache, counted):
    path, glossary = _draft(tmp_path), load_glossary()
    first = check_file(path, glossary, cache=True)
    [entry] = user_cache.glob("*.pickle")
    for damage in (b"", b"\x80\x04not a pickle", __import__("pickle").dumps(["not a finding"])):
        entry.write_bytes(damage)
        assert check_file(path, glossary, cache=True) == first
    assert len(counted) == 4
    assert check_file(path, glossary, cache=True) == first and len(counted) == 4  # healed


@pytest.mark.parametrize("name", ["outline.yaml", "draft.pdf", "draft.doc"])
def test_outlines_and_converted_formats_are_not_kept(tmp_path, user_cache, name):
    (tmp_path / name).write_text("title: x\n", encoding="utf-8")
    assert cache.key(str(tmp_path / name), load_glossary()) is None


def test_the_environment_covers_the_rules_the_lists_and_the_segmenter():
    sources = cache.sources()
    names = {os.path.basename(p) for p in sources}
    assert {"typo_similar.py", "charsets.tsv", "levels.yaml"} <= names
    assert any(os.sep + "jieba" + os.sep in p for p in sources)
    assert not any("__pycache__" in p for p in sources)


def test_check_caches_by_default_and_no_cache_turns_it_off(tmp_path, user_cache):
    paths = [_draft(tmp_path, f"{i}.txt", TEXT + f"第{i}份。\n") for i in range(3)]
    runner = CliRunner()
    cold = runner.invoke(cli, ["check", "--no-cache", "--format", "json", *paths])
    assert not user_cache.exists()
    first = runner.invoke(cli, ["check", "--format", "json", *paths])
    assert len(list(user_cache.glob("*.pickle"))) == 3
    warm = runner.invoke(cli, ["check", "--format", "json", *paths])
    assert cold.exit_code == first.exit_code == warm.exit_code == 1
    assert json.loads(cold.output) == json.loads(first.output) == json.loads(warm.output)


def test_the_workspace_register_of_people_is_part_of_the_key(tmp_path, user_cache):
    from drafter.check.people import Register, Term

    path, glossary = _draft(tmp_path), load_glossary()
    one = Register("people.yaml", [Term(0, "张明", "县人大常委会主任", None, None, None)])
    other = Register("people.yaml", [Term(0, "张明", "县人大常委会副主任", None, None, None)])
    keys = {cache.key(path, glossary), cache.key(path, glossary, people=one), cache.key(path, glossary, people=other)}
    assert len(keys) == 3 and None not in keys
    assert cache.key(path, glossary, people=one) == cache.key(path, glossary, people=Register("people.yaml", list(one.terms)))
